/**
 * What the details webview draws for planning: practice projects, learning links, the certification
 * planner, pacing, and the job-advert page. Types only (like `../pageModel.ts`, which includes them).
 */

import type { LinkView } from '../pageModel';

/** A learning link: official documentation or an exam page, opened in the browser. */
export interface ResourceView {
  title: string;
  url: string;
}

export interface ProjectView {
  id: string;
  title: string;
  summary: string;
  /** "6–10 hours". */
  hours: string;
  steps: string[];
  skills: LinkView[];
  /** What a repository must show, in people's words ("Terraform", "Terraform remote state"). */
  requires: string[];
  status: 'verified' | 'not-yours' | 'open';
  /** One sentence: where it is verified, whose work the evidence is, or what is still missing. */
  statusText: string;
  /** The files that verify it, openable when they are in an open folder. */
  evidence: { folder: string; path: string; what: string }[];
}

export interface CertificationView {
  cert: LinkView;
  provider: string;
  /** Open gaps it covers, of all the skills it covers. */
  covers: LinkView[];
  total: number;
  /** "Junior, Mid": where the articles suggest taking it. */
  suggestedAt: string;
  examPage?: ResourceView;
}

export interface PacingView {
  /** "Mid-Level DevOps Engineer → Senior DevOps Engineer". */
  step: string;
  /** "between March 2027 and January 2028". */
  range: string;
  earliest: string;
  latest: string;
  hoursPerWeek: number;
  assumptions: string[];
}

/** The planning part of My Progress. */
export interface PlanView {
  /** Up to three projects that close the most open gaps, each with the gaps it closes. */
  projects: (ProjectView & { closes: LinkView[] })[];
  certifications: CertificationView[];
  pacing?: PacingView;
  /** Why a part is empty ("Set your current stage…"), when it is. */
  notes: string[];
}

export interface RequirementView {
  text: string;
  status: 'evidenced' | 'marked' | 'missing';
  /** "all" or "any" of the skills meet the line. */
  needs: 'all' | 'any';
  skills: { skill: LinkView; status: 'evidenced' | 'marked' | 'missing'; evidence: { folder: string; path: string }[] }[];
}

/** "Compare with a Job Advert": each requirement with its skills and status, and the lines not mapped. */
export interface JobPage {
  page: 'job';
  title: string;
  requirements: RequirementView[];
  unmatched: string[];
  counts: { evidenced: number; marked: number; missing: number };
  /** The advert had more lines than are read. */
  truncated: boolean;
  /** Whether evidence needs its folder name (more than one repository). */
  showFolders: boolean;
  /** Said instead of the lists when there is nothing to compare (no advert after a reload). */
  empty?: string;
}
