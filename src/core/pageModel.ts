/**
 * The pages the details webview draws, as plain view models: `pages.ts` builds them, the protocol
 * (`shared/protocol.ts`) carries them to the webview, which only draws them. Types only, no logic;
 * they live in the core so that the core depends on nothing outside it.
 */

import type { Currency } from './model';
import type { SkillStatus } from './progress';
import type { JourneyView, LevelView } from './portfolio/pageViews';

export type { JourneyEntry, JourneyView, LevelView } from './portfolio/pageViews';
import type { JobPage, PlanView, ProjectView, ResourceView } from './plan/pageViews';

export type { CertificationView, JobPage, PacingView, PlanView, ProjectView, RequirementView, ResourceView } from './plan/pageViews';

export type { SkillStatus };

export interface MoneyView {
  currency: Currency;
  /** Already formatted for display, e.g. "£40,000 – £55,000" or "$260,000+". */
  text: string;
  min: number;
  max?: number;
  openEnded: boolean;
  note?: string;
}

export interface EvidenceView {
  /** Workspace folder name, for multi-root workspaces. */
  folder: string;
  /** Path relative to that folder, `/` separators. */
  path: string;
  /** Technology or practice id that this file shows. */
  signal: string;
  /** Its name as people read it ("GitHub Actions"), where the page builder knows it. */
  signalTitle?: string;
  /** "you: 14 commits, last 3 weeks ago · 20 in this repository", in trusted git repositories. */
  authorship?: string;
}

export interface SkillView {
  id: string;
  title: string;
  status: SkillStatus;
  /** Status from the user's own mark, shown beside "practiced". */
  mark?: 'done' | 'learning' | 'skipped';
  detectable: boolean;
  hint?: string;
  note?: string;
  evidence: EvidenceView[];
  /** How many files show the skill in all (`evidence` lists the first few of each technology). */
  evidenceCount?: number;
  /** The depth level from your portfolio (all your repositories), with why; absent without a portfolio. */
  level?: LevelView;
}

export interface LinkView {
  id: string;
  title: string;
  kind: string;
}

/** A point of the salary chart: one role or stage with its range in its series' currency. */
export interface ChartPoint {
  id: string;
  label: string;
  min: number;
  max?: number;
  openEnded: boolean;
  /** The node the page is about, drawn emphasised. */
  current: boolean;
}

/**
 * One run of bars in one currency: the trunk, or a ladder. A series is drawn in the currency its
 * figures have; when that is not the one asked for, `note` says so ("UK figures only").
 */
export interface ChartSeries {
  label: string;
  currency: Currency;
  note?: string;
  points: ChartPoint[];
  /** Roles of the series with no figure in its currency, named in the caption, never dropped silently. */
  missing: string[];
}

export interface ChartView {
  title: string;
  /** Series in the same currency share an axis; another currency gets an axis of its own. */
  series: ChartSeries[];
}

export interface Block {
  title: string;
  items: string[];
  /** Records named in the block that have pages of their own (certifications), drawn as links. */
  links?: LinkView[];
}

export interface NodePage {
  page: 'node';
  id: string;
  kind: 'stage' | 'branch' | 'track' | 'level' | 'skill' | 'certification';
  title: string;
  /** e.g. "Stage 1 · Career trunk" */
  eyebrow: string;
  summary: string;
  years?: string;
  salaries: MoneyView[];
  chart?: ChartView;
  blocks: Block[];
  skills: SkillView[];
  /** Where you can go next (or, for a skill, the roles that need it). */
  next: LinkView[];
  nextTitle: string;
  /** Ancestors, root first, for a breadcrumb. */
  path: LinkView[];
  sources: string[];
  /** Whether evidence paths need their folder name (multi-root workspaces). */
  showFolders: boolean;
  /** "3/7 practiced" style progress of the node's skills. */
  progress?: { practiced: number; done: number; total: number };
  /** Whether this page can be set as the user's current stage or target role, and whether it is. */
  position?: { canBeCurrent: boolean; isCurrent: boolean; canBeTarget: boolean; isTarget: boolean };
  /** Practice projects for a stage or specialisation, each checked against your repositories. */
  projects?: ProjectView[];
  /** Official documentation or exam pages (skills and certifications). */
  resources?: ResourceView[];
}

export interface GapView {
  title: string;
  /** The node the gap leads to, for a link. */
  to: LinkView;
  have: number;
  total: number;
  /** The missing skills to list under this gap, in the order worth learning them. */
  missing: { skill: LinkView; status: SkillStatus; how: string; level?: LevelView; detectable: boolean }[];
  /** Missing skills an earlier gap on the page lists already (each skill is listed once). */
  listedAbove: LinkView[];
}

export interface FitView {
  role: LinkView;
  percent: number;
  matched: string[];
  total: number;
}

/** "My progress": position, gaps to the next step and to the target, role fit, orphaned marks. */
export interface ProgressPage {
  page: 'progress';
  title: string;
  current?: LinkView;
  target?: LinkView;
  gaps: GapView[];
  fit: FitView[];
  marked: { done: number; learning: number; skipped: number; notes: number };
  orphaned: { id: string; mark?: string; note?: string }[];
  /** When you first and last practised each skill, from your commits; absent without a portfolio (the web). */
  journey?: JourneyView;
  /** Three projects, the certification planner and pacing, when the plan data is at hand. */
  plan?: PlanView;
}

export interface OverviewNode {
  id: string;
  title: string;
  group: 'trunk' | 'branch' | 'track';
  /** Fraction of the node's skills practiced or done, 0..1. */
  progress: number;
  /** Skills practiced or done, of how many; absent when the node lists no skills. */
  skills?: { have: number; total: number };
  /** Salary range in the preferred currency (or the only one given), formatted. */
  salary?: string;
  /** "UK figures only" when `salary` is not in the preferred currency. */
  salaryNote?: string;
  /** "4–6 years", for stages and ladder levels that say. */
  years?: string;
  /** Ids this node leads to (edges of the picture). */
  next: string[];
}

export interface OverviewPage {
  page: 'overview';
  title: string;
  currency: Currency;
  nodes: OverviewNode[];
  /** The user's current stage ("you are here"). */
  current?: string;
  /** The node standing for the target role (a ladder level's branch or track), and the role's own title. */
  target?: { id: string; title: string };
  /** Node ids from the current stage (or the first stage) to the target, in order; empty without a target. */
  path: string[];
}

export interface MissingPage {
  page: 'missing';
  id: string;
}

export type Page = NodePage | OverviewPage | ProgressPage | MissingPage | JobPage;
