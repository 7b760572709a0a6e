import { strict as assert } from 'node:assert';
import type { RoadmapIndex } from '../../src/core/roadmap';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { EvidenceIndex } from '../../src/core/progress';
import { emptyProgress, type UserProgress } from '../../src/core/userState';
import {
  buildReport,
  describeImport,
  escapeMarkdown,
  mergeProgress,
  parseProgressImport,
  reportToMarkdown,
  REPORT_FORMAT,
  type ReportInput,
  type SkillsReport,
} from '../../src/core/report';
import type { ScanResult } from '../../src/scanner/types';

function scan(root: string, technologies: ScanResult['technologies'], practices: ScanResult['practices'] = []): ScanResult {
  return { root, filesSeen: 10, filesRead: 5, bytesRead: 1000, durationMs: 3, truncated: false, skipped: [], technologies, practices };
}

const SCANS: { folder: string; result: ScanResult }[] = [
  {
    folder: 'api',
    result: scan(
      '/work/api',
      [
        { id: 'docker', evidence: ['Dockerfile'], fileCount: 1, fixtureOnly: false },
        { id: 'github-actions', evidence: ['.github/workflows/ci.yml', '.github/workflows/release.yml'], fileCount: 2, fixtureOnly: false },
        { id: 'terraform', evidence: ['test/fixtures/main.tf'], fileCount: 1, fixtureOnly: true },
      ],
      [{ id: 'docker-multi-stage', evidence: ['Dockerfile'] }],
    ),
  },
  {
    folder: 'infra',
    result: scan('/work/infra', [{ id: 'docker', evidence: ['images/base/Dockerfile'], fileCount: 3, fixtureOnly: false }]),
  },
];

const HOSTILE_NOTE = [
  '# Not a heading | col | col |',
  '```',
  '<script>alert("x")</script> **bold** [link](javascript:alert(1)) ![img](x.png) _em_ ~~strike~~ & &amp;',
  '=====',
  '- not a list item',
  '1. not an ordered item',
  '> not a quote',
  '## still not a heading',
].join('\n');

function progress(): UserProgress {
  return {
    marks: {
      'production-docker': { mark: 'done', note: 'Multi-stage builds at work', updated: '2024-05-01T10:00:00.000Z' },
      'kubernetes-in-production': { mark: 'learning', note: HOSTILE_NOTE, updated: '2024-05-02T10:00:00.000Z' },
      'cost-optimisation': { mark: 'skipped', updated: '2024-05-03T10:00:00.000Z' },
      'helm-charts': { note: 'Read the docs' },
      'skill-that-left-the-data': { mark: 'done', note: 'kept anyway', updated: '2024-01-01T00:00:00.000Z' },
    },
    orphaned: { 'old-skill': { mark: 'learning', note: 'from an older data set' } },
    unreadable: [],
    currentStage: 'stage-junior',
    targetRole: 'site-reliability-engineering',
  };
}

describe('skills report', () => {
  let index: RoadmapIndex;
  let input: ReportInput;
  let report: SkillsReport;

  before(() => {
    index = readRoadmapFile('data/roadmap.json');
    input = {
      index,
      evidence: new EvidenceIndex(SCANS),
      progress: progress(),
      scans: SCANS,
      authorship: {
        'api/Dockerfile': 'you: 14 commits, last 3 weeks ago · 20 in this repository',
        'api/.github/workflows/ci.yml': 'not yours: 3 commits in this repository',
      },
      generatedAt: new Date('2024-06-30T12:00:00Z'),
      extensionVersion: '0.1.0',
    };
    report = buildReport(input);
  });

  describe('building', () => {
    it('records the format, version, time and position', () => {
      assert.equal(report.format, REPORT_FORMAT);
      assert.equal(report.version, 1);
      assert.equal(report.generatedAt, '2024-06-30T12:00:00.000Z');
      assert.equal(report.extensionVersion, '0.1.0');
      assert.deepEqual(report.currentStage, { id: 'stage-junior', title: index.titleOf('stage-junior') });
      assert.deepEqual(report.targetRole, { id: 'site-reliability-engineering', title: index.titleOf('site-reliability-engineering') });
    });

    it('lists practiced skills with their evidence files and authorship', () => {
      const docker = report.practiced.find((p) => p.skillId === 'production-docker');
      assert.ok(docker, 'production-docker is practiced');
      assert.deepEqual(docker.evidence[0], {
        folder: 'api',
        path: 'Dockerfile',
        signal: 'docker',
        authorship: 'you: 14 commits, last 3 weeks ago · 20 in this repository',
      });
      assert.ok(docker.evidence.some((e) => e.folder === 'infra' && e.path === 'images/base/Dockerfile' && e.authorship === undefined));
      const ci = report.practiced.find((p) => p.skillId === 'cicd-pipelines');
      assert.equal(ci?.evidence.find((e) => e.path === '.github/workflows/ci.yml')?.authorship, 'not yours: 3 commits in this repository');
      // Every practiced skill really has evidence, and in data order.
      const order = index.roadmap.skills.map((s) => s.id);
      const ids = report.practiced.map((p) => p.skillId);
      assert.deepEqual(
        [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        ids,
      );
      assert.ok(report.practiced.every((p) => p.evidence.length > 0));
    });

    it('leaves out a practiced skill the user skipped', () => {
      const skipped = buildReport({ ...input, progress: { ...progress(), marks: { 'production-docker': { mark: 'skipped' } } } });
      assert.equal(
        skipped.practiced.some((p) => p.skillId === 'production-docker'),
        false,
      );
    });

    it('lists marks done, learning, skipped, then note-only, with titles', () => {
      assert.deepEqual(
        report.marks.map((m) => [m.skillId, m.mark]),
        [
          ['production-docker', 'done'],
          ['kubernetes-in-production', 'learning'],
          ['cost-optimisation', 'skipped'],
          ['helm-charts', undefined],
        ],
      );
      assert.equal(report.marks[0].title, index.titleOf('production-docker'));
      assert.equal(report.marks[1].note, HOSTILE_NOTE);
    });

    it('keeps orphaned marks, including marks of ids the data does not know', () => {
      assert.deepEqual(
        report.orphaned.map((m) => m.skillId),
        ['old-skill', 'skill-that-left-the-data'],
      );
      assert.equal(report.orphaned[1].note, 'kept anyway');
      assert.equal(report.orphaned[0].title, undefined);
    });

    it('gives the gaps to the next stage and to the target as plain data', () => {
      const next = report.gaps.nextStage;
      assert.ok(next);
      assert.equal(next.to.id, 'stage-mid');
      assert.equal(next.from?.id, 'stage-junior');
      assert.equal(next.total, index.skillsOf('stage-mid').length);
      assert.equal(next.have + next.missing.length, next.total);
      const k8s = next.missing.find((g) => g.skillId === 'kubernetes-in-production');
      assert.equal(k8s?.status, 'learning');
      assert.equal(next.missing[0].skillId, 'kubernetes-in-production', 'what you are learning comes first');
      assert.ok(next.missing.every((g) => typeof g.howToEvidence === 'string' && g.howToEvidence.length > 0));
      assert.equal(
        next.missing.some((g) => g.skillId === 'cost-optimisation' && g.status === 'skipped'),
        true,
      );
      const target = report.gaps.target;
      assert.ok(target);
      assert.equal(target.to.id, 'site-reliability-engineering');
      // Plain data only: no skill records inside.
      assert.equal(JSON.stringify(report.gaps).includes('"evidence"'), false);
    });

    it('has no next-stage gaps without a current stage, and none past the last stage', () => {
      const none = buildReport({ ...input, progress: { ...progress(), currentStage: undefined } });
      assert.equal(none.gaps.nextStage, undefined);
      assert.equal(none.currentStage, undefined);
      const last = index.stages[index.stages.length - 1].id;
      assert.equal(buildReport({ ...input, progress: { ...progress(), currentStage: last } }).gaps.nextStage, undefined);
    });

    it('ranks role fit with matched skill titles', () => {
      assert.equal(report.roleFit.length, index.roadmap.branches.length);
      for (let i = 1; i < report.roleFit.length; i++) assert.ok(report.roleFit[i - 1].percent >= report.roleFit[i].percent);
      const devops = report.roleFit.find((f) => f.id === 'devops-engineer');
      assert.ok(devops?.matched.includes(index.titleOf('production-docker') as string));
    });

    it('merges detected technologies across folders', () => {
      const docker = report.technologies.find((t) => t.id === 'docker');
      assert.deepEqual(docker, { id: 'docker', title: index.titleOf('docker'), folders: ['api', 'infra'], fileCount: 4, fixtureOnly: false });
      assert.equal(report.technologies.find((t) => t.id === 'terraform')?.fixtureOnly, true);
      assert.equal(report.technologies[report.technologies.length - 1].id, 'terraform', 'fixture-only technologies last');
    });

    it('is plain JSON', () => {
      assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    });

    it('works with no scans and no progress', () => {
      const empty = buildReport({ ...input, evidence: EvidenceIndex.empty, scans: [], progress: emptyProgress(), authorship: undefined });
      assert.deepEqual(empty.practiced, []);
      assert.deepEqual(empty.marks, []);
      assert.deepEqual(empty.orphaned, []);
      assert.deepEqual(empty.gaps, {});
      assert.ok(empty.roleFit.every((f) => f.percent === 0));
      const md = reportToMarkdown(empty);
      assert.ok(md.includes('## Detected technologies'));
      assert.equal(md.includes('## Orphaned marks'), false);
    });
  });

  describe('Markdown', () => {
    let md: string;
    before(() => {
      md = reportToMarkdown(report);
    });

    it('has the sections in order', () => {
      const sections = md.split('\n').filter((l) => /^##? /.test(l));
      assert.deepEqual(sections, [
        '# DevOps Skills Report',
        '## Position',
        '## Practiced skills',
        '## Marked skills',
        '## Gaps',
        '## Role fit',
        '## Detected technologies',
        '## Orphaned marks',
      ]);
    });

    it('states the position and date', () => {
      assert.ok(md.includes(`- Current stage: ${index.titleOf('stage-junior')}`));
      assert.ok(md.includes('- Generated: 2024-06-30 12:00 UTC'));
    });

    it('shows evidence files with their authorship', () => {
      assert.ok(md.includes('- `api/Dockerfile` (Docker) — you: 14 commits, last 3 weeks ago · 20 in this repository'), md);
      assert.ok(md.includes('`api/.github/workflows/ci.yml`'));
    });

    it('groups marks and gaps, and ranks role fit', () => {
      const at = (s: string) => {
        const i = md.indexOf(s);
        assert.ok(i >= 0, `missing ${s}`);
        return i;
      };
      assert.ok(at('### Done') < at('### Learning') && at('### Learning') < at('### Skipped') && at('### Skipped') < at('### Notes'));
      assert.ok(at('### To the next stage') < at('### To the target role'));
      assert.ok(at('## Role fit') < at(`1. **${escapeMarkdown(report.roleFit[0].title)}**`));
      assert.ok(md.includes(`${report.roleFit[0].percent}%`));
    });

    it('keeps hostile notes from breaking the document', () => {
      const lines = md.split('\n');
      // No heading, fence, table row, quote or raw HTML comes from the note.
      assert.deepEqual(
        lines.filter((l) => /^\s*#/.test(l)).map((l) => l.replace(/^#+ /, '')),
        [
          'DevOps Skills Report',
          'Position',
          'Practiced skills',
          ...report.practiced.map((p) => p.title),
          'Marked skills',
          'Done',
          'Learning',
          'Skipped',
          'Notes',
          'Gaps',
          'To the next stage',
          'To the target role',
          'Role fit',
          'Detected technologies',
          'Orphaned marks',
        ].map(escapeMarkdown),
      );
      assert.equal(/(^|[^\\])<[a-z/!?]/i.test(md), false, 'no unescaped < can open a tag');
      assert.equal(
        lines.some((l) => /^\s*(```|~~~)/.test(l)),
        false,
      );
      assert.equal(
        lines.some((l) => /^\s*(>|=+\s*$|-{3,}\s*$|[-+*] not|\d+[.)] not)/.test(l)),
        false,
      );
      assert.equal(/(^|[^\\])\|/.test(md), false, 'every pipe is escaped');
      // The note stays inside its list item: the first line on the item, the rest indented below it.
      const start = lines.findIndex((l) => l.includes('Not a heading'));
      assert.ok(lines[start].startsWith(`- **${escapeMarkdown(index.titleOf('kubernetes-in-production') as string)}** — `));
      for (let i = 1; i < HOSTILE_NOTE.split('\n').length; i++) assert.ok(lines[start + i].startsWith('  '), lines[start + i]);
      assert.ok(md.includes('\\<script\\>'), 'raw HTML is escaped the Markdown way');
      assert.ok(md.includes('\\[link\\](javascript:alert(1))'));
    });

    it('escapes Markdown in any text', () => {
      assert.equal(escapeMarkdown('a*b_c`d|e<f>g&h[i]#j'), 'a\\*b\\_c\\`d\\|e\\<f\\>g&h\\[i\\]\\#j');
      // Markdown escapes, not HTML ones: "&" reads as itself in the raw file, and is escaped only where it would start an entity.
      assert.equal(escapeMarkdown('Communication & Collaboration'), 'Communication & Collaboration');
      assert.equal(escapeMarkdown('&amp; &#42; &x'), '\\&amp; \\&\\#42; &x');
      assert.equal(escapeMarkdown('two\nlines'), 'two lines');
    });

    it('shows control characters in evidence file names and notes as visible escapes', () => {
      const paths = ['evil\x1b]0;pwned\x07/Dockerfile', 'two\nlines/Dockerfile', 'gpj.\u202eexe/Dockerfile', 'c1\u009b2J\u2028/Dockerfile'];
      const scans = [{ folder: 'x', result: scan('/x', [{ id: 'docker', evidence: paths, fileCount: paths.length, fixtureOnly: false }]) }];
      const note = 'clears\x1b[2J the screen\nreversed \u2066\u202etxt.exe\u2069 and\u0085C1\u2029end';
      const md = reportToMarkdown(
        buildReport({ ...input, scans, evidence: new EvidenceIndex(scans), progress: { ...progress(), marks: { 'production-docker': { mark: 'done', note } } } }),
      );
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      assert.equal(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(md), false, JSON.stringify(md));
      for (const shown of ['`x/evil\\x1b]0;pwned\\x07/Dockerfile`', '`x/two\\nlines/Dockerfile`', '`x/gpj.\\u202eexe/Dockerfile`', '`x/c1\\x9b2J\\u2028/Dockerfile`']) {
        assert.ok(md.includes(shown), `${shown} in the report`);
      }
      const noteAt = md.split('\n').findIndex((l) => l.includes('clears'));
      assert.ok(md.split('\n')[noteAt].endsWith('clears\\x1b\\[2J the screen\\'), md.split('\n')[noteAt]);
      assert.equal(md.split('\n')[noteAt + 1], '  reversed \\u2066\\u202etxt.exe\\u2069 and\\x85C1\\u2029end');
    });

    it('puts odd file names in safe code spans', () => {
      const odd = buildReport({
        ...input,
        scans: [{ folder: 'x', result: scan('/x', [{ id: 'docker', evidence: ['a`b/``Dockerfile'], fileCount: 1, fixtureOnly: false }]) }],
        evidence: new EvidenceIndex([{ folder: 'x', result: scan('/x', [{ id: 'docker', evidence: ['a`b/``Dockerfile'], fileCount: 1, fixtureOnly: false }]) }]),
      });
      assert.ok(reportToMarkdown(odd).includes('- ```x/a`b/``Dockerfile``` (Docker)'));
    });

    it('has no orphaned section without orphans', () => {
      const p = progress();
      delete p.marks['skill-that-left-the-data'];
      const clean = reportToMarkdown(buildReport({ ...input, progress: { ...p, orphaned: {} } }));
      assert.equal(clean.includes('## Orphaned marks'), false);
    });
  });

  describe('import', () => {
    it('reads a report back: same marks, notes, stage and target, orphans included', () => {
      const parsed = parseProgressImport(JSON.parse(JSON.stringify(report)));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      assert.deepEqual(parsed.skipped, []);
      const original = progress();
      const { 'skill-that-left-the-data': left, ...known } = original.marks;
      assert.deepEqual({ ...parsed.progress.marks }, known);
      assert.deepEqual({ ...parsed.progress.orphaned }, { ...original.orphaned, 'skill-that-left-the-data': left });
      assert.equal(parsed.progress.currentStage, 'stage-junior');
      assert.equal(parsed.progress.targetRole, 'site-reliability-engineering');
      assert.deepEqual(parsed.progress.unreadable, []);
    });

    it('refuses what is not a report', () => {
      for (const bad of [
        null,
        42,
        'text',
        [],
        {},
        { format: 'something-else', version: 1 },
        { format: REPORT_FORMAT },
        { format: REPORT_FORMAT, version: 0 },
        { format: REPORT_FORMAT, version: '1' },
      ]) {
        const result = parseProgressImport(bad);
        assert.equal(result.ok, false, JSON.stringify(bad));
        assert.ok(!result.ok && result.reason.length > 0);
      }
    });

    it('refuses a newer report version with a clear reason', () => {
      const result = parseProgressImport({ ...JSON.parse(JSON.stringify(report)), version: 2 });
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : '', /newer version.*version 2.*Update the extension/);
    });

    it('skips malformed items one by one and names them', () => {
      const result = parseProgressImport({
        format: REPORT_FORMAT,
        version: 1,
        currentStage: { title: 'no id' },
        targetRole: 'platform-engineering',
        marks: [
          { skillId: 'production-docker', mark: 'done', updated: '2024-01-01T00:00:00Z' },
          { skillId: 'helm-charts', mark: 'maybe' },
          { skillId: 'bash-scripting', note: 42 },
          { mark: 'done' },
          'not an object',
          { skillId: '__proto__', mark: 'done' },
          { skillId: 'linux-fundamentals', mark: 'learning', updated: 'yesterday' },
          { skillId: 'python-automation' },
          { skillId: 'production-docker', mark: 'learning', updated: '2024-02-01T00:00:00Z' },
          { skillId: 'communication', note: 'Talks at meetups', title: 'ignored' },
          { skillId: 'constructor', mark: 'done' },
          { skillId: 'prototype', note: 'x' },
        ],
        orphaned: { not: 'a list' },
      });
      assert.ok(result.ok);
      assert.deepEqual(
        { ...result.progress.marks },
        {
          'production-docker': { mark: 'learning', updated: '2024-02-01T00:00:00Z' },
          communication: { note: 'Talks at meetups' },
        },
      );
      assert.equal(Object.getPrototypeOf(result.progress.marks), null, 'marks live in an object without a prototype');
      assert.equal(Object.getPrototypeOf(result.progress.orphaned), null);
      assert.equal(result.progress.currentStage, undefined);
      assert.equal(result.progress.targetRole, 'platform-engineering');
      assert.deepEqual(result.skipped, [
        'marks[1] (helm-charts): unknown mark "maybe"',
        'marks[2] (bash-scripting): note is not text',
        'marks[3]: no skill id',
        'marks[4]: not an object',
        'marks[5] (__proto__): reserved id',
        'marks[6] (linux-fundamentals): updated is not a date',
        'marks[7] (python-automation): neither mark nor note',
        'marks[8] (production-docker): repeats production-docker',
        'marks[10] (constructor): reserved id',
        'marks[11] (prototype): reserved id',
        'orphaned: not a list',
        'currentStage: no id',
      ]);
    });

    const NOW = new Date('2025-06-01T12:00:00Z');
    const reportWith = (marks: unknown[], more: Record<string, unknown> = {}) => ({ format: REPORT_FORMAT, version: 1, marks, ...more });

    it('cuts notes longer than the 2,000 characters the note box allows, and says where the full text is', () => {
      const result = parseProgressImport(
        reportWith([
          { skillId: 'production-docker', mark: 'done', note: 'x'.repeat(10 * 1024 * 1024) },
          { skillId: 'helm-charts', note: `${'y'.repeat(1999)}\u{1F600}tail` },
          { skillId: 'bash-scripting', note: 'z'.repeat(2000) },
        ]),
        NOW,
      );
      assert.ok(result.ok);
      const notes = result.progress.marks;
      assert.equal(notes['production-docker'].note, 'x'.repeat(2000));
      assert.equal(notes['helm-charts'].note, 'y'.repeat(1999), 'no half of an emoji left at the end');
      assert.equal(notes['bash-scripting'].note, 'z'.repeat(2000), 'a note of exactly 2,000 characters is kept whole');
      const saved = JSON.stringify(mergeProgress(emptyProgress(), result.progress));
      assert.ok(saved.length < 10_000, `${saved.length} characters would be written to the synced state`);
      const { message } = describeImport(result, '/home/me/skills.json');
      assert.match(message, /^DevOps Roadmap: imported 3 marks\. 2 notes were longer than 2,000 characters and were cut; the full text is still in \/home\/me\/skills\.json\.$/);
    });

    it('reads at most 20,000 items and says how many were left out', () => {
      const marks = Array.from({ length: 30_000 }, (_, i) => ({ skillId: `skill-${i}`, mark: 'done' }));
      const result = parseProgressImport(reportWith(marks, { orphaned: [{ skillId: 'old-skill', mark: 'done' }] }), NOW);
      assert.ok(result.ok);
      assert.equal(Object.keys(result.progress.marks).length, 20_000);
      assert.equal(result.progress.marks['skill-19999']?.mark, 'done');
      assert.equal(result.progress.marks['skill-20000'], undefined);
      assert.equal(Object.keys(result.progress.orphaned).length, 0);
      const { message, log } = describeImport(result, 'skills.json');
      assert.match(message, /The report lists 30,001 marks; only the first 20,000 were read, the other 10,001 were left out\./);
      assert.ok(
        log.some((l) => /20,000 of 30,001/.test(l)),
        log.join('\n'),
      );
    });

    it('accepts dates from 2000-01-01 to one day ahead; sets other marks aside and counts them', () => {
      const result = parseProgressImport(
        reportWith([
          { skillId: 'production-docker', mark: 'done', updated: '+275760-09-13T00:00:00.000Z' },
          { skillId: 'helm-charts', mark: 'done', updated: '1999-12-31T23:59:59Z' },
          { skillId: 'bash-scripting', mark: 'done', updated: '2025-06-02T12:00:01Z' },
          { skillId: 'linux-fundamentals', mark: 'learning', updated: '2025-06-02T11:00:00Z' },
          { skillId: 'communication', mark: 'done', updated: '2000-01-01T00:00:00Z' },
        ]),
        NOW,
      );
      assert.ok(result.ok);
      assert.deepEqual(Object.keys(result.progress.marks), ['linux-fundamentals', 'communication']);
      assert.deepEqual(
        result.progress.unreadable.map((u) => (u.value as { skillId: string }).skillId),
        ['production-docker', 'helm-charts', 'bash-scripting'],
        'set aside, not lost',
      );
      const { message } = describeImport(result, 'skills.json');
      assert.match(message, /imported 2 marks\. 3 marks dated before 2000-01-01 or after 2025-06-02 were kept aside, not merged\./);
      // The year-275760 mark no longer wins the merge over the user's own.
      const current = { ...emptyProgress(), marks: { 'production-docker': { mark: 'learning' as const, updated: '2024-01-01T00:00:00Z' } } };
      assert.equal(mergeProgress(current, result.progress).marks['production-docker'].mark, 'learning');
    });

    it('logs rejected items as a count and the first five, each cut short, never one giant line', () => {
      const marks = Array.from({ length: 25_000 }, (_, i) => ({ skillId: `bad-${i}\n${'q'.repeat(190)}`, mark: 'mastered' }));
      const result = parseProgressImport(reportWith(marks), NOW);
      assert.ok(result.ok);
      const { message, log } = describeImport(result, 'skills.json');
      assert.match(message, /20,000 unreadable entries were skipped \(see the log\)/);
      const skippedLine = log.find((l) => l.includes('skipped'));
      assert.ok(skippedLine, log.join('\n'));
      assert.match(skippedLine, /^Import skipped 20,000 entries; the first 5: marks\[0\] \(bad-0\\nqqq/);
      assert.ok(skippedLine.includes('marks[4] (bad-4'), skippedLine);
      assert.ok(!skippedLine.includes('marks[5]'), 'only the first five are named');
      for (const line of log) {
        assert.ok(line.length < 1_600, `a log line of ${line.length} characters`);
        assert.ok(!/[\r\n]/.test(line), 'one line each: names cannot forge log lines');
      }
    });

    it('never throws, even on hostile objects', () => {
      const trap = {
        format: REPORT_FORMAT,
        version: 1,
        get marks(): unknown {
          throw new Error('boom');
        },
      };
      const result = parseProgressImport(trap);
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : '', /boom/);
    });
  });

  describe('merging imported progress', () => {
    const base = (): UserProgress => ({
      marks: {
        a: { mark: 'learning', note: 'mine', updated: '2024-03-01T00:00:00Z' },
        b: { mark: 'done', updated: '2024-03-01T00:00:00Z' },
        c: { mark: 'learning' },
        d: { note: 'just a note' },
        onlyMine: { mark: 'skipped', updated: '2024-01-01T00:00:00Z' },
      },
      orphaned: { gone: { mark: 'done', note: 'old' } },
      unreadable: [{ key: 'marks.x', value: 7 }],
      currentStage: 'stage-mid',
    });

    it('takes a newer imported mark, keeps an older one out, and keeps both notes', () => {
      const merged = mergeProgress(base(), {
        marks: {
          a: { mark: 'done', note: 'theirs', updated: '2024-04-01T00:00:00Z' },
          b: { mark: 'learning', note: 'older note', updated: '2024-02-01T00:00:00Z' },
        },
        orphaned: {},
        unreadable: [],
      });
      assert.deepEqual(merged.marks.a, { mark: 'done', note: 'theirs\n\nmine', updated: '2024-04-01T00:00:00Z' });
      assert.deepEqual(merged.marks.b, { mark: 'done', note: 'older note', updated: '2024-03-01T00:00:00Z' });
    });

    it('takes the imported mark when the current one has no time or no mark', () => {
      const merged = mergeProgress(base(), {
        marks: { c: { mark: 'done', updated: '2024-01-01T00:00:00Z' }, d: { mark: 'learning' } },
        orphaned: {},
        unreadable: [],
      });
      assert.deepEqual(merged.marks.c, { mark: 'done', updated: '2024-01-01T00:00:00Z' });
      assert.deepEqual(merged.marks.d, { mark: 'learning', note: 'just a note' });
    });

    it('keeps the current mark when neither side has a time', () => {
      const merged = mergeProgress(base(), { marks: { c: { mark: 'skipped' } }, orphaned: {}, unreadable: [] });
      assert.deepEqual(merged.marks.c, { mark: 'learning' });
    });

    it('drops nothing of the current progress and adds new ids', () => {
      const current = base();
      const merged = mergeProgress(current, {
        marks: { fresh: { mark: 'done' } },
        orphaned: { gone: { note: 'imported' }, ancient: { mark: 'learning' } },
        unreadable: [{ key: 'marks.y', value: 'z' }],
        currentStage: 'stage-senior',
        targetRole: 'platform-engineering',
      });
      for (const id of Object.keys(current.marks)) assert.ok(merged.marks[id], id);
      assert.deepEqual(merged.marks.onlyMine, current.marks.onlyMine);
      assert.deepEqual(merged.marks.fresh, { mark: 'done' });
      assert.deepEqual(merged.orphaned.gone, { mark: 'done', note: 'old\n\nimported' });
      assert.deepEqual(merged.orphaned.ancient, { mark: 'learning' });
      assert.equal(merged.currentStage, 'stage-mid', 'the current stage stays');
      assert.equal(merged.targetRole, 'platform-engineering', 'a missing target is filled');
      assert.deepEqual(merged.unreadable, [
        { key: 'marks.x', value: 7 },
        { key: 'marks.y', value: 'z' },
      ]);
      assert.deepEqual(current, base(), 'the inputs are not changed');
    });

    it('sets an imported "__proto__" mark aside instead of dropping it', () => {
      const imported = { ...emptyProgress(), marks: JSON.parse('{"__proto__": {"mark": "done", "note": "mine"}, "fresh": {"mark": "learning"}}') };
      const merged = mergeProgress(base(), imported);
      assert.equal(Object.getPrototypeOf(merged.marks), null);
      assert.deepEqual(merged.marks.fresh, { mark: 'learning' });
      assert.deepEqual(merged.unreadable.at(-1), { key: 'imported marks.__proto__', value: { mark: 'done', note: 'mine' } });
    });

    it('is stable when the same report is imported twice', () => {
      const imported = parseProgressImport(JSON.parse(JSON.stringify(report)));
      assert.ok(imported.ok);
      const once = mergeProgress(base(), imported.progress);
      const twice = mergeProgress(once, imported.progress);
      assert.deepEqual(twice.marks, once.marks);
      assert.deepEqual(twice.orphaned, once.orphaned);
    });

    it('round-trips into empty progress exactly', () => {
      const imported = parseProgressImport(JSON.parse(JSON.stringify(report)));
      assert.ok(imported.ok);
      const merged = mergeProgress(emptyProgress(), imported.progress);
      assert.deepEqual(merged, imported.progress);
    });
  });
});
