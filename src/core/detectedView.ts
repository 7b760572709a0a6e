/**
 * The words and order of the Detected in Workspace view: the names people read for detection ids,
 * evidence rows as VS Code's own lists show files (name, then folder), the glob that leaves a folder
 * out of the scan, and the view's sort and filter. Pure, so it is tested in plain Node.
 */

import * as l10n from '@vscode/l10n';
import { practiceTitle } from './detection';

/**
 * The name a person reads for a technology or practice id: the roadmap's tool title
 * ("GitHub Actions"), the practice's title ("CI build matrix"), or, for an id neither knows, the id
 * in words ("Some Tool"). Never the raw id.
 */
export function detectedName(id: string, toolTitle: (id: string) => string | undefined): string {
  return toolTitle(id) ?? practiceTitle(id) ?? idInWords(id);
}

/** "some-new-tool" → "Some new tool": the last resort, for an id the data does not name yet. */
function idInWords(id: string): string {
  const words = id.split(/[-_]+/).filter(Boolean).join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

export interface EvidenceRowText {
  /** The file name: what must survive a narrow side bar. */
  label: string;
  /** Where it is: the folder inside the workspace folder, with the workspace folder's name first in a multi-root window. */
  description: string;
}

/**
 * "infra/modules/net/main.tf" → label "main.tf", description "infra/modules/net", as the Explorer's
 * search results and Quick Open show files. A file at the root has no folder to show.
 */
export function evidenceRowText(path: string, workspaceFolder?: string): EvidenceRowText {
  const slash = path.lastIndexOf('/');
  const label = slash >= 0 ? path.slice(slash + 1) : path;
  const folder = slash >= 0 ? path.slice(0, slash) : '';
  return { label, description: [workspaceFolder, folder].filter(Boolean).join(' • ') };
}

/** The folder of a relative path ("" for a file at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash) : '';
}

/**
 * The `devopsRoadmap.scan.exclude` pattern that leaves out one folder (relative to the workspace
 * folder) and all below it. Glob characters in the folder's name are escaped, so a folder named
 * `[draft]` excludes itself and nothing else.
 */
export function excludeGlobForFolder(folder: string): string {
  const escaped = folder.replace(/[\\*?[\]{}()!+@,]/g, (c) => `\\${c}`);
  return `${escaped}/**`;
}

/** The exclude list with the folder's pattern added once (the user's own patterns kept as they are). */
export function withExcludedFolder(current: readonly unknown[], folder: string): string[] {
  const kept = current.filter((p): p is string => typeof p === 'string');
  const glob = excludeGlobForFolder(folder);
  return kept.includes(glob) ? kept : [...kept, glob];
}

export type DetectedSort = 'name' | 'files';

export interface DetectedRowFacts {
  id: string;
  name: string;
  fileCount: number;
}

/** By name (A–Z), or by file count (most first, then by name). */
export function sortDetected<T extends DetectedRowFacts>(rows: readonly T[], sort: DetectedSort): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  return [...rows].sort(sort === 'files' ? (a, b) => b.fileCount - a.fileCount || byName(a, b) : byName);
}

/**
 * Whether a row shows under the filter: every word of the filter is found (any case) in the row's
 * name, its id or its family ("gith", "ci matrix", "security"). An empty filter shows every row.
 */
export function matchesDetectedFilter(row: { id: string; name: string; family: string }, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${row.name} ${row.id} ${row.family}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The view's description while a filter or a sort other than the default is on ("filter: helm · by file count"). */
export function detectedViewDescription(filter: string, sort: DetectedSort): string | undefined {
  const parts = [filter.trim() ? l10n.t('filter: {0}', filter.trim()) : '', sort === 'files' ? l10n.t('by file count') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** "5 files", "1 file", "165 files · test fixtures only". */
export function fileCountText(count: number, fixtureOnly = false): string {
  const files = count === 1 ? l10n.t('1 file') : l10n.t('{0} files', count);
  return fixtureOnly ? `${files} · ${l10n.t('test fixtures only')}` : files;
}
