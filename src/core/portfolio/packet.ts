/**
 * "Export Promotion Packet": a Markdown brag document for a review. The next stage's milestone and
 * the signs that you are ready for it, each with the dated evidence of your repositories that
 * supports it; the skills table with levels and why; the gaps still open. Everything from a
 * repository or the user is escaped to render literally. Pure: the shell writes the file.
 */

import * as l10n from '@vscode/l10n';
import { badgeWord } from './pageViews';
import type { Skill, Stage } from '../model';
import type { RoadmapIndex } from '../roadmap';
import { escapeMarkdown } from '../report/markdown';
import { nextTrunkStage, whatsNext } from '../insights';
import type { EvidenceIndex, Marks } from '../progress';
import { levelRank, monthYear, type PortfolioLevels, type SkillLevel } from './levels';
import { evidenceTitle } from './profile';

/**
 * Which skills can speak for a readiness sign, by the sign's words: the signs are prose, so this
 * table ties their themes to skill categories. A sign no row matches gets no file evidence (it is
 * about people, and the packet says to tell it in your own words).
 */
export const SIGN_THEMES: readonly { words: RegExp; categories: readonly string[] }[] = [
  { words: /\b(?:ship|deploy\w*|stack|deliver\w*)\b/i, categories: ['ci-cd', 'containers', 'orchestration', 'gitops'] },
  { words: /\b(?:infrastructure|iac|design\w*|architect\w*)\b/i, categories: ['iac', 'cloud', 'networking'] },
  { words: /\b(?:production|diagnose|incidents?|pager|on-call|systems?)\b/i, categories: ['observability', 'reliability', 'security'] },
  { words: /\b(?:practices|standards?)\b/i, categories: ['iac', 'ci-cd', 'security', 'observability'] },
];

const MAX_SKILLS_PER_SIGN = 3;
const MAX_FILES_PER_SKILL = 3;

export interface PacketInput {
  index: RoadmapIndex;
  levels: PortfolioLevels;
  evidence: EvidenceIndex;
  marks: Marks;
  position: { currentStage?: string; targetRole?: string };
  repositories: number;
  now: Date;
}

function dateSpan(first: string | undefined, last: string | undefined): string {
  if (!last) return '';
  const a = first ? monthYear(first) : undefined;
  const b = monthYear(last);
  return a && a !== b ? `${a} – ${b}` : b;
}

/** "`infra`: modules/vpc/main.tf (your commits February 2024 – March 2026)". */
function evidenceLines(level: SkillLevel, names: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of level.facts.evidence) {
    const key = `${e.repository}\0${e.path}`;
    if (seen.has(key) || lines.length >= MAX_FILES_PER_SKILL) continue;
    seen.add(key);
    const who = e.yours ? l10n.t('your commits {0}', dateSpan(e.firstYours, e.lastYours)) : e.yours === false ? l10n.t('written by others') : l10n.t('authorship not read');
    lines.push(`${escapeMarkdown(names.get(e.repository) ?? e.root)}: ${escapeMarkdown(e.path)} (${who})`);
  }
  return lines;
}

function levelText(level: SkillLevel): string {
  return [badgeWord(level.level), level.claim ? l10n.t('your claim') : '', level.rusty ? l10n.t('rusty') : ''].filter(Boolean).join(', ');
}

export function promotionPacket(input: PacketInput): string {
  const { index, levels, now } = input;
  const titleOf = (id: string) => evidenceTitle(index, id);
  const levelOf = (skill: Skill) => levels.of(skill, titleOf);
  const names = new Map(levels.records.map((r) => [r.identity, r.name] as const));
  const current = index.stages.find((s) => s.id === input.position.currentStage) ?? index.stages[0];
  const next: Stage | undefined = nextTrunkStage(index, current.id);
  const lines: string[] = [];
  lines.push(`# ${l10n.t('Promotion packet: {0}', next ? `${escapeMarkdown(current.title)} → ${escapeMarkdown(next.title)}` : escapeMarkdown(current.title))}`, '');
  const date = now.toISOString().slice(0, 10);
  const written =
    input.repositories === 1
      ? l10n.t('Written {0} from 1 repository in your portfolio, on this machine; nothing was sent anywhere.', date)
      : l10n.t('Written {0} from {1} repositories in your portfolio, on this machine; nothing was sent anywhere.', date, input.repositories);
  lines.push(`_${written} ${l10n.t('Levels come from files and git history; "your claim" marks a skill you marked done without files to show it.')}_`, '');
  if (!input.position.currentStage) lines.push(`_${l10n.t('No current stage is set (Set My Current Stage…), so the packet starts from the first stage.')}_`, '');

  const shown = (skills: readonly Skill[]) =>
    skills
      .map((skill) => ({ skill, level: levelOf(skill) }))
      .filter(({ level }) => levelRank(level.evidenceLevel) >= levelRank('practiced'))
      .sort((a, b) => levelRank(b.level.level) - levelRank(a.level.level) || (b.level.facts.lastAuthored ?? '').localeCompare(a.level.facts.lastAuthored ?? ''));
  const skillBlock = ({ skill, level }: { skill: Skill; level: SkillLevel }) => [
    `- **${escapeMarkdown(skill.title)}** (${levelText(level)}): ${escapeMarkdown(level.why)}`,
    ...evidenceLines(level, names).map((l) => `  - ${l}`),
  ];

  if (next) {
    lines.push(`## ${l10n.t('Milestone: {0}', escapeMarkdown(next.milestone))}`, '');
    const nextSkills = shown(index.skillsOf(next.id));
    if (nextSkills.length === 0) lines.push(l10n.t('No skill of {0} shows in your repositories yet.', escapeMarkdown(next.title)));
    else lines.push(l10n.t('What your repositories already show of {0}:', escapeMarkdown(next.title)), '', ...nextSkills.flatMap(skillBlock));
    lines.push('');
  }

  lines.push(`## ${next ? l10n.t('Signs you are ready for {0}', escapeMarkdown(next.title)) : l10n.t('Signs you are ready')}`, '');
  const stageSkills = [...index.skillsOf(current.id), ...(next ? index.skillsOf(next.id) : [])].filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i);
  for (const sign of current.readiness) {
    lines.push(`### ${escapeMarkdown(sign)}`, '');
    const categories = new Set(SIGN_THEMES.filter((t) => t.words.test(sign)).flatMap((t) => t.categories));
    const support = shown(stageSkills.filter((s) => categories.has(s.category))).slice(0, MAX_SKILLS_PER_SIGN);
    if (support.length === 0) lines.push(`_${l10n.t('No repository shows this: tell it with an example in your own words.')}_`);
    else lines.push(...support.flatMap(skillBlock));
    lines.push('');
  }

  lines.push(`## ${l10n.t('Skills')}`, '', `| ${l10n.t('Skill')} | ${l10n.t('Level')} | ${l10n.t('Why')} |`, '| --- | --- | --- |');
  for (const skill of stageSkills) {
    const level = levelOf(skill);
    lines.push(
      `| ${escapeMarkdown(skill.title)} | ${levelText(level)} | ${escapeMarkdown(skill.detectable || level.claim ? level.why : l10n.t('No file can show this skill.'))} |`,
    );
  }
  lines.push('');

  const ahead = whatsNext(index, input.evidence, input.marks, { currentStage: current.id, targetRole: input.position.targetRole });
  const gaps = [...(ahead.nextStage?.missing ?? []), ...(ahead.target?.missing ?? [])];
  lines.push(`## ${l10n.t('Gaps still open')}`, '');
  if (gaps.length === 0) lines.push(l10n.t('None: every skill of the next step is practiced or marked done.'));
  for (const gap of gaps) lines.push(`- **${escapeMarkdown(gap.skill.title)}** (${badgeWord(levelOf(gap.skill).level)}): ${escapeMarkdown(gap.howToEvidence)}`);
  lines.push('');
  return lines.join('\n');
}
