/**
 * Reading a report back as progress to import (within limits, never throwing), what the user is
 * told about it, and merging it into the current progress without losing anything. Pure.
 */

import * as l10n from '@vscode/l10n';
import type { Mark, SkillMark } from '../progress';
import { MAX_NOTE_LENGTH, emptyProgress, isReservedId, markRecord, type MarkRecord, type UserProgress } from '../userState';
import { escapeControl } from '../format';
import { REPORT_FORMAT, REPORT_VERSION, own } from './build';

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
    if (!isObject(json)) return { ok: false, reason: l10n.t('The file is not a DevOps Roadmap report (expected a JSON object).') };
    if (json.format !== REPORT_FORMAT) return { ok: false, reason: l10n.t('The file is not a DevOps Roadmap report (format is not "{0}").', REPORT_FORMAT) };
    const version = json.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, reason: l10n.t('The report has no valid version number.') };
    }
    if (version > REPORT_VERSION) {
      return {
        ok: false,
        reason: l10n.t(
          'The report was written by a newer version of DevOps Roadmap (report version {0}; this one reads up to {1}). Update the extension to import it.',
          version,
          REPORT_VERSION,
        ),
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
    return { ok: false, reason: l10n.t('The report could not be read: {0}', String(error)) };
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
  // The notification is translated; the log stays in English, for whoever reads it with the user.
  const parts = [marks === 1 ? l10n.t('DevOps Roadmap: imported 1 mark.') : l10n.t('DevOps Roadmap: imported {0} marks.', count(marks))];
  const log: string[] = [];
  const { notesCut, datesSetAside, skipped, itemsLeftOut, itemsListed } = result;
  const shownSource = escapeControl(source);
  if (notesCut.length > 0) {
    parts.push(
      notesCut.length === 1
        ? l10n.t('1 note was longer than {0} characters and was cut; the full text is still in {1}.', count(MAX_NOTE_LENGTH), shownSource)
        : l10n.t('{0} notes were longer than {1} characters and were cut; the full text is still in {2}.', count(notesCut.length), count(MAX_NOTE_LENGTH), shownSource),
    );
    log.push(
      `Import cut ${plural2(notesCut.length, 'note', 'notes')} to ${count(MAX_NOTE_LENGTH)} characters (the full text is in ${shownSource}); the first ${Math.min(5, notesCut.length)}: ${firstFew(notesCut)}`,
    );
  }
  if (datesSetAside.length > 0) {
    const { from, to } = result.dateRange;
    parts.push(
      datesSetAside.length === 1
        ? l10n.t('1 mark dated before {0} or after {1} was kept aside, not merged.', from, to)
        : l10n.t('{0} marks dated before {1} or after {2} were kept aside, not merged.', count(datesSetAside.length), from, to),
    );
    log.push(
      `Import kept ${plural2(datesSetAside.length, 'mark', 'marks')} aside for a date outside ${from} – ${to}; the first ${Math.min(5, datesSetAside.length)}: ${firstFew(datesSetAside)}`,
    );
  }
  if (itemsLeftOut > 0) {
    parts.push(l10n.t('The report lists {0} marks; only the first {1} were read, the other {2} were left out.', count(itemsListed), count(MAX_IMPORT_ITEMS), count(itemsLeftOut)));
    log.push(`Import read ${count(MAX_IMPORT_ITEMS)} of ${count(itemsListed)} mark items (the limit); ${count(itemsLeftOut)} were left out.`);
  }
  if (skipped.length > 0) {
    parts.push(
      skipped.length === 1 ? l10n.t('1 unreadable entry was skipped (see the log).') : l10n.t('{0} unreadable entries were skipped (see the log).', count(skipped.length)),
    );
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
