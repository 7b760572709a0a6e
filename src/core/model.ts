/**
 * The typed shape of `data/roadmap.json`. `data/roadmap.schema.json` describes the same shape for
 * validation; a unit test keeps the two in step by validating the shipped data and type-checking
 * the loader against these interfaces.
 *
 * Every `id` is kebab-case, unique across the whole data set and never reused: user progress is
 * keyed by these ids.
 */

/** The seed article a record's facts come from. */
export interface SourceRef {
  /** File name in the seed folder, e.g. `001_c428ea954735c217.txt`. */
  file: string;
  /** The article's own title. */
  title: string;
}

export type Currency = 'GBP' | 'USD';

/** A salary range exactly as an article gives it; `max` is absent for "£170,000+" style ranges. */
export interface SalaryRange {
  currency: Currency;
  min: number;
  /** Upper bound; for an open-ended range ("+") this is the figure shown before the plus, if any. */
  max?: number;
  /** True for "170,000+" ranges. */
  openEnded: boolean;
  /** Qualifier, e.g. "London", "per day (contract)". */
  note?: string;
}

export interface YearRange {
  min: number;
  /** Absent for "8+". */
  max?: number;
  /** As the article prints it, e.g. "0-2", "8+". */
  label: string;
}

interface Record {
  id: string;
  title: string;
  /** One or two sentences in our own words. */
  summary: string;
  sources: SourceRef[];
  /** Alternative names for search (sre, mlops, cka, …). */
  aliases?: string[];
}

/** A rung on the trunk: Junior → Mid → Senior → Specialisation/Lead → Staff/Principal/Architect. */
export interface Stage extends Record {
  kind: 'stage';
  /** 1..5 */
  order: number;
  /** A word or two for tight places such as the status bar ("Mid", "Senior"). */
  shortTitle: string;
  years: YearRange;
  salary: SalaryRange[];
  milestone: string;
  whatYouDo: string[];
  /** Skill ids. */
  skills: string[];
  readiness: string[];
  /** Advice for someone at this level about the next step. */
  nextStepAdvice: string[];
  /** Ids of the stages, branches or tracks this stage leads to. */
  next: string[];
  /** Certification ids that fit this level. */
  certifications?: string[];
  /** Extra sections, e.g. the senior decision point. */
  sections?: Section[];
}

/** One level of a branch's progression ladder or of a track. */
export interface LadderLevel {
  id: string;
  title: string;
  salary: SalaryRange[];
  years?: YearRange;
  /** Scope or influence of the level, e.g. "Multi-team influence". */
  scope?: string;
  summary?: string;
  /** Alternative names for search. */
  aliases?: string[];
}

/** A specialisation (SRE, Platform, AI/ML infra & MLOps, Cloud Security & DevSecOps, Cloud, GitOps, the DevOps foundation role). */
export interface Branch extends Record {
  kind: 'branch';
  salary: SalaryRange[];
  /** What the role does differently from a generalist DevOps engineer. */
  differences: string[];
  /** Who it suits: traits and interests. */
  suits: string[];
  /** A typical week's work, where an article gives one. */
  typicalWeek?: string[];
  skills: string[];
  ladder: LadderLevel[];
  /** Certification ids. */
  certifications: string[];
  /** Free-form salary statements or market facts in our own words, with their figures. */
  marketNotes?: string[];
  /** Extra sections, e.g. the MLOps transition: what transfers, what to add, first projects. */
  sections?: Section[];
  /** Stage ids from which the branch is usually entered. */
  entryStages: string[];
}

/** IC ladder, management track, architecture track. */
export interface Track extends Record {
  kind: 'track';
  levels: LadderLevel[];
  /** What people on this track do, in our words. */
  whatYouDo: string[];
  /** Stage ids from which the track is entered. */
  entryStages: string[];
  /** Skill ids the track leans on (mostly not detectable in files). */
  skills?: string[];
  /** Certification ids that fit the track. */
  certifications?: string[];
  /** Extra sections, e.g. good and bad reasons to move into management. */
  sections?: Section[];
}

export interface Section {
  id: string;
  title: string;
  items: string[];
}

export type SkillCategory =
  | 'ci-cd'
  | 'iac'
  | 'containers'
  | 'orchestration'
  | 'cloud'
  | 'observability'
  | 'security'
  | 'gitops'
  | 'mlops'
  | 'programming'
  | 'networking'
  | 'linux'
  | 'reliability'
  | 'architecture'
  | 'soft'
  | 'leadership'
  | 'other';

/** A link to official documentation or an exam page, confirmed to exist (see data/resources.sources.md). */
export interface Resource {
  title: string;
  /** https only, without tracking parameters. */
  url: string;
}

export interface Skill extends Record {
  kind: 'skill';
  /** Official documentation to learn the skill from. */
  resources?: Resource[];
  category: SkillCategory;
  /**
   * What would show this skill in a repository: technology and practice ids of the detection spec.
   * Both empty (and `detectable: false`) for skills no file can show.
   */
  evidence: { technologies: string[]; practices: string[] };
  detectable: boolean;
  /** Plain-words hint of what would evidence it, e.g. "add a NetworkPolicy". */
  evidenceHint?: string;
  /** Alternative names for search (k8s, tf, …). */
  aliases?: string[];
}

/** A technology or tool with an id of the detection spec. */
export interface Tool {
  id: string;
  title: string;
  /** Spec group: CI/CD, IaC and config, Containers, GitOps, Observability, Security, Service mesh, MLOps, Other. */
  group: string;
  aliases?: string[];
  /** Seed articles that name the tool; empty or absent when only the detection spec lists it. */
  sources?: SourceRef[];
}

export interface Certification extends Record {
  kind: 'certification';
  /** The official exam page first, then official study material. */
  resources?: Resource[];
  provider: string;
  /** e.g. "associate", "professional", "specialty". */
  level?: string;
  skills: string[];
}

export interface Timeline {
  id: string;
  title: string;
  /** e.g. "Junior → Mid" */
  transitions: {
    from: string;
    to: string;
    typical: string;
    accelerated?: string;
    accelerator?: string;
    /** Stage ids the transition starts from and leads to, where they map onto the trunk. */
    fromStage?: string;
    toStage?: string;
  }[];
  sources: SourceRef[];
}

export interface Advice {
  id: string;
  title: string;
  body: string;
  sources: SourceRef[];
}

/** A fact from the market articles: duties, benchmarks, DORA metrics, salary data points, job titles. */
export interface Fact {
  id: string;
  topic: 'duty' | 'experience-benchmark' | 'dora-metric' | 'salary-data' | 'job-title' | 'market' | 'next-step' | 'core-skills' | 'other';
  title: string;
  body: string;
  salary?: SalaryRange[];
  /** Experience span the fact is about, e.g. "2–5" years for a benchmark. */
  years?: YearRange;
  /** Ids of records the fact is about (skills, branches, stages, tools, …). */
  related?: string[];
  sources: SourceRef[];
}

export interface Roadmap {
  version: number;
  sources: SourceRef[];
  stages: Stage[];
  branches: Branch[];
  tracks: Track[];
  skills: Skill[];
  tools: Tool[];
  certifications: Certification[];
  timelines: Timeline[];
  accelerators: Advice[];
  mistakes: Advice[];
  facts: Fact[];
}

/** Anything with a page in the details view. */
export type RoadmapNode = Stage | Branch | Track | Skill | Certification;
export type NodeKind = RoadmapNode['kind'] | 'level';
