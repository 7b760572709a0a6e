import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Roadmap, Skill } from '../../src/core/model';
import { loadRoadmap, type RoadmapIndex } from '../../src/core/roadmap';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { GROUP_BRANCHES_ID, GROUP_IDS, GROUP_SKILLS_ID, GROUP_TRACKS_ID, GROUP_TRUNK_ID } from '../../src/core/outline';
import { PRACTICE_IDS, TECHNOLOGY_GROUPS, TECHNOLOGY_IDS, technologyGroup } from '../../src/scanner/ids';

const ROOT = join(__dirname, '..', '..');
const DATA_PATH = join(ROOT, 'data', 'roadmap.json');
const SCHEMA_PATH = join(ROOT, 'data', 'roadmap.schema.json');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const raw = (): Roadmap => JSON.parse(readFileSync(DATA_PATH, 'utf8')) as Roadmap;

/** Every (id, where) pair in the file, nested ones included. */
function allIds(data: Roadmap): { id: string; where: string }[] {
  const out: { id: string; where: string }[] = [];
  const add = (id: string, where: string) => out.push({ id, where });
  for (const s of data.stages) {
    add(s.id, 'stage');
    for (const sec of s.sections ?? []) add(sec.id, `section of ${s.id}`);
  }
  for (const b of data.branches) {
    add(b.id, 'branch');
    for (const l of b.ladder) add(l.id, `level of ${b.id}`);
    for (const sec of b.sections ?? []) add(sec.id, `section of ${b.id}`);
  }
  for (const t of data.tracks) {
    add(t.id, 'track');
    for (const l of t.levels) add(l.id, `level of ${t.id}`);
    for (const sec of t.sections ?? []) add(sec.id, `section of ${t.id}`);
  }
  for (const s of data.skills) add(s.id, 'skill');
  for (const t of data.tools) add(t.id, 'tool');
  for (const c of data.certifications) add(c.id, 'certification');
  for (const t of data.timelines) add(t.id, 'timeline');
  for (const a of data.accelerators) add(a.id, 'accelerator');
  for (const a of data.mistakes) add(a.id, 'mistake');
  for (const f of data.facts) add(f.id, 'fact');
  return out;
}

describe('roadmap data', () => {
  const data = raw();
  const ids = allIds(data);
  const idSet = new Set(ids.map((i) => i.id));
  const skillIds = new Set(data.skills.map((s) => s.id));
  const certIds = new Set(data.certifications.map((c) => c.id));
  const stageIds = new Set(data.stages.map((s) => s.id));
  const roleIds = new Set([...stageIds, ...data.branches.map((b) => b.id), ...data.tracks.map((t) => t.id)]);
  const practiceSet = new Set<string>(PRACTICE_IDS);
  const techSet = new Set<string>(TECHNOLOGY_IDS);

  it('validates against data/roadmap.schema.json (ajv, strict)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const ok = validate(data);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 10), null, 2));
  });

  it('the schema rejects unknown properties and non-kebab ids', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const extra = raw() as unknown as { stages: { [k: string]: unknown }[] };
    extra.stages[0].colour = 'blue';
    assert.equal(validate(extra), false);
    const badId = raw();
    badId.skills[0].id = 'Terraform_Skill';
    assert.equal(validate(badId), false);
    const missing = raw() as unknown as { branches: { [k: string]: unknown }[] };
    delete missing.branches[0].suits;
    assert.equal(validate(missing), false);
  });

  it("has unique kebab-case ids across the whole file, none equal to the tree's group ids", () => {
    const seen = new Map<string, string>();
    for (const { id, where } of ids) {
      assert.match(id, KEBAB, `${where} id "${id}" is not kebab-case`);
      assert.ok(!seen.has(id), `id "${id}" used by ${seen.get(id)} and ${where}`);
      seen.set(id, where);
    }
    for (const group of GROUP_IDS) assert.ok(!idSet.has(group), `${group} is reserved for the tree`);
  });

  it('has exactly one tool per spec technology, with the spec group, and no skill uses a bare spec id', () => {
    assert.deepEqual(data.tools.map((t) => t.id).sort(), [...TECHNOLOGY_IDS].sort());
    for (const t of data.tools) assert.equal(t.group, technologyGroup(t.id), `group of ${t.id}`);
    assert.deepEqual(Object.keys(TECHNOLOGY_GROUPS).sort(), [...new Set(data.tools.map((t) => t.group))].sort());
    for (const s of data.skills) {
      assert.ok(!techSet.has(s.id) && !practiceSet.has(s.id), `skill id ${s.id} collides with a spec id`);
    }
    for (const { id, where } of ids) {
      if (where !== 'tool') assert.ok(!practiceSet.has(id), `${where} id ${id} collides with a practice id`);
    }
  });

  it('links skills only to spec technology and practice ids', () => {
    for (const s of data.skills) {
      for (const t of s.evidence.technologies) assert.ok(techSet.has(t), `${s.id}: unknown technology ${t}`);
      for (const p of s.evidence.practices) assert.ok(practiceSet.has(p), `${s.id}: unknown practice ${p}`);
    }
  });

  it('links every spec technology and practice from at least one skill', () => {
    const linked = new Set(data.skills.flatMap((s) => [...s.evidence.technologies, ...s.evidence.practices]));
    const missing = [...TECHNOLOGY_IDS, ...PRACTICE_IDS].filter((id) => !linked.has(id));
    assert.deepEqual(missing, []);
  });

  it('marks detectability consistently and gives every detectable skill a hint', () => {
    for (const s of data.skills) {
      const n = s.evidence.technologies.length + s.evidence.practices.length;
      assert.equal(s.detectable, n > 0, `${s.id}: detectable must match evidence`);
      if (s.detectable) assert.ok(s.evidenceHint && s.evidenceHint.length > 10, `${s.id} needs an evidenceHint`);
      else assert.equal(s.evidenceHint, undefined, `${s.id}: a hint on an undetectable skill`);
    }
    const undetectable = data.skills.filter((s) => !s.detectable).map((s) => s.id);
    for (const id of ['communication', 'mentoring', 'incident-leadership']) assert.ok(undetectable.includes(id), id);
  });

  it('resolves every skill, certification, next, entry-stage, related and timeline reference', () => {
    const check = (from: string, list: readonly string[] | undefined, pool: Set<string>, what: string) => {
      for (const id of list ?? []) assert.ok(pool.has(id), `${from}: unknown ${what} "${id}"`);
    };
    for (const s of data.stages) {
      check(s.id, s.skills, skillIds, 'skill');
      check(s.id, s.certifications, certIds, 'certification');
      check(s.id, s.next, roleIds, 'next role');
    }
    for (const b of data.branches) {
      check(b.id, b.skills, skillIds, 'skill');
      check(b.id, b.certifications, certIds, 'certification');
      check(b.id, b.entryStages, stageIds, 'entry stage');
    }
    for (const t of data.tracks) {
      check(t.id, t.skills, skillIds, 'skill');
      check(t.id, t.certifications, certIds, 'certification');
      check(t.id, t.entryStages, stageIds, 'entry stage');
    }
    for (const c of data.certifications) check(c.id, c.skills, skillIds, 'skill');
    for (const f of data.facts) check(f.id, f.related, idSet, 'related id');
    for (const t of data.timelines) {
      for (const tr of t.transitions) {
        check(
          t.id,
          [tr.fromStage, tr.toStage].filter((x): x is string => !!x),
          stageIds,
          'stage',
        );
      }
    }
  });

  it('names a seed article for every record and uses each article title as printed', () => {
    const seedTitles = new Map(data.sources.map((s) => [s.file, s.title]));
    assert.equal(seedTitles.size, 5);
    const checkSources = (id: string, sources: { file: string; title: string }[] | undefined, required = true) => {
      if (required) assert.ok(sources && sources.length > 0, `${id} has no sources`);
      for (const s of sources ?? []) assert.equal(seedTitles.get(s.file), s.title, `${id}: source ${s.file}`);
    };
    for (const r of [...data.stages, ...data.branches, ...data.tracks, ...data.skills, ...data.certifications]) checkSources(r.id, r.sources);
    for (const r of [...data.timelines, ...data.accelerators, ...data.mistakes, ...data.facts]) checkSources(r.id, r.sources);
    for (const t of data.tools) checkSources(t.id, t.sources, false);
  });

  it('holds the five trunk stages, the four 001 branches, the 000 roles and the three tracks', () => {
    assert.deepEqual(
      data.stages.map((s) => [s.order, s.id]),
      [
        [1, 'stage-junior'],
        [2, 'stage-mid'],
        [3, 'stage-senior'],
        [4, 'stage-specialisation-lead'],
        [5, 'stage-staff-principal-architect'],
      ],
    );
    const branchIds = data.branches.map((b) => b.id);
    for (const id of [
      'site-reliability-engineering',
      'platform-engineering',
      'ai-ml-infrastructure-mlops',
      'cloud-security-devsecops',
      'devops-engineer',
      'cloud-engineer',
      'gitops-specialist',
    ]) {
      assert.ok(branchIds.includes(id), id);
    }
    assert.deepEqual(
      data.tracks.map((t) => t.id),
      ['track-ic', 'track-management', 'track-architecture'],
    );
    for (const t of data.tracks) {
      for (const l of t.levels) {
        assert.deepEqual(
          l.salary.map((s) => s.currency),
          ['GBP', 'USD'],
          `${l.id} needs UK and US ranges`,
        );
        assert.ok(l.scope, `${l.id} needs a scope`);
      }
    }
    const mlops = data.branches.find((b) => b.id === 'ai-ml-infrastructure-mlops');
    assert.deepEqual(mlops?.sections?.map((s) => s.id).slice(0, 3), ['mlops-what-transfers', 'mlops-what-to-add', 'mlops-first-projects']);
    const senior = data.stages.find((s) => s.id === 'stage-senior');
    for (const id of ['track-ic', 'track-management', 'track-architecture', 'site-reliability-engineering']) assert.ok(senior?.next.includes(id), id);
  });

  it('every skill sits under at least one stage or branch', () => {
    const owned = new Set([...data.stages.flatMap((s) => s.skills), ...data.branches.flatMap((b) => b.skills)]);
    assert.deepEqual(
      data.skills.filter((s) => !owned.has(s.id)).map((s) => s.id),
      [],
    );
  });
});

describe('roadmap index', () => {
  let index: RoadmapIndex;
  before(() => {
    index = readRoadmapFile(DATA_PATH);
  });

  it('rejects structurally wrong input with a clear Error', () => {
    assert.throws(() => loadRoadmap(null), /Invalid roadmap data: expected a JSON object/);
    assert.throws(() => loadRoadmap([]), /expected a JSON object/);
    assert.throws(() => loadRoadmap({ ...raw(), version: '1' }), /"version" must be a positive integer/);
    const noStages = raw() as unknown as { [k: string]: unknown };
    delete noStages.stages;
    assert.throws(() => loadRoadmap(noStages), /"stages" must be an array/);
    const dup = raw();
    dup.skills.push({ ...dup.skills[0] });
    assert.throws(() => loadRoadmap(dup), /duplicate id "linux-fundamentals"/);
    const badSkill = raw() as unknown as { skills: { evidence?: unknown }[] };
    delete badSkill.skills[0].evidence;
    assert.throws(() => loadRoadmap(badSkill), /needs evidence arrays/);
    assert.throws(() => readRoadmapFile(join(ROOT, 'data', 'no-such-file.json')), /Cannot read roadmap data/);
  });

  it('gets records and kinds by id', () => {
    assert.equal(index.kindOf('stage-junior'), 'stage');
    assert.equal(index.kindOf('site-reliability-engineering'), 'branch');
    assert.equal(index.kindOf('sre-senior'), 'level');
    assert.equal(index.kindOf('track-ic'), 'track');
    assert.equal(index.kindOf('terraform-proficiency'), 'skill');
    assert.equal(index.kindOf('terraform'), 'tool');
    assert.equal(index.kindOf('cka'), 'certification');
    assert.equal(index.kindOf('mlops-what-transfers'), 'section');
    assert.equal(index.kindOf('dora-change-failure-rate'), 'fact');
    assert.equal(index.kindOf(GROUP_TRUNK_ID), undefined, "the tree's groups are not records");
    assert.equal(index.kindOf('nope'), undefined);
    assert.equal(index.get('nope'), undefined);
    assert.equal(index.titleOf('sre-senior'), 'Senior SRE');
    assert.deepEqual(
      index.stages.map((s) => s.order),
      [1, 2, 3, 4, 5],
    );
    assert.equal(index.roadmap.version, 1);
    assert.equal(new Set(index.ids()).size, index.ids().length);
  });

  it('has one tree, the outline: groups → stages, branches, tracks → skills and levels', () => {
    const { outline } = index;
    assert.strictEqual(index.outline, outline, 'built once');
    assert.deepEqual(outline.roots, [GROUP_TRUNK_ID, GROUP_BRANCHES_ID, GROUP_TRACKS_ID, GROUP_SKILLS_ID]);
    assert.deepEqual(
      outline.children(GROUP_TRUNK_ID).map((n) => n.ref),
      index.stages.map((s) => s.id),
    );
    assert.deepEqual(
      outline.children('track-ic').map((n) => n.ref),
      ['ic-senior-engineer', 'ic-staff-engineer', 'ic-principal-engineer', 'ic-distinguished-engineer'],
    );
    assert.deepEqual(
      outline.children('site-reliability-engineering/ladder').map((n) => n.ref),
      ['sre-entry', 'sre-senior', 'sre-staff', 'sre-head'],
    );
    assert.equal(outline.placeOf('terraform-proficiency')?.parent, 'stage-junior/skills');
    assert.equal(outline.parent(GROUP_TRUNK_ID), undefined);
  });

  it('keeps parent and children consistent, and places every skill', () => {
    const { outline } = index;
    for (const node of outline.walk()) {
      for (const child of outline.children(node.id)) assert.equal(outline.parent(child.id)?.id, node.id);
    }
    // A skill shared by a stage and a branch belongs to the earliest stage, and shows under both.
    assert.equal(outline.breadcrumb('kubernetes-in-production').at(-1), 'stage-mid');
    assert.ok(outline.get('site-reliability-engineering/skills/kubernetes-in-production'));
    for (const s of index.roadmap.skills) assert.ok(outline.placeOf(s.id), `${s.id} has no row`);
  });

  it('gives each record its breadcrumb: the records above its first row, top first', () => {
    const { outline } = index;
    assert.deepEqual(outline.breadcrumb('terraform-proficiency'), ['stage-junior']);
    assert.deepEqual(outline.breadcrumb('sre-senior'), ['site-reliability-engineering']);
    assert.deepEqual(outline.breadcrumb('mgmt-cto'), ['track-management']);
    assert.deepEqual(outline.breadcrumb('platform-product-thinking'), ['platform-engineering']);
    assert.deepEqual(outline.breadcrumb('stage-junior'), []);
    assert.deepEqual(outline.breadcrumb('terraform'), [], 'a tool has no row');
    assert.deepEqual(outline.breadcrumb('nope'), []);
    for (const id of index.ids()) {
      const crumbs = outline.breadcrumb(id);
      for (const crumb of crumbs) assert.ok(index.get(crumb), `${id}: ${crumb} is a record`);
      if (crumbs.length > 0) assert.equal(outline.breadcrumb(crumbs.at(-1)!).length, crumbs.length - 1, `${id}: the crumbs form one path`);
    }
  });

  it('follows the trunk with nextStages and lists the options at the decision point', () => {
    assert.deepEqual(
      index.nextStages('stage-junior').map((s) => s.id),
      ['stage-mid'],
    );
    assert.deepEqual(
      index.nextStages('stage-senior').map((s) => s.id),
      ['stage-specialisation-lead'],
    );
    assert.deepEqual(index.nextStages('stage-staff-principal-architect'), []);
    assert.deepEqual(index.nextStages('site-reliability-engineering'), []);
    const options = index.nextOptions('stage-senior').map((o) => o.kind);
    assert.ok(options.includes('branch') && options.includes('track') && options.includes('stage'));
    // Walking `next` from Junior reaches every stage once, in order.
    const walk: string[] = [];
    for (let s = index.stages[0]; s; s = index.nextStages(s.id)[0]) walk.push(s.id);
    assert.deepEqual(
      walk,
      index.stages.map((s) => s.id),
    );
  });

  it('answers "which roles use Terraform?" sensibly', () => {
    const roles = index.rolesUsing('terraform');
    assert.ok(roles.length >= 3);
    const ids = roles.map((r) => r.id);
    for (const id of ['stage-junior', 'cloud-engineer', 'devops-engineer', 'ai-ml-infrastructure-mlops']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.includes('cloud-security-devsecops'));
    assert.equal(roles[0].id, 'cloud-engineer', 'the role with two Terraform skills ranks first');
    for (const r of roles) {
      assert.ok(r.skills.length > 0);
      for (const s of r.skills) assert.ok((index.get(s) as Skill).evidence.technologies.includes('terraform'));
    }
    for (let i = 1; i < roles.length; i++) assert.ok(roles[i - 1].score >= roles[i].score, 'ranked by score');
    assert.deepEqual(
      index
        .rolesUsing('k8s-network-policy')
        .map((r) => r.id)
        .includes('cloud-security-devsecops'),
      true,
    );
    assert.deepEqual(index.rolesUsing('not-an-id'), []);
  });

  it('finds skills for evidence ids, nodes and ladder levels', () => {
    assert.deepEqual(
      index.skillsForEvidence('terraform').map((s) => s.id),
      ['terraform-proficiency', 'advanced-terraform'],
    );
    assert.ok(index.skillsForEvidence('slo-definitions').some((s) => s.id === 'slo-error-budgets'));
    assert.deepEqual(
      index.skillsOf('terraform').map((s) => s.id),
      ['terraform-proficiency', 'advanced-terraform'],
    );
    assert.deepEqual(
      index.skillsOf('stage-junior').map((s) => s.id),
      index.stages[0].skills,
    );
    assert.deepEqual(index.skillsOf('sre-senior'), index.skillsOf('site-reliability-engineering'));
    assert.deepEqual(
      index.skillsOf('cka').map((s) => s.id),
      ['kubernetes-in-production', 'helm-charts'],
    );
    assert.ok(index.skillsOf('track-architecture').some((s) => s.id === 'cloud-architecture'));
    assert.deepEqual(index.skillsOf('nope'), []);
  });

  it('knows the owner of each ladder level and the roles listing a skill or certification', () => {
    assert.equal(index.levelOwner('sre-head')?.id, 'site-reliability-engineering');
    assert.equal(index.levelOwner('arch-chief-architect')?.id, 'track-architecture');
    assert.equal(index.levelOwner('stage-junior'), undefined);
    assert.deepEqual(index.rolesNeedingSkill('terraform-proficiency').slice(0, 1), ['stage-junior']);
    assert.ok(index.rolesNeedingSkill('communication').includes('track-ic'));
    assert.ok(index.rolesWithCertification('cka').includes('stage-junior'));
    assert.ok(index.rolesWithCertification('cka').includes('site-reliability-engineering'));
  });
});
