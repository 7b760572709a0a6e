/**
 * Cheap facts about a relative path, computed once per file and shared by every detector's path
 * test. No file system access here: everything is decided from the path string alone.
 */

/**
 * Folders that hold vendored, third-party or generated files. The Node file source never enters
 * them and `isCandidate` rejects paths under them, so a source that cannot prune folders (VS Code's
 * findFiles) still gets the same answer. Matched against a whole path segment, case-sensitively.
 */
export const DEFAULT_SKIP_DIRS: readonly string[] = [
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'web_modules',
  'vendor',
  'third_party',
  'third-party',
  'thirdparty',
  '3rdparty',
  'Pods',
  'Carthage',
  '.terraform',
  '.terragrunt-cache',
  '.serverless',
  '.aws-sam',
  'cdk.out',
  '.pulumi',
  '.venv',
  'venv',
  '.virtualenv',
  '__pycache__',
  '.tox',
  '.nox',
  'site-packages',
  '.eggs',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.gradle',
  '.m2',
  '.cargo',
  '.stack-work',
  '.bundle',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.angular',
  '.parcel-cache',
  '.turbo',
  '.yarn',
  '.pnpm-store',
  '.idea',
  '.vscode-test',
  '.vscode-host',
];

const SKIP_DIRS = new Set(DEFAULT_SKIP_DIRS);

/**
 * Folders whose files are documentation: a technology named only there is prose, not use.
 * Lower-case segment match.
 */
const DOC_DIRS = new Set(['docs', 'doc', 'documentation']);

/**
 * Folders that look like test fixtures. A technology whose every evidence file sits under one of
 * these is reported with `fixtureOnly: true`. `examples/` is deliberately NOT a fixture folder:
 * examples are written by the repository's authors to show the technology in use.
 */
const FIXTURE_DIRS = new Set([
  'fixtures',
  'fixture',
  '__fixtures__',
  'testdata',
  'test-data',
  'test_data',
  '__snapshots__',
  'testfixtures',
  // Kyverno's test resources (`kyverno test`, Chainsaw): the objects a policy is checked against.
  '.kyverno-test',
  '.chainsaw-test',
]);

/** Extensions of prose and data files no detector reads (requirements*.txt is handled by name). */
const PROSE_EXTS = new Set(['.md', '.markdown', '.mdx', '.rst', '.adoc', '.asciidoc', '.txt', '.html', '.htm', '.org', '.tex', '.rtf', '.pdf']);

export interface PathInfo {
  /** Relative path, `/` separators, as given. */
  path: string;
  /** File name as given. */
  base: string;
  /** Lower-cased file name. */
  name: string;
  /** Lower-cased extension with the dot (`.yml`), or '' when none. */
  ext: string;
  /** Lower-cased folder segments, outermost first. */
  dirs: string[];
  /** Lower-cased folder path without trailing slash ('' at the root). */
  dir: string;
  /** Under a fixture-looking folder. */
  fixture: boolean;
}

/** The folder facts of the last path seen: a walk hands over a folder's files one after another. */
let lastFolder: { raw: string; dir: string; dirs: string[]; fixture: boolean } | undefined;

function folderInfo(raw: string): { dir: string; dirs: string[]; fixture: boolean } {
  if (lastFolder && lastFolder.raw === raw) return lastFolder;
  const dir = raw.toLowerCase();
  const dirs = dir === '' ? [] : dir.split('/');
  let fixture = false;
  for (let i = 0; i < dirs.length; i++) {
    const d = dirs[i];
    if (FIXTURE_DIRS.has(d)) fixture = true;
    // Java/Kotlin test resources: src/test/resources/…
    else if (d === 'resources' && i > 0 && dirs[i - 1] === 'test') fixture = true;
  }
  // Shared by the PathInfos of one folder: `dirs` is never modified.
  lastFolder = { raw, dir, dirs, fixture };
  return lastFolder;
}

export function pathInfo(path: string): PathInfo {
  const slash = path.lastIndexOf('/');
  const base = slash < 0 ? path : path.slice(slash + 1);
  const { dir, dirs, fixture } = folderInfo(slash < 0 ? '' : path.slice(0, slash));
  const name = base.toLowerCase();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  return { path, base, name, ext, dirs, dir, fixture };
}

/** True when a path segment is a vendored/generated folder (original case, as on disk). */
export function inSkippedDir(path: string, skipDirs: ReadonlySet<string> = SKIP_DIRS): boolean {
  let start = 0;
  for (;;) {
    const slash = path.indexOf('/', start);
    if (slash < 0) return false;
    if (skipDirs.has(path.slice(start, slash))) return true;
    start = slash + 1;
  }
}

/** True for prose: documentation folders and text/markup files. */
export function isProse(p: PathInfo): boolean {
  if (PROSE_EXTS.has(p.ext) && !(p.ext === '.txt' && p.name.includes('requirements'))) return true;
  for (const d of p.dirs) if (DOC_DIRS.has(d)) return true;
  return false;
}

/**
 * Normalises a path to the relative, `/`-separated form the engine uses: drops `./` prefixes and
 * folds repeated, leading and trailing slashes. It never rewrites a name: a backslash is an
 * ordinary character of a file name on Linux and macOS (`..\\..\\etc\\Jenkinsfile` is one name),
 * and sources hand over `/`-separated paths on every platform.
 */
export function normalizePath(path: string): string {
  const first = path.charCodeAt(0);
  const last = path.charCodeAt(path.length - 1);
  if (first !== 0x2e /* . */ && first !== 0x2f /* / */ && last !== 0x2f && !path.includes('//')) return path;
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  let start = 0;
  while (start < p.length && p.charCodeAt(start) === 0x2f) start++;
  let end = p.length;
  while (end > start && p.charCodeAt(end - 1) === 0x2f) end--;
  p = p.slice(start, end);
  return p.includes('//')
    ? p
        .split('/')
        .filter((s) => s !== '')
        .join('/')
    : p;
}

const ON_WINDOWS = typeof process !== 'undefined' && process.platform === 'win32';

/**
 * Whether a normalised relative path stays inside the root by its spelling: no `..` or `.`
 * segment, not absolute, no NUL. Sources resolve symlinks on top of this; the engine refuses any
 * path that fails it (skipped as `outside-root`), so no evidence path can point out of the folder.
 */
export function staysInside(path: string): boolean {
  if (path === '' || path.charCodeAt(0) === 0x2f || path.includes('\0')) return false;
  // On Windows a backslash separates folders and a colon names a drive or a stream: no file name
  // there holds either, so a path that does came from somewhere hostile.
  if (ON_WINDOWS && (path.includes('\\') || path.includes(':'))) return false;
  for (const segment of path.split('/')) if (segment === '..' || segment === '.' || segment === '') return false;
  return true;
}
