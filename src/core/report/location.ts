/**
 * Where "Export Skills Report" offers to save: a personal report belongs in the user's own folders,
 * never in the repository that happens to be open (no workspace folder is even asked for). Pure:
 * the shell passes the home folder and the last export's folder (as URIs) and joins the result.
 */

export interface ExportLocationFacts<Folder> {
  /** The user's home folder, when the host has one (not in a browser). */
  home?: Folder;
  /** The folder the user last exported to, if remembered. */
  lastFolder?: Folder;
  /** For the file name's date. */
  now: Date;
}

export interface ExportLocation<Folder> {
  /** The folder to offer, or undefined to let the dialog choose (no home, nothing remembered). */
  folder?: Folder;
  fileName: string;
}

/** "devops-skills-report-2026-11-30.md" in the last export folder, else in the home folder. */
export function defaultExportLocation<Folder>(facts: ExportLocationFacts<Folder>): ExportLocation<Folder> {
  const date = facts.now.toISOString().slice(0, 10);
  return { folder: facts.lastFolder ?? facts.home, fileName: `devops-skills-report-${date}.md` };
}

/** The JSON written beside a report: "report.md" → "report.json", "report" → "report.json". */
export function companionJsonPath(markdownPath: string): string {
  return `${markdownPath.replace(/\.md$/i, '')}.json`;
}
