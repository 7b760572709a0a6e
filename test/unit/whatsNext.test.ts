/**
 * "What's next" is computed once (core/insights.ts `whatsNext`) and shown three times: My Progress,
 * the skills report (JSON and Markdown) and the status bar. They must agree for every position.
 */

import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { EvidenceIndex } from '../../src/core/progress';
import { buildProgressPage } from '../../src/core/pages';
import { buildReport, reportToMarkdown, type ReportGaps } from '../../src/core/report';
import { percentDone, whatsNext } from '../../src/core/insights';
import { statusLine } from '../../src/core/statusLine';
import { emptyProgress, type UserProgress } from '../../src/core/userState';
import type { GapView } from '../../src/core/pageModel';
import type { ScanResult } from '../../src/scanner/types';

const index = readRoadmapFile('data/roadmap.json');
const scan: ScanResult = {
  root: '/r',
  filesSeen: 3,
  filesRead: 3,
  bytesRead: 3,
  durationMs: 1,
  truncated: false,
  skipped: [],
  technologies: [
    { id: 'terraform', evidence: ['infra/main.tf'], fileCount: 1, fixtureOnly: false },
    { id: 'docker', evidence: ['Dockerfile'], fileCount: 1, fixtureOnly: false },
    { id: 'github-actions', evidence: ['.github/workflows/ci.yml'], fileCount: 1, fixtureOnly: false },
  ],
  practices: [],
};
const scans = [{ folder: 'app', result: scan }];
const evidence = new EvidenceIndex(scans);
const top = index.stages[index.stages.length - 1];

function user(currentStage: string | undefined, targetRole: string | undefined): UserProgress {
  const marks = emptyProgress().marks;
  marks['kubernetes-in-production'] = { mark: 'learning' };
  marks['linux-fundamentals'] = { mark: 'done' };
  marks['cost-optimisation'] = { mark: 'skipped' };
  return { ...emptyProgress(), marks, currentStage, targetRole };
}

const POSITIONS: [string | undefined, string | undefined][] = [
  ['stage-junior', undefined],
  ['stage-junior', 'stage-mid'], // the target is the next stage
  ['stage-junior', 'site-reliability-engineering'], // three skills in common with the next stage
  ['stage-junior', 'track-architecture'],
  ['stage-mid', 'sre-senior'], // a ladder level: its branch's skills
  ['stage-senior', 'platform-engineering'],
  ['stage-specialisation-lead', 'track-ic'],
  [top.id, 'track-architecture'], // no next stage: the target leads
  [top.id, undefined],
  [undefined, 'site-reliability-engineering'],
  [undefined, undefined],
  ['stage-junior', 'no-such-role'], // a target that left the data
  ['stage-gone', 'site-reliability-engineering'], // a stage that left the data
];

function ids(list: readonly { id: string }[] | undefined): string[] {
  return (list ?? []).map((s) => s.id);
}

/** The gaps of the report in page order, with the list each one names. */
function reportSteps(gaps: { nextStage?: ReportGaps; target?: ReportGaps }): ReportGaps[] {
  return [gaps.nextStage, gaps.target].filter((g): g is ReportGaps => g !== undefined);
}

function sameStep(page: GapView, report: ReportGaps, what: string): void {
  assert.equal(page.to.id, report.to.id, what);
  assert.equal(page.have, report.have, `${what}: have`);
  assert.equal(page.total, report.total, `${what}: total`);
  assert.deepEqual(
    page.missing.map((m) => m.skill.id),
    report.missing.map((m) => m.skillId),
    `${what}: missing, in the same order`,
  );
  assert.deepEqual(ids(page.listedAbove), ids(report.listedUnderNextStage), `${what}: listed above`);
  assert.equal(page.have + page.missing.length + page.listedAbove.length, page.total, `${what}: every skill accounted for once`);
}

describe("what's next: My Progress, the report and the status bar agree", () => {
  for (const [currentStage, targetRole] of POSITIONS) {
    const what = `${currentStage ?? 'no stage'} → ${targetRole ?? 'no target'}`;
    it(what, () => {
      const progress = user(currentStage, targetRole);
      const page = buildProgressPage({ index, evidence, marks: progress.marks, currency: 'GBP', position: progress }, progress);
      const report = buildReport({ index, evidence, progress, scans, generatedAt: new Date('2024-06-30T12:00:00Z'), extensionVersion: '0.0.0' });
      const next = whatsNext(index, evidence, progress.marks, progress);
      const status = statusLine(next);

      // The same steps, in the same order, with the same figures and lists.
      const steps = reportSteps(report.gaps);
      assert.deepEqual(
        page.gaps.map((g) => g.to.id),
        steps.map((s) => s.to.id),
      );
      page.gaps.forEach((g, i) => sameStep(g, steps[i], `${what}, ${g.title}`));

      // Both the next stage and the target are shown when both are set…
      const knownTarget = targetRole !== undefined && index.get(targetRole) !== undefined;
      const nextStageId = currentStage ? index.nextStages(currentStage)[0]?.id : undefined;
      assert.equal(page.gaps.length, Number(nextStageId !== undefined) + Number(knownTarget));
      // …and a skill both need is listed once, under the next stage.
      const listed = page.gaps.flatMap((g) => g.missing.map((m) => m.skill.id));
      assert.equal(new Set(listed).size, listed.length, 'no skill listed twice');
      const markdownGaps = reportToMarkdown(report).split('## Gaps')[1].split('## Role fit')[0];
      const items = markdownGaps.split('\n').filter((l) => l.startsWith('- **'));
      assert.equal(items.length, listed.length, 'the Markdown lists each missing skill once');

      // The status bar measures the first step shown, with the same figure.
      const first = page.gaps[0];
      if (!currentStage && !targetRole) assert.equal(status.text, '$(milestone) DevOps: set your stage');
      else if (first) {
        assert.equal(status.text.match(/ (\d+)%$/)?.[1], String(percentDone(first)), status.text);
        const stage = index.stages.find((s) => s.id === first.to.id);
        assert.ok(status.text.includes(stage && first.to.id === nextStageId ? `→ ${stage.shortTitle} ` : first.to.title), status.text);
        assert.ok(status.tooltip.startsWith(`${first.to.title}: `), status.tooltip);
      } else assert.ok(!/%/.test(status.text), `no step, no percentage: ${status.text}`);
      // The tooltip names a target that is not the step measured.
      const second = page.gaps[1];
      if (second) assert.ok(status.tooltip.includes(second.to.id === first.to.id ? 'also your target' : second.to.title), status.tooltip);
    });
  }

  it('shows a target that is the next stage as a step of its own, whose gaps are all listed above', () => {
    const progress = user('stage-junior', 'stage-mid');
    const page = buildProgressPage({ index, evidence, marks: progress.marks, currency: 'GBP', position: progress }, progress);
    assert.deepEqual(
      page.gaps.map((g) => g.to.id),
      ['stage-mid', 'stage-mid'],
    );
    assert.match(page.gaps[1].title, /your next stage/);
    assert.deepEqual(page.gaps[1].missing, []);
    assert.deepEqual(
      ids(page.gaps[1].listedAbove),
      page.gaps[0].missing.map((m) => m.skill.id),
    );
    const md = reportToMarkdown(buildReport({ index, evidence, progress, scans, generatedAt: new Date(), extensionVersion: '0.0.0' }));
    assert.match(md, /Nothing missing besides the skills listed under the next stage: /);
  });

  it('lists the skills the next stage and the target share under the next stage only', () => {
    const next = whatsNext(index, evidence, user('stage-junior', 'site-reliability-engineering').marks, {
      currentStage: 'stage-junior',
      targetRole: 'site-reliability-engineering',
    });
    assert.ok(next.nextStage && next.target);
    assert.equal(next.target.isNextStage, false);
    assert.ok(next.target.listedAbove.length > 0, 'the data has skills both need');
    const nextIds = new Set(next.nextStage.missing.map((g) => g.skill.id));
    for (const g of next.target.listedAbove) assert.ok(nextIds.has(g.skill.id), g.skill.id);
    for (const g of next.target.missing) assert.ok(!nextIds.has(g.skill.id), g.skill.id);
    assert.equal(next.headline, next.nextStage);
  });
});
