/**
 * The FileSource over node:fs, for the CLI, tests and benchmarks (VS Code has its own over
 * workspace.fs). It lists files depth-first in a stable sorted order (so `maxFiles` cuts the same
 * files every time) while reading directories ahead with bounded concurrency, never stats a plain
 * file, honours `.gitignore` files at every level (deeper files override shallower ones, as git
 * does), prunes vendored/generated folders and Helm sub-chart folders (`<chart>/charts/`), never
 * follows a symlink out of the root or into a loop, and reports what it passed over.
 */
import ignore, { type Ignore } from 'ignore';
import type { Dirent } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as nodePath from 'node:path';
import { DEFAULT_SKIP_DIRS } from './paths';
import type { FileEntry, FileSource, SkippedEntry } from './types';

export { DEFAULT_SKIP_DIRS };

/** The file-system calls the source makes; tests replace some to simulate failures. */
export interface FsLike {
  readdir(path: string): Promise<Dirent[]>;
  readFile(path: string): Promise<Uint8Array>;
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
  /** Reads at most `maxBytes` from the start of a file. */
  readHead(path: string, maxBytes: number): Promise<Uint8Array>;
}

export interface NodeFileSourceOptions {
  /** Folder names never entered (whole segment, case-sensitive). Default: DEFAULT_SKIP_DIRS. */
  skipDirs?: readonly string[];
  /** Honour `.gitignore` files. Default true. */
  gitignore?: boolean;
  /** Deepest folder level entered (the root is 0); deeper folders are skipped as 'too-deep'. Default 64. */
  maxDepth?: number;
  /** Folders read at the same time. Default 8. */
  concurrency?: number;
  /** Skip `charts/` beside a `Chart.yaml` (vendored Helm dependencies). Default true. */
  skipHelmSubcharts?: boolean;
  /** Replaces file-system calls (tests). */
  fs?: Partial<FsLike>;
}

async function readHead(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await fsp.open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(maxBytes, 16 * 1024)));
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (buffer.length >= maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes, buffer.length * 4));
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

const nodeFs: FsLike = {
  readdir: (path) => fsp.readdir(path, { withFileTypes: true }),
  readFile: (path) => fsp.readFile(path),
  realpath: (path) => fsp.realpath(path),
  stat: (path) => fsp.stat(path),
  readHead,
};

/** Runs at most `limit` tasks at once. */
class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.active--;
            this.queue.shift()?.();
          });
      };
      if (this.active < this.limit) start();
      else this.queue.push(start);
    });
  }
}

interface Matcher {
  /** Folder of the .gitignore, relative ('' at the root). */
  base: string;
  ig: Ignore;
}

interface DirNode {
  rel: string;
  abs: string;
  real: string;
  depth: number;
  matchers: Matcher[];
  entries: Promise<Dirent[] | Error>;
}

function inside(real: string, rootReal: string): boolean {
  if (real === rootReal) return true;
  const base = rootReal.endsWith(nodePath.sep) ? rootReal : rootReal + nodePath.sep;
  return real.startsWith(base);
}

/** Deeper .gitignore files decide first; a negation (`!x`) there re-includes what a shallower one ignored. */
function ignoredBy(matchers: readonly Matcher[], rel: string, dir: boolean): boolean {
  for (let i = matchers.length - 1; i >= 0; i--) {
    const m = matchers[i];
    const sub = m.base ? rel.slice(m.base.length + 1) : rel;
    try {
      const r = m.ig.test(dir ? `${sub}/` : sub);
      if (r.ignored) return true;
      if (r.unignored) return false;
    } catch {
      return false;
    }
  }
  return false;
}

export class NodeFileSource implements FileSource {
  readonly root: string;
  private readonly fs: FsLike;
  private readonly skipDirs: ReadonlySet<string>;
  private readonly gitignore: boolean;
  private readonly maxDepth: number;
  private readonly concurrency: number;
  private readonly skipSubcharts: boolean;
  private skippedEntries: SkippedEntry[] = [];
  /** Paths `list` yielded (already checked to stay inside the root). */
  private listed = new Set<string>();
  private rootReal: string | undefined;
  private readonly ignoreCache = new Map<string, Promise<Ignore | undefined>>();

  constructor(root: string, options: NodeFileSourceOptions = {}) {
    this.root = nodePath.resolve(root);
    this.fs = { ...nodeFs, ...options.fs };
    this.skipDirs = new Set(options.skipDirs ?? DEFAULT_SKIP_DIRS);
    this.gitignore = options.gitignore ?? true;
    this.maxDepth = options.maxDepth ?? 64;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.skipSubcharts = options.skipHelmSubcharts ?? true;
  }

  skipped(): SkippedEntry[] {
    return [...this.skippedEntries];
  }

  private async realRoot(): Promise<string> {
    this.rootReal ??= await this.fs.realpath(this.root);
    return this.rootReal;
  }

  private async loadIgnore(absFile: string): Promise<Ignore | undefined> {
    try {
      const text = new TextDecoder().decode(await this.fs.readFile(absFile));
      return ignore({ allowRelativePaths: true }).add(text);
    } catch {
      return undefined;
    }
  }

  async *list(signal?: AbortSignal): AsyncIterable<FileEntry> {
    signal?.throwIfAborted();
    this.skippedEntries = [];
    this.listed = new Set();
    this.ignoreCache.clear();
    const rootReal = await this.realRoot();
    const limiter = new Limiter(this.concurrency);
    const readDir = (abs: string) => limiter.run(() => this.fs.readdir(abs)).then((d) => d, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const rootEntries = await this.fs.readdir(this.root); // an unreadable root is an error, not a skip
    const stack: DirNode[] = [{ rel: '', abs: this.root, real: rootReal, depth: 0, matchers: [], entries: Promise.resolve(rootEntries) }];
    while (stack.length > 0) {
      signal?.throwIfAborted();
      const node = stack.pop() as DirNode;
      const result = await node.entries;
      if (result instanceof Error) {
        this.skippedEntries.push({ path: node.rel, reason: 'unreadable' });
        continue;
      }
      const entries = result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      let matchers = node.matchers;
      let chart = false;
      for (const e of entries) {
        if (e.name === 'Chart.yaml') chart = true;
        if (this.gitignore && e.name === '.gitignore' && (e.isFile() || e.isSymbolicLink())) {
          const ig = await this.loadIgnore(nodePath.join(node.abs, e.name));
          if (ig) matchers = [...matchers, { base: node.rel, ig }];
        }
      }
      const children: DirNode[] = [];
      for (const e of entries) {
        const name = e.name;
        const rel = node.rel ? `${node.rel}/${name}` : name;
        if (name.includes('\uFFFD')) {
          this.skippedEntries.push({ path: rel, reason: 'invalid-name' });
          continue;
        }
        if (e.isDirectory()) {
          if (this.skipDirs.has(name) || (chart && this.skipSubcharts && name === 'charts')) continue;
          if (matchers.length && ignoredBy(matchers, rel, true)) continue;
          if (node.depth + 1 > this.maxDepth) {
            this.skippedEntries.push({ path: rel, reason: 'too-deep' });
            continue;
          }
          const abs = nodePath.join(node.abs, name);
          children.push({ rel, abs, real: nodePath.join(node.real, name), depth: node.depth + 1, matchers, entries: readDir(abs) });
        } else if (e.isFile()) {
          if (matchers.length && ignoredBy(matchers, rel, false)) continue;
          this.listed.add(rel);
          yield { path: rel };
        } else if (e.isSymbolicLink()) {
          const abs = nodePath.join(node.abs, name);
          const kind = await this.symlinkKind(abs, node.real, rootReal);
          if (kind === 'file') {
            if (matchers.length && ignoredBy(matchers, rel, false)) continue;
            this.listed.add(rel);
            yield { path: rel };
          } else if (kind !== 'dir') {
            if (kind === 'symlink-loop' || kind === 'symlink-outside-root' || kind === 'unreadable') {
              if (!(matchers.length && ignoredBy(matchers, rel, false))) this.skippedEntries.push({ path: rel, reason: kind });
            }
          }
          // A symlink to a folder inside the root is not followed: that folder is walked under its own path.
        }
      }
      // Depth-first, in name order: push in reverse so the first child is visited next.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  /** What a symlink points to, judged by real paths. */
  private async symlinkKind(abs: string, dirReal: string, rootReal: string): Promise<'file' | 'dir' | 'other' | 'symlink-loop' | 'symlink-outside-root' | 'unreadable'> {
    let real: string;
    try {
      real = await this.fs.realpath(abs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'ELOOP' ? 'symlink-loop' : 'unreadable';
    }
    if (!inside(real, rootReal)) return 'symlink-outside-root';
    let stat: { isFile(): boolean; isDirectory(): boolean };
    try {
      stat = await this.fs.stat(abs);
    } catch {
      return 'unreadable';
    }
    if (stat.isDirectory()) return inside(dirReal, real) ? 'symlink-loop' : 'dir';
    return stat.isFile() ? 'file' : 'other';
  }

  async read(path: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    const parts = path.split('/');
    if (path.startsWith('/') || parts.includes('..')) throw Object.assign(new Error(`outside the root: ${path}`), { code: 'EACCES' });
    const abs = nodePath.join(this.root, ...parts);
    if (!this.listed.has(path)) {
      // Not from our own listing (a watcher event): make sure it resolves inside the root.
      const real = await this.fs.realpath(abs);
      if (!inside(real, await this.realRoot())) throw Object.assign(new Error(`symlink out of the root: ${path}`), { code: 'EACCES' });
    }
    return this.fs.readHead(abs, maxBytes);
  }

  /** Whether `list` would leave this path out: vendored folders, Helm sub-charts aside, and .gitignore rules. */
  async ignores(path: string): Promise<boolean> {
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) if (this.skipDirs.has(part)) return true;
    if (!this.gitignore) return false;
    const matchers: Matcher[] = [];
    for (let i = 0; i < parts.length; i++) {
      // A folder on the way that is ignored hides everything below it.
      if (i > 0 && ignoredBy(matchers, parts.slice(0, i).join('/'), true)) return true;
      const base = parts.slice(0, i).join('/');
      let pending = this.ignoreCache.get(base);
      if (!pending) {
        pending = this.loadIgnore(nodePath.join(this.root, ...parts.slice(0, i), '.gitignore'));
        this.ignoreCache.set(base, pending);
      }
      const ig = await pending;
      if (ig) matchers.push({ base, ig });
    }
    return ignoredBy(matchers, path, false);
  }
}
