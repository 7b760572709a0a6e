/**
 * Practice projects (`data/projects.json`): loading them, checking a project against your
 * repositories ("verified in <repository>", or what is still missing), and choosing the three that
 * close the most of your open gaps. Pure: no `vscode`, no fs.
 */

import { authoredBy, evidenceOf, type RepositoryEvidence, type RepositoryRef } from './repository';

export interface Project {
  id: string;
  title: string;
  summary: string;
  /** Trunk stages the project suits. */
  stages: string[];
  /** Specialisations the project suits. */
  branches: string[];
  /** Skill ids the project builds. */
  skills: string[];
  /** Hands-on hours, an honest range for someone new to the topic. */
  hours: { min: number; max: number };
  steps: string[];
  /** Detection ids a repository must show, all of them, for the project to count as done. */
  requires: { technologies: string[]; practices: string[] };
}

function fail(message: string): never {
  throw new Error(`Invalid projects data: ${message}`);
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * The projects of `data/projects.json`, after a cheap structural check (the full schema is checked
 * by a unit test, so ajv is not shipped). Throws an Error naming the first problem.
 */
export function loadProjects(json: unknown): Project[] {
  const projects = (json as { projects?: unknown } | null)?.projects;
  if (!Array.isArray(projects)) fail('"projects" must be an array');
  projects.forEach((p: Partial<Project> | null, i) => {
    if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || typeof p.title !== 'string') fail(`projects[${i}] needs a string id and title`);
    if (!isStrings(p.stages) || !isStrings(p.branches) || !isStrings(p.skills) || !isStrings(p.steps)) fail(`project "${p.id}" needs stages, branches, skills and steps`);
    if (typeof p.hours?.min !== 'number' || typeof p.hours?.max !== 'number') fail(`project "${p.id}" needs hours {min, max}`);
    if (!isStrings(p.requires?.technologies) || !isStrings(p.requires?.practices)) fail(`project "${p.id}" needs requires {technologies, practices}`);
  });
  return projects as Project[];
}

/** A required id as found in one repository. */
export interface Shown {
  id: string;
  /** The first file that shows it. */
  path: string;
}

export interface ProjectCheck {
  project: Project;
  /**
   * `verified`: a repository shows every required id and, where authorship is known, you wrote
   * commits on that evidence. `not-yours`: a repository shows every id, but git says the evidence
   * is other people's work. `open`: no repository shows them all yet.
   */
  status: 'verified' | 'not-yours' | 'open';
  /** The repositories that verify the project, each with the file that shows each id. */
  verifiedIn: (RepositoryRef & { evidence: Shown[]; authored: boolean | null })[];
  /** Repositories that show every id but where the evidence is not yours. */
  notYours: RepositoryRef[];
  /** The repository that shows most of the required ids, when any shows one. */
  closest?: RepositoryRef;
  /** The required ids the closest repository (or, without one, every repository) still lacks. */
  missing: { technologies: string[]; practices: string[] };
}

function requiredIds(project: Project): string[] {
  return [...project.requires.technologies, ...project.requires.practices];
}

/** Checks one project against every repository. */
export function checkProject(project: Project, repositories: readonly RepositoryEvidence[]): ProjectCheck {
  const ids = requiredIds(project);
  const verifiedIn: ProjectCheck['verifiedIn'] = [];
  const notYours: RepositoryRef[] = [];
  let closest: { repo: RepositoryEvidence; shown: number } | undefined;
  for (const repo of repositories) {
    const shown = ids.filter((id) => evidenceOf(repo, id).length > 0);
    if (shown.length === ids.length && ids.length > 0) {
      const authored = ids.map((id) => authoredBy(repo, id));
      const ref = { root: repo.root, name: repo.name };
      if (authored.some((a) => a === false)) notYours.push(ref);
      else verifiedIn.push({ ...ref, evidence: ids.map((id) => ({ id, path: evidenceOf(repo, id)[0] })), authored: authored.every((a) => a === true) ? true : null });
    }
    if (shown.length > 0 && (!closest || shown.length > closest.shown)) closest = { repo, shown: shown.length };
  }
  const lacks = (id: string) => (closest ? evidenceOf(closest.repo, id).length === 0 : true);
  const status = verifiedIn.length > 0 ? 'verified' : notYours.length > 0 ? 'not-yours' : 'open';
  return {
    project,
    status,
    verifiedIn,
    notYours,
    closest: closest ? { root: closest.repo.root, name: closest.repo.name } : undefined,
    missing:
      status === 'open' ? { technologies: project.requires.technologies.filter(lacks), practices: project.requires.practices.filter(lacks) } : { technologies: [], practices: [] },
  };
}

export interface Recommendation {
  check: ProjectCheck;
  /** The open gaps (skill ids) the project would close, in the project's order. */
  closes: string[];
}

export interface RecommendOptions {
  /** Stage and role ids the user is heading for: a project that suits one wins a tie. */
  heading?: readonly string[];
  /** How many to return (default 3). */
  limit?: number;
}

/**
 * The projects that close the most of the open gaps (skill ids), best first. Verified projects and
 * projects that close no gap are left out. Ties go to a project that suits the stage or role the
 * user is heading for, then to the one with fewer requirements still missing, then the shorter one.
 */
export function recommendProjects(checks: readonly ProjectCheck[], openGaps: ReadonlySet<string>, options: RecommendOptions = {}): Recommendation[] {
  const heading = new Set(options.heading ?? []);
  const suits = (p: Project) => (p.stages.some((s) => heading.has(s)) || p.branches.some((b) => heading.has(b)) ? 1 : 0);
  const missingCount = (c: ProjectCheck) => c.missing.technologies.length + c.missing.practices.length;
  return checks
    .filter((c) => c.status !== 'verified')
    .map((check) => ({ check, closes: check.project.skills.filter((s) => openGaps.has(s)) }))
    .filter((r) => r.closes.length > 0)
    .sort(
      (a, b) =>
        b.closes.length - a.closes.length ||
        suits(b.check.project) - suits(a.check.project) ||
        missingCount(a.check) - missingCount(b.check) ||
        a.check.project.hours.min - b.check.project.hours.min ||
        a.check.project.id.localeCompare(b.check.project.id),
    )
    .slice(0, options.limit ?? 3);
}

/** The projects listed for a stage or a specialisation, in data order. */
export function projectsFor(projects: readonly Project[], roleId: string): Project[] {
  return projects.filter((p) => p.stages.includes(roleId) || p.branches.includes(roleId));
}
