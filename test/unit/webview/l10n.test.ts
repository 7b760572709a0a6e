// The webview's words through @vscode/l10n, as a pseudo-locale shows them: the host embeds the bundle
// in the page (html.ts), the webview reads it before drawing (webview/l10n.ts), and a view's fixed
// words come out translated. The bundle is what `npm run l10n:export` and `generate-pseudo` make of
// the views' sources (@vscode/l10n-dev), so a word a view writes without `l10n.t` stays English
// in the pseudo-locale and fails here. Views are added to TRANSLATED as they are converted.
import './dom';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { getL10nJson, getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { render } from 'lit-html';
import { renderWebviewHtml } from '../../../src/vscode/html';
import { configureL10n } from '../../../webview/l10n';
import { levelBadge, renderJourney } from '../../../webview/views/journey';
import { salaryChart } from '../../../webview/views/chart';
import { markButtons } from '../../../webview/views/marks';

/** Views whose words all go through l10n.t. */
const TRANSLATED = ['webview/views/journey.ts', 'webview/views/chart.ts', 'webview/views/marks.ts'];

const journey = {
  entries: [
    { id: 'skill-terraform', title: 'Terraform proficiency', level: 'proficient' as const, first: '2024-03-01T00:00:00Z', last: '2026-10-01T00:00:00Z', rusty: false },
    { id: 'skill-docker', title: 'Production Docker', level: 'aware' as const, first: '2023-01-01T00:00:00Z', last: '2023-02-01T00:00:00Z', rusty: true },
  ],
  rustyMonths: 18,
  from: '2023-01-01T00:00:00Z',
  to: '2026-11-30T00:00:00Z',
};
/** Two currencies, a note and a role without a figure: every sentence the chart can say. */
const chart = {
  title: 'Salary across the trunk',
  series: [
    {
      label: 'Trunk',
      currency: 'USD' as const,
      points: [{ id: 'junior', label: 'Junior', min: 65_000, max: 90_000, openEnded: false, current: true }],
      missing: ['Staff'],
    },
    { label: 'SRE ladder', currency: 'GBP' as const, note: 'UK only', points: [{ id: 'sre-1', label: 'SRE I', min: 40_000, openEnded: true, current: false }], missing: [] },
  ],
};
/** What the views are given (data, shown as it is) and what they make of dates. */
const DATA =
  /Salary across the trunk|Trunk|Junior|Staff|SRE ladder|UK only|SRE I|Terraform proficiency|Production Docker|proficient|expert|aware|\b(Jan|Feb|Mar|Oct) \d{4}\b|\b\d{4}\b|\d+/g;

/** Every text a person reads or hears in `element`: text nodes, aria-labels and titles. */
function shownTexts(element: Element): string[] {
  const texts = [...element.querySelectorAll('*')].flatMap((e) => [
    e.getAttribute('aria-label'),
    e.getAttribute('title'),
    ...[...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent),
  ]);
  return texts.map((t) => (t ?? '').trim()).filter((t) => t.length > 0);
}

function draw(): Element {
  const host = document.createElement('div');
  render(
    [
      renderJourney(journey, () => undefined),
      renderJourney({ ...journey, entries: [] }, () => undefined),
      levelBadge({ level: 'expert', why: 'why', claim: true, rusty: true }),
      // Every mark pressed once and not, with and without a note.
      markButtons(
        { id: 'skill-terraform', title: 'Terraform proficiency', mark: 'done', note: 'x' },
        () => undefined,
        () => undefined,
      ),
      markButtons(
        { id: 'skill-docker', title: 'Production Docker', mark: 'learning' },
        () => undefined,
        () => undefined,
      ),
      markButtons({ id: 'skill-docker', title: 'Production Docker', mark: 'skipped' }, () => undefined),
    ],
    host,
  );
  host.append(salaryChart(chart, () => undefined));
  return host;
}

describe('webview words through @vscode/l10n (pseudo-locale)', () => {
  const before = document.documentElement.innerHTML;
  after(() => {
    l10n.config({ contents: {} });
    document.documentElement.innerHTML = before;
  });

  it('the bundle travels from the host in the page, and the views draw its words', async () => {
    const sources = TRANSLATED.map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') }));
    const pseudo = getL10nPseudoLocalized(await getL10nJson(sources));
    assert.ok(Object.keys(pseudo).length >= 5, 'the views have words to translate');
    const english = shownTexts(draw());
    assert.ok(
      english.some((t) => t.includes('Your DevOps journey')),
      'English before the bundle is read',
    );
    const page = renderWebviewHtml({
      cspSource: 'https://x',
      scriptUri: 'https://x/webview.js',
      styleUri: 'https://x/webview.css',
      codiconsUri: 'https://x/c.css',
      l10nBundle: pseudo,
    });
    document.documentElement.innerHTML = new DOMParser().parseFromString(page, 'text/html').documentElement.innerHTML;
    configureL10n(document);
    const pseudoTexts = shownTexts(draw());
    assert.ok(!pseudoTexts.some((t) => t.includes('Your DevOps journey')), 'the heading is translated');
    const left = pseudoTexts.map((t) => t.replace(DATA, '')).filter((t) => /[A-Za-z]{2,}/.test(t));
    assert.deepEqual(left, [], 'words drawn without l10n.t (still English in the pseudo-locale)');
  });

  it("the page is marked with the editor's display language, for screen readers", () => {
    const page = (language?: string) =>
      renderWebviewHtml({ cspSource: 'https://x', scriptUri: 'https://x/w.js', styleUri: 'https://x/w.css', codiconsUri: 'https://x/c.css', language });
    assert.match(page('de'), /<html lang="de">/);
    assert.match(page('"><script>'), /<html lang="&quot;>&lt;script>">/);
    assert.match(page(), /<html lang="en">/);
  });
});
