/**
 * The portfolio as one plain value: the repositories with what each shows, and every skill they
 * show with its level and why. The CLI prints it (`devops-roadmap profile --json`, the issue's
 * shape exactly); the promotion packet and My Progress read the same levels. Pure.
 */

import type { Skill } from '../model';
import type { Marks } from '../progress';
import type { RoadmapIndex } from '../roadmap';
import { practiceTitle } from '../detection';
import type { RepositoryRecord } from './ledger';
import { levelRank, skillLevels, type Level, type SkillLevel } from './levels';

export interface ProfileRepository {
  root: string;
  name: string;
  scannedAt: string;
  technologies: string[];
  practices: string[];
  authored: { email: string | null; yourCommits: number; otherCommits: number; firstYours: string | null; lastYours: string | null } | null;
}

export interface ProfileSkill {
  id: string;
  title: string;
  level: Level;
  why: string;
  repositories: string[];
  evidence: { repository: string; path: string; id: string }[];
  lastAuthored: string | null;
  rusty: boolean;
}

export interface Profile {
  repositories: ProfileRepository[];
  skills: ProfileSkill[];
}

/** How the views and sentences name an evidence id. */
export function evidenceTitle(index: RoadmapIndex, id: string): string {
  return index.titleOf(id) ?? practiceTitle(id) ?? id;
}

function repositorySummary(record: RepositoryRecord): ProfileRepository {
  let authored: ProfileRepository['authored'] = null;
  if (record.authored) {
    let yourCommits = 0;
    let otherCommits = 0;
    let firstYours: string | null = null;
    let lastYours: string | null = null;
    for (const a of Object.values(record.authored.files)) {
      yourCommits += a.yourCommits;
      otherCommits += a.otherCommits;
      if (a.firstYours && (firstYours === null || Date.parse(a.firstYours) < Date.parse(firstYours))) firstYours = a.firstYours;
      if (a.lastYours && (lastYours === null || Date.parse(a.lastYours) > Date.parse(lastYours))) lastYours = a.lastYours;
    }
    authored = { email: record.authored.email ?? null, yourCommits, otherCommits, firstYours, lastYours };
  }
  return {
    root: record.root,
    name: record.name,
    scannedAt: record.scannedAt,
    technologies: record.technologies.map((t) => t.id),
    practices: record.practices.map((p) => p.id),
    authored,
  };
}

export interface ProfileOptions {
  now: Date;
  rustyMonths?: number;
}

/** Every skill's level (the records indexed once), titled the roadmap's way. */
export function portfolioLevels(index: RoadmapIndex, records: readonly RepositoryRecord[], marks: Marks, options: ProfileOptions): Map<string, SkillLevel> {
  return skillLevels(index.roadmap.skills, records, marks, { ...options, titleOf: (id) => evidenceTitle(index, id) });
}

/**
 * The profile of `records`: repositories in the given order, and the skills above `none`, highest
 * level first, then by title. Deterministic apart from the timestamps the records carry.
 */
export function buildProfile(index: RoadmapIndex, records: readonly RepositoryRecord[], marks: Marks, options: ProfileOptions): Profile {
  const levels = portfolioLevels(index, records, marks, options);
  const skills = index.roadmap.skills
    .map((skill: Skill) => ({ skill, level: levels.get(skill.id)! }))
    .filter(({ level }) => level.level !== 'none')
    .sort((a, b) => levelRank(b.level.level) - levelRank(a.level.level) || a.skill.title.localeCompare(b.skill.title))
    .map(({ skill, level }) => ({
      id: skill.id,
      title: skill.title,
      level: level.level,
      why: level.why,
      repositories: level.facts.repositories,
      evidence: level.facts.evidence.map((e) => ({ repository: e.root, path: e.path, id: e.id })),
      lastAuthored: level.facts.lastAuthored ?? null,
      rusty: level.rusty,
    }));
  return { repositories: records.map(repositorySummary), skills };
}
