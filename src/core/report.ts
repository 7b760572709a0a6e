/**
 * The skills report: a JSON-able snapshot of what the workspace shows and what the user marked
 * (position, practiced skills with their evidence, marks, gaps, role fit, detected technologies),
 * its Markdown rendering, and reading a report back as progress to import. Pure: no `vscode`, no fs.
 */

import type { Mark, SkillMark, SkillStatus } from './progress';
import type { EvidenceIndex } from './progress';
import { gapsTo, nextTrunkStage, roleFit, type GapReport } from './insights';
import type { RoadmapIndex } from './roadmap';
import { MAX_NOTE_LENGTH, emptyProgress, isReservedId, markRecord, type MarkRecord, type UserProgress } from './userState';
import { practiceTitle, type FolderFindings } from './detection';
import { escapeControl } from './format';

export const REPORT_FORMAT = 'devops-roadmap-report';
export const REPORT_VERSION = 1;

export interface Ref {
  id: string;
  title: string;
}

export interface ReportEvidence {
  folder: string;
  path: string;
  /** Technology or practice id the file shows. */
  signal: string;
  /** Git authorship in words, e.g. "you: 3 commits, last 2 days ago · 5 in this repository". */
  authorship?: string;
}

export interface ReportPracticed {
  skillId: string;
  title: string;
  evidence: ReportEvidence[];
}

export interface ReportMark {
  skillId: string;
  /** Absent for orphaned marks (the skill left the data set). */
  title?: string;
  mark?: Mark;
  note?: string;
  updated?: string;
}

export interface ReportGapSkill {
  skillId: string;
  title: string;
  status: SkillStatus;
  detectable: boolean;
  howToEvidence: string;
}

export interface ReportGaps {
  from?: Ref;
  to: Ref;
  have: number;
  total: number;
  missing: ReportGapSkill[];
}

export interface ReportRoleFit {
  id: string;
  title: string;
  percent: number;
  /** Titles of the practiced or done skills behind the figure. */
  matched: string[];
  total: number;
}

export interface ReportTechnology {
  id: string;
  title: string;
  /** Workspace folders it was found in. */
  folders: string[];
  fileCount: number;
  /** Found only in test fixtures. */
  fixtureOnly: boolean;
}

export interface SkillsReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** ISO time. */
  generatedAt: string;
  extensionVersion: string;
  currentStage?: Ref;
  targetRole?: Ref;
  practiced: ReportPracticed[];
  marks: ReportMark[];
  orphaned: ReportMark[];
  gaps: { nextStage?: ReportGaps; target?: ReportGaps };
  roleFit: ReportRoleFit[];
  technologies: ReportTechnology[];
}

export interface ReportInput {
  index: RoadmapIndex;
  evidence: EvidenceIndex;
  progress: UserProgress;
  scans: FolderFindings[];
  /** `describeAuthorship` text by `<folder>/<path>`. */
  authorship?: Record<string, string>;
  generatedAt: Date;
  extensionVersion: string;
}

const MARK_ORDER: Record<Mark, number> = { done: 0, learning: 1, skipped: 2 };

function ref(index: RoadmapIndex, id: string | undefined): Ref | undefined {
  if (id === undefined) return undefined;
  return { id, title: index.titleOf(id) ?? id };
}

function gapData(report: GapReport | undefined): ReportGaps | undefined {
  if (!report) return undefined;
  return {
    ...(report.from ? { from: { ...report.from } } : {}),
    to: { ...report.to },
    have: report.have,
    total: report.total,
    missing: report.missing.map((g) => ({
      skillId: g.skill.id,
      title: g.skill.title,
      status: g.status,
      detectable: g.skill.detectable,
      howToEvidence: g.howToEvidence,
    })),
  };
}

function markEntry(skillId: string, m: SkillMark, title: string | undefined): ReportMark {
  const out: ReportMark = { skillId };
  if (title !== undefined) out.title = title;
  if (m.mark !== undefined) out.mark = m.mark;
  if (m.note !== undefined) out.note = m.note;
  if (m.updated !== undefined) out.updated = m.updated;
  return out;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Builds the report. Marks of skills the data does not know are listed as orphaned. */
export function buildReport(input: ReportInput): SkillsReport {
  const { index, evidence, progress } = input;
  const isSkill = (id: string) => index.kindOf(id) === 'skill';
  const marks = markRecord();
  const orphaned: ReportMark[] = [];
  for (const [id, m] of Object.entries(progress.marks)) {
    if (isSkill(id)) marks[id] = m;
    else orphaned.push(markEntry(id, m, undefined));
  }
  for (const [id, m] of Object.entries(progress.orphaned)) orphaned.push(markEntry(id, m, undefined));
  orphaned.sort((a, b) => a.skillId.localeCompare(b.skillId));

  const practiced: ReportPracticed[] = [];
  for (const skill of index.roadmap.skills) {
    if (!evidence.isPracticed(skill) || marks[skill.id]?.mark === 'skipped') continue;
    practiced.push({
      skillId: skill.id,
      title: skill.title,
      evidence: evidence.evidenceFor(skill).map((ev) => {
        const authorship = own(input.authorship, `${ev.folder}/${ev.path}`);
        return { folder: ev.folder, path: ev.path, signal: ev.signal, ...(authorship !== undefined ? { authorship } : {}) };
      }),
    });
  }

  const markList = Object.entries(marks)
    .map(([id, m]) => markEntry(id, m, index.titleOf(id) ?? id))
    .sort(
      (a, b) =>
        (a.mark ? MARK_ORDER[a.mark] : 3) - (b.mark ? MARK_ORDER[b.mark] : 3) || (a.title ?? a.skillId).localeCompare(b.title ?? b.skillId),
    );

  const current = progress.currentStage;
  const next = current ? nextTrunkStage(index, current) : undefined;
  const gaps: SkillsReport['gaps'] = {};
  const nextGaps = next ? gapData(gapsTo(index, next.id, evidence, marks, current)) : undefined;
  if (nextGaps) gaps.nextStage = nextGaps;
  const targetGaps = progress.targetRole ? gapData(gapsTo(index, progress.targetRole, evidence, marks, current)) : undefined;
  if (targetGaps) gaps.target = targetGaps;

  const techs = new Map<string, ReportTechnology>();
  for (const { folder, result } of input.scans) {
    for (const t of result.technologies) {
      const entry = techs.get(t.id) ?? { id: t.id, title: index.titleOf(t.id) ?? t.id, folders: [], fileCount: 0, fixtureOnly: true };
      if (!entry.folders.includes(folder)) entry.folders.push(folder);
      entry.fileCount += t.fileCount;
      entry.fixtureOnly = entry.fixtureOnly && t.fixtureOnly;
      techs.set(t.id, entry);
    }
  }
  const technologies = [...techs.values()].sort((a, b) => Number(a.fixtureOnly) - Number(b.fixtureOnly) || b.fileCount - a.fileCount || a.title.localeCompare(b.title));

  const report: SkillsReport = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    extensionVersion: input.extensionVersion,
    practiced,
    marks: markList,
    orphaned,
    gaps,
    roleFit: roleFit(index, evidence, marks).map((f) => ({ id: f.id, title: f.title, percent: f.percent, matched: f.matched.map((m) => m.title), total: f.total })),
    technologies,
  };
  const stage = ref(index, current);
  if (stage) report.currentStage = stage;
  const target = ref(index, progress.targetRole);
  if (target) report.targetRole = target;
  return report;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Escapes text (user notes, titles, hints) so it renders literally inline in Markdown and in HTML
 * previews: emphasis, code, links, tables, headings and raw HTML all come out as plain characters.
 * Line breaks become spaces; every other control character (escape sequences, C1, bidi overrides)
 * is shown as a visible escape such as `\x1b` or `\u202e` (tabs stay tabs).
 */
export function escapeMarkdown(text: string): string {
  return showControls(escapeMarkdownSyntax(text));
}

/** Tabs are blanks in prose; every other control character becomes visible. */
function showControls(text: string): string {
  return text.split('\t').map(escapeControl).join('\t');
}

function escapeMarkdownSyntax(text: string): string {
  return text
    // A run of blanks holding a line break becomes one space (`\s*[\r\n]+\s*` retried long runs without one).
    .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
    .replace(/[\\`*_[\]|~#!$<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Escapes a line that starts a Markdown line: block markers (lists, quotes, setext underlines) too. */
function escapeLineStart(line: string): string {
  const escaped = escapeMarkdown(line);
  const ordered = /^(\d+)([.)])/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return /^[-+=]/.test(escaped) ? `\\${escaped}` : escaped;
}

/** Escapes a possibly multi-line note: hard-broken lines, continuation lines indented under a list item. */
function escapeBlock(text: string, indent: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => (i === 0 ? escapeMarkdown(line) : escapeLineStart(line)))
    .join(`\\\n${indent}`);
}

/** A code span that holds any path: a fence longer than the longest backtick run inside. Control characters, line breaks included, show as escapes. */
function code(text: string): string {
  const flat = escapeControl(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function gapLines(label: string, gaps: ReportGaps | undefined, empty: string): string[] {
  const out = [`### ${label}`, ''];
  if (!gaps) return [...out, empty, ''];
  out.push(`${escapeMarkdown(gaps.to.title)}: ${gaps.have} of ${plural(gaps.total, 'skill')} practiced or done.`, '');
  if (gaps.missing.length === 0) return [...out, 'Nothing missing.', ''];
  for (const g of gaps.missing) {
    const status = g.status === 'not-started' ? '' : ` (${g.status})`;
    out.push(`- **${escapeMarkdown(g.title)}**${status}: ${escapeMarkdown(g.howToEvidence)}`);
  }
  return [...out, ''];
}

function formatDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMarkdown(iso);
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Renders the report as a Markdown document with a fixed order of sections. */
export function reportToMarkdown(report: SkillsReport): string {
  const lines: string[] = ['# DevOps Skills Report', ''];

  lines.push('## Position', '');
  lines.push(`- Current stage: ${report.currentStage ? escapeMarkdown(report.currentStage.title) : 'not set'}`);
  lines.push(`- Target role: ${report.targetRole ? escapeMarkdown(report.targetRole.title) : 'not set'}`);
  lines.push(`- Generated: ${formatDate(report.generatedAt)} by DevOps Roadmap ${escapeMarkdown(report.extensionVersion)}`, '');

  lines.push('## Practiced skills', '');
  if (report.practiced.length === 0) lines.push('No skill is shown by the open repositories yet.', '');
  const techTitles = new Map(report.technologies.map((t) => [t.id, t.title]));
  for (const p of report.practiced) {
    lines.push(`### ${escapeMarkdown(p.title)}`, '');
    for (const ev of p.evidence) {
      const signal = techTitles.get(ev.signal) ?? practiceTitle(ev.signal) ?? ev.signal;
      const who = ev.authorship ? ` — ${escapeMarkdown(ev.authorship)}` : '';
      lines.push(`- ${code(`${ev.folder}/${ev.path}`)} (${escapeMarkdown(signal)})${who}`);
    }
    lines.push('');
  }

  lines.push('## Marked skills', '');
  if (report.marks.length === 0) lines.push('No skill is marked yet.', '');
  const groups: { label: string; test: (m: ReportMark) => boolean }[] = [
    { label: 'Done', test: (m) => m.mark === 'done' },
    { label: 'Learning', test: (m) => m.mark === 'learning' },
    { label: 'Skipped', test: (m) => m.mark === 'skipped' },
    { label: 'Notes', test: (m) => m.mark === undefined },
  ];
  for (const group of groups) {
    const items = report.marks.filter(group.test);
    if (items.length === 0) continue;
    lines.push(`### ${group.label}`, '');
    for (const m of items) lines.push(markLine(m));
    lines.push('');
  }

  lines.push('## Gaps', '');
  lines.push(...gapLines('To the next stage', report.gaps.nextStage, report.currentStage ? 'This is the last stage of the trunk.' : 'Set your current stage to see what the next one needs.'));
  lines.push(...gapLines('To the target role', report.gaps.target, 'Set a target role to see what it needs.'));

  lines.push('## Role fit', '');
  report.roleFit.forEach((f, i) => {
    const matched = f.matched.length ? `: ${f.matched.map(escapeMarkdown).join(', ')}` : '';
    lines.push(`${i + 1}. **${escapeMarkdown(f.title)}** — ${f.percent}% (${f.matched.length} of ${plural(f.total, 'skill')})${matched}`);
  });
  lines.push('');

  lines.push('## Detected technologies', '');
  if (report.technologies.length === 0) lines.push('None detected.');
  for (const t of report.technologies) {
    const fixtures = t.fixtureOnly ? ' · test fixtures only' : '';
    lines.push(`- **${escapeMarkdown(t.title)}** — ${plural(t.fileCount, 'file')} in ${t.folders.map(code).join(', ')}${fixtures}`);
  }
  lines.push('');

  if (report.orphaned.length > 0) {
    lines.push('## Orphaned marks', '', 'These skills are no longer in the roadmap data; their marks are kept.', '');
    for (const m of report.orphaned) lines.push(markLine(m));
    lines.push('');
  }
  return lines.join('\n');
}

function markLine(m: ReportMark): string {
  const name = m.title !== undefined ? `**${escapeMarkdown(m.title)}**` : code(m.skillId);
  const mark = m.mark && m.title === undefined ? ` (${m.mark})` : '';
  const note = m.note ? ` — ${escapeBlock(m.note, '  ')}` : '';
  return `- ${name}${mark}${note}`;
}

// ---------------------------------------------------------------------------------------------
// Import

const MARKS: readonly Mark[] = ['done', 'learning', 'skipped'];
const MAX_ID_LENGTH = 200;
/** Most mark items (marks and orphaned together) one import reads; the data set has a few hundred skills. */
export const MAX_IMPORT_ITEMS = 20_000;
/** Dates an imported mark may carry: from 2000-01-01 to one day after the import. */
const EARLIEST_UPDATE = Date.UTC(2000, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ImportRead {
  ok: true;
  progress: UserProgress;
  /** Items left out, one label and reason each (at most MAX_IMPORT_ITEMS + a few). */
  skipped: string[];
  /** Labels of the items whose note was cut to MAX_NOTE_LENGTH. */
  notesCut: string[];
  /** Labels of the items kept aside in `progress.unreadable` for a date out of range. */
  datesSetAside: string[];
  /** The dates accepted, as YYYY-MM-DD. */
  dateRange: { from: string; to: string };
  /** Mark items the report lists, and how many of them were not read for the item limit. */
  itemsListed: number;
  itemsLeftOut: number;
}

type ImportResult = ImportRead | { ok: false; reason: string };

/** What one import is reading: its limits, and what it has set aside or cut so far. */
interface ImportContext {
  earliest: number;
  latest: number;
  itemsLeft: number;
  itemsListed: number;
  skipped: string[];
  notesCut: string[];
  datesSetAside: string[];
  unreadable: UserProgress['unreadable'];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first MAX_NOTE_LENGTH characters, without half of a surrogate pair at the end. */
function cutNote(note: string): string {
  let end = MAX_NOTE_LENGTH;
  const last = note.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return note.slice(0, end);
}

/** One mark item of a report, or the reason it cannot be read. A long note is cut; a date out of range is flagged. */
function readMarkItem(item: unknown, ctx: ImportContext): { id: string; mark: SkillMark; noteCut: boolean; dateOutOfRange: boolean } | string {
  if (!isObject(item)) return 'not an object';
  const id = item.skillId;
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) return 'no skill id';
  if (isReservedId(id)) return 'reserved id';
  const mark: SkillMark = {};
  if (item.mark !== undefined) {
    if (!MARKS.includes(item.mark as Mark)) return `unknown mark ${JSON.stringify(String(item.mark)).slice(0, 40)}`;
    mark.mark = item.mark as Mark;
  }
  let noteCut = false;
  if (item.note !== undefined) {
    if (typeof item.note !== 'string') return 'note is not text';
    noteCut = item.note.length > MAX_NOTE_LENGTH;
    mark.note = noteCut ? cutNote(item.note) : item.note;
  }
  let dateOutOfRange = false;
  if (item.updated !== undefined) {
    const time = typeof item.updated === 'string' && item.updated.length <= 100 ? Date.parse(item.updated) : NaN;
    if (typeof item.updated !== 'string' || Number.isNaN(time)) return 'updated is not a date';
    dateOutOfRange = time < ctx.earliest || time > ctx.latest;
    mark.updated = item.updated;
  }
  if (mark.mark === undefined && mark.note === undefined) return 'neither mark nor note';
  return { id, mark, noteCut, dateOutOfRange };
}

function readMarkList(value: unknown, where: string, into: MarkRecord, ctx: ImportContext): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    ctx.skipped.push(`${where}: not a list`);
    return;
  }
  ctx.itemsListed += value.length;
  const count = Math.min(value.length, ctx.itemsLeft);
  ctx.itemsLeft -= count;
  for (let i = 0; i < count; i++) {
    const item: unknown = value[i];
    const read = readMarkItem(item, ctx);
    const label = isObject(item) && typeof item.skillId === 'string' ? `${where}[${i}] (${item.skillId.slice(0, MAX_ID_LENGTH)})` : `${where}[${i}]`;
    if (typeof read === 'string') {
      ctx.skipped.push(`${label}: ${read}`);
      continue;
    }
    if (read.noteCut) ctx.notesCut.push(label);
    if (read.dateOutOfRange) {
      // Kept aside with the state's other unreadable entries (the note already cut), never merged.
      ctx.datesSetAside.push(label);
      ctx.unreadable.push({ key: `import ${label}: dated out of range`, value: { skillId: read.id, ...read.mark } });
      continue;
    }
    const existing = own(into, read.id);
    if (existing) {
      ctx.skipped.push(`${label}: repeats ${read.id}`);
      if (!isNewer(read.mark.updated, existing.updated)) continue;
    }
    into[read.id] = read.mark;
  }
}

function readRefId(value: unknown): string | undefined {
  const id = isObject(value) ? value.id : value;
  return typeof id === 'string' && id.trim() !== '' && id.length <= MAX_ID_LENGTH ? id : undefined;
}

/**
 * Reads a report's marks, notes, current stage and target role back as progress. Refuses only what
 * is not a report at all or comes from a newer report version; malformed items are left out one by
 * one and named in `skipped`. Within limits: at most MAX_IMPORT_ITEMS items are read, notes are cut
 * to MAX_NOTE_LENGTH, and a mark dated before 2000 or more than a day after `now` is kept aside in
 * `unreadable` instead of merged. Never throws.
 */
export function parseProgressImport(json: unknown, now: Date = new Date()): ImportResult {
  try {
    if (!isObject(json)) return { ok: false, reason: 'The file is not a DevOps Roadmap report (expected a JSON object).' };
    if (json.format !== REPORT_FORMAT) return { ok: false, reason: `The file is not a DevOps Roadmap report (format is not "${REPORT_FORMAT}").` };
    const version = json.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, reason: 'The report has no valid version number.' };
    }
    if (version > REPORT_VERSION) {
      return {
        ok: false,
        reason: `The report was written by a newer version of DevOps Roadmap (report version ${version}; this one reads up to ${REPORT_VERSION}). Update the extension to import it.`,
      };
    }
    const progress = emptyProgress();
    const ctx: ImportContext = {
      earliest: EARLIEST_UPDATE,
      latest: now.getTime() + DAY_MS,
      itemsLeft: MAX_IMPORT_ITEMS,
      itemsListed: 0,
      skipped: [],
      notesCut: [],
      datesSetAside: [],
      unreadable: progress.unreadable,
    };
    const skipped = ctx.skipped;
    readMarkList(json.marks, 'marks', progress.marks, ctx);
    readMarkList(json.orphaned, 'orphaned', progress.orphaned, ctx);
    for (const id of Object.keys(progress.orphaned)) {
      if (own(progress.marks, id)) {
        skipped.push(`orphaned (${id}): also among the marks`);
        delete progress.orphaned[id];
      }
    }
    const fields = { currentStage: json.currentStage, targetRole: json.targetRole } as const;
    for (const key of ['currentStage', 'targetRole'] as const) {
      if (fields[key] === undefined) continue;
      const id = readRefId(fields[key]);
      if (id !== undefined) progress[key] = id;
      else skipped.push(`${key}: no id`);
    }
    return {
      ok: true,
      progress,
      skipped,
      notesCut: ctx.notesCut,
      datesSetAside: ctx.datesSetAside,
      dateRange: { from: new Date(ctx.earliest).toISOString().slice(0, 10), to: new Date(ctx.latest).toISOString().slice(0, 10) },
      itemsListed: ctx.itemsListed,
      itemsLeftOut: ctx.itemsListed - (MAX_IMPORT_ITEMS - ctx.itemsLeft),
    };
  } catch (error) {
    // Getters or proxies in a hand-made object: refuse rather than throw.
    return { ok: false, reason: `The report could not be read: ${String(error)}` };
  }
}

const count = (n: number): string => n.toLocaleString('en-GB');
const plural2 = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** At most `max` labels, each one line of at most 200 characters. */
function firstFew(labels: readonly string[], max = 5): string {
  return labels
    .slice(0, max)
    .map((l) => escapeControl(l.length > 200 ? `${l.slice(0, 200)}…` : l))
    .join('; ');
}

/**
 * What the user is told after an import (one notification) and what goes to the log (a few short
 * lines: counts and the first five items of each kind, never one line per item). `source` names
 * the imported file, which still holds the full text of any note that was cut.
 */
export function describeImport(result: ImportRead, source: string): { message: string; log: string[] } {
  const marks = Object.keys(result.progress.marks).length;
  const parts = [`DevOps Roadmap: imported ${plural2(marks, 'mark', 'marks')}.`];
  const log: string[] = [];
  const { notesCut, datesSetAside, skipped, itemsLeftOut, itemsListed } = result;
  const shownSource = escapeControl(source);
  if (notesCut.length > 0) {
    const were = notesCut.length === 1 ? 'was' : 'were';
    parts.push(`${plural2(notesCut.length, 'note', 'notes')} ${were} longer than ${count(MAX_NOTE_LENGTH)} characters and ${were} cut; the full text is still in ${shownSource}.`);
    log.push(`Import cut ${plural2(notesCut.length, 'note', 'notes')} to ${count(MAX_NOTE_LENGTH)} characters (the full text is in ${shownSource}); the first ${Math.min(5, notesCut.length)}: ${firstFew(notesCut)}`);
  }
  if (datesSetAside.length > 0) {
    const { from, to } = result.dateRange;
    parts.push(`${plural2(datesSetAside.length, 'mark', 'marks')} dated before ${from} or after ${to} ${datesSetAside.length === 1 ? 'was' : 'were'} kept aside, not merged.`);
    log.push(`Import kept ${plural2(datesSetAside.length, 'mark', 'marks')} aside for a date outside ${from} – ${to}; the first ${Math.min(5, datesSetAside.length)}: ${firstFew(datesSetAside)}`);
  }
  if (itemsLeftOut > 0) {
    parts.push(`The report lists ${count(itemsListed)} marks; only the first ${count(MAX_IMPORT_ITEMS)} were read, the other ${count(itemsLeftOut)} were left out.`);
    log.push(`Import read ${count(MAX_IMPORT_ITEMS)} of ${count(itemsListed)} mark items (the limit); ${count(itemsLeftOut)} were left out.`);
  }
  if (skipped.length > 0) {
    parts.push(`${plural2(skipped.length, 'unreadable entry was', 'unreadable entries were')} skipped (see the log).`);
    log.push(`Import skipped ${plural2(skipped.length, 'entry', 'entries')}; the first ${Math.min(5, skipped.length)}: ${firstFew(skipped)}`);
  }
  return { message: parts.join(' '), log };
}

/** Whether ISO time `a` is later than `b`; a time beats no time. */
function isNewer(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined) return false;
  if (b === undefined) return true;
  return Date.parse(a) > Date.parse(b);
}

function mergeNotes(winner: string | undefined, loser: string | undefined): string | undefined {
  if (winner === undefined || winner === '') return loser ?? winner;
  if (loser === undefined || loser === '' || winner.includes(loser)) return winner;
  if (loser.includes(winner)) return loser;
  return `${winner}\n\n${loser}`;
}

function mergeMark(current: SkillMark | undefined, imported: SkillMark): SkillMark {
  if (!current) return { ...imported };
  const importedWins = current.mark === undefined ? imported.mark !== undefined || isNewer(imported.updated, current.updated) : isNewer(imported.updated, current.updated);
  const [winner, loser] = importedWins ? [imported, current] : [current, imported];
  const out: SkillMark = {};
  const mark = winner.mark ?? loser.mark;
  if (mark !== undefined) out.mark = mark;
  const note = mergeNotes(winner.note, loser.note);
  if (note !== undefined) out.note = note;
  const updated = isNewer(loser.updated, winner.updated) ? loser.updated : (winner.updated ?? loser.updated);
  if (updated !== undefined) out.updated = updated;
  return out;
}

/**
 * Merges imported progress into the current one without dropping anything current holds: per
 * skill, the imported mark wins when it is newer by `updated` (or when the current entry has no
 * mark); notes of both sides are kept. The current stage and target stay when set, otherwise the
 * imported ones fill them. An id stays orphaned or not as the current progress has it.
 */
export function mergeProgress(current: UserProgress, imported: UserProgress): UserProgress {
  const marks = markRecord(current.marks);
  const orphaned = markRecord(current.orphaned);
  const unreadable = [...current.unreadable, ...imported.unreadable];
  const incoming: [string, SkillMark, 'marks' | 'orphaned'][] = [
    ...Object.entries(imported.marks).map(([id, m]) => [id, m, 'marks'] as [string, SkillMark, 'marks']),
    ...Object.entries(imported.orphaned).map(([id, m]) => [id, m, 'orphaned'] as [string, SkillMark, 'orphaned']),
  ];
  for (const [id, mark, side] of incoming) {
    if (isReservedId(id)) {
      unreadable.push({ key: `imported ${side}.${id}`, value: mark });
      continue;
    }
    const inMarks = own(marks, id);
    const inOrphaned = own(orphaned, id);
    if (inMarks) marks[id] = mergeMark(inMarks, mark);
    else if (inOrphaned) orphaned[id] = mergeMark(inOrphaned, mark);
    else if (side === 'marks') marks[id] = { ...mark };
    else orphaned[id] = { ...mark };
  }
  const out: UserProgress = { marks, orphaned, unreadable };
  const currentStage = current.currentStage ?? imported.currentStage;
  if (currentStage !== undefined) out.currentStage = currentStage;
  const targetRole = current.targetRole ?? imported.targetRole;
  if (targetRole !== undefined) out.targetRole = targetRole;
  return out;
}
