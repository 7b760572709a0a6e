import { strict as assert } from 'node:assert';
import type { Skill } from '../../../src/core/model';
import type { RepositoryRecord } from '../../../src/core/portfolio/ledger';
import { LEVEL_RULES, levelInputs, skillLevels, type SkillLevel } from '../../../src/core/portfolio/levels';
import type { Marks } from '../../../src/core/progress';

const NOW = new Date('2026-11-30T12:00:00Z');

const TERRAFORM: Skill = {
  id: 'terraform-proficiency',
  kind: 'skill',
  title: 'Terraform proficiency',
  summary: '',
  sources: [],
  category: 'iac',
  evidence: { technologies: ['terraform', 'terragrunt'], practices: ['terraform-modules', 'terraform-remote-state', 'terraform-workspaces'] },
  detectable: true,
} as Skill;

const DOCKER: Skill = { ...TERRAFORM, id: 'containers', title: 'Containers', evidence: { technologies: ['docker'], practices: [] } } as Skill;
const ONE_DEPTH: Skill = { ...TERRAFORM, id: 'helm', title: 'Helm', evidence: { technologies: ['helm'], practices: ['helm-chart-authoring'] } } as Skill;

const TITLES: Record<string, string> = {
  terraform: 'Terraform',
  terragrunt: 'Terragrunt',
  'terraform-modules': 'Terraform modules',
  'terraform-remote-state': 'Terraform remote state',
  docker: 'Docker',
  helm: 'Helm',
  'helm-chart-authoring': 'Helm chart authoring',
};

/** A file: [your commits, others' commits, your last commit] or null for "git not asked". */
type Auth = [number, number, string?];

interface RepoSpec {
  ids: Record<string, string[]>;
  fixture?: string[];
  /** By path; `null` for the whole repository: git never asked. */
  authored?: Record<string, Auth> | null;
}

let counter = 0;
function repo(spec: RepoSpec): RepositoryRecord {
  const n = ++counter;
  const at = '2026-11-01T00:00:00Z';
  const isPractice = (id: string) => id.includes('-');
  return {
    identity: `https://example.com/r${n}.git`,
    root: `/src/r${n}`,
    name: `r${n}`,
    firstSeen: at,
    scannedAt: at,
    technologies: Object.entries(spec.ids)
      .filter(([id]) => !isPractice(id))
      .map(([id, evidence]) => ({ id, evidence, fileCount: evidence.length, fixtureOnly: spec.fixture?.includes(id) ?? false, firstSeen: at, lastSeen: at })),
    practices: Object.entries(spec.ids)
      .filter(([id]) => isPractice(id))
      .map(([id, evidence]) => ({ id, evidence, firstSeen: at, lastSeen: at })),
    authored:
      spec.authored === null
        ? null
        : {
            readAt: at,
            email: 'me@example.com',
            files: Object.fromEntries(
              Object.entries(spec.authored ?? {}).map(([path, [yours, others, last]]) => [
                path,
                {
                  yourCommits: yours,
                  otherCommits: others,
                  lastYours: yours > 0 ? (last ?? '2026-03-10T00:00:00Z') : undefined,
                  firstYours: yours > 0 ? '2024-02-01T00:00:00Z' : undefined,
                },
              ]),
            ),
          },
  };
}

/** A repository where you wrote `commits` commits on main.tf, which shows Terraform and the given depth practices. */
function mine(commits: number, practices: string[] = [], last?: string): RepositoryRecord {
  return repo({ ids: { terraform: ['main.tf'], ...Object.fromEntries(practices.map((p) => [p, ['main.tf']])) }, authored: { 'main.tf': [commits, 1, last] } });
}

function level(skill: Skill, records: RepositoryRecord[], marks: Marks = {}, rustyMonths?: number): SkillLevel {
  return skillLevels([skill], records, marks, { now: NOW, rustyMonths, titleOf: (id) => TITLES[id] ?? id }).get(skill.id)!;
}

describe('portfolio depth levels', () => {
  it('none: no repository shows the skill', () => {
    const l = level(TERRAFORM, [repo({ ids: { docker: ['Dockerfile'] } })]);
    assert.equal(l.level, 'none');
    assert.equal(l.why, 'None: no repository in your portfolio shows it yet.');
  });

  it('aware: only in repositories where others wrote every commit on the evidence', () => {
    const l = level(TERRAFORM, [repo({ ids: { terraform: ['main.tf'] }, authored: { 'main.tf': [0, 7] } })]);
    assert.equal(l.level, 'aware');
    assert.equal(l.why, 'Aware: Terraform in 1 repository where others wrote every commit on it.');
    assert.deepEqual(l.facts.othersRepositories, ['/src/r' + counter]);
  });

  it('aware: only in test fixtures', () => {
    const l = level(TERRAFORM, [repo({ ids: { terraform: ['test/fixtures/main.tf'] }, fixture: ['terraform'], authored: null })]);
    assert.equal(l.level, 'aware');
    assert.equal(l.why, 'Aware: it shows only in test fixtures (1 repository).');
  });

  it('practiced: one commit of yours is enough, and the why names it', () => {
    const l = level(TERRAFORM, [mine(1)]);
    assert.equal(l.level, 'practiced');
    assert.equal(l.why, 'Practiced: Terraform in 1 repository, 1 of your commits, last in March 2026.');
  });

  it('practiced: authorship unknown (no git read) counts presence, as the workspace always did', () => {
    const l = level(TERRAFORM, [repo({ ids: { terraform: ['main.tf'], terragrunt: ['terragrunt.hcl'] }, authored: null }), repo({ ids: { terraform: ['x.tf'] }, authored: null })]);
    assert.equal(l.level, 'practiced');
    assert.equal(l.why, 'Practiced: Terraform and Terragrunt in 2 repositories; who wrote it is not known (git history not read).');
  });

  it('an authored repository counts more than one by others: it alone makes the level, and comes first', () => {
    const others = repo({ ids: { terraform: ['a.tf'] }, authored: { 'a.tf': [0, 30] } });
    const yours = mine(2);
    const l = level(TERRAFORM, [others, yours]);
    assert.equal(l.level, 'practiced');
    assert.deepEqual(l.facts.repositories, [yours.root, others.root]);
    assert.equal(l.facts.evidence[0].repository, yours.identity);
    assert.equal(level(TERRAFORM, [others]).level, 'aware');
  });

  describe('proficient boundary', () => {
    const { repositories, commits } = LEVEL_RULES.proficient;
    it(`${repositories} authored repositories, ${commits} of your commits and a depth practice: proficient`, () => {
      const l = level(TERRAFORM, [mine(5, ['terraform-modules']), mine(5)]);
      assert.equal(l.level, 'proficient');
      assert.equal(l.why, 'Proficient: Terraform modules in 2 repositories, 10 of your commits, last in March 2026.');
    });
    it(`one commit fewer (${commits - 1}): practiced`, () => {
      assert.equal(level(TERRAFORM, [mine(4, ['terraform-modules']), mine(5)]).level, 'practiced');
    });
    it('one repository fewer: practiced', () => {
      assert.equal(level(TERRAFORM, [mine(10, ['terraform-modules'])]).level, 'practiced');
    });
    it('no depth practice you wrote (only in a repository of others): practiced', () => {
      const othersModules = repo({ ids: { 'terraform-modules': ['mod/main.tf'], terraform: ['mod/main.tf'] }, authored: { 'mod/main.tf': [0, 3] } });
      assert.equal(level(TERRAFORM, [mine(5), mine(5), othersModules]).level, 'practiced');
    });
    it('a skill with no depth practices needs none', () => {
      const d = () => repo({ ids: { docker: ['Dockerfile'] }, authored: { Dockerfile: [5, 0] } });
      const l = level(DOCKER, [d(), d()]);
      assert.equal(l.level, 'proficient');
      assert.equal(l.why, 'Proficient: Docker in 2 repositories, 10 of your commits, last in March 2026.');
    });
  });

  describe('expert boundary', () => {
    const { commits } = LEVEL_RULES.expert;
    const depth = ['terraform-modules', 'terraform-remote-state'];
    it(`3 authored repositories, ${commits} of your commits, 2 depth practices, recent: expert`, () => {
      const l = level(TERRAFORM, [mine(20, depth), mine(20), mine(10)]);
      assert.equal(l.level, 'expert');
      assert.equal(l.why, 'Expert: Terraform modules and Terraform remote state in 3 repositories, 50 of your commits, last in March 2026.');
    });
    it(`${commits - 1} commits: proficient`, () => {
      assert.equal(level(TERRAFORM, [mine(20, depth), mine(20), mine(9)]).level, 'proficient');
    });
    it('2 repositories: proficient', () => {
      assert.equal(level(TERRAFORM, [mine(40, depth), mine(20)]).level, 'proficient');
    });
    it('one depth practice: proficient', () => {
      assert.equal(level(TERRAFORM, [mine(20, ['terraform-modules']), mine(20), mine(10)]).level, 'proficient');
    });
    it('a skill with one depth practice needs only that one', () => {
      const h = (c: number, p: string[] = []) =>
        repo({ ids: { helm: ['Chart.yaml'], ...Object.fromEntries(p.map((x) => [x, ['Chart.yaml']])) }, authored: { 'Chart.yaml': [c, 0] } });
      assert.equal(level(ONE_DEPTH, [h(20, ['helm-chart-authoring']), h(20), h(10)]).level, 'expert');
    });
    it('rusty (last commit of yours more than 12 months ago): proficient, flagged', () => {
      const old = '2025-11-29T00:00:00Z';
      const l = level(TERRAFORM, [mine(20, depth, old), mine(20, [], old), mine(10, [], old)]);
      assert.equal(l.level, 'proficient');
      assert.equal(l.rusty, true);
      assert.match(l.why, /last in November 2025\.$/);
    });
    it('exactly 12 months ago is not rusty yet; the setting moves the line', () => {
      const edge = '2025-11-30T12:00:00Z';
      assert.equal(level(TERRAFORM, [mine(20, depth, edge), mine(20, [], edge), mine(10, [], edge)]).rusty, false);
      assert.equal(level(TERRAFORM, [mine(20, depth, edge)], {}, 6).rusty, true);
      assert.equal(level(TERRAFORM, [mine(20, depth, edge)], {}, 24).rusty, false);
    });
  });

  describe('a "done" mark', () => {
    it('raises a skill with no evidence to practiced, as a claim', () => {
      const l = level(TERRAFORM, [], { 'terraform-proficiency': { mark: 'done' } });
      assert.equal(l.level, 'practiced');
      assert.equal(l.evidenceLevel, 'none');
      assert.equal(l.claim, true);
      assert.equal(l.why, 'Practiced (your claim): you marked it done; no repository shows it yet.');
    });
    it('raises aware to practiced and keeps the facts in the why', () => {
      const l = level(TERRAFORM, [repo({ ids: { terraform: ['main.tf'] }, authored: { 'main.tf': [0, 2] } })], { 'terraform-proficiency': { mark: 'done' } });
      assert.equal(l.level, 'practiced');
      assert.equal(l.why, 'Practiced (your claim): you marked it done; Terraform in 1 repository where others wrote every commit on it.');
    });
    it('never lowers a level the files earned, and is then no claim', () => {
      const l = level(TERRAFORM, [mine(5, ['terraform-modules']), mine(5)], { 'terraform-proficiency': { mark: 'done' } });
      assert.equal(l.level, 'proficient');
      assert.equal(l.claim, false);
    });
  });

  it("a file showing two of the skill's ids counts its commits once", () => {
    const l = level(TERRAFORM, [mine(7, ['terraform-modules', 'terraform-remote-state'])]);
    assert.equal(l.facts.yourCommits, 7);
  });

  it('a rescan that found the same things has the same inputs; a new commit of yours does not', () => {
    const before = mine(3, ['terraform-modules']);
    const rescanned = { ...before, scannedAt: '2026-11-30T00:00:00Z', technologies: before.technologies.map((t) => ({ ...t, lastSeen: '2026-11-30T00:00:00Z' })) };
    assert.equal(levelInputs([rescanned]), levelInputs([before]));
    const committed = { ...before, authored: { ...before.authored!, files: { 'main.tf': { ...before.authored!.files['main.tf'], yourCommits: 4 } } } };
    assert.notEqual(levelInputs([committed]), levelInputs([before]));
  });
});
