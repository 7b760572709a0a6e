/**
 * "Compare with a Job Advert": split an advert into requirement lines, map each line to roadmap
 * skills, and judge each against your evidence and marks. A line is mapped only through names the
 * roadmap knows (skill titles and aliases, tool names, practice names, certification names, the
 * search's synonyms, and a short table of advert phrasing below); a line none of them names stays
 * unmatched. Soft skills are never matched, and neither are words too common to mean a skill on
 * their own ("performance", "cost", "make"), so benefits, hobbies and personality lines stay
 * unmatched instead of being forced onto a skill. Pure: no `vscode`, no fs.
 *
 * Matching is linear in the advert: each line is cut to a bounded length, its words are looked up
 * by their first word in a table of known phrases (longest phrase first), and only product names of
 * seven letters or more are tried with one typo.
 */

import type { Skill, SkillCategory } from '../model';
import type { RoadmapIndex } from '../roadmap';
import { editDistance, normalize, SYNONYMS } from '../search';
import { practiceTitle } from '../detection';
import type { EvidenceIndex, Marks } from '../progress';
import type { EvidenceView } from '../pageModel';

/** Most lines and characters per line read from an advert; the rest is ignored (and said so). */
export const MAX_ADVERT_LINES = 400;
export const MAX_LINE_LENGTH = 400;

/** Skills of these categories are personal qualities, not something an advert line can be checked against. */
const UNMATCHED_CATEGORIES: ReadonlySet<SkillCategory> = new Set(['soft', 'leadership']);
const UNMATCHED_SKILLS: ReadonlySet<string> = new Set(['specialisation-depth']);

/** Names too common in adverts to mean a skill on their own (each still counts inside a longer name). */
const TOO_COMMON: ReadonlySet<string> = new Set([
  'cost',
  'performance',
  'templates',
  'charts',
  'actions',
  'compose',
  'make',
  'go',
  'sh',
  'ha',
  'dr',
  'prom',
  'drift',
  'litmus',
  'vision',
  'coding',
  'programming',
  'expertise',
  'specialism',
  'specialization',
  'business',
  'documentation',
  'docs',
  'kpis',
  'accelerators',
  'explaining',
  'influence',
  'culture',
]);

/** How adverts often say a skill that the roadmap names differently. */
const ADVERT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'continuous deployment': ['cicd-pipelines'],
  'build pipelines': ['cicd-pipelines'],
  'deployment pipelines': ['cicd-pipelines'],
  'incident management': ['incident-response'],
  unix: ['linux-fundamentals'],
  'load balancing': ['networking-fundamentals'],
  'tcp ip': ['networking-fundamentals'],
  devsecops: ['security-scanning-ci'],
  'microsoft azure': ['cloud-platform-depth'],
  'new relic': ['observability-stack'],
  'site reliability': ['slo-error-budgets'],
  'public cloud': ['cloud-platform-depth'],
};

interface Phrase {
  words: string[];
  skills: string[];
  /** Product names (tools) may be matched with one typo when a single long word. */
  product: boolean;
}

export interface AdvertMatcher {
  /** The skills a line names, in the order first named, with the phrases that named them. */
  match(line: string): { skills: string[]; terms: string[] };
}

/** Singular and plural of a word match each other ("pipeline", "pipelines"). */
function sameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || b === `${a}s`;
}

/** Builds the phrase table from the roadmap once; matching a line is then a few lookups per word. */
export function createAdvertMatcher(index: RoadmapIndex): AdvertMatcher {
  const matchable = (s: Skill | undefined): s is Skill => !!s && !UNMATCHED_CATEGORIES.has(s.category) && !UNMATCHED_SKILLS.has(s.id);
  const byPhrase = new Map<string, Phrase>();
  const add = (name: string, skills: readonly string[], product: boolean) => {
    const text = normalize(name);
    if (!text || skills.length === 0 || TOO_COMMON.has(text)) return;
    const known = byPhrase.get(text);
    if (known) {
      for (const s of skills) if (!known.skills.includes(s)) known.skills.push(s);
      known.product ||= product;
    } else byPhrase.set(text, { words: text.split(' '), skills: [...skills], product });
  };
  /** The skill a tool or practice stands for: the first whose title names it ("Helm" → Helm chart authoring), else the first that lists it. */
  const primarySkill = (evidenceId: string) => {
    const skills = index.skillsForEvidence(evidenceId).filter(matchable);
    const name = normalize(index.titleOf(evidenceId) ?? practiceTitle(evidenceId) ?? evidenceId).split(' ')[0];
    return skills.find((s) => normalize(s.title).split(' ').includes(name)) ?? skills[0];
  };

  for (const skill of index.roadmap.skills.filter(matchable)) {
    for (const name of [skill.title, ...(skill.aliases ?? [])]) add(name, [skill.id], false);
  }
  for (const tool of index.roadmap.tools) {
    const skill = primarySkill(tool.id);
    if (skill) for (const name of [tool.title, ...(tool.aliases ?? [])]) add(name, [skill.id], true);
  }
  for (const skill of index.roadmap.skills.filter(matchable)) {
    for (const practice of skill.evidence.practices) {
      const title = practiceTitle(practice);
      const primary = primarySkill(practice);
      if (title && primary) add(title, [primary.id], false);
    }
  }
  for (const cert of index.roadmap.certifications) {
    const skills = cert.skills.filter((id) => matchable(index.get(id) as Skill | undefined));
    for (const name of [cert.title, ...(cert.aliases ?? [])]) add(name, skills, false);
  }
  for (const [phrase, skills] of Object.entries(ADVERT_PHRASES)) add(phrase, skills, false);
  // The search's synonyms: a short form names what its long form names ("iac" → "infrastructure as code").
  for (const [short, longs] of Object.entries(SYNONYMS)) {
    for (const long of longs) {
      const known = byPhrase.get(normalize(long));
      if (known) add(short, known.skills, known.product);
    }
  }

  // Phrases by their first word (both singular and plural), longest first.
  const byFirstWord = new Map<string, Phrase[]>();
  for (const phrase of byPhrase.values()) {
    const first = phrase.words[0];
    for (const key of new Set([first, first.endsWith('s') ? first.slice(0, -1) : `${first}s`])) {
      const list = byFirstWord.get(key) ?? [];
      list.push(phrase);
      byFirstWord.set(key, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const typoCandidates = [...byPhrase.values()].filter((p) => p.product && p.words.length === 1 && p.words[0].length >= 7);

  function match(line: string): { skills: string[]; terms: string[] } {
    const words = normalize(line.slice(0, MAX_LINE_LENGTH)).split(' ').filter(Boolean);
    const skills: string[] = [];
    const terms: string[] = [];
    const take = (phrase: Phrase) => {
      const term = phrase.words.join(' ');
      if (!terms.includes(term)) terms.push(term);
      for (const s of phrase.skills) if (!skills.includes(s)) skills.push(s);
    };
    for (let i = 0; i < words.length;) {
      const found = (byFirstWord.get(words[i]) ?? []).find((p) => p.words.every((w, k) => i + k < words.length && sameWord(words[i + k], w)));
      if (found) {
        take(found);
        i += found.words.length;
        continue;
      }
      const word = words[i];
      if (word.length >= 7) {
        const typo = typoCandidates.find((p) => p.words[0][0] === word[0] && editDistance(word, p.words[0], 1) <= 1);
        if (typo) take(typo);
      }
      i++;
    }
    return { skills, terms };
  }

  return { match };
}

/** A bullet, a number or a letter that starts a list item. */
const BULLET = /^(?:[-*•·▪◦‣–—+>]+|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/i;

/**
 * The requirement lines of an advert: one per line, list bullets removed, long paragraphs cut into
 * sentences; blank lines and short headings ("Requirements:") are left out. At most
 * `MAX_ADVERT_LINES` lines.
 */
export function splitAdvert(text: string): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    // A sentence ends after a word ("AWS. You"), not after a list number or an abbreviation ("1.", "e.g.").
    for (const part of raw
      .trim()
      .replace(BULLET, '')
      .split(/[;•]|(?<=[A-Za-z]{2}[.!?])\s+(?=[A-Z])/)) {
      const line = part.trim().replace(BULLET, '').trim();
      if (line.length < 2) continue;
      if (line.endsWith(':') && line.split(/\s+/).length <= 6) continue;
      if (lines.length >= MAX_ADVERT_LINES) return { lines, truncated: true };
      lines.push(line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line);
    }
  }
  return { lines, truncated: false };
}

export type RequirementStatus = 'evidenced' | 'marked' | 'missing';

export interface SkillFinding {
  id: string;
  title: string;
  status: RequirementStatus;
  /** The files that show the skill (repository and path), when evidenced. */
  evidence: EvidenceView[];
}

export interface Requirement {
  text: string;
  /** The phrases that named the skills, normalised ("terraform", "ci cd"). */
  terms: string[];
  skills: SkillFinding[];
  status: RequirementStatus;
  /** "any": the line offers alternatives ("AWS or GCP"), one skill is enough; "all": every skill counts. */
  needs: 'all' | 'any';
}

export interface AdvertReport {
  requirements: Requirement[];
  /** Lines that name no skill the roadmap knows, as written. */
  unmatched: string[];
  /** More lines than `MAX_ADVERT_LINES`: the rest was not read. */
  truncated: boolean;
}

const RANK: Readonly<Record<RequirementStatus, number>> = { missing: 0, marked: 1, evidenced: 2 };

/**
 * Maps an advert and judges each requirement: **evidenced** when a repository shows the skill
 * (with the files), **marked** when you marked it done yourself, **missing** otherwise. A line
 * naming several skills is met when all are (or, if it offers alternatives with "or", when one is);
 * its status is the weakest (or the strongest) of theirs.
 */
export function compareAdvert(index: RoadmapIndex, matcher: AdvertMatcher, text: string, evidence: EvidenceIndex, marks: Marks): AdvertReport {
  const { lines, truncated } = splitAdvert(text);
  const requirements: Requirement[] = [];
  const unmatched: string[] = [];
  for (const line of lines) {
    const { skills, terms } = matcher.match(line);
    if (skills.length === 0) {
      unmatched.push(line);
      continue;
    }
    const findings = skills.map((id): SkillFinding => {
      const skill = index.get(id) as Skill;
      const files = evidence.evidenceFor(skill);
      const status: RequirementStatus = files.length > 0 ? 'evidenced' : marks[id]?.mark === 'done' ? 'marked' : 'missing';
      return { id, title: skill.title, status, evidence: files.slice(0, 3) };
    });
    const needs = /\b(?:or|either)\b/i.test(line) ? 'any' : 'all';
    const ranks = findings.map((f) => RANK[f.status]);
    const rank = needs === 'any' ? Math.max(...ranks) : Math.min(...ranks);
    const status = (Object.keys(RANK) as RequirementStatus[]).find((s) => RANK[s] === rank) as RequirementStatus;
    requirements.push({ text: line, terms, skills: findings, status, needs });
  }
  return { requirements, unmatched, truncated };
}

/** The CLI's JSON: `{"requirements": [{"text", "skills", "status"}], "unmatched": [text]}`. */
export function advertJson(report: AdvertReport): { requirements: { text: string; skills: string[]; status: RequirementStatus }[]; unmatched: string[] } {
  return {
    requirements: report.requirements.map((r) => ({ text: r.text, skills: r.skills.map((s) => s.id), status: r.status })),
    unmatched: [...report.unmatched],
  };
}
