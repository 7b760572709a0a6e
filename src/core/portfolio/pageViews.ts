/**
 * What the pages show of the portfolio: a skill's level with its why, and the journey timeline of
 * My Progress. Types for the page model and the functions that fill them. Pure.
 */

import * as l10n from '@vscode/l10n';
import type { Skill } from '../model';
import type { RoadmapIndex } from '../roadmap';
import type { EvidenceIndex } from '../progress';
import { levelRank, type Level, type PortfolioLevels } from './levels';
import { evidenceTitle } from './profile';

export interface LevelView {
  level: Level;
  why: string;
  /** Resting on the user's "done" mark, not on files. */
  claim: boolean;
  rusty: boolean;
}

export interface JourneyEntry {
  id: string;
  title: string;
  level: Level;
  /** ISO times of your first and last commit on the skill's evidence. */
  first: string;
  last: string;
  rusty: boolean;
}

/** "Your DevOps journey": when you first and last practised each skill, by your commits. */
export interface JourneyView {
  entries: JourneyEntry[];
  /** The rusty setting, for the legend. */
  rustyMonths: number;
  /** The span of the chart. */
  from: string;
  to: string;
}

/** The skill's level for a page, when a portfolio is loaded. */
export function levelView(evidence: EvidenceIndex, skill: Skill, index: RoadmapIndex): LevelView | undefined {
  const level = evidence.portfolio?.of(skill, (id) => evidenceTitle(index, id));
  return level ? { level: level.level, why: level.why, claim: level.claim, rusty: level.rusty } : undefined;
}

/** Skills with commits of yours on their evidence, by when you first practised them (none yet: no entries). */
export function journeyView(index: RoadmapIndex, levels: PortfolioLevels): JourneyView {
  const entries: JourneyEntry[] = [];
  for (const skill of index.roadmap.skills) {
    const level = levels.of(skill);
    const { firstAuthored, lastAuthored } = level.facts;
    if (!firstAuthored || !lastAuthored || levelRank(level.evidenceLevel) < levelRank('practiced')) continue;
    entries.push({ id: skill.id, title: skill.title, level: level.level, first: firstAuthored, last: lastAuthored, rusty: level.rusty });
  }
  entries.sort((a, b) => a.first.localeCompare(b.first) || a.title.localeCompare(b.title));
  const to = levels.now.toISOString();
  return { entries, rustyMonths: levels.rustyMonths, from: entries[0]?.first ?? to, to };
}

/**
 * A skill row's badge in the Career Tree: the level where files show the skill ("proficient ·
 * rusty", "aware"), else the status as before ("done", "learning", "skipped", nothing).
 */
export function skillBadge(status: 'practiced' | 'done' | 'learning' | 'skipped' | 'not-started', level: LevelView | undefined): string {
  if (status === 'practiced' && level) return level.rusty ? l10n.t('{0} · rusty', badgeWord(level.level)) : badgeWord(level.level);
  if (status === 'not-started' && level?.level === 'aware') return badgeWord('aware');
  return status === 'not-started' ? '' : badgeWord(status);
}

/** A badge's word, lower case as it reads after a row's title. */
export function badgeWord(word: LevelView['level'] | 'done' | 'learning' | 'skipped'): string {
  switch (word) {
    case 'none':
      return l10n.t('none');
    case 'aware':
      return l10n.t('aware');
    case 'practiced':
      return l10n.t('practiced');
    case 'proficient':
      return l10n.t('proficient');
    case 'expert':
      return l10n.t('expert');
    case 'done':
      return l10n.t('done');
    case 'learning':
      return l10n.t('learning');
    case 'skipped':
      return l10n.t('skipped');
  }
}
