import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { readRoadmapFile } from '../../../src/core/roadmapFile';
import { EvidenceIndex } from '../../../src/core/progress';
import { whatsNext } from '../../../src/core/insights';
import { estimatePace, loadProjects, openGapIds, parseMonths, planCertifications, HOURS_PER_UNPROJECTED_SKILL, type Project } from '../../../src/core/plan';

const index = readRoadmapFile('data/roadmap.json');
const projects = loadProjects(JSON.parse(readFileSync('data/projects.json', 'utf8')));

describe('certification planner', () => {
  it('ranks certifications by how many open gaps they cover, best first, leaving out those that cover none', () => {
    const plans = planCertifications(index, new Set(['kubernetes-in-production', 'helm-charts', 'terraform-proficiency']));
    assert.deepEqual(
      plans.slice(0, 2).map((p) => [p.id, p.covers.length]),
      [
        ['cka', 2],
        ['ckad', 2],
      ],
    );
    assert.ok(plans.every((p, i) => p.covers.length > 0 && (i === 0 || p.covers.length <= plans[i - 1].covers.length)));
    assert.ok(!plans.some((p) => p.id === 'comptia-security-plus'));
  });

  it('breaks a tie in favour of the certification the articles place at an earlier stage', () => {
    const plans = planCertifications(index, new Set(['terraform-proficiency']));
    assert.deepEqual(
      plans.map((p) => p.id),
      ['terraform-associate', 'terraform-professional'],
    );
    assert.deepEqual(
      plans[0].suggestedAt.map((s) => s.id),
      ['stage-junior', 'stage-mid'],
    );
    assert.deepEqual(
      plans[1].suggestedAt.map((s) => s.id),
      ['stage-senior'],
    );
  });

  it('links the official exam page where one is confirmed, and none where it is not', () => {
    const plans = planCertifications(index, new Set(['terraform-proficiency']));
    assert.equal(plans[0].examPage?.url, 'https://www.hashicorp.com/certification/terraform-associate/');
    assert.equal(plans[1].examPage?.url, 'https://developer.hashicorp.com/certifications/infrastructure-automation');
    const docker = planCertifications(index, new Set(['production-docker'])).find((p) => p.id === 'docker-certified-associate');
    assert.ok(docker, 'a production-docker gap brings up the Docker certification');
    assert.equal(docker.examPage, undefined);
  });

  it('falls back to the roles that list a certification no stage lists', () => {
    const security = planCertifications(index, new Set(['security-fundamentals'])).find((p) => p.id === 'comptia-security-plus');
    assert.deepEqual(security?.suggestedAt.map((s) => s.kind).sort(), ['branch', 'branch']);
  });
});

describe('open gaps', () => {
  it('are the skills missing for the next stage and the target, without skipped ones', () => {
    const next = whatsNext(index, EvidenceIndex.empty, { 'linux-fundamentals': { mark: 'skipped' } }, { currentStage: 'stage-junior', targetRole: 'gitops-specialist' });
    const gaps = openGapIds(next);
    assert.ok(gaps.has('kubernetes-in-production'), 'missing for both');
    assert.ok(gaps.has('gitops-workflows'), 'missing for the target');
    assert.ok(!gaps.has('linux-fundamentals'), 'skipped');
    assert.equal(openGapIds(whatsNext(index, EvidenceIndex.empty, {}, {})).size, 0);
  });
});

describe('pacing', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  /** One project building two skills in 20–40 hours: 10–20 hours each. */
  const twoSkillProject: Project = {
    id: 'project-x',
    title: 'X',
    summary: 'x',
    stages: ['stage-mid'],
    branches: [],
    skills: ['kubernetes-in-production', 'helm-charts'],
    hours: { min: 20, max: 40 },
    steps: ['a', 'b', 'c'],
    requires: { technologies: ['kubernetes'], practices: [] },
  };

  it('parses the articles’ month ranges', () => {
    assert.deepEqual(parseMonths('18-24 months'), { min: 18, max: 24 });
    assert.deepEqual(parseMonths('12 months'), { min: 12, max: 12 });
    assert.equal(parseMonths('a while'), undefined);
    assert.equal(parseMonths('24-12 months'), undefined);
  });

  it('takes the articles’ timeline scaled by the share of skills still open when that is longer than the practice', () => {
    const pace = estimatePace(index, [twoSkillProject], {
      fromStageId: 'stage-junior',
      toStageId: 'stage-mid',
      open: ['kubernetes-in-production', 'helm-charts'],
      total: 11,
      hoursPerWeek: 5,
      now,
    });
    assert.ok(pace);
    assert.deepEqual(pace.practiceHours, { min: 20, max: 40 });
    assert.deepEqual(pace.practiceWeeks, { min: 4, max: 8 });
    // 2 of 11 open: 12 accelerated months × 2/11 = 2.18 months ≈ 66 days; 24 typical × 2/11 = 4.36 months ≈ 133 days.
    assert.deepEqual(pace.days, { min: 66, max: 133 });
    assert.equal(pace.earliest, '2027-02-05');
    assert.equal(pace.latest, '2027-04-13');
    assert.match(pace.assumptions[0], /18-24 months for Entry → Mid \(12-15 months when accelerated\)/);
    assert.match(pace.assumptions[1], /2 of 11 skills/);
    assert.match(pace.assumptions[2], /At 5 hours a week.*20–40 hours.*4–8 weeks/);
  });

  it('takes the practice time when fewer hours a week make it the longer', () => {
    const pace = estimatePace(index, [twoSkillProject], {
      fromStageId: 'stage-junior',
      toStageId: 'stage-mid',
      open: ['kubernetes-in-production', 'helm-charts'],
      total: 11,
      hoursPerWeek: 1,
      now,
    });
    assert.deepEqual(pace?.practiceWeeks, { min: 20, max: 40 });
    assert.deepEqual(pace?.days, { min: 140, max: 280 });
  });

  it('counts a fixed number of hours for a skill no project builds, and says so', () => {
    const pace = estimatePace(index, [], { fromStageId: 'stage-mid', toStageId: 'stage-senior', open: ['communication'], total: 6, hoursPerWeek: 10, now });
    assert.deepEqual(pace?.practiceHours, HOURS_PER_UNPROJECTED_SKILL);
    assert.match(pace?.assumptions[2] ?? '', /10–20 hours for each of the 1 no project builds/);
  });

  it('has nothing to say without a pace or a known stage', () => {
    const input = { fromStageId: 'stage-junior', toStageId: 'stage-mid', open: [], total: 8, hoursPerWeek: 0, now };
    assert.equal(estimatePace(index, projects, input), undefined);
    assert.equal(estimatePace(index, projects, { ...input, hoursPerWeek: 5, toStageId: 'nowhere' }), undefined);
  });

  it('needs no time when nothing is open', () => {
    const pace = estimatePace(index, projects, { fromStageId: 'stage-junior', toStageId: 'stage-mid', open: [], total: 8, hoursPerWeek: 5, now });
    assert.deepEqual(pace?.days, { min: 0, max: 0 });
    assert.equal(pace?.earliest, '2026-12-01');
  });
});
