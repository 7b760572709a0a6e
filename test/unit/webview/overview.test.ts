// The Overview and the salary chart in a DOM (happy-dom): what a keyboard or screen-reader user
// meets. happy-dom does no layout, so the viewport's size is given; the real sizes, fonts and pixels
// are checked in Chromium by test/e2e/ui/overview.mjs.
import { window } from './dom';
import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../../src/core/roadmapFile';
import { EvidenceIndex } from '../../../src/core/progress';
import { buildOverview, buildPage, type PageContext } from '../../../src/core/pages';
import type { NodePage } from '../../../src/core/pageModel';
import { renderOverview } from '../../../webview/views/overview';
import { salaryChart } from '../../../webview/views/chart';
import { layoutOverview } from '../../../webview/views/overviewLayout';

const index = readRoadmapFile('data/roadmap.json');
const ctx = (over: Partial<PageContext> = {}): PageContext => ({ index, evidence: new EvidenceIndex([]), marks: {}, currency: 'USD', ...over });

const press = (el: Element, key: string) => el.dispatchEvent(new window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }) as unknown as Event);
const scaleOf = (root: Element) => Number(/scale\(([\d.]+)\)/.exec(root.querySelector('.ov-world')!.getAttribute('transform') ?? '')?.[1]);
const translateOf = (root: Element) => (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(root.querySelector('.ov-world')!.getAttribute('transform') ?? '') ?? []).slice(1).map(Number);

describe('overview in a DOM: keyboard and names', () => {
  let opened: string[];
  let root: HTMLElement;
  const page = buildOverview(ctx({ position: { currentStage: 'stage-mid', targetRole: 'sre-staff' } }));

  beforeEach(async () => {
    document.body.replaceChildren();
    opened = [];
    root = renderOverview(page, (id) => opened.push(id));
    const viewport = root.querySelector<HTMLElement>('.ov-viewport')!;
    Object.defineProperty(viewport, 'clientWidth', { value: 900 });
    Object.defineProperty(viewport, 'clientHeight', { value: 600 });
    document.body.append(root);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  const boxes = () => [...root.querySelectorAll<SVGElement & HTMLElement>('[data-node-id]')];

  it('puts every box in the Tab order as a named button, in reading order', () => {
    assert.equal(boxes().length, page.nodes.length);
    for (const box of boxes()) {
      assert.equal(box.getAttribute('role'), 'button');
      assert.equal(box.getAttribute('tabindex'), '0');
      assert.equal(box.closest('[aria-hidden="true"]'), null, `${box.dataset.nodeId} is not hidden from assistive technology`);
      assert.match(box.getAttribute('aria-label')!, /skills practiced or done|no skill list/);
    }
    assert.deepEqual(
      boxes().map((b) => b.getAttribute('data-node-id')),
      layoutOverview(page.nodes).boxes.map((b) => b.id),
    );
    const picture = root.querySelector('svg.ov-picture')!;
    assert.ok(picture.getAttribute('aria-label'), 'the picture has a name');
  });

  it('names each box by what it shows first, then the rest in words (label-content-name-mismatch)', () => {
    for (const box of boxes()) {
      // As axe reads it: the text nodes run together, so each text must end in a space of its own.
      const shown = box.textContent!.replace(/\s+/g, ' ').trim();
      assert.ok(box.getAttribute('aria-label')!.startsWith(`${shown}. `), `${box.getAttribute('aria-label')} starts with "${shown}"`);
    }
  });

  it('names the current stage and the target in their boxes', () => {
    const label = (id: string) => root.querySelector(`[data-node-id="${id}"]`)!.getAttribute('aria-label')!;
    assert.match(label('stage-mid'), /^You are here DevOps Engineer \(Mid\) /);
    assert.match(label('site-reliability-engineering'), /^Target Site Reliability Engineering \(SRE\) .*your target: Staff SRE/);
    assert.deepEqual(
      [...root.querySelectorAll('[data-edge].on-path')].map((e) => e.getAttribute('data-edge')),
      ['stage-mid>stage-senior', 'stage-senior>site-reliability-engineering'],
    );
  });

  it('opens a box with Enter or Space, and shows its card on focus', () => {
    const [, second, third] = boxes();
    second.focus();
    const card = root.querySelector<HTMLElement>('.ov-card')!;
    assert.equal(card.hidden, false);
    assert.match(card.textContent!, /Salary: \$.*Experience: 2–4 years.*Progress: \d+ of \d+ skills/);
    press(second, 'Enter');
    press(third, ' ');
    assert.deepEqual(opened, [second.getAttribute('data-node-id'), third.getAttribute('data-node-id')]);
  });

  it('zooms with + and −, pans with the arrow keys, and Fit shows the whole tree', () => {
    const [first] = boxes();
    first.focus();
    const before = scaleOf(root);
    press(first, '+');
    assert.ok(scaleOf(root) > before, 'zoomed in');
    press(first, '-');
    press(first, '-');
    assert.ok(scaleOf(root) < before, 'zoomed out');
    const [x, y] = translateOf(root);
    press(first, 'ArrowLeft');
    press(first, 'ArrowUp');
    assert.deepEqual(translateOf(root), [x + 80, y + 80]);
    root.querySelector<HTMLElement>('[data-testid="overview-fit"]')!.click();
    const layout = layoutOverview(page.nodes, undefined, new Set(['stage-mid', 'site-reliability-engineering']));
    const scale = scaleOf(root);
    assert.ok(layout.width * scale <= 900 && layout.height * scale <= 600, 'the whole picture is in view');
    assert.equal(root.querySelector('.ov-zoom')!.textContent, `${Math.round(scale * 100)}%`);
  });

  it('labels a figure in the other currency where it is the only one (DevOps Engineer in GBP)', () => {
    const gbp = renderOverview(buildOverview(ctx({ currency: 'GBP' })), () => {});
    const box = gbp.querySelector('[data-node-id="devops-engineer"]')!;
    assert.match(box.textContent!, /\$110K–170K · US only/);
    assert.match(box.getAttribute('aria-label')!, /US figures only/);
    assert.match(gbp.querySelector('[data-node-id="stage-junior"]')!.textContent!, /£40K–55K /);
  });

  it('leaves Alt and Ctrl keys to the workbench', () => {
    const [first] = boxes();
    const before = root.querySelector('.ov-world')!.getAttribute('transform');
    first.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, bubbles: true }) as unknown as Event);
    assert.equal(root.querySelector('.ov-world')!.getAttribute('transform'), before);
  });
});

describe('salary chart in a DOM', () => {
  const chartOf = (id: string, currency: 'GBP' | 'USD') => (buildPage(ctx({ currency }), id) as NodePage).chart!;

  it('keeps everything focusable out of the image, in a table of figures with links', () => {
    const opened: string[] = [];
    const figure = salaryChart(chartOf('site-reliability-engineering', 'USD'), (id) => opened.push(id));
    document.body.replaceChildren(figure);
    const img = figure.querySelector('[role="img"]')!;
    assert.equal(img.querySelectorAll('[tabindex], button, a, [role="button"]').length, 0, 'nothing interactive inside role=img');
    const links = [...figure.querySelectorAll<HTMLButtonElement>('table button')];
    assert.deepEqual(
      links.map((b) => b.textContent),
      ['Junior DevOps Engineer', 'DevOps Engineer (Mid)', 'Senior DevOps Engineer', 'SRE', 'Senior SRE', 'Staff SRE', 'Head of Reliability'],
    );
    links[4].click();
    assert.deepEqual(opened, ['sre-senior']);
  });

  it('draws the ladder in pounds on an axis of its own, labelled UK figures only, in USD', () => {
    const figure = salaryChart(chartOf('site-reliability-engineering', 'USD'), () => {});
    assert.deepEqual(
      [...figure.querySelectorAll('[data-axis]')].map((a) => a.textContent),
      ['Salary in US dollars (USD)', 'Salary in pounds (GBP) · UK figures only'],
    );
    assert.equal(figure.querySelectorAll('.chart-row').length, 7, 'three trunk bars and four ladder bars');
    assert.match(figure.querySelector('figcaption')!.textContent!, /UK figures only/);
    assert.match(figure.querySelector('table')!.textContent!, /£90,000 – £110,000/);
  });

  it('a ladder level page in USD has its chart, the level current and not a link', () => {
    const figure = salaryChart(chartOf('sre-senior', 'USD'), () => {});
    assert.equal(figure.querySelectorAll('.chart-row').length, 4);
    assert.equal(figure.querySelector('table [aria-current]')!.textContent, 'Senior SRE');
    assert.match(figure.querySelector('figcaption')!.textContent!, /UK figures only/);
  });
});
