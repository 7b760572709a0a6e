/**
 * The skills report, built: a JSON-able snapshot of what the workspace shows and what the user
 * marked (position, practiced skills with their evidence, marks, gaps, role fit, detected
 * technologies). Pure: no `vscode`, no fs.
 */

import type { Mark, SkillMark, SkillStatus } from '../progress';
import type { EvidenceIndex } from '../progress';
import { roleFit, whatsNext, type Step } from '../insights';
import type { RoadmapIndex } from '../roadmap';
import { markRecord, type UserProgress } from '../userState';
import type { FolderFindings } from '../detection';

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
  /** The missing skills listed under this step, in the order worth learning them. */
  missing: ReportGapSkill[];
  /**
   * Target only: skills it still needs that are listed under the next stage instead (each missing
   * skill is listed once). `have + missing.length + listedUnderNextStage.length === total`.
   */
  listedUnderNextStage?: Ref[];
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

function gapData(step: Step, kind: 'nextStage' | 'target'): ReportGaps {
  return {
    ...(step.from ? { from: { ...step.from } } : {}),
    to: { ...step.to },
    have: step.have,
    total: step.total,
    missing: step.missing.map((g) => ({
      skillId: g.skill.id,
      title: g.skill.title,
      status: g.status,
      detectable: g.skill.detectable,
      howToEvidence: g.howToEvidence,
    })),
    ...(kind === 'target' ? { listedUnderNextStage: step.listedAbove.map((g) => ({ id: g.skill.id, title: g.skill.title })) } : {}),
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

/** A record's own entry: never one inherited from its prototype (`__proto__`, `constructor`). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
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
    .sort((a, b) => (a.mark ? MARK_ORDER[a.mark] : 3) - (b.mark ? MARK_ORDER[b.mark] : 3) || (a.title ?? a.skillId).localeCompare(b.title ?? b.skillId));

  const current = progress.currentStage;
  const next = whatsNext(index, evidence, marks, progress);
  const gaps: SkillsReport['gaps'] = {};
  if (next.nextStage) gaps.nextStage = gapData(next.nextStage, 'nextStage');
  if (next.target) gaps.target = gapData(next.target, 'target');

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
