// My Progress's journey and the skills' level badges in a DOM (happy-dom): what a person reads, and
// what a keyboard or screen-reader user can reach.
import './dom';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { render } from 'lit-html';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex } from '../../../src/core/progress';
import { PortfolioLevels } from '../../../src/core/portfolio/levels';
import { recordScan } from '../../../src/core/portfolio/ledger';
import { buildPage, buildProgressPage } from '../../../src/core/pages';
import { emptyProgress } from '../../../src/core/userState';
import type { NodePage } from '../../../src/core/pageModel';
import { levelBadge, levelWhy, renderJourney } from '../../../webview/views/journey';
import { createApp } from '../../../webview/app';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const NOW = new Date('2026-11-30T12:00:00Z');

function levels(): PortfolioLevels {
  const file = (yours: number, first: string, last: string) => ({ yourCommits: yours, totalCommits: yours, firstYours: first, lastYours: last });
  const record = recordScan(undefined, {
    identity: '/src/infra',
    root: '/src/infra',
    name: 'infra',
    findings: {
      technologies: [
        { id: 'terraform', evidence: ['main.tf'], fileCount: 3, fixtureOnly: false },
        { id: 'docker', evidence: ['Dockerfile'], fileCount: 1, fixtureOnly: false },
      ],
      practices: [],
    },
    authored: { files: { 'main.tf': file(4, '2022-03-01T00:00:00Z', '2024-02-01T00:00:00Z'), Dockerfile: file(2, '2025-05-01T00:00:00Z', '2026-10-01T00:00:00Z') } },
    at: NOW,
  });
  return new PortfolioLevels([record], {}, { now: NOW, rustyMonths: 12 });
}

describe('webview: the journey and level badges', () => {
  let root: HTMLElement;
  let opened: string[];
  beforeEach(() => {
    document.body.replaceChildren();
    root = document.createElement('main');
    document.body.append(root);
    opened = [];
  });

  it('draws one row per skill you committed on, oldest first, rusty ones said in words', () => {
    const page = buildProgressPage({ index, evidence: new EvidenceIndex([], levels()), marks: {}, currency: 'GBP' }, emptyProgress());
    render(
      renderJourney(page.journey, (id) => opened.push(id)),
      root,
    );
    const rows = [...root.querySelectorAll<HTMLElement>('[data-testid="journey"] [role="button"]')];
    const labels = rows.map((r) => r.getAttribute('aria-label'));
    assert.ok(labels.length >= 2);
    assert.match(labels[0]!, /^[^:]+: practiced, first Mar 2022, last Feb 2024, rusty$/);
    assert.ok(
      labels.some((l) => /first May 2025, last Oct 2026$/.test(l!)),
      labels.join(' | '),
    );
    assert.match(root.textContent!, /Rusty: nothing of yours on it for 12 months or more\./);
    rows[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    assert.equal(opened.length, 1);
    assert.equal(opened[0], rows[0].getAttribute('data-skill-id'));
  });

  it('says how to get a journey when no commit of yours is known yet, and is absent without a portfolio', () => {
    const page = buildProgressPage({ index, evidence: new EvidenceIndex([], new PortfolioLevels([], {}, { now: NOW })), marks: {}, currency: 'GBP' }, emptyProgress());
    render(
      renderJourney(page.journey, () => undefined),
      root,
    );
    assert.match(root.textContent!, /Appears when git can tell which evidence you committed/);
    render(
      renderJourney(buildProgressPage({ index, evidence: new EvidenceIndex([]), marks: {}, currency: 'GBP' }, emptyProgress()).journey, () => undefined),
      root,
    );
    assert.equal(root.querySelector('[data-testid="journey"]'), null);
  });

  it("shows a skill's level and its why instead of a bare 'practiced'", () => {
    const page = buildPage({ index, evidence: new EvidenceIndex([], levels()), marks: {}, currency: 'GBP' }, 'terraform-proficiency') as NodePage;
    const level = page.skills[0].level;
    render(levelBadge(level), root);
    assert.equal(root.textContent!.replace(/\s+/g, ' ').trim(), 'practiced rusty');
    render(levelWhy(level), root);
    assert.equal(root.textContent, 'Practiced: Terraform in 1 repository, 4 of your commits, last in February 2024.');
  });

  it('the skill rows of a stage page and the gaps and journey of My Progress show the levels', () => {
    const announcer = document.createElement('div');
    document.body.append(announcer);
    const app = createApp(root, announcer, () => undefined);
    const ctx = { index, evidence: new EvidenceIndex([], levels()), marks: {}, currency: 'GBP' as const };
    app.show(buildPage(ctx, 'stage-junior'));
    const terraform = root.querySelector<HTMLElement>('li[data-skill-id="terraform-proficiency"]')!;
    assert.equal(terraform.querySelector('.badge')!.textContent, 'practiced');
    assert.equal(terraform.querySelector('.tag')!.textContent, 'rusty');
    assert.equal(terraform.querySelector('[data-testid="level-why"]')!.textContent, 'Practiced: Terraform in 1 repository, 4 of your commits, last in February 2024.');
    app.show(buildProgressPage({ ...ctx, position: {} }, emptyProgress()));
    assert.ok(root.querySelector('[data-testid="journey"] [role="button"][data-skill-id="terraform-proficiency"]'));
  });
});
