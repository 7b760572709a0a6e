// The details webview's views in a DOM (happy-dom): what a keyboard or screen-reader user notices
// when a page is drawn, updated after a click, or replaced by a navigation.
import { window } from './dom';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex, type Marks } from '../../../src/core/progress';
import { buildPage, type PageContext } from '../../../src/core/pages';
import type { NodePage } from '../../../src/core/pageModel';
import type { WebviewMessage } from '../../../src/shared/protocol';
import { renderWebviewHtml } from '../../../src/vscode/html';
import { createApp, type App } from '../../../webview/app';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const evidence = new EvidenceIndex([]);
const page = (id: string, marks: Marks = {}) => buildPage({ index, evidence, marks, currency: 'GBP' } satisfies PageContext, id) as NodePage;

describe('details webview: rendering and focus', () => {
  let root: HTMLElement;
  let announcer: HTMLElement;
  let posted: WebviewMessage[];
  let app: App;

  beforeEach(() => {
    document.body.replaceChildren();
    root = document.createElement('main');
    announcer = document.createElement('div');
    announcer.setAttribute('role', 'status');
    document.body.append(root, announcer);
    posted = [];
    app = createApp(root, announcer, (m) => posted.push(m));
  });

  const markButton = (mark: string) => root.querySelector<HTMLElement>(`[data-mark="${mark}"]`)!;

  it('moves focus to the new page heading after a navigation, and says nothing in the live region', () => {
    app.show(page('stage-junior'));
    const link = [...root.querySelectorAll<HTMLElement>('.skills vscode-link')].find((l) => l.textContent === 'Linux in depth')!;
    link.focus();
    link.click();
    assert.deepEqual(posted.at(-1), { type: 'navigate', id: 'linux-fundamentals' });
    app.show(page('linux-fundamentals'));
    const heading = document.activeElement as HTMLElement;
    assert.equal(heading.tagName, 'H1');
    assert.equal(heading.textContent, 'Linux in depth');
    assert.equal(announcer.textContent, '');
  });

  it('keeps focus on the mark button a person pressed when the page comes back updated', () => {
    app.show(page('linux-fundamentals'));
    const done = markButton('done');
    done.focus();
    assert.equal(document.activeElement, done);
    done.click();
    assert.deepEqual(posted.at(-1), { type: 'setMark', skillId: 'linux-fundamentals', mark: 'done' });
    app.show(page('linux-fundamentals', { 'linux-fundamentals': { mark: 'done', updated: '2026-11-30T00:00:00Z' } }));
    assert.equal(markButton('done'), done, 'the same element, updated in place');
    assert.equal(document.activeElement, done);
    assert.equal(done.getAttribute('aria-pressed'), 'true');
  });

  it('says only what changed in the live region: the mark, not the page', () => {
    app.show(page('stage-junior'));
    app.show(page('stage-junior', { 'linux-fundamentals': { mark: 'done', updated: '2026-11-30T00:00:00Z' } }));
    assert.match(announcer.textContent ?? '', /^Linux in depth marked done\. \d+ of \d+ practiced, 1 done\.$/);
    app.show(page('stage-junior', { 'linux-fundamentals': { mark: 'done', updated: '2026-11-30T00:00:00Z' } }));
    assert.equal(announcer.textContent, '', 'a redraw with nothing new says nothing');
  });

  it('has no live region over the page itself: the panel HTML and the drawn page are not aria-live', () => {
    const html = renderWebviewHtml({ cspSource: 'https://x', scriptUri: 'https://x/w.js', styleUri: 'https://x/w.css', codiconsUri: 'https://x/c.css' });
    assert.doesNotMatch(html, /aria-live/);
    app.show(page('stage-junior'));
    assert.equal(root.querySelector('[aria-live]'), null);
  });

  it('names every button by a text that contains its visible label (axe label-content-name-mismatch)', () => {
    app.show(page('linux-fundamentals'));
    app.show(page('linux-fundamentals', { 'linux-fundamentals': { mark: 'skipped', note: 'later', updated: '2026-11-30T00:00:00Z' } }));
    const buttons = [...root.querySelectorAll('vscode-button')];
    assert.ok(buttons.length >= 4);
    for (const b of buttons) {
      const visible = (b.textContent ?? '').trim().toLowerCase();
      assert.ok((b.getAttribute('aria-label') ?? '').toLowerCase().includes(visible), `"${b.getAttribute('aria-label')}" does not contain "${visible}"`);
    }
  });

  it('draws status words as theme-coloured spans, not the toolkit badge and tag (their template has an inline style the policy refuses)', () => {
    app.show(page('linux-fundamentals', { 'linux-fundamentals': { mark: 'learning', updated: '2026-11-30T00:00:00Z' } }));
    assert.equal(root.querySelector('.skills .badge')?.textContent, 'learning');
    assert.equal(root.querySelectorAll('vscode-badge, vscode-tag').length, 0);
  });

  after(() => window.happyDOM.abort());
});
