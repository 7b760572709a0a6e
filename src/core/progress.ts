/**
 * The pure progress model: what the scanner found in the workspace folders plus the user's own marks
 * give each skill a status, and each stage or role a completion. No `vscode` here.
 */

import type { FolderFindings } from './detection';
import type { Skill } from './model';
import type { EvidenceView } from './pageModel';
import { levelRank, type PortfolioLevels } from './portfolio/levels';

export type Mark = 'done' | 'learning' | 'skipped';

/** Where a skill stands for the user: found in their repositories, or their own mark. */
export type SkillStatus = 'practiced' | 'done' | 'learning' | 'skipped' | 'not-started';

export interface SkillMark {
  mark?: Mark;
  note?: string;
  /** ISO time of the last change, for export and sync conflict resolution. */
  updated?: string;
}

export type Marks = Readonly<Record<string, SkillMark>>;

/**
 * The scan results of every workspace folder, indexed by technology and practice id, and the
 * portfolio's levels when there is a portfolio: then a skill is practiced when its level says so
 * (evidence in any repository you worked on, open or not), not merely when an open folder shows it.
 */
export class EvidenceIndex {
  private readonly byId = new Map<string, EvidenceView[]>();

  static readonly empty = new EvidenceIndex([]);

  constructor(
    scans: readonly FolderFindings[],
    readonly portfolio?: PortfolioLevels,
  ) {
    for (const { folder, result } of scans) {
      for (const found of [...result.technologies, ...result.practices]) {
        const list = this.byId.get(found.id) ?? [];
        for (const path of found.evidence) list.push({ folder, path, signal: found.id });
        this.byId.set(found.id, list);
      }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Files that show any of the skill's evidence ids, technologies first, without repeats. */
  evidenceFor(skill: Skill): EvidenceView[] {
    const seen = new Set<string>();
    const out: EvidenceView[] = [];
    for (const id of [...skill.evidence.technologies, ...skill.evidence.practices]) {
      for (const ev of this.byId.get(id) ?? []) {
        const key = `${ev.folder}\0${ev.path}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(ev);
        }
      }
    }
    return out;
  }

  /** Whether a file is evidence of anything: the host opens only such files on the webview's request. */
  hasFile(folder: string, path: string): boolean {
    for (const list of this.byId.values()) if (list.some((ev) => ev.folder === folder && ev.path === path)) return true;
    return false;
  }

  isPracticed(skill: Skill): boolean {
    if (this.portfolio) return levelRank(this.portfolio.of(skill).evidenceLevel) >= levelRank('practiced');
    return [...skill.evidence.technologies, ...skill.evidence.practices].some((id) => this.byId.has(id));
  }
}

/**
 * A skill's status: the user's own mark wins where they made one ("skipped" hides a detection they
 * disagree with); otherwise evidence makes it practiced.
 */
export function skillStatus(skill: Skill, evidence: EvidenceIndex, marks: Marks): SkillStatus {
  const mark = marks[skill.id]?.mark;
  if (mark === 'done' || mark === 'skipped') return mark;
  if (evidence.isPracticed(skill)) return 'practiced';
  return mark ?? 'not-started';
}

export interface Completion {
  practiced: number;
  done: number;
  total: number;
}

/** How many of a node's skills are practiced (by evidence) or done (by the user's mark). */
export function completion(skills: readonly Skill[], evidence: EvidenceIndex, marks: Marks): Completion {
  let practiced = 0;
  let done = 0;
  for (const skill of skills) {
    const status = skillStatus(skill, evidence, marks);
    if (status === 'practiced') practiced++;
    else if (status === 'done') done++;
  }
  return { practiced, done, total: skills.length };
}

/** "3/7 practiced", "3/7 practiced · 2 done". */
export function describeCompletion(c: Completion): string {
  if (c.total === 0) return '';
  return c.done > 0 ? `${c.practiced}/${c.total} practiced · ${c.done} done` : `${c.practiced}/${c.total} practiced`;
}
