/**
 * One repository's evidence, as the planning code reads it: what the scanner found there, with the
 * files that prove each id, and (where git could tell) whether you wrote those files. The current
 * workspace's scans fit it today; the portfolio ledger (evidence across repositories) feeds the same
 * shape. Pure: no `vscode`, no fs.
 */

import type { ScanFindings } from '../detection';
import type { RepositoryRecord } from '../portfolio/ledger';

/** Your commits on one evidence file beside everyone's (the git room's `FileAuthorship` fits). */
export interface FileCommits {
  readonly yourCommits: number;
  readonly totalCommits: number;
}

export interface RepositoryEvidence {
  /** The repository's identity: its folder path (or remote URL, from the ledger). */
  readonly root: string;
  /** A short name to show: the folder's name. */
  readonly name: string;
  readonly technologies: readonly { readonly id: string; readonly evidence: readonly string[] }[];
  readonly practices: readonly { readonly id: string; readonly evidence: readonly string[] }[];
  /**
   * Commits per evidence path, or null when authorship is unknown (untrusted workspace, no git,
   * the setting off). A path missing from a known map has no commits of yours.
   */
  readonly authorship: Readonly<Record<string, FileCommits>> | null;
}

export interface RepositoryRef {
  root: string;
  name: string;
}

/** A workspace folder's scan as repository evidence. */
export function repositoryFromScan(root: string, name: string, findings: ScanFindings, authorship: Readonly<Record<string, FileCommits>> | null = null): RepositoryEvidence {
  return {
    root,
    name,
    technologies: findings.technologies.filter((t) => !t.fixtureOnly).map((t) => ({ id: t.id, evidence: [...t.evidence] })),
    practices: findings.practices.map((p) => ({ id: p.id, evidence: [...p.evidence] })),
    authorship,
  };
}

/** The files of a repository that show an id (a technology or a practice); empty when it is not shown. */
export function evidenceOf(repo: RepositoryEvidence, id: string): readonly string[] {
  return repo.technologies.find((t) => t.id === id)?.evidence ?? repo.practices.find((p) => p.id === id)?.evidence ?? [];
}

/**
 * Whether you wrote commits on the files that show an id: true or false where authorship is known,
 * null where it is not.
 */
export function authoredBy(repo: RepositoryEvidence, id: string): boolean | null {
  if (repo.authorship === null) return null;
  const authorship = repo.authorship;
  return evidenceOf(repo, id).some((path) => (Object.hasOwn(authorship, path) ? authorship[path].yourCommits : 0) > 0);
}

/** A portfolio ledger record as repository evidence (its authorship, where git was asked). */
export function repositoryFromRecord(record: RepositoryRecord): RepositoryEvidence {
  const files = record.authored?.files;
  return {
    root: record.root,
    name: record.name,
    technologies: record.technologies.filter((t) => !t.fixtureOnly).map((t) => ({ id: t.id, evidence: [...t.evidence] })),
    practices: record.practices.map((p) => ({ id: p.id, evidence: [...p.evidence] })),
    authorship: files ? Object.fromEntries(Object.entries(files).map(([path, f]) => [path, { yourCommits: f.yourCommits, totalCommits: f.yourCommits + f.otherCommits }])) : null,
  };
}
