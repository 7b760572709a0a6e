/**
 * Ranked, typo-tolerant search over the roadmap: stages, branches, ladder levels, tracks, skills,
 * tools and certifications. Plain Node, no `vscode` import.
 *
 * Ranking, per record, best first:
 *   exact (title, alias or id equals the query) > prefix > word-prefix > substring > token match,
 * where a token match needs every query word to match a word of the record (exactly, as a prefix,
 * as a substring, or within a small Damerau-Levenshtein distance), searching names first and then
 * descriptive text. Query words are also expanded through a synonym table (k8s → kubernetes, …).
 * Ties break on kind (branch, stage, track, tool, skill, certification, level), then shorter
 * title, then id, so results are deterministic.
 *
 * A query that is exactly a role's name, alias or acronym ("sre", "platform", "mlops") puts that
 * role first and its ladder levels right after it, above anything else that merely contains the word.
 */
import * as l10n from '@vscode/l10n';
import type { Branch, Certification, LadderLevel, Skill, Stage, Tool, Track } from './model';
import type { RoadmapIndex } from './roadmap';
import type { SalaryRange } from './model';
import { categoryTitle, formatSalary, salaryIn } from './format';

export type SearchKind = 'stage' | 'branch' | 'level' | 'track' | 'skill' | 'tool' | 'certification';

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  /** One line of context, e.g. "Stage 1 · 0-2 years · £40,000–£55,000". */
  detail: string;
  score: number;
}

export interface SearchOptions {
  /** Most hits to return (default 20). */
  limit?: number;
  /** Only these kinds. */
  kinds?: readonly SearchKind[];
}

export interface Search {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The hit a record would be (for lists that are not a query's answer: your stage, recent picks), or undefined for an unknown id. */
  hitFor(id: string): SearchHit | undefined;
}

/** Query-side synonyms: a word → alternative phrasings (each matched as a whole). */
export const SYNONYMS: { readonly [word: string]: readonly string[] } = {
  k8s: ['kubernetes'],
  kube: ['kubernetes'],
  tf: ['terraform'],
  gha: ['github actions'],
  sre: ['site reliability engineering'],
  iac: ['infrastructure as code'],
  cicd: ['ci cd'],
  mlops: ['machine learning operations', 'ml infrastructure'],
  devsecops: ['cloud security'],
  secops: ['cloud security'],
  cka: ['certified kubernetes administrator'],
  ckad: ['certified kubernetes application developer'],
  aws: ['amazon web services'],
  gcp: ['google cloud'],
  otel: ['opentelemetry'],
  o11y: ['observability'],
  argo: ['argo cd'],
  ha: ['high availability'],
  dr: ['disaster recovery'],
  em: ['engineering manager'],
  vp: ['vp of engineering'],
  ic: ['individual contributor'],
  finops: ['cost optimisation'],
  idp: ['internal developer platform'],
  ml: ['machine learning'],
  ai: ['artificial intelligence', 'ml'],
  postmortem: ['post mortem'],
  oncall: ['on call'],
  optimization: ['optimisation'],
  optimisation: ['optimization'],
  specialization: ['specialisation'],
  specialisation: ['specialization'],
  organization: ['organisation'],
  organisation: ['organization'],
  containerization: ['containerisation'],
  catalog: ['catalogue'],
  catalogue: ['catalog'],
};

const KIND_RANK: { readonly [k in SearchKind]: number } = {
  branch: 0,
  stage: 1,
  track: 2,
  tool: 3,
  skill: 4,
  certification: 5,
  level: 6,
};

/** Lower-case, strip diacritics, turn anything but letters and digits into single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Damerau-Levenshtein (optimal string alignment) distance, or max+1 once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Typo budget by word length: none up to 2 letters, 1 up to 5, 2 beyond. */
function typoBudget(word: string): number {
  if (word.length <= 2) return 0;
  if (word.length <= 5) return 1;
  return 2;
}

interface Doc {
  id: string;
  kind: SearchKind;
  title: string;
  detail: string;
  /** Normalized title, aliases and id. */
  names: string[];
  nameWords: string[][];
  rank: number;
  /** For a ladder or track level: the id of the role it belongs to, and its place on that ladder. */
  owner?: string;
  step?: number;
}

// Match levels for one query word against one record.
const NAME_EXACT = 6;
const NAME_PREFIX = 5;
const NAME_SUBSTRING = 4;
const NAME_FUZZY = 3;
const TEXT_EXACT = 3;
const TEXT_PREFIX = 2.5;
const TEXT_SUBSTRING = 2;

const TIER_EXACT = 1000;
const TIER_PREFIX = 800;
const TIER_WORD_PREFIX = 600;
const TIER_SUBSTRING = 400;
const SYNONYM_PENALTY = 10;
/** A role named exactly by the query is the answer; its levels come next. Both above any other exact hit. */
const ROLE_EXACT_BONUS = 300;
const LEVEL_OF_ROLE_BONUS = 200;
const ROLE_KINDS: ReadonlySet<SearchKind> = new Set(['branch', 'track', 'stage']);

function docsOf(index: RoadmapIndex): { doc: Doc; text: string }[] {
  const out: { doc: Doc; text: string }[] = [];
  const push = (rec: { id: string; title: string; aliases?: string[] }, kind: SearchKind, detail: string, text: string[], owner?: { id: string; step: number }) => {
    const names = [...new Set([rec.title, ...(rec.aliases ?? []), rec.id.replace(/-/g, ' ')].map(normalize).filter(Boolean))];
    out.push({
      doc: { id: rec.id, kind, title: rec.title, detail, names, nameWords: names.map((n) => n.split(' ')), rank: KIND_RANK[kind], owner: owner?.id, step: owner?.step },
      text: normalize([detail, ...text].join(' ')),
    });
  };
  const money = (salary: readonly SalaryRange[]) => {
    const s = salaryIn(salary, 'GBP') ?? salary[0];
    return s ? formatSalary(s) : '';
  };
  const d = index.roadmap;
  for (const s of d.stages as Stage[]) {
    push(s, 'stage', [l10n.t('Stage {0}', s.order), l10n.t('{0} years', s.years.label), money(s.salary)].filter(Boolean).join(' · '), [s.summary, s.milestone]);
  }
  for (const b of d.branches as Branch[]) {
    push(b, 'branch', [l10n.t('Specialisation'), money(b.salary)].filter(Boolean).join(' · '), [b.summary]);
    for (const [step, l] of (b.ladder as LadderLevel[]).entries()) {
      push(l, 'level', [b.title, money(l.salary)].filter(Boolean).join(' · '), [l.summary ?? '', l.scope ?? ''], { id: b.id, step });
    }
  }
  for (const t of d.tracks as Track[]) {
    push(t, 'track', l10n.t('Track · {0} levels', t.levels.length), [t.summary]);
    for (const [step, l] of t.levels.entries()) {
      push(l, 'level', [t.title, money(l.salary), l.scope ?? ''].filter(Boolean).join(' · '), [l.summary ?? ''], { id: t.id, step });
    }
  }
  for (const s of d.skills as Skill[]) {
    push(s, 'skill', s.detectable ? l10n.t('Skill · {0} · shows in repositories', categoryTitle(s.category)) : l10n.t('Skill · {0}', categoryTitle(s.category)), [
      s.summary,
      s.category,
    ]);
  }
  for (const t of d.tools as Tool[]) push(t, 'tool', l10n.t('Tool · {0}', t.group), []);
  for (const c of d.certifications as Certification[]) {
    push(c, 'certification', [l10n.t('Certification'), c.provider, c.level].filter(Boolean).join(' · '), [c.summary]);
  }
  return out;
}

/** Builds the search index once; each query then walks a small vocabulary, not every record. */
export function createSearch(index: RoadmapIndex): Search {
  const entries = docsOf(index);
  const docs = entries.map((e) => e.doc);
  const nameVocab = new Map<string, number[]>();
  const textVocab = new Map<string, number[]>();
  const addWord = (vocab: Map<string, number[]>, word: string, i: number) => {
    const list = vocab.get(word);
    if (!list) vocab.set(word, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  entries.forEach((e, i) => {
    for (const words of e.doc.nameWords) for (const w of words) addWord(nameVocab, w, i);
    for (const w of e.text.split(' ')) if (w) addWord(textVocab, w, i);
  });
  const nameWordList = [...nameVocab.entries()];
  const textWordList = [...textVocab.entries()];

  /** Best level per record for one query word. */
  const wordCache = new Map<string, Float64Array>();
  function matchWord(word: string): Float64Array {
    const cached = wordCache.get(word);
    if (cached) return cached;
    const levels = new Float64Array(docs.length);
    const raise = (ids: number[], level: number) => {
      for (const i of ids) if (levels[i] < level) levels[i] = level;
    };
    const budget = typoBudget(word);
    for (const [w, ids] of nameWordList) {
      if (w === word) raise(ids, NAME_EXACT);
      else if (w.startsWith(word)) raise(ids, NAME_PREFIX);
      else if (word.length >= 3 && w.includes(word)) raise(ids, NAME_SUBSTRING);
      else if (budget > 0 && editDistance(word, w, budget) <= budget) raise(ids, NAME_FUZZY);
    }
    for (const [w, ids] of textWordList) {
      if (w === word) raise(ids, TEXT_EXACT);
      else if (word.length >= 2 && w.startsWith(word)) raise(ids, TEXT_PREFIX);
      else if (word.length >= 4 && w.includes(word)) raise(ids, TEXT_SUBSTRING);
    }
    if (wordCache.size > 500) wordCache.clear();
    wordCache.set(word, levels);
    return levels;
  }

  /** Best level per record for a query token, trying its synonyms too (a phrase matches at its weakest word). */
  function matchToken(token: string): Float64Array {
    const best = Float64Array.from(matchWord(token));
    for (const alt of SYNONYMS[token] ?? []) {
      const words = alt.split(' ');
      const per = words.map(matchWord);
      for (let i = 0; i < docs.length; i++) {
        let level = Infinity;
        for (const p of per) level = Math.min(level, p[i]);
        level *= 0.95;
        if (level > best[i]) best[i] = level;
      }
    }
    return best;
  }

  function wholeQueryTier(doc: Doc, variants: { text: string; words: string[]; penalty: number }[]): number {
    let best = 0;
    for (const v of variants) {
      for (let n = 0; n < doc.names.length; n++) {
        const name = doc.names[n];
        let tier = 0;
        if (name === v.text) tier = TIER_EXACT;
        else if (name.startsWith(v.text)) tier = TIER_PREFIX;
        else if (v.words.every((qw) => doc.nameWords[n].some((nw) => nw.startsWith(qw)))) tier = TIER_WORD_PREFIX;
        else if (name.includes(v.text)) tier = TIER_SUBSTRING;
        if (tier > 0) best = Math.max(best, tier - v.penalty);
      }
    }
    return best;
  }

  /** Share of a name's words that some query word (or synonym word) hits, best over names: 0..1. */
  function coverage(doc: Doc, queryWords: string[]): number {
    let best = 0;
    for (const words of doc.nameWords) {
      let hit = 0;
      for (const nw of words) {
        if (queryWords.some((qw) => nw === qw || nw.startsWith(qw) || editDistance(qw, nw, typoBudget(qw)) <= typoBudget(qw))) hit++;
      }
      best = Math.max(best, hit / words.length);
    }
    return best;
  }

  function search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const kinds = options.kinds ? new Set(options.kinds) : undefined;
    const text = normalize(query);
    if (!text || limit <= 0) return [];
    const tokens = [...new Set(text.split(' '))];
    const perToken = tokens.map(matchToken);

    // Whole-query variants: the query itself, then each synonym substituted in turn.
    const variants = [{ text, words: text.split(' '), penalty: 0 }];
    const split = text.split(' ');
    split.forEach((tok, i) => {
      for (const alt of SYNONYMS[tok] ?? []) {
        if (variants.length >= 12) return;
        const words = [...split.slice(0, i), ...alt.split(' '), ...split.slice(i + 1)];
        variants.push({ text: words.join(' '), words, penalty: SYNONYM_PENALTY });
      }
    });
    const queryWords = [...new Set(variants.flatMap((v) => v.words))];

    const hits: (SearchHit & { rank: number; owner?: string; step?: number; exact: boolean })[] = [];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      if (kinds && !kinds.has(doc.kind)) continue;
      let sum = 0;
      let ok = true;
      for (const levels of perToken) {
        if (levels[i] <= 0) {
          ok = false;
          break;
        }
        sum += levels[i];
      }
      const tier = wholeQueryTier(doc, variants);
      if (!ok && tier === 0) continue;
      const tokenPart = ok ? (10 * sum) / perToken.length : 0;
      const score = tier + tokenPart + 20 * coverage(doc, queryWords);
      hits.push({
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        detail: doc.detail,
        score,
        rank: doc.rank,
        owner: doc.owner,
        step: doc.step,
        exact: tier >= TIER_EXACT - SYNONYM_PENALTY,
      });
    }
    // "sre" is the SRE specialisation before "SRE", "Senior SRE" and "Staff SRE", its levels.
    const namedRoles = new Set(hits.filter((h) => h.exact && ROLE_KINDS.has(h.kind)).map((h) => h.id));
    for (const h of hits) {
      if (namedRoles.has(h.id)) h.score += ROLE_EXACT_BONUS;
      // Its levels in ladder order: entry, senior, staff, head.
      else if (h.owner !== undefined && namedRoles.has(h.owner)) h.score += LEVEL_OF_ROLE_BONUS - (h.step ?? 0);
      h.score = Math.round(h.score * 100) / 100;
    }
    hits.sort((a, b) => b.score - a.score || a.rank - b.rank || a.title.length - b.title.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits.slice(0, limit).map(({ id, kind, title, detail, score }) => ({ id, kind, title, detail, score }));
  }

  const byId = new Map(docs.map((d) => [d.id, d]));
  function hitFor(id: string): SearchHit | undefined {
    const doc = byId.get(id);
    return doc && { id: doc.id, kind: doc.kind, title: doc.title, detail: doc.detail, score: 0 };
  }

  return { search, hitFor };
}
