/**
 * Depth levels: how far a skill goes in the user's portfolio, from every repository record and the
 * user's own marks, with one sentence saying why. The rules are a table (`LEVEL_RULES`, copied into
 * the README); every boundary has a unit test. Pure: no `vscode`, no `node:*`.
 */

import * as l10n from '@vscode/l10n';
import type { Skill } from '../model';
import type { Marks } from '../progress';
import type { RepositoryRecord } from './ledger';

export const LEVELS = ['none', 'aware', 'practiced', 'proficient', 'expert'] as const;
export type Level = (typeof LEVELS)[number];

/** The thresholds of the rules, in one place (README: "Depth levels"). */
export const LEVEL_RULES = {
  proficient: { repositories: 2, commits: 10, depthPractices: 1 },
  expert: { repositories: 3, commits: 50, depthPractices: 2 },
} as const;

/** Months without a commit of yours on a skill's evidence before it is flagged rusty (setting). */
export const DEFAULT_RUSTY_MONTHS = 12;

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** One evidence file of a skill in one repository, with whether you wrote commits on it. */
export interface SkillEvidence {
  repository: string;
  /** The repository's root, as recorded. */
  root: string;
  path: string;
  id: string;
  /** true: you have commits on it; false: git knows it and none are yours; undefined: not known. */
  yours: boolean | undefined;
  yourCommits: number;
  otherCommits: number;
  firstYours?: string;
  lastYours?: string;
}

/** What the level is decided from. */
export interface SkillFacts {
  /** Roots of repositories that show the skill outside test fixtures, yours first. */
  repositories: string[];
  /** Of those: with commits of yours on the evidence; with authorship unknown; with only others' commits. */
  authoredRepositories: string[];
  unknownRepositories: string[];
  othersRepositories: string[];
  /** Roots where the skill shows only in test fixtures. */
  fixtureRepositories: string[];
  /** Technology and practice ids shown (outside fixtures), in the skill's order. */
  shown: string[];
  /** The skill's depth practices shown in evidence you authored. */
  depthAuthored: string[];
  /** Your and others' commits on the skill's evidence files (a commit touching two files counts twice). */
  yourCommits: number;
  otherCommits: number;
  firstAuthored?: string;
  lastAuthored?: string;
  evidence: SkillEvidence[];
}

export interface SkillLevel {
  skillId: string;
  level: Level;
  /** The level the evidence alone gives (a "done" mark can raise `level` above it). */
  evidenceLevel: Level;
  /** The level rests on the user's "done" mark, not on files. */
  claim: boolean;
  /** One sentence naming the facts: "Proficient: Terraform modules in 2 repositories, 14 of your commits, last in March 2026." */
  why: string;
  /** Your last commit on its evidence is older than the rusty setting. */
  rusty: boolean;
  facts: SkillFacts;
}

export interface LevelOptions {
  now: Date;
  /** Default `DEFAULT_RUSTY_MONTHS`. */
  rustyMonths?: number;
  /** A person's name for a technology or practice id ("Terraform", "Terraform modules"). */
  titleOf: (id: string) => string;
}

/** Month names as functions, so each is looked up in the language of the moment. */
const MONTHS = [
  () => l10n.t('January'),
  () => l10n.t('February'),
  () => l10n.t('March'),
  () => l10n.t('April'),
  () => l10n.t('May'),
  () => l10n.t('June'),
  () => l10n.t('July'),
  () => l10n.t('August'),
  () => l10n.t('September'),
  () => l10n.t('October'),
  () => l10n.t('November'),
  () => l10n.t('December'),
];

/** "March 2026" (UTC), the way the why sentences date things. */
export function monthYear(iso: string): string {
  const d = new Date(iso);
  return l10n.t('{0} {1}', MONTHS[d.getUTCMonth()](), d.getUTCFullYear());
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function listWords(words: readonly string[], max = 3): string {
  const shown = words.slice(0, max);
  const rest = words.length - shown.length;
  if (rest > 0) return l10n.t('{0} and {1} more', shown.join(', '), rest);
  if (shown.length <= 1) return shown.join('');
  return l10n.t('{0} and {1}', shown.slice(0, -1).join(', '), shown[shown.length - 1]);
}

function repositories(n: number): string {
  return n === 1 ? l10n.t('1 repository') : l10n.t('{0} repositories', n);
}

/** Every record's ids, indexed once, so each skill is a few map lookups per repository. */
interface IndexedRecord {
  record: RepositoryRecord;
  ids: Map<string, { evidence: readonly string[]; fixtureOnly: boolean }>;
}

export function indexRecords(records: readonly RepositoryRecord[]): IndexedRecord[] {
  return records.map((record) => {
    const ids = new Map<string, { evidence: readonly string[]; fixtureOnly: boolean }>();
    for (const t of record.technologies) ids.set(t.id, { evidence: t.evidence, fixtureOnly: t.fixtureOnly });
    for (const p of record.practices) ids.set(p.id, { evidence: p.evidence, fixtureOnly: false });
    return { record, ids };
  });
}

export function skillFacts(skill: Skill, records: readonly IndexedRecord[]): SkillFacts {
  const facts: SkillFacts = {
    repositories: [],
    authoredRepositories: [],
    unknownRepositories: [],
    othersRepositories: [],
    fixtureRepositories: [],
    shown: [],
    depthAuthored: [],
    yourCommits: 0,
    otherCommits: 0,
    evidence: [],
  };
  const shown = new Set<string>();
  const depthAuthored = new Set<string>();
  const depth = new Set(skill.evidence.practices);
  const ids = [...skill.evidence.technologies, ...skill.evidence.practices];
  for (const { record, ids: found } of records) {
    let real = false;
    let fixture = false;
    let yours = false;
    let unknown = false;
    const counted = new Set<string>();
    for (const id of ids) {
      const hit = found.get(id);
      if (!hit) continue;
      if (hit.fixtureOnly) {
        fixture = true;
        continue;
      }
      real = true;
      shown.add(id);
      for (const path of hit.evidence) {
        const a = record.authored?.files[path];
        const mine = a ? a.yourCommits > 0 : undefined;
        if (mine === undefined) unknown = true;
        if (mine) {
          yours = true;
          if (depth.has(id)) depthAuthored.add(id);
        }
        facts.evidence.push({
          repository: record.identity,
          root: record.root,
          path,
          id,
          yours: mine,
          yourCommits: a?.yourCommits ?? 0,
          otherCommits: a?.otherCommits ?? 0,
          firstYours: a?.firstYours,
          lastYours: a?.lastYours,
        });
        // A file that shows two of the skill's ids is one file: its commits count once.
        if (a && !counted.has(path)) {
          counted.add(path);
          facts.yourCommits += a.yourCommits;
          facts.otherCommits += a.otherCommits;
          if (a.yourCommits > 0) {
            facts.firstAuthored = earlier(facts.firstAuthored, a.firstYours ?? a.lastYours);
            facts.lastAuthored = later(facts.lastAuthored, a.lastYours);
          }
        }
      }
    }
    if (!real) {
      if (fixture) facts.fixtureRepositories.push(record.root);
      continue;
    }
    if (yours) facts.authoredRepositories.push(record.root);
    else if (unknown) facts.unknownRepositories.push(record.root);
    else facts.othersRepositories.push(record.root);
  }
  facts.repositories = [...facts.authoredRepositories, ...facts.unknownRepositories, ...facts.othersRepositories];
  facts.shown = ids.filter((id) => shown.has(id));
  facts.depthAuthored = skill.evidence.practices.filter((id) => depthAuthored.has(id));
  // Evidence you wrote first, then unknown, then others'; stable otherwise.
  const rank = (e: SkillEvidence) => (e.yours === true ? 0 : e.yours === undefined ? 1 : 2);
  facts.evidence.sort((a, b) => rank(a) - rank(b));
  return facts;
}

function meets(facts: SkillFacts, skill: Skill, rule: { repositories: number; commits: number; depthPractices: number }): boolean {
  const depthNeeded = Math.min(rule.depthPractices, skill.evidence.practices.length);
  return facts.authoredRepositories.length >= rule.repositories && facts.yourCommits >= rule.commits && facts.depthAuthored.length >= depthNeeded;
}

export function isRusty(lastAuthored: string | undefined, now: Date, months = DEFAULT_RUSTY_MONTHS): boolean {
  if (!lastAuthored) return false;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return Date.parse(lastAuthored) < limit.getTime();
}

/** The level the files alone give (see the README's table). */
export function evidenceLevel(skill: Skill, facts: SkillFacts, rusty: boolean): Level {
  if (!rusty && meets(facts, skill, LEVEL_RULES.expert)) return 'expert';
  if (meets(facts, skill, LEVEL_RULES.proficient)) return 'proficient';
  if (facts.authoredRepositories.length > 0 || facts.unknownRepositories.length > 0) return 'practiced';
  if (facts.othersRepositories.length > 0 || facts.fixtureRepositories.length > 0) return 'aware';
  return 'none';
}

/** The word a level is shown with ("Proficient"), in the language of the moment. */
export function levelWord(level: Level): string {
  switch (level) {
    case 'none':
      return l10n.t('None');
    case 'aware':
      return l10n.t('Aware');
    case 'practiced':
      return l10n.t('Practiced');
    case 'proficient':
      return l10n.t('Proficient');
    case 'expert':
      return l10n.t('Expert');
  }
}

/** What the files say of a skill, after the level's word: "Terraform in 2 repositories, 14 of your commits". */
function evidenceDetail(skill: Skill, level: Level, facts: SkillFacts, titleOf: (id: string) => string): string {
  if (level === 'none') return l10n.t('no repository in your portfolio shows it yet');
  if (level === 'aware') {
    if (facts.othersRepositories.length === 0) return l10n.t('it shows only in test fixtures ({0})', repositories(facts.fixtureRepositories.length));
    return l10n.t('{0} in {1} where others wrote every commit on it', listWords(facts.shown.map(titleOf)), repositories(facts.othersRepositories.length));
  }
  const authored = facts.authoredRepositories.length;
  if (authored === 0) {
    return l10n.t('{0} in {1}; who wrote it is not known (git history not read)', listWords(facts.shown.map(titleOf)), repositories(facts.unknownRepositories.length));
  }
  // Depth practices you wrote say more than the technology's name; name them when there are some.
  const what = facts.depthAuthored.length > 0 ? facts.depthAuthored : facts.shown.filter((id) => skill.evidence.technologies.includes(id));
  const names = listWords((what.length ? what : facts.shown).map(titleOf));
  return facts.lastAuthored
    ? l10n.t('{0} in {1}, {2} of your commits, last in {3}', names, repositories(authored), facts.yourCommits, monthYear(facts.lastAuthored))
    : l10n.t('{0} in {1}, {2} of your commits', names, repositories(authored), facts.yourCommits);
}

/** A skill's level, its why, and the facts behind them. */
export function skillLevel(skill: Skill, records: readonly IndexedRecord[], marks: Marks, options: LevelOptions): SkillLevel {
  return withWhy(skill, judge(skill, records, marks, options.now, options.rustyMonths), options.titleOf);
}

type Judgement = Omit<SkillLevel, 'why'>;

function judge(skill: Skill, records: readonly IndexedRecord[], marks: Marks, now: Date, rustyMonths?: number): Judgement {
  const facts = skillFacts(skill, records);
  const rusty = isRusty(facts.lastAuthored, now, rustyMonths);
  const fromFiles = evidenceLevel(skill, facts, rusty);
  const claimed = marks[skill.id]?.mark === 'done' && levelRank(fromFiles) < levelRank('practiced');
  return { skillId: skill.id, level: claimed ? 'practiced' : fromFiles, evidenceLevel: fromFiles, claim: claimed, rusty, facts };
}

function withWhy(skill: Skill, judged: Judgement, titleOf: (id: string) => string): SkillLevel {
  const detail = evidenceDetail(skill, judged.evidenceLevel, judged.facts, titleOf);
  const why = !judged.claim
    ? l10n.t('{0}: {1}.', levelWord(judged.evidenceLevel), detail)
    : l10n.t('Practiced (your claim): you marked it done; {0}.', judged.evidenceLevel === 'none' ? l10n.t('no repository shows it yet') : detail);
  return { ...judged, why };
}

/** Every skill's level at once (the records indexed once). */
export function skillLevels(skills: readonly Skill[], records: readonly RepositoryRecord[], marks: Marks, options: LevelOptions): Map<string, SkillLevel> {
  const indexed = indexRecords(records);
  return new Map(skills.map((skill) => [skill.id, skillLevel(skill, indexed, marks, options)] as const));
}

/**
 * What the levels are judged from, as one string: ids, evidence paths, fixtures and authorship, but
 * not when each scan ran. Two portfolios with the same inputs judge every skill alike, so a rescan
 * that found the same things need not redraw anything.
 */
export function levelInputs(records: readonly RepositoryRecord[]): string {
  return JSON.stringify(
    records.map((r) => [
      r.identity,
      r.root,
      r.technologies.map((t) => [t.id, t.fixtureOnly, t.evidence]),
      r.practices.map((p) => [p.id, p.evidence]),
      r.authored ? Object.entries(r.authored.files).map(([path, a]) => [path, a.yourCommits, a.otherCommits, a.firstYours, a.lastYours]) : null,
    ]),
  );
}

/**
 * The levels of one portfolio and one set of marks, judged on first use per skill and kept: the
 * views ask for the same skill many times per draw. Build a new one when records or marks change.
 */
export class PortfolioLevels {
  private readonly indexed: IndexedRecord[];
  private readonly judged = new Map<string, Judgement>();

  /** When the levels were judged, and the rusty setting they used. */
  readonly now: Date;
  readonly rustyMonths: number;

  constructor(
    readonly records: readonly RepositoryRecord[],
    private readonly marks: Marks,
    options: { now: Date; rustyMonths?: number },
  ) {
    this.indexed = indexRecords(records);
    this.now = options.now;
    this.rustyMonths = options.rustyMonths ?? DEFAULT_RUSTY_MONTHS;
  }

  /** The skill's level; `titleOf` names ids in the why (default: the id itself). */
  of(skill: Skill, titleOf: (id: string) => string = (id) => id): SkillLevel {
    let judged = this.judged.get(skill.id);
    if (!judged) {
      judged = judge(skill, this.indexed, this.marks, this.now, this.rustyMonths);
      this.judged.set(skill.id, judged);
    }
    return withWhy(skill, judged, titleOf);
  }
}
