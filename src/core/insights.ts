/**
 * What the progress model concludes: the skills still missing for the next step (gaps) and how
 * well the user's evidence and marks fit each specialisation (role fit). Pure, no `vscode`.
 */

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
  have: number;
  total: number;
}

const ORDER: Record<SkillStatus, number> = { learning: 0, 'not-started': 1, skipped: 2, practiced: 9, done: 9 };

function howToEvidence(skill: Skill, index: RoadmapIndex): string {
  if (!skill.detectable) return 'No file can show this skill: mark it done when you have it.';
  if (skill.evidenceHint) return skill.evidenceHint;
  const names = [...skill.evidence.technologies, ...skill.evidence.practices].map((id) => index.titleOf(id) ?? practiceTitle(id) ?? id);
  return `Use ${names.slice(0, 3).join(', ')} in a repository you have open.`;
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
  for (const skill of skills) {
    const status = skillStatus(skill, evidence, marks);
    if (status === 'practiced' || status === 'done') continue;
    missing.push({ skill, status, howToEvidence: howToEvidence(skill, index), reach: index.rolesNeedingSkill(skill.id).length });
  }
  missing.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      b.reach - a.reach ||
      Number(b.skill.detectable) - Number(a.skill.detectable) ||
      a.skill.title.localeCompare(b.skill.title),
  );
  const from = fromId ? index.get(fromId) : undefined;
  return {
    from: from ? { id: fromId!, title: from.title } : undefined,
    to: { id: targetId, title: target.title },
    missing,
    have: skills.length - missing.length,
    total: skills.length,
  };
}

/** The stage after `stageId` on the trunk, if any. */
export function nextTrunkStage(index: RoadmapIndex, stageId: string): Stage | undefined {
  const stage = index.stages.find((s) => s.id === stageId);
  return stage ? index.stages.find((s) => s.order === stage.order + 1) : undefined;
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
