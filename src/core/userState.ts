/**
 * The user's own progress as it is stored: marks and notes per skill, current stage and target
 * role, marks whose skill left the data set, and entries that could not be read. Pure: validation
 * and repair live here so they are unit-tested without VS Code.
 */

import type { Mark, SkillMark } from './progress';

export const PROGRESS_KEY = 'devopsRoadmap.progress';

/** What a user may aim for: any stage, specialisation, track or ladder level. */
export const TARGET_ROLE_KINDS: readonly string[] = ['stage', 'branch', 'track', 'level'];
export const PROGRESS_VERSION = 1;

/**
 * Marks and notes by skill id. Always an object without a prototype (`markRecord()`): an id such as
 * `__proto__` or `constructor` can then never re-parent it or read an inherited property.
 */
export type MarkRecord = Record<string, SkillMark>;

export interface UserProgress {
  marks: MarkRecord;
  currentStage?: string;
  targetRole?: string;
  /** Marks whose skill id no longer exists in the data: shown to the user, never deleted. */
  orphaned: MarkRecord;
  /** Entries of the wrong shape, kept verbatim so nothing is lost. */
  unreadable: { key: string; value: unknown }[];
}

/** Longest note the UI accepts (the note input box refuses more); imports cut longer ones. */
export const MAX_NOTE_LENGTH = 2000;

/** A new marks object without a prototype, holding a copy of `from`'s own entries. */
export function markRecord(from?: Readonly<MarkRecord>): MarkRecord {
  const out = Object.create(null) as MarkRecord;
  if (from) for (const id of Object.keys(from)) out[id] = from[id];
  return out;
}

/**
 * Ids that name a property of every object. They are never stored as marks: a saved one is set
 * aside with the other unreadable entries, an imported one is skipped.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id);
}

export function emptyProgress(): UserProgress {
  return { marks: markRecord(), orphaned: markRecord(), unreadable: [] };
}

const MARKS: readonly Mark[] = ['done', 'learning', 'skipped'];

function readMark(value: unknown): SkillMark | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const out: SkillMark = {};
  if (v.mark !== undefined) {
    if (!MARKS.includes(v.mark as Mark)) return undefined;
    out.mark = v.mark as Mark;
  }
  if (v.note !== undefined) {
    if (typeof v.note !== 'string') return undefined;
    out.note = v.note;
  }
  if (typeof v.updated === 'string') out.updated = v.updated;
  return out.mark !== undefined || out.note !== undefined ? out : undefined;
}

function readMarks(value: unknown, where: string, unreadable: UserProgress['unreadable']): MarkRecord {
  const out = markRecord();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    unreadable.push({ key: where, value });
    return out;
  }
  for (const [id, raw] of Object.entries(value)) {
    const mark = isReservedId(id) ? undefined : readMark(raw);
    if (mark) out[id] = mark;
    else unreadable.push({ key: `${where}.${id}`, value: raw });
  }
  return out;
}

/**
 * Accepts a stored progress record, keeping every readable entry and moving unreadable ones into
 * `unreadable` (so one bad entry never costs the user the rest); `setAside` names the entries moved
 * by this call, for one warning. Fails only when the record is not an object at all.
 */
export function validateProgress(data: unknown): { ok: true; value: UserProgress; setAside: string[] } | { ok: false; reason: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'progress is not an object' };
  const d = data as Record<string, unknown>;
  const unreadable: UserProgress['unreadable'] = Array.isArray(d.unreadable) ? [...d.unreadable] : [];
  const before = unreadable.length;
  const value: UserProgress = {
    marks: readMarks(d.marks, 'marks', unreadable),
    orphaned: readMarks(d.orphaned, 'orphaned', unreadable),
    unreadable,
  };
  for (const key of ['currentStage', 'targetRole'] as const) {
    if (typeof d[key] === 'string') value[key] = d[key] as string;
    else if (d[key] !== undefined) unreadable.push({ key, value: d[key] });
  }
  return { ok: true, value, setAside: unreadable.slice(before).map((u) => u.key) };
}

/**
 * Moves marks of skills that are no longer in the data set into `orphaned`, and brings back
 * orphans whose skill returned. Returns the same object when nothing moved.
 */
export function reconcileWithData(progress: UserProgress, knownSkill: (id: string) => boolean): UserProgress {
  const moveOut = Object.keys(progress.marks).filter((id) => !knownSkill(id));
  const moveBack = Object.keys(progress.orphaned).filter((id) => knownSkill(id));
  if (moveOut.length === 0 && moveBack.length === 0) return progress;
  const marks = markRecord(progress.marks);
  const orphaned = markRecord(progress.orphaned);
  for (const id of moveOut) {
    orphaned[id] = marks[id];
    delete marks[id];
  }
  for (const id of moveBack) {
    marks[id] = orphaned[id];
    delete orphaned[id];
  }
  return { ...progress, marks, orphaned };
}

/** Sets or clears (`undefined`) a skill's mark, keeping its note. */
export function withMark(progress: UserProgress, skillId: string, mark: Mark | undefined, now: Date): UserProgress {
  const current = ownMark(progress.marks, skillId) ?? {};
  const next: SkillMark = { ...current, mark, updated: now.toISOString() };
  if (mark === undefined) delete next.mark;
  return withEntry(progress, skillId, next);
}

/** Sets or clears (empty text) a skill's note, keeping its mark. */
export function withNote(progress: UserProgress, skillId: string, note: string, now: Date): UserProgress {
  const current = ownMark(progress.marks, skillId) ?? {};
  const next: SkillMark = { ...current, note: note.trim() || undefined, updated: now.toISOString() };
  if (next.note === undefined) delete next.note;
  return withEntry(progress, skillId, next);
}

/** The entry stored under `id` itself, never one inherited from a prototype. */
export function ownMark(record: Readonly<MarkRecord>, id: string): SkillMark | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

function withEntry(progress: UserProgress, skillId: string, entry: SkillMark): UserProgress {
  if (isReservedId(skillId)) return progress;
  const marks = markRecord(progress.marks);
  if (entry.mark === undefined && entry.note === undefined) delete marks[skillId];
  else marks[skillId] = entry;
  return { ...progress, marks };
}

export function withPosition(progress: UserProgress, change: { currentStage?: string | null; targetRole?: string | null }): UserProgress {
  const next = { ...progress };
  if (change.currentStage !== undefined) {
    if (change.currentStage === null) delete next.currentStage;
    else next.currentStage = change.currentStage;
  }
  if (change.targetRole !== undefined) {
    if (change.targetRole === null) delete next.targetRole;
    else next.targetRole = change.targetRole;
  }
  return next;
}
