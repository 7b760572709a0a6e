// The pseudo-locale run (issue 17): every page kind, the Career Tree's own rows, the status bar, the
// hovers, the skills report and the promotion packet, drawn with a bundle in which every message is pseudo-localised ("Ƥřǿǿɠřḗḗşş"). The
// bundle is what `npm run l10n:export` and `generate-pseudo` make of the sources (@vscode/l10n-dev),
// and @vscode/l10n is the layer the core and the webview both read it through: a word written in a
// source without `l10n.t` stays English here and fails the test. What is shown as it is (the
// roadmap's and the projects' data, file names, numbers, currency codes, UTC) is taken out before looking.
// The shell's `vscode.l10n.t` texts need VS Code to run; shellL10n.test.ts reads them in the sources.
import './dom';
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson, getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { loadRoadmap } from '../../../src/core/roadmap';
import { EvidenceIndex, completion, type Marks } from '../../../src/core/progress';
import { buildOverview, buildPage, buildProgressPage, type PageContext } from '../../../src/core/pages';
import { emptyProgress } from '../../../src/core/userState';
import { buildJobPage, createAdvertMatcher, loadProjects, repositoryFromScan, type PlanContext } from '../../../src/core/plan';
import { Outline } from '../../../src/core/outline';
import { whatsNext } from '../../../src/core/insights';
import { statusLine } from '../../../src/core/statusLine';
import { completionInWords, levelHoverMarkdown, salaryDescription, stageHoverMarkdown } from '../../../src/core/treeText';
import { detectedViewDescription, fileCountText } from '../../../src/core/detectedView';
import { createSearch } from '../../../src/core/search';
import { emptyQuerySuggestions } from '../../../src/core/searchSuggestions';
import { categoryTitle, formatYears } from '../../../src/core/format';
import { TITLED_PRACTICES, practiceTitle, type ScanFindings } from '../../../src/core/detection';
import type { Page } from '../../../src/core/pageModel';
import type { Skill } from '../../../src/core/model';
import { PortfolioLevels } from '../../../src/core/portfolio/levels';
import { PORTFOLIO_NOW, infraRecord } from '../portfolio/fixtures';
import { findingRows, repositoryRow } from '../../../src/core/portfolio/rows';
import { promotionPacket } from '../../../src/core/portfolio/packet';
import { buildReport, reportToMarkdown } from '../../../src/core/report';
import { authorshipInWords, describeAuthorship } from '../../../src/git/wording';
import { createApp } from '../../../webview/app';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const roadmapJson: unknown = JSON.parse(readFileSync(path.join(ROOT, 'data', 'roadmap.json'), 'utf8'));
const projectsJson: unknown = JSON.parse(readFileSync(path.join(ROOT, 'data', 'projects.json'), 'utf8'));
const index = loadRoadmap(roadmapJson);

const ADVERT = '- Terraform and Kubernetes\n- Prometheus or Grafana\n- Free fruit on Fridays';
/** Shown as they are, never translated: what a repository or the user wrote, and codes. */
const AS_IS = [
  'git@example.com:me/infra.git',
  'me@example.com',
  '/src/infra',
  'main.tf',
  'Dockerfile',
  'infra',
  'infra/main.tf',
  'infra/modules/vpc/main.tf',
  'k8s/app.yaml',
  'platform',
  'my note',
  ...ADVERT.split('\n').map((l) => l.slice(2)),
  'Helm',
  'USD',
  'UTC',
  'GBP',
  'gone-skill',
  'gone',
];

/** Every string of the data files (titles, summaries, items, ids, URLs): content, not the UI's words. */
function dataStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => dataStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => dataStrings(v, into));
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every text a person reads or hears in `element`: text nodes, aria-labels and titles (SVG <title> included). */
function shownTexts(element: Element): string[] {
  // An Overview box's title is wrapped into lines of <text>; the box's accessible name has it whole.
  const texts = [element, ...element.querySelectorAll('*')].flatMap((e) => [
    e.getAttribute('aria-label'),
    e.getAttribute('title'),
    ...(e.closest('.ov-node') ? [] : [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)),
  ]);
  return texts.map((t) => (t ?? '').trim()).filter((t) => t.length > 0);
}

describe('pseudo-locale: every word a person sees goes through l10n', function () {
  this.timeout(120_000);
  let asIs: RegExp;
  const left = (texts: readonly string[]) =>
    [
      ...new Set(
        texts
          .map((t) => t.replace(/\(command:[^)]*\)|\$\([\w-]+\)/g, ' '))
          .map((t) => t.replace(asIs, ' '))
          .filter((t) => /[A-Za-z]{2,}/.test(t)),
      ),
    ].sort();

  before(async () => {
    const sources = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'webview'))].map((file) => ({
      extension: '.ts',
      contents: readFileSync(file, 'utf8'),
    }));
    const pseudo = getL10nPseudoLocalized(await getL10nJson(sources));
    assert.ok(Object.keys(pseudo).length > 300, `the sources have their words in l10n.t (${Object.keys(pseudo).length} messages)`);
    l10n.config({ contents: pseudo });
    // Longest first, so a title is taken out whole before a shorter title inside it.
    const shown = [...dataStrings(roadmapJson, new Set()), ...dataStrings(projectsJson, new Set()), ...AS_IS].filter((s) => s.trim().length > 1);
    const escaped = [...new Set(shown)].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Whole words only: "tf" (a data id) must not take a bite out of an English "Platform".
    asIs = new RegExp(`(?<![A-Za-z])(?:${escaped.join('|')})(?![A-Za-z])`, 'g');
  });
  after(() => l10n.config({ contents: {} }));

  const findings: ScanFindings = {
    technologies: [
      { id: 'terraform', evidence: ['infra/main.tf', 'infra/modules/vpc/main.tf'], fileCount: 12, fixtureOnly: false },
      { id: 'kubernetes', evidence: ['k8s/app.yaml'], fileCount: 1, fixtureOnly: true },
    ],
    practices: [{ id: 'terraform-modules', evidence: ['infra/modules/vpc/main.tf'] }],
  };
  const marks: Marks = {
    'linux-fundamentals': { mark: 'done', note: 'my note', updated: '2026-11-30T00:00:00Z' },
    'python-automation': { mark: 'learning', updated: '2026-11-30T00:00:00Z' },
  };
  const user = { ...emptyProgress(), currentStage: 'stage-junior', targetRole: 'site-reliability-engineering', marks };
  const context = (): PageContext => {
    const plan: PlanContext = {
      projects: loadProjects(projectsJson),
      repositories: [repositoryFromScan('/src/platform', 'platform', findings)],
      hoursPerWeek: 5,
      now: new Date('2026-12-01T00:00:00Z'),
    };
    return { index, evidence: new EvidenceIndex([{ folder: 'platform', result: findings }]), marks, currency: 'USD', position: user, multiRoot: true, plan };
  };

  /** One page of each kind, then the same page after a change (what the live region says). */
  function pages(): [Page, Page?][] {
    const ctx = context();
    const laddered = index.roadmap.branches.find((b) => b.ladder.length > 1)!;
    const track = index.roadmap.tracks[0];
    const terraformSkill = index.roadmap.skills.find((s) => s.evidence.technologies.includes('terraform'))!;
    const marked = { ...marks, [terraformSkill.id]: { mark: 'skipped' as const, updated: '2026-11-30T00:00:00Z' }, 'linux-fundamentals': { mark: 'done' as const } };
    const moved = { ...user, currentStage: 'stage-mid', targetRole: undefined };
    const matcher = createAdvertMatcher(index);
    return [
      [buildPage(ctx, 'stage-junior'), buildPage({ ...ctx, marks: marked, position: moved }, 'stage-junior')],
      [buildPage(ctx, 'stage-principal')],
      [buildPage(ctx, laddered.id), buildPage({ ...ctx, position: moved }, laddered.id)],
      [buildPage(ctx, laddered.ladder[1].id)],
      [buildPage(ctx, track.id)],
      [buildPage(ctx, track.levels[0].id)],
      [buildPage(ctx, terraformSkill.id), buildPage({ ...ctx, marks: marked }, terraformSkill.id)],
      [buildPage(ctx, 'linux-fundamentals')],
      [buildPage(ctx, index.roadmap.certifications[0].id)],
      [buildOverview(ctx)],
      [buildOverview({ ...ctx, position: {} })],
      [buildProgressPage(ctx, user), buildProgressPage({ ...ctx, marks: marked, position: moved }, { ...moved, marks: marked })],
      [buildProgressPage({ ...ctx, position: {} }, { ...emptyProgress(), orphaned: { 'gone-skill': { mark: 'done', note: 'my note' } } })],
      [buildJobPage(index, matcher, ADVERT, ctx.evidence, marks, true), buildJobPage(index, matcher, `${ADVERT}\n- Helm`, ctx.evidence, marks, true)],
      [buildJobPage(index, matcher, undefined, ctx.evidence, marks, true)],
      [buildJobPage(index, matcher, '', ctx.evidence, marks, true)],
      [{ page: 'missing', id: 'gone' }],
    ];
  }

  it('draws every page kind, its history bar and its announcements in the pseudo-locale', () => {
    document.body.replaceChildren();
    const root = document.createElement('main');
    const announcer = document.createElement('div');
    document.body.append(root, announcer);
    const app = createApp(root, announcer, () => undefined);
    app.setHistory({ canGoBack: true, canGoForward: true });
    const texts: string[] = [];
    const drawn = pages();
    for (const [page, changed] of drawn) {
      app.show(page);
      texts.push(...shownTexts(root));
      if (changed) {
        app.show(changed);
        texts.push(...shownTexts(root), announcer.textContent ?? '');
        assert.ok((announcer.textContent ?? '').trim(), `a change on ${page.page} ${'id' in page ? page.id : ''} is announced`);
      }
    }
    assert.ok(texts.length > 500, `${texts.length} texts drawn`);
    assert.deepEqual(left(texts), [], 'words drawn without l10n.t (still English in the pseudo-locale)');
  });

  it('with a portfolio: level badges and whys, the journey, My Portfolio rows and the promotion packet', () => {
    const now = PORTFOLIO_NOW;
    const record = infraRecord([{ id: 'kubernetes', evidence: ['k8s/app.yaml'], fileCount: 2, fixtureOnly: true }]);
    const levels = new PortfolioLevels([record], marks, { now, rustyMonths: 12 });
    const evidence = new EvidenceIndex([], levels);
    const ctx: PageContext = { index, evidence, marks, currency: 'GBP', position: user };
    document.body.replaceChildren();
    const root = document.createElement('main');
    document.body.append(root);
    const app = createApp(root, document.createElement('div'), () => undefined);
    const texts: string[] = [];
    const skillsShown = index.roadmap.skills.filter((s) => ['terraform', 'docker', 'kubernetes'].some((t) => s.evidence.technologies.includes(t)));
    for (const page of [buildProgressPage(ctx, user), buildPage(ctx, 'stage-junior'), ...skillsShown.map((s) => buildPage(ctx, s.id))]) {
      app.show(page);
      texts.push(...shownTexts(root));
    }
    const titleOf = (id: string) => index.titleOf(id) ?? practiceTitle(id) ?? id;
    for (const row of [repositoryRow(record, { onDisk: true, open: false }, titleOf), repositoryRow(record, { onDisk: false, open: false }, titleOf)])
      texts.push(row.description, row.tooltip);
    for (const row of findingRows(record, titleOf)) texts.push(row.label, row.description);
    // The packet line by line, so a failure names the line.
    texts.push(
      ...promotionPacket({ index, levels, evidence, marks, position: { currentStage: 'stage-junior' }, repositories: 1, now })
        .split('\n')
        .map((line) => line.replace(/[*_#|`]/g, ' ')),
    );
    assert.ok(
      texts.some((t) => t.includes('ǿǿ')),
      'pseudo-localised words are there',
    );
    assert.deepEqual(left(texts), [], 'words made without l10n.t (still English in the pseudo-locale)');
  });

  it("the Career Tree's own rows, hovers and badges, the status bar and the search's groups", () => {
    const ctx = context();
    const outline = new Outline(index.roadmap);
    const texts: string[] = [...outline.walk()].filter((n) => n.kind === 'group' || n.kind === 'section' || n.kind === 'item').map((n) => n.label);
    for (const position of [
      {},
      { currentStage: 'stage-junior' },
      user,
      { currentStage: 'stage-principal', targetRole: 'stage-principal' },
      { currentStage: 'stage-junior', targetRole: 'stage-mid' },
    ]) {
      const line = statusLine(whatsNext(index, ctx.evidence, marks, position));
      texts.push(line.text, line.tooltip, line.label, line.markdown);
    }
    const stages = index.stages;
    const done = completion(index.roadmap.skills.slice(0, 5) as Skill[], ctx.evidence, marks);
    for (const [i, stage] of stages.entries()) {
      texts.push(
        stageHoverMarkdown({ stage, stageCount: stages.length, completion: done, preferred: 'USD', isCurrent: i === 0, isTarget: i < 2 }),
        salaryDescription(stage.salary, 'USD') ?? '',
      );
    }
    for (const branch of index.roadmap.branches)
      for (const level of branch.ladder) texts.push(levelHoverMarkdown(level, branch.title, 'USD'), salaryDescription(level.salary, 'USD') ?? '');
    texts.push(completionInWords(done), completionInWords({ ...done, done: 0 }), completionInWords({ total: 0, practiced: 0, done: 0 } as typeof done));
    texts.push(detectedViewDescription('helm', 'files') ?? '', fileCountText(1, true), fileCountText(3));
    texts.push(...[...new Set(index.roadmap.skills.map((s) => s.category))].map(categoryTitle), ...TITLED_PRACTICES.map((id) => practiceTitle(id) ?? ''));
    // The skills report, line by line, with a mark the data no longer has.
    const progress = { ...user, orphaned: { 'gone-skill': { mark: 'done' as const, note: 'my note' } } };
    const report = buildReport({ index, evidence: ctx.evidence, progress, scans: [{ folder: 'platform', result: findings }], generatedAt: new Date(0), extensionVersion: '1.2.3' });
    texts.push(
      ...reportToMarkdown(report)
        .split('\n')
        .map((line) => line.replace(/[*_#|`\\]/g, ' ')),
    );
    texts.push(formatYears({ min: 2, max: 4, label: '2-4' }), formatYears({ min: 8, label: '8+' }));
    const search = createSearch(index);
    for (const group of emptyQuerySuggestions(search, user, ['stage-mid'])) texts.push(group.label, ...group.items.map((i) => i.reason));
    // Authorship in words, every age and count.
    const now = new Date('2026-11-30T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    for (const ms of [
      1_000,
      60_000,
      120_000,
      3_600_000,
      7_200_000,
      86_400_000,
      3 * 86_400_000,
      8 * 86_400_000,
      15 * 86_400_000,
      40 * 86_400_000,
      90 * 86_400_000,
      400 * 86_400_000,
      900 * 86_400_000,
    ]) {
      for (const entry of [
        { yourCommits: 1, totalCommits: 1, lastYours: ago(ms) },
        { yourCommits: 3, totalCommits: 20, lastYours: ago(ms) },
      ])
        texts.push(authorshipInWords(entry, now), describeAuthorship(entry, now));
    }
    for (const entry of [
      { yourCommits: 2, totalCommits: 2 },
      { yourCommits: 0, totalCommits: 3 },
      { yourCommits: 0, totalCommits: 1 },
      { yourCommits: 0, totalCommits: 0 },
    ])
      texts.push(authorshipInWords(entry, now), describeAuthorship(entry, now));
    // Each kind's line under a search result.
    const kinds = ['stage-junior', index.roadmap.branches[0].id, index.roadmap.tracks[0].id, 'linux-fundamentals', index.roadmap.certifications[0].id, index.roadmap.tools[0].id];
    texts.push(...kinds.map((id) => search.hitFor(id)?.detail ?? `no hit for ${id}`));
    assert.deepEqual(left(texts.map((t) => t.replace(/[*_[\]]/g, ' '))), [], 'words made without l10n.t (still English in the pseudo-locale)');
  });
});
