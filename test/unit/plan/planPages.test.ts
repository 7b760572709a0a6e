import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { readRoadmapFile } from '../../../src/core/roadmapFile';
import { EvidenceIndex } from '../../../src/core/progress';
import { buildPage, buildProgressPage, type PageContext } from '../../../src/core/pages';
import { emptyProgress } from '../../../src/core/userState';
import { buildJobPage, createAdvertMatcher, loadProjects, monthOf, noAdvert, repositoryFromScan, type PlanContext } from '../../../src/core/plan';
import type { NodePage, ProgressPage } from '../../../src/core/pageModel';
import type { ScanFindings } from '../../../src/core/detection';

const index = readRoadmapFile('data/roadmap.json');
const projects = loadProjects(JSON.parse(readFileSync('data/projects.json', 'utf8')));
const findings: ScanFindings = {
  technologies: [{ id: 'terraform', evidence: ['infra/main.tf'], fileCount: 1, fixtureOnly: false }],
  practices: [
    { id: 'terraform-modules', evidence: ['infra/main.tf'] },
    { id: 'terraform-remote-state', evidence: ['infra/backend.tf'] },
  ],
};
const evidence = new EvidenceIndex([{ folder: 'platform', result: findings }]);
const plan: PlanContext = { projects, repositories: [repositoryFromScan('/src/platform', 'platform', findings)], hoursPerWeek: 5, now: new Date('2026-12-01T00:00:00Z') };
const ctx: PageContext = { index, evidence, marks: {}, currency: 'GBP', plan };

describe('planning on the pages', () => {
  it('lists a stage’s projects, verified where a repository shows them, with the files', () => {
    const page = buildPage(ctx, 'stage-junior') as NodePage;
    const terraform = page.projects?.find((p) => p.id === 'project-terraform-module-remote-state');
    assert.equal(terraform?.status, 'verified');
    assert.equal(terraform?.statusText, 'Verified in platform (who wrote it is not known here).');
    assert.deepEqual(
      terraform?.evidence.map((e) => `${e.folder}/${e.path} (${e.what})`),
      ['platform/infra/main.tf (Terraform)', 'platform/infra/main.tf (Terraform modules)', 'platform/infra/backend.tf (Terraform remote state)'],
    );
    const docker = page.projects?.find((p) => p.id === 'project-container-build-scan');
    assert.equal(docker?.status, 'open');
    assert.equal(docker?.statusText, 'No repository shows it yet: it needs Docker, Multi-stage Docker builds and Container image scanning.');
    assert.equal(docker?.hours, '6–10 hours');
  });

  it('lists a specialisation’s projects and leaves them out without plan data', () => {
    assert.ok((buildPage(ctx, 'site-reliability-engineering') as NodePage).projects?.some((p) => p.id === 'project-slo-alerts-dashboards'));
    assert.equal((buildPage({ ...ctx, plan: undefined }, 'stage-junior') as NodePage).projects, undefined);
  });

  it('shows a certification’s official page and no links where none is confirmed', () => {
    assert.deepEqual((buildPage(ctx, 'terraform-associate') as NodePage).resources, [
      { title: 'HashiCorp: Terraform Associate certification', url: 'https://www.hashicorp.com/certification/terraform-associate/' },
    ]);
    assert.equal((buildPage(ctx, 'docker-certified-associate') as NodePage).resources, undefined);
  });

  it('recommends three projects, ranks certifications and paces the next stage on My Progress', () => {
    const user = { ...emptyProgress(), currentStage: 'stage-junior' };
    const page = buildProgressPage(ctx, user) as ProgressPage;
    assert.ok(page.plan);
    assert.equal(page.plan.projects.length, 3);
    assert.ok(page.plan.projects.every((p) => p.closes.length > 0 && p.status !== 'verified'));
    assert.equal(page.plan.certifications[0].cert.id, 'cka', 'Kubernetes and Helm are the Mid gaps two certifications cover');
    assert.match(page.plan.pacing?.step ?? '', /Junior.*→.*Mid/);
    assert.match(page.plan.pacing?.range ?? '', /^between \w+ 2027 and \w+ 202\d$/);
    assert.equal(page.plan.pacing?.assumptions.length, 4);
    assert.deepEqual(page.plan.notes, []);
  });

  it('says what to set when there is no position, and when pacing is off', () => {
    const none = buildProgressPage(ctx, emptyProgress()).plan;
    assert.deepEqual(none?.projects, []);
    assert.match(none?.notes.join(' ') ?? '', /Set your current stage or a target role/);
    const off = buildProgressPage({ ...ctx, plan: { ...plan, hoursPerWeek: 0 } }, { ...emptyProgress(), currentStage: 'stage-mid' }).plan;
    assert.equal(off?.pacing, undefined);
    assert.match(off?.notes.join(' ') ?? '', /Pacing is off/);
  });

  it('names months for the range', () => {
    assert.equal(monthOf('2027-03-14'), 'March 2027');
  });
});

describe('the job page', () => {
  const matcher = createAdvertMatcher(index);

  it('shows each requirement with its skills, status and evidence, and the lines not mapped', () => {
    const page = buildJobPage(index, matcher, '- Terraform modules\n- Kubernetes\n- Free fruit', evidence, {}, false);
    assert.deepEqual(page.counts, { evidenced: 1, marked: 0, missing: 1 });
    assert.deepEqual(page.requirements[0].skills[0].evidence, [
      { folder: 'platform', path: 'infra/main.tf' },
      { folder: 'platform', path: 'infra/backend.tf' },
    ]);
    assert.deepEqual(page.unmatched, ['Free fruit']);
    assert.equal(page.empty, undefined);
  });

  it('says how to get the comparison back after a reload', () => {
    assert.equal(buildJobPage(index, matcher, undefined, evidence, {}, false).empty, noAdvert());
  });
});
