import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex, skillStatus } from '../../../src/core/progress';
import { PortfolioLevels } from '../../../src/core/portfolio/levels';
import { PORTFOLIO_NOW, infraRecord } from './fixtures';
import { buildPage, buildProgressPage } from '../../../src/core/pages';
import { gapsTo } from '../../../src/core/insights';
import { emptyProgress } from '../../../src/core/userState';
import type { NodePage } from '../../../src/core/pageModel';
import type { Skill } from '../../../src/core/model';
import { skillBadge } from '../../../src/core/portfolio/pageViews';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const NOW = PORTFOLIO_NOW;

/** One closed repository: Terraform with modules (yours), and Docker written by a colleague. */
function portfolio(marks = {}) {
  return new PortfolioLevels([infraRecord()], marks, { now: NOW, rustyMonths: 12 });
}

const skill = (id: string) => index.get(id) as Skill;

describe('levels in the pages, the gaps and the role fit', () => {
  // No folder is open: everything comes from the portfolio.
  const levels = portfolio();
  const evidence = new EvidenceIndex([], levels);
  const ctx = { index, evidence, marks: {}, currency: 'GBP' as const };

  it('a closed repository still makes its skill practiced, and the page says how deep and why', () => {
    assert.equal(skillStatus(skill('terraform-proficiency'), evidence, {}), 'practiced');
    const page = buildPage(ctx, 'terraform-proficiency') as NodePage;
    assert.deepEqual(page.skills[0].level, {
      level: 'practiced',
      why: 'Practiced: Terraform modules in 1 repository, 6 of your commits, last in June 2025.',
      claim: false,
      rusty: true,
    });
  });

  it("someone else's Dockerfile leaves Production Docker a gap, labelled aware", () => {
    assert.equal(skillStatus(skill('production-docker'), evidence, {}), 'not-started');
    const gaps = gapsTo(index, 'stage-junior', evidence, {});
    assert.ok(gaps?.missing.some((g) => g.skill.id === 'production-docker'));
    const page = buildProgressPage(ctx, { ...emptyProgress(), targetRole: 'stage-junior' });
    const docker = page.gaps[0].missing.find((m) => m.skill.id === 'production-docker');
    assert.equal(docker?.level?.level, 'aware');
    assert.match(docker!.level!.why, /^Aware: Docker in 1 repository where others wrote every commit on it\.$/);
  });

  it('the role fit names the level of each matched skill', () => {
    const page = buildProgressPage(ctx, emptyProgress());
    const cloud = page.fit.find((f) => f.role.id === 'cloud-engineer')!;
    assert.ok(cloud.matched.includes('Terraform proficiency (practiced)'), cloud.matched.join(', '));
  });

  it('the journey runs from your first to your last commit per skill, flagged rusty after the setting', () => {
    const journey = buildProgressPage(ctx, emptyProgress()).journey!;
    const terraform = journey.entries.find((e) => e.id === 'terraform-proficiency')!;
    assert.deepEqual(terraform, {
      id: 'terraform-proficiency',
      title: 'Terraform proficiency',
      level: 'practiced',
      first: '2023-04-02T00:00:00Z',
      last: '2025-06-01T00:00:00Z',
      rusty: true,
    });
    assert.ok(!journey.entries.some((e) => e.id === 'production-docker'), 'no commits of yours: not on your journey');
    assert.equal(journey.rustyMonths, 12);
  });

  it('without a portfolio, pages say nothing of levels and an open folder still makes a skill practiced', () => {
    const open = new EvidenceIndex([{ folder: 'app', result: { technologies: [{ id: 'docker', evidence: ['Dockerfile'], fileCount: 1, fixtureOnly: false }], practices: [] } }]);
    assert.equal(skillStatus(skill('production-docker'), open, {}), 'practiced');
    const page = buildPage({ ...ctx, evidence: open }, 'production-docker') as NodePage;
    assert.equal(page.skills[0].level, undefined);
    assert.equal(buildProgressPage({ ...ctx, evidence: open }, emptyProgress()).journey, undefined);
  });
});

describe('the Career Tree badge', () => {
  const level = (l: 'aware' | 'practiced' | 'proficient', rusty = false) => ({ level: l, why: '', claim: false, rusty });
  it('shows the level instead of "practiced", rusty when it is', () => {
    assert.equal(skillBadge('practiced', level('proficient')), 'proficient');
    assert.equal(skillBadge('practiced', level('proficient', true)), 'proficient · rusty');
    assert.equal(skillBadge('not-started', level('aware')), 'aware');
  });
  it('keeps the marks and the old word without a portfolio', () => {
    assert.equal(skillBadge('practiced', undefined), 'practiced');
    assert.equal(skillBadge('done', level('aware')), 'done');
    assert.equal(skillBadge('skipped', level('proficient')), 'skipped');
    assert.equal(skillBadge('not-started', undefined), '');
  });
});
