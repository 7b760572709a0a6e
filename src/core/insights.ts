/**
 * What the progress model concludes: the skills still missing for the next step (gaps), what comes
 * next for the user (`whatsNext`: the one computation behind My Progress, the report and the status
 * bar) and how well the user's evidence and marks fit each specialisation (role fit). Pure, no `vscode`.
 */

import * as l10n from '@vscode/l10n';
import type { Branch, Skill, Stage } from './model';
import type { RoadmapIndex } from './roadmap';
import { EvidenceIndex, skillStatus, type Marks, type SkillStatus } from './progress';
import { practiceTitle } from './detection';

export interface Gap {
  skill: Skill;
  status: SkillStatus;
  /** What would show the skill in a repository, or why it cannot be shown. */
  howToEvidence: string;
  /** How many stages and roles of the roadmap need this skill: a rough measure of how much it opens up. */
  reach: number;
}

export interface GapReport {
  from?: { id: string; title: string };
  to: { id: string; title: string };
  missing: Gap[];
  /** Skills practiced or done: `total - missing.length`. */
  have: number;
  total: number;
  /** Of `have`: shown by the workspace, and marked done by the user. */
  practiced: number;
  done: number;
}

const ORDER: Record<SkillStatus, number> = { learning: 0, 'not-started': 1, skipped: 2, practiced: 9, done: 9 };

function howToEvidence(skill: Skill, index: RoadmapIndex): string {
  if (!skill.detectable) return l10n.t('No file can show this skill: mark it done when you have it.');
  if (skill.evidenceHint) return skill.evidenceHint;
  const names = [...skill.evidence.technologies, ...skill.evidence.practices].map((id) => index.titleOf(id) ?? practiceTitle(id) ?? id);
  return l10n.t('Use {0} in a repository you have open.', names.slice(0, 3).join(', '));
}

/**
 * The skills of `target` that are neither practiced nor done, in the order worth learning them:
 * what you are already learning first, then skills many roles need, then skills a repository can
 * show (quick to prove), then the rest; skipped skills last.
 */
export function gapsTo(index: RoadmapIndex, targetId: string, evidence: EvidenceIndex, marks: Marks, fromId?: string): GapReport | undefined {
  const target = index.get(targetId);
  if (!target) return undefined;
  const skills = index.skillsOf(targetId);
  const missing: Gap[] = [];
  let practiced = 0;
  let done = 0;
  for (const skill of skills) {
    const status = skillStatus(skill, evidence, marks);
    if (status === 'practiced') practiced++;
    if (status === 'done') done++;
    if (status === 'practiced' || status === 'done') continue;
    missing.push({ skill, status, howToEvidence: howToEvidence(skill, index), reach: index.rolesNeedingSkill(skill.id).length });
  }
  missing.sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || b.reach - a.reach || Number(b.skill.detectable) - Number(a.skill.detectable) || a.skill.title.localeCompare(b.skill.title),
  );
  const from = fromId ? index.get(fromId) : undefined;
  return {
    from: from ? { id: fromId!, title: from.title } : undefined,
    to: { id: targetId, title: target.title },
    missing,
    have: skills.length - missing.length,
    total: skills.length,
    practiced,
    done,
  };
}

/** The stage after `stageId` on the trunk, if any. */
export function nextTrunkStage(index: RoadmapIndex, stageId: string): Stage | undefined {
  const stage = index.stages.find((s) => s.id === stageId);
  return stage ? index.stages.find((s) => s.order === stage.order + 1) : undefined;
}

/** A step the user is heading for, with the gaps to list under it. */
export interface Step extends GapReport {
  /** The missing skills to list under this step: those no earlier step lists. */
  missing: Gap[];
  /** Missing skills of this step that an earlier step (the next stage) lists already. */
  listedAbove: Gap[];
}

/**
 * What comes next for the user. My Progress, the skills report and the status bar all read it, so
 * they agree: both the next stage and the target are shown when both are set (also when the target
 * is the next stage), and a skill missing for both is listed once, under the next stage, the nearer
 * step. For every step, `have + missing.length + listedAbove.length === total`.
 */
export interface WhatsNext {
  /** The user's current stage, when it is a stage of the trunk. */
  current?: Stage;
  /** The stage after the current one; absent without a current stage, and at the top of the trunk. */
  nextStage?: Step & { stage: Stage };
  /** The target role; absent when none is set or it is no longer in the data. */
  target?: Step & { isNextStage: boolean };
  /** The step the status bar measures: the next stage, or else the target. */
  headline?: Step;
}

export function whatsNext(index: RoadmapIndex, evidence: EvidenceIndex, marks: Marks, position: { currentStage?: string; targetRole?: string }): WhatsNext {
  const current = position.currentStage ? index.stages.find((s) => s.id === position.currentStage) : undefined;
  const following = current ? nextTrunkStage(index, current.id) : undefined;
  const nextReport = following ? gapsTo(index, following.id, evidence, marks, current?.id) : undefined;
  const nextStage = following && nextReport ? { ...nextReport, listedAbove: [], stage: following } : undefined;
  const targetReport = position.targetRole ? gapsTo(index, position.targetRole, evidence, marks, current?.id) : undefined;
  let target: WhatsNext['target'];
  if (targetReport) {
    const above = new Set(nextStage?.missing.map((g) => g.skill.id));
    target = {
      ...targetReport,
      missing: targetReport.missing.filter((g) => !above.has(g.skill.id)),
      listedAbove: targetReport.missing.filter((g) => above.has(g.skill.id)),
      isNextStage: targetReport.to.id === nextStage?.to.id,
    };
  }
  return { current, nextStage, target, headline: nextStage ?? target };
}

/** The share of a step's skills practiced or done, 0..100; a step without skills is complete. */
export function percentDone(step: Pick<GapReport, 'have' | 'total'>): number {
  return step.total ? Math.round((100 * step.have) / step.total) : 100;
}

export interface RoleFit {
  id: string;
  title: string;
  /** 0..100 */
  percent: number;
  /** The skills behind the figure: practiced or done ones. */
  matched: { id: string; title: string; status: SkillStatus }[];
  total: number;
}

/**
 * How well each specialisation fits the user: the share of its skills practiced (found in the
 * workspace) or done (marked), with learning counted as half. Ranked best first, ties by title.
 */
export function roleFit(index: RoadmapIndex, evidence: EvidenceIndex, marks: Marks): RoleFit[] {
  const fits = index.roadmap.branches.map((branch: Branch) => {
    const skills = index.skillsOf(branch.id);
    let score = 0;
    const matched: RoleFit['matched'] = [];
    for (const skill of skills) {
      const status = skillStatus(skill, evidence, marks);
      if (status === 'practiced' || status === 'done') {
        score += 1;
        matched.push({ id: skill.id, title: skill.title, status });
      } else if (status === 'learning') score += 0.5;
    }
    return { id: branch.id, title: branch.title, percent: skills.length ? Math.round((100 * score) / skills.length) : 0, matched, total: skills.length };
  });
  return fits.sort((a, b) => b.percent - a.percent || b.matched.length - a.matched.length || a.title.localeCompare(b.title));
}
