import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRoadmap } from '../../../src/core/roadmap';
import { completionInWords, levelHoverMarkdown, salaryDescription, stageHoverMarkdown } from '../../../src/core/treeText';
import { statusLine } from '../../../src/core/statusLine';
import { whatsNext } from '../../../src/core/insights';
import { EvidenceIndex } from '../../../src/core/progress';
import { authorshipInWords } from '../../../src/git/wording';
import { companionJsonPath, defaultExportLocation } from '../../../src/core/report/location';
import type { Stage } from '../../../src/core/model';

const index = loadRoadmap(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'roadmap.json'), 'utf8')));
const junior = index.stages[0] as Stage;

describe('Career Tree hovers and salary labels', () => {
  it("a stage's hover gives years, salaries in both currencies, progress and the milestone", () => {
    const md = stageHoverMarkdown({ stage: junior, stageCount: 5, completion: { practiced: 3, done: 2, total: 12 }, preferred: 'USD', isCurrent: true, isTarget: false });
    const lines = md.split('\n\n');
    assert.equal(lines[0], `**${junior.title}** · stage 1 of 5`);
    assert.equal(lines[1], '_You are here_');
    assert.equal(lines[2], '**Experience:** 0–2 years');
    assert.match(lines[3], /^\*\*Salary:\*\* \$[\d,]+ – \$[\d,]+ · £40,000 – £55,000$/, 'the preferred currency first, then the other');
    assert.equal(lines[4], '**Progress:** 3 of 12 skills practiced, 2 marked done');
    assert.ok(lines[5].startsWith('**Milestone:** ') && lines[5].length > 20, lines[5]);
  });

  it('says "UK figures only" where a ladder level has no figure in the currency asked for', () => {
    const level = index.roadmap.branches.find((b) => b.id === 'site-reliability-engineering')!.ladder[1];
    assert.equal(salaryDescription(level.salary, 'USD'), '£90K–110K · UK figures only');
    assert.equal(salaryDescription(level.salary, 'GBP'), '£90K–110K', 'no note where the figure is in the currency asked for');
    assert.equal(salaryDescription(junior.salary, 'USD')?.startsWith('$'), true);
    assert.equal(salaryDescription([], 'USD'), undefined);
    const hover = levelHoverMarkdown(level, 'Site Reliability Engineering (SRE)', 'USD');
    assert.match(hover, /UK figures only: the source gives no USD figure for this level/);
    assert.doesNotMatch(levelHoverMarkdown(level, 'SRE', 'GBP'), /figures only/);
  });

  it('escapes Markdown in titles (the data is text, not markup)', () => {
    const stage = { ...junior, title: 'A *bold* <b>claim</b>', milestone: 'R & D' };
    const md = stageHoverMarkdown({ stage, stageCount: 5, completion: { practiced: 0, done: 0, total: 0 }, preferred: 'GBP', isCurrent: false, isTarget: true });
    assert.ok(md.startsWith('**A \\*bold\\* \\<b\\>claim\\</b\\>**'), md);
    assert.match(md, /_Your target_/);
    assert.match(md, /\*\*Milestone:\*\* R & D/);
    assert.equal(completionInWords({ practiced: 0, done: 0, total: 0 }), 'no skills listed');
  });
});

describe('status bar hover', () => {
  const evidence = new EvidenceIndex([]);
  it('gives stage, next stage, target and progress, with a link to My Progress', () => {
    const line = statusLine(whatsNext(index, evidence, {}, { currentStage: 'stage-junior', targetRole: 'site-reliability-engineering' }));
    const md = line.markdown.split('\n\n');
    assert.equal(md[0], '**DevOps Roadmap**');
    assert.equal(md[1], `**Stage:** ${index.titleOf('stage-junior')}`);
    assert.match(md[2], /^\*\*Next stage:\*\* .+: 0 of \d+ skills \(0%\): 0 practiced, 0 marked done$/);
    assert.ok(md[2].includes(index.stages[1].title), md[2]);
    assert.ok(md[3].startsWith('**Target:** Site Reliability Engineering (SRE): 0 of '), md[3]);
    assert.equal(md[md.length - 1], '[$(pulse) Open My Progress](command:devopsRoadmap.showProgress)');
  });

  it('offers to set the stage when none is set, and a target when none is chosen', () => {
    assert.match(statusLine(whatsNext(index, evidence, {}, {})).markdown, /\[Set my current stage\]\(command:devopsRoadmap\.setCurrentStage\)/);
    assert.match(
      statusLine(whatsNext(index, evidence, {}, { currentStage: 'stage-mid' })).markdown,
      /\*\*Target:\*\* not set \(\[choose one\]\(command:devopsRoadmap\.setTargetRole\)\)/,
    );
  });
});

describe('authorship in plain words, once per file', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const weeksAgo = new Date(now.getTime() - 21 * 86_400_000).toISOString();
  it('says who wrote the file', () => {
    assert.equal(authorshipInWords({ yourCommits: 14, totalCommits: 14, lastYours: weeksAgo }, now), 'written by you: 14 commits, last 3 weeks ago');
    assert.equal(authorshipInWords({ yourCommits: 1, totalCommits: 1 }, now), 'written by you: 1 commit');
    assert.equal(authorshipInWords({ yourCommits: 3, totalCommits: 20, lastYours: weeksAgo }, now), 'written by you and others: 3 of 20 commits yours, last 3 weeks ago');
    assert.equal(authorshipInWords({ yourCommits: 0, totalCommits: 5 }, now), 'written by others');
    assert.equal(authorshipInWords({ yourCommits: 0, totalCommits: 0 }, now), 'not committed yet');
  });
});

describe('export: where the report is offered, and its JSON twin', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  it('offers the last export folder, else the home folder, never anything else', () => {
    assert.deepEqual(defaultExportLocation({ home: '/home/me', lastFolder: '/home/me/reports', now }), {
      folder: '/home/me/reports',
      fileName: 'devops-skills-report-2026-11-30.md',
    });
    assert.deepEqual(defaultExportLocation({ home: '/home/me', now }), { folder: '/home/me', fileName: 'devops-skills-report-2026-11-30.md' });
    assert.deepEqual(defaultExportLocation<string>({ now }), { folder: undefined, fileName: 'devops-skills-report-2026-11-30.md' }, 'no home (a browser): the dialog chooses');
  });

  it('writes the JSON beside the Markdown', () => {
    assert.equal(companionJsonPath('/home/me/report.md'), '/home/me/report.json');
    assert.equal(companionJsonPath('/home/me/REPORT.MD'), '/home/me/REPORT.json');
    assert.equal(companionJsonPath('/home/me/report'), '/home/me/report.json');
  });
});
