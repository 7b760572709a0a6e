import * as vscode from 'vscode';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { FileEntry, FileSource, SkippedEntry } from '../scanner/types';
import { DEFAULT_SKIP_DIRS, staysInside } from '../scanner/paths';
import { scannerEngine } from './scannerEngine';
import { capabilities } from './platform';

/**
 * The FileSource a scan of a workspace folder reads through. A folder on the local disk (desktop,
 * code-server, Codespaces) is listed by the scanner's own walk in a worker thread and read with
 * Node's asynchronous calls: on a 17,000-file monorepo, `findFiles` alone took longer than the
 * CLI's whole scan. Anything else (remote and virtual file systems, the web) goes through the VS
 * Code API.
 */
export function folderSource(folder: vscode.WorkspaceFolder, maxFiles: number): FileSource {
  if (folder.uri.scheme === 'file' && capabilities.localFolders)
    return new (scannerEngine().ThreadedNodeSource)(folder.uri.fsPath, { exclude: WorkspaceFileSource.excludePatterns(folder) });
  return new WorkspaceFileSource(folder, maxFiles);
}

/**
 * A FileSource over one workspace folder through `workspace.findFiles` and `workspace.fs`, so
 * remote and virtual workspaces are scanned the same way as local ones. It honours `files.exclude`,
 * `devopsRoadmap.scan.exclude`, the vendored folders the scanner always skips, and `.gitignore`
 * files (findFiles itself does not read them).
 */
export class WorkspaceFileSource implements FileSource {
  readonly root: string;
  private readonly skippedEntries: SkippedEntry[] = [];
  /** The `.gitignore` rules found by the last `list`, for single-file updates. */
  private ignoreRules: Ignore = ignore();
  /** The one exclusion rule, for listing and single-file updates alike (settings are read per scan). */
  private readonly excluded: (path: string) => boolean;

  constructor(
    private readonly folder: vscode.WorkspaceFolder,
    private readonly maxFiles: number,
  ) {
    this.root = folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString();
    this.excluded = picomatch(WorkspaceFileSource.excludePatterns(folder), { dot: true });
  }

  /** Exclude patterns: files.exclude (findFiles drops it once an exclude is given), vendored folders, the user's setting. */
  static excludePatterns(folder: vscode.WorkspaceFolder): string[] {
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, boolean>>('exclude', {});
    const userExclude = vscode.workspace.getConfiguration('devopsRoadmap', folder).get<string[]>('scan.exclude', []);
    return [
      ...Object.entries(filesExclude)
        .filter(([, on]) => on === true)
        .map(([glob]) => glob),
      ...DEFAULT_SKIP_DIRS.map((dir) => `**/${dir}/**`),
      ...userExclude.filter((p) => typeof p === 'string' && p.length > 0),
    ];
  }

  /**
   * The patterns as one glob for findFiles, which only saves listing work: the exclude matcher
   * decides. A pattern with braces of its own cannot sit inside the glob's brace group, so it is
   * left to the matcher alone.
   */
  static findFilesExclude(folder: vscode.WorkspaceFolder): string {
    return `{${WorkspaceFileSource.excludePatterns(folder)
      .filter((p) => !/[{},]/.test(p))
      .join(',')}}`;
  }

  async *list(signal?: AbortSignal): AsyncIterable<FileEntry> {
    const cancel = new vscode.CancellationTokenSource();
    signal?.addEventListener('abort', () => cancel.cancel(), { once: true });
    try {
      const uris = await vscode.workspace.findFiles(
        new vscode.RelativePattern(this.folder, '**/*'),
        WorkspaceFileSource.findFilesExclude(this.folder),
        this.maxFiles + 1,
        cancel.token,
      );
      const paths = uris.map((uri) => relativePath(this.folder, uri)).filter((p): p is string => p !== undefined && !this.excluded(p));
      this.ignoreRules = await this.gitignore(paths, signal);
      paths.sort();
      for (const path of paths) {
        if (signal?.aborted) return;
        if (!this.ignoreRules.ignores(path)) yield { path };
      }
    } finally {
      cancel.dispose();
    }
  }

  /**
   * Reads the head of a file through `workspace.fs`. These file systems (remote, virtual, local
   * folders on the web) cannot resolve a link, so only plain files are read, never a symlink or
   * anything else. (Local folders on Node go through ThreadedNodeSource, which resolves real paths.)
   */
  async read(path: string, maxBytes: number): Promise<Uint8Array> {
    if (!staysInside(path)) throw Object.assign(new Error(`outside the folder: ${path}`), { skipReason: 'outside-root' });
    const uri = vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File)
      throw Object.assign(new Error(`not a plain file: ${path}`), { skipReason: stat.type & vscode.FileType.SymbolicLink ? 'unreadable' : 'special-file' });
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  }

  /**
   * Whether `list` would leave the file out: `.gitignore` rules or an exclude pattern. Matched in
   * process (findFiles can miss a file created a moment ago, which would then look excluded).
   */
  async ignores(path: string): Promise<boolean> {
    return this.ignoreRules.ignores(path) || this.excluded(path);
  }

  skipped(): SkippedEntry[] {
    return [...this.skippedEntries];
  }

  /** One matcher for every `.gitignore` in the folder, each rule anchored at its own directory. */
  private async gitignore(paths: readonly string[], signal?: AbortSignal): Promise<Ignore> {
    const matcher = ignore();
    for (const path of paths.filter((p) => p === '.gitignore' || p.endsWith('/.gitignore'))) {
      if (signal?.aborted) break;
      try {
        const dir = path.slice(0, -'.gitignore'.length);
        const text = new TextDecoder().decode(await this.read(path, 256 * 1024));
        const rules = text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line && !line.startsWith('#'))
          .map((rule) => anchor(dir, rule));
        matcher.add(rules);
      } catch {
        this.skippedEntries.push({ path, reason: 'unreadable' });
      }
    }
    return matcher;
  }
}

/** Rewrites a rule of `<dir>/.gitignore` so that it applies below `<dir>` only. */
function anchor(dir: string, rule: string): string {
  if (!dir) return rule;
  const negated = rule.startsWith('!');
  const body = negated ? rule.slice(1) : rule;
  // A rule without a slash (other than a trailing one) matches at any depth below its directory.
  const floating = !body.replace(/\/$/, '').includes('/');
  const anchored = floating ? `${dir}**/${body}` : `${dir}${body.replace(/^\//, '')}`;
  return negated ? `!${anchored}` : anchored;
}

/** `uri` relative to the folder, with `/` separators, or undefined when it lies outside it. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const inside = uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(base);
  return inside ? uri.path.slice(base.length) : undefined;
}
