// The planning views in a DOM (happy-dom): what a person reads and can press on the job page, the
// projects of a stage and the plan on My Progress.
import './dom';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { render } from 'lit-html';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex } from '../../../src/core/progress';
import { buildPage, buildProgressPage } from '../../../src/core/pages';
import { emptyProgress } from '../../../src/core/userState';
import { buildJobPage, createAdvertMatcher, loadProjects, repositoryFromScan, type PlanContext } from '../../../src/core/plan';
import type { NodePage, ProgressPage } from '../../../src/core/pageModel';
import type { ScanFindings } from '../../../src/core/detection';
import { planSections, projectsSection, renderJob, resourcesSection, type PlanActions } from '../../../webview/views/plan';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const findings: ScanFindings = { technologies: [{ id: 'terraform', evidence: ['infra/main.tf'], fileCount: 1, fixtureOnly: false }], practices: [] };
const evidence = new EvidenceIndex([{ folder: 'platform', result: findings }]);
const plan: PlanContext = {
  projects: loadProjects(JSON.parse(readFileSync('data/projects.json', 'utf8'))),
  repositories: [repositoryFromScan('/src/platform', 'platform', findings)],
  hoursPerWeek: 5,
  now: new Date('2026-12-01T00:00:00Z'),
};

describe('planning views', () => {
  let root: HTMLElement;
  let calls: string[];
  const actions: PlanActions = {
    navigate: (id) => calls.push(`navigate:${id}`),
    overview: () => calls.push('overview'),
    openEvidence: (folder, path) => calls.push(`open:${folder}/${path}`),
    openLink: (url) => calls.push(`link:${url}`),
    editHoursPerWeek: () => calls.push('hours'),
    compareJobAdvert: () => calls.push('compare'),
  };
  const text = (selector: string) => [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

  beforeEach(() => {
    document.body.replaceChildren();
    root = document.createElement('main');
    document.body.append(root);
    calls = [];
  });

  it('the job page says each status in words, names the file, and lists the lines it could not map', () => {
    const page = buildJobPage(index, createAdvertMatcher(index), '- Terraform\n- Kubernetes\n- Free fruit on Fridays', evidence, {}, false);
    render(renderJob(page, actions), root);
    assert.deepEqual(text('[data-testid="requirement"] .requirement-status'), ['Evidenced', 'Missing']);
    assert.deepEqual(text('[data-testid="unmatched"] li'), ['Free fruit on Fridays']);
    const file = [...root.querySelectorAll<HTMLElement>('[data-testid="requirement"] vscode-link')].find((l) => l.textContent === 'platform/infra/main.tf');
    assert.ok(file, 'the evidence file is a link');
    file.click();
    assert.deepEqual(calls, ['open:platform/infra/main.tf']);
    root.querySelector<HTMLElement>('[data-testid="compare-again"]')!.click();
    assert.equal(calls.at(-1), 'compare');
  });

  it('the job page after a reload says how to compare again', () => {
    render(renderJob(buildJobPage(index, createAdvertMatcher(index), undefined, evidence, {}, false), actions), root);
    assert.match(text('[data-testid="job-empty"]')[0], /Compare with a Job Advert/);
    assert.equal(root.querySelectorAll('[data-testid="requirement"]').length, 0);
  });

  it('a stage lists its projects with their status in words', () => {
    const page = buildPage({ index, evidence, marks: {}, currency: 'GBP', plan }, 'stage-junior') as NodePage;
    render(projectsSection(page.projects, actions), root);
    const shell = root.querySelector('[data-project-id="project-shell-toolkit"]')!;
    assert.equal(shell.getAttribute('data-status'), 'open');
    assert.match(shell.querySelector('.project-head')!.textContent ?? '', /A task runner for one service\s+to do/);
    assert.match(shell.querySelector('[data-testid="project-status"]')!.textContent ?? '', /No repository shows it yet/);
  });

  it('a certification’s exam page opens through the host, which checks it', () => {
    const page = buildPage({ index, evidence, marks: {}, currency: 'GBP', plan }, 'terraform-associate') as NodePage;
    render(resourcesSection(page.resources, actions, true), root);
    root.querySelector<HTMLElement>('[data-testid="resource-link"]')!.click();
    assert.deepEqual(calls, ['link:https://www.hashicorp.com/certification/terraform-associate/']);
  });

  it('My Progress shows the pacing with its assumptions and a way to change the hours', () => {
    const page = buildProgressPage({ index, evidence, marks: {}, currency: 'GBP', plan }, { ...emptyProgress(), currentStage: 'stage-junior' }) as ProgressPage;
    render(planSections(page.plan, actions), root);
    assert.match(text('[data-testid="pacing"] strong')[0], /^between \w+ 2027 and \w+ 202\d$/);
    assert.equal(root.querySelectorAll('[data-testid="pacing"] .assumptions li').length, 4);
    assert.equal(root.querySelectorAll('[data-testid="recommended-projects"] > li').length, 3);
    root.querySelector<HTMLElement>('[data-testid="pacing"] vscode-button')!.click();
    assert.deepEqual(calls, ['hours']);
  });
});
