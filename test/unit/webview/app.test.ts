// The details webview's views in a DOM (happy-dom): what a keyboard or screen-reader user notices
// when a page is drawn, updated after a click, or replaced by a navigation.
import { window } from './dom';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex, type Marks } from '../../../src/core/progress';
import { buildPage, buildProgressPage, type PageContext } from '../../../src/core/pages';
import { emptyProgress } from '../../../src/core/userState';
import type { NodePage } from '../../../src/core/pageModel';
import type { WebviewMessage } from '../../../src/shared/protocol';
import { renderWebviewHtml } from '../../../src/vscode/html';
import { createApp, type App } from '../../../webview/app';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const evidence = new EvidenceIndex([]);
const page = (id: string, marks: Marks = {}, more: Partial<PageContext> = {}) =>
  buildPage({ index, evidence, marks, currency: 'GBP', ...more } satisfies PageContext, id) as NodePage;
const progressPage = (marks: Marks = {}) => {
  const user = { ...emptyProgress(), currentStage: 'stage-junior', targetRole: 'site-reliability-engineering', marks };
  return buildProgressPage({ index, evidence, marks, currency: 'GBP', position: user }, user);
};
const scan = (technologies: { id: string; evidence: string[] }[]): EvidenceIndex =>
  new EvidenceIndex([
    {
      folder: 'app',
      result: { technologies: technologies.map((t) => ({ ...t, fileCount: t.evidence.length, fixtureOnly: false })), practices: [] },
    },
  ]);

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

  it('leaves focus alone for a page opened from the tree while the panel is in the background, and takes it for Alt+Left', () => {
    const hasFocus = document.hasFocus;
    document.hasFocus = () => false; // the panel is not focused: a person is in the Career Tree
    try {
      app.show(page('stage-junior'));
      app.show(page('stage-mid'));
      assert.notEqual(document.activeElement?.tagName, 'H1', 'the tree keeps focus');
      window.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, cancelable: true }));
      app.show(page('stage-junior'));
      assert.equal((document.activeElement as HTMLElement).textContent, 'Junior DevOps Engineer');
    } finally {
      document.hasFocus = hasFocus;
    }
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

  it('has Back and Forward buttons that follow the host history, and the mouse buttons 3 and 4 do the same', () => {
    app.show(page('stage-junior'));
    const back = () => root.querySelector<HTMLElement>('[data-testid="back"]')!;
    const forward = () => root.querySelector<HTMLElement>('[data-testid="forward"]')!;
    assert.ok(back().hasAttribute('disabled') && forward().hasAttribute('disabled'), 'nowhere to go at first');
    app.setHistory({ canGoBack: true, canGoForward: false });
    assert.ok(!back().hasAttribute('disabled'));
    assert.ok(forward().hasAttribute('disabled'));
    back().click();
    assert.deepEqual(posted.at(-1), { type: 'goBack' });
    window.dispatchEvent(new window.MouseEvent('mouseup', { button: 4 }));
    assert.deepEqual(posted.at(-1), { type: 'goForward' });
    window.dispatchEvent(new window.MouseEvent('mouseup', { button: 3 }));
    assert.deepEqual(posted.at(-1), { type: 'goBack' });
    window.dispatchEvent(new window.MouseEvent('mouseup', { button: 0 }));
    assert.deepEqual(posted.at(-1), { type: 'goBack' }, 'a left click is no history move');
    const altLeft = new window.KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, cancelable: true });
    window.dispatchEvent(altLeft);
    assert.ok(altLeft.defaultPrevented, "Alt+Left is the host's keybinding, not the browser tab's history");
  });

  it('shows the real number of files and makes "and N more" a link to all of them', () => {
    const files = Array.from({ length: 12 }, (_, i) => `charts/app${i}/Chart.yaml`);
    app.show(page('stage-junior', {}, { evidence: scan([{ id: 'terraform', evidence: files }]), evidenceCount: (s) => (s.id === 'terraform-proficiency' ? 165 : 0) }));
    const row = root.querySelector('li[data-skill-id="terraform-proficiency"]')!;
    assert.equal(row.querySelector('[data-testid="evidence-count"]')?.textContent, '165 files');
    assert.equal(row.querySelectorAll('.evidence li:not(.more)').length, 8);
    const more = row.querySelector<HTMLElement>('[data-testid="more-evidence"]')!;
    assert.equal(more.textContent, 'and 157 more');
    more.click();
    assert.deepEqual(posted.at(-1), { type: 'showAllEvidence', skillId: 'terraform-proficiency' });
  });

  it('links the certifications a stage names to their pages', () => {
    app.show(page('stage-junior'));
    const cka = [...root.querySelectorAll<HTMLElement>('[data-testid="block"] vscode-link')].find((l) => l.textContent === 'Certified Kubernetes Administrator (CKA)')!;
    cka.click();
    assert.deepEqual(posted.at(-1), { type: 'navigate', id: 'cka' });
  });

  it('My Progress: mark buttons on every missing skill, and "no file can show" said once per section', () => {
    const progress = progressPage();
    app.show(progress);
    const sections = [...root.querySelectorAll('[data-testid="gap"]')];
    assert.ok(sections.length >= 1);
    for (const [i, section] of sections.entries()) {
      const rows = section.querySelectorAll('ol.gaps > li');
      assert.equal(section.querySelectorAll('[data-mark="done"]').length, rows.length, 'a Done button on every row');
      const selfMarked = progress.gaps[i].missing.filter((m) => !m.detectable).length;
      assert.equal(section.querySelectorAll('[data-testid="mark-yourself"]').length, selfMarked > 0 ? 1 : 0);
      assert.ok(![...section.querySelectorAll('.hint')].some((h) => /^No file can show this skill/.test(h.textContent ?? '')), 'not repeated under each skill');
    }
    const first = sections[0].querySelector<HTMLElement>('ol.gaps > li [data-mark="learning"]')!;
    first.click();
    const skillId = first.closest<HTMLElement>('li')!.dataset.skillId!;
    assert.deepEqual(posted.at(-1), { type: 'setMark', skillId, mark: 'learning' });
  });

  it('My Progress: marking a skill done moves focus to the next missing skill, not to the page', () => {
    app.show(progressPage());
    const rows = [...root.querySelectorAll<HTMLElement>('[data-testid="gap"]')[0].querySelectorAll<HTMLElement>('ol.gaps > li')];
    const [first, second] = rows.map((r) => r.dataset.skillId!);
    rows[0].querySelector<HTMLElement>('[data-mark="done"]')!.focus();
    app.show(progressPage({ [first]: { mark: 'done', updated: '2026-11-30T00:00:00Z' } }));
    const focused = document.activeElement as HTMLElement;
    assert.equal(focused.getAttribute('data-mark'), 'done');
    assert.equal(focused.closest<HTMLElement>('li')?.dataset.skillId, second);
    assert.match(announcer.textContent ?? '', new RegExp(`is no longer missing`));
  });

  it('shows the page skeleton in the panel HTML until the first page, marked busy', () => {
    const html = renderWebviewHtml({ cspSource: 'https://x', scriptUri: 'https://x/w.js', styleUri: 'https://x/w.css', codiconsUri: 'https://x/c.css' });
    assert.match(html, /<main id="app" aria-busy="true"><div class="skeleton" aria-hidden="true">/);
  });

  after(() => window.happyDOM.abort());
});
