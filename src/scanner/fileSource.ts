/**
 * The FileSource over node:fs, for the CLI, tests and benchmarks (VS Code has its own over
 * workspace.fs). It lists files depth-first in a stable sorted order (so `maxFiles` cuts the same
 * files every time) while reading directories ahead with bounded concurrency, never stats a plain
 * file, honours `.gitignore` files at every level (deeper files override shallower ones, as git
 * does), prunes vendored/generated folders and Helm sub-chart folders (`<chart>/charts/`), never
 * follows a symlink out of the root or into a loop, and reports what it passed over.
 *
 * Hostile trees: the walk is iterative (no depth limit: a file 500 folders down is still found;
 * loops can only come through symlinks, which are judged by their real paths). Every read resolves
 * the path again and refuses it if it now leaves the root (a symlink swapped in after listing),
 * and opens it non-blocking and without following a last-moment symlink, then checks it is a
 * regular file: a FIFO, socket or device is never read (it could block the thread for ever).
 */
import ignore from 'ignore';
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { gitignoreLiterals, ignoredBy, type Matcher, type Rules } from './gitignore';
import { DEFAULT_SKIP_DIRS, staysInside } from './paths';
import type { FileEntry, FileSource, SkippedEntry } from './types';

export { DEFAULT_SKIP_DIRS };

/**
 * The file-system calls the source makes; tests replace some to simulate failures. They are
 * synchronous on purpose: on small files a synchronous call costs microseconds where a trip through
 * libuv's thread pool costs a hundred, and a scan makes tens of thousands of them. The walk hands
 * the event loop back every few milliseconds so cancellation and other work are not starved.
 */
export interface FsLike {
  readdir(path: string): Dirent[];
  readFile(path: string): Uint8Array;
  realpath(path: string): string;
  stat(path: string): { isFile(): boolean; isDirectory(): boolean };
  /**
   * Reads at most `maxBytes` from the start of a file. With `rootReal`, the file is opened first
   * and refused unless the kernel says what was opened lies inside it (Linux, /proc/self/fd).
   */
  readHead(path: string, maxBytes: number, rootReal?: string): Uint8Array;
}

export interface NodeFileSourceOptions {
  /** Folder names never entered (whole segment, case-sensitive). Default: DEFAULT_SKIP_DIRS. */
  skipDirs?: readonly string[];
  /** Honour `.gitignore` files. Default true. */
  gitignore?: boolean;
  /** Skip `charts/` beside a `Chart.yaml` (vendored Helm dependencies). Default true. */
  skipHelmSubcharts?: boolean;
  /**
   * Paths (relative, `/`-separated) left out as VS Code's `files.exclude` leaves them out: a file
   * that matches is not listed, a folder that matches is not entered.
   */
  exclude?: (path: string) => boolean;
  /** Replaces file-system calls (tests). */
  fs?: Partial<FsLike>;
}

/** One shared buffer for the first read of every file; most config files fit in it. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Non-blocking (opening a FIFO never waits for a writer) and no symlink in the last component. The
 * flags are 0 where the platform lacks them (Windows has neither FIFOs nor this race).
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/** An error whose `skipReason` the engine reports instead of 'unreadable'. */
export function refusal(message: string, skipReason: 'special-file' | 'outside-root' | 'symlink-outside-root'): Error {
  return Object.assign(new Error(message), { code: 'EACCES', skipReason });
}

/**
 * Linux tells what an open file descriptor is: asking after the open costs one call where realpath
 * costs one per folder of the path (it was the main thread's largest cost on the 50k-file bench
 * tree), and it checks what was opened, so nothing can be swapped between the check and the open.
 */
const PROC_FD = process.platform === 'linux' && fs.existsSync('/proc/self/fd');

function readHead(path: string, maxBytes: number, rootReal?: string): Uint8Array {
  const fd = fs.openSync(path, OPEN_FLAGS);
  try {
    if (rootReal !== undefined && !inside(fs.readlinkSync(`/proc/self/fd/${fd}`), rootReal)) throw refusal(`symlink out of the root: ${path}`, 'symlink-outside-root');
    if (!fs.fstatSync(fd).isFile()) throw refusal(`not a regular file: ${path}`, 'special-file');
    const first = Math.max(1, Math.min(maxBytes, scratch.length));
    let filled = fs.readSync(fd, scratch, 0, first, 0);
    if (filled < first || first >= maxBytes) return Buffer.from(scratch.subarray(0, filled));
    // Longer than the scratch buffer: continue into a buffer of the allowed size.
    const buffer = Buffer.allocUnsafe(maxBytes);
    scratch.copy(buffer, 0, 0, filled);
    for (;;) {
      const n = fs.readSync(fd, buffer, filled, maxBytes - filled, filled);
      if (n === 0) break;
      filled += n;
      if (filled >= maxBytes) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads at most `maxBytes` from the start of `path` (relative, `/`-separated) below `root`, only
 * while it stays inside: by its spelling, by its real path resolved now, and as a regular file
 * opened without blocking. The asynchronous form, for ThreadedNodeSource (VS Code's local folders):
 * no call blocks the extension host, not even on a slow disk. `rootReal`, the root's real path, is
 * given by a caller that reads many files of one root, so it is resolved once, not per file.
 */
export async function readInside(root: string, path: string, maxBytes: number, rootReal: Promise<string> = fs.promises.realpath(root)): Promise<Uint8Array> {
  if (!staysInside(path)) throw refusal(`outside the root: ${path}`, 'outside-root');
  const [rootRealPath, real] = await Promise.all([rootReal, fs.promises.realpath(nodePath.join(root, ...path.split('/')))]);
  if (!inside(real, rootRealPath)) throw refusal(`symlink out of the root: ${path}`, 'symlink-outside-root');
  const handle = await fs.promises.open(real, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw refusal(`not a regular file: ${path}`, 'special-file');
    // Allocate what the file holds, not what the engine may ask for: most files are small.
    const buffer = Buffer.alloc(Math.max(0, Math.min(maxBytes, stat.size)));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const nodeFs: FsLike = {
  readdir: (path) => fs.readdirSync(path, { withFileTypes: true }),
  readFile: (path) => fs.readFileSync(path),
  realpath: (path) => fs.realpathSync.native(path),
  stat: (path) => fs.statSync(path),
  readHead,
};

/** Hands the event loop back (timers, abort events) when the walk has held it this long. */
const SLICE_MS = 15;
/** Most files handed over in one batch. */
const MAX_BATCH = 1024;
const SEP = nodePath.sep;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

interface DirNode {
  rel: string;
  abs: string;
  real: string;
  matchers: Matcher[];
}

function inside(real: string, rootReal: string): boolean {
  if (real === rootReal) return true;
  const base = rootReal.endsWith(nodePath.sep) ? rootReal : rootReal + nodePath.sep;
  return real.startsWith(base);
}

export class NodeFileSource implements FileSource {
  readonly root: string;
  private readonly fs: FsLike;
  private readonly skipDirs: ReadonlySet<string>;
  private readonly gitignore: boolean;
  private readonly skipSubcharts: boolean;
  private readonly exclude: ((path: string) => boolean) | undefined;
  private skippedEntries: SkippedEntry[] = [];
  private rootReal: string | undefined;
  private readonly ignoreCache = new Map<string, Rules | undefined>();

  constructor(root: string, options: NodeFileSourceOptions = {}) {
    this.root = nodePath.resolve(root);
    this.fs = { ...nodeFs, ...options.fs };
    this.skipDirs = new Set(options.skipDirs ?? DEFAULT_SKIP_DIRS);
    this.gitignore = options.gitignore ?? true;
    this.skipSubcharts = options.skipHelmSubcharts ?? true;
    this.exclude = options.exclude;
  }

  skipped(): SkippedEntry[] {
    return [...this.skippedEntries];
  }

  private realRoot(): string {
    this.rootReal ??= this.fs.realpath(this.root);
    return this.rootReal;
  }

  private loadIgnore(absFile: string): Rules | undefined {
    try {
      const text = new TextDecoder().decode(this.fs.readFile(absFile));
      return { ig: ignore({ allowRelativePaths: true }).add(text), literals: gitignoreLiterals(text) };
    } catch {
      return undefined;
    }
  }

  async *list(signal?: AbortSignal): AsyncIterable<FileEntry> {
    for await (const batch of this.listBatches(signal)) yield* batch;
  }

  /**
   * `list` in batches (what the engine uses: one async step per batch instead of per file). A
   * batch ends before every skipped entry is recorded, so a consumer that stops inside a batch
   * (the file limit) sees the same skipped entries as one that pulled file by file.
   */
  async *listBatches(signal?: AbortSignal): AsyncIterable<FileEntry[]> {
    signal?.throwIfAborted();
    this.skippedEntries = [];
    this.ignoreCache.clear();
    const rootReal = this.realRoot();
    const rootEntries = this.fs.readdir(this.root); // an unreadable root is an error, not a skip
    const stack: { node: DirNode; entries?: Dirent[] }[] = [{ node: { rel: '', abs: this.root, real: rootReal, matchers: [] }, entries: rootEntries }];
    let sliceStart = performance.now();
    let batch: FileEntry[] = [];
    while (stack.length > 0) {
      if (batch.length >= MAX_BATCH) {
        yield batch;
        batch = [];
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        if (batch.length) {
          yield batch;
          batch = [];
        }
        await breathe();
        sliceStart = performance.now();
      }
      signal?.throwIfAborted();
      const top = stack.pop() as { node: DirNode; entries?: Dirent[] };
      const node = top.node;
      let entries: Dirent[];
      try {
        entries = top.entries ?? this.fs.readdir(node.abs);
      } catch {
        if (batch.length) {
          yield batch;
          batch = [];
        }
        this.skippedEntries.push({ path: node.rel, reason: 'unreadable' });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      let matchers = node.matchers;
      let chart = false;
      for (const e of entries) {
        if (e.name === 'Chart.yaml') chart = true;
        if (this.gitignore && e.name === '.gitignore' && (e.isFile() || e.isSymbolicLink())) {
          const ig = this.loadIgnore(nodePath.join(node.abs, e.name));
          if (ig) matchers = [...matchers, { base: node.rel, ...ig }];
        }
      }
      const children: DirNode[] = [];
      for (const e of entries) {
        const name = e.name;
        const rel = node.rel ? `${node.rel}/${name}` : name;
        if (this.exclude?.(rel)) continue;
        if (name.includes('\uFFFD')) {
          if (batch.length) {
            yield batch;
            batch = [];
          }
          this.skippedEntries.push({ path: rel, reason: 'invalid-name' });
          continue;
        }
        if (e.isDirectory()) {
          if (this.skipDirs.has(name) || (chart && this.skipSubcharts && name === 'charts')) continue;
          if (matchers.length && ignoredBy(matchers, rel, true)) continue;
          children.push({ rel, abs: `${node.abs}${SEP}${name}`, real: `${node.real}${SEP}${name}`, matchers });
        } else if (e.isFile()) {
          if (matchers.length && ignoredBy(matchers, rel, false)) continue;
          batch.push({ path: rel });
        } else if (e.isSymbolicLink()) {
          const abs = nodePath.join(node.abs, name);
          const kind = this.symlinkKind(abs, node.real, rootReal);
          if (kind === 'file') {
            if (matchers.length && ignoredBy(matchers, rel, false)) continue;
            batch.push({ path: rel });
          } else if (kind !== 'dir') {
            if (!(matchers.length && ignoredBy(matchers, rel, false))) {
              if (batch.length) {
                yield batch;
                batch = [];
              }
              this.skippedEntries.push({ path: rel, reason: kind });
            }
          }
          // A symlink to a folder inside the root is not followed: that folder is walked under its own path.
        } else if (!(matchers.length && ignoredBy(matchers, rel, false))) {
          // A FIFO, socket or device: listed as passed over, never opened.
          if (batch.length) {
            yield batch;
            batch = [];
          }
          this.skippedEntries.push({ path: rel, reason: 'special-file' });
        }
      }
      // Depth-first, in name order: push in reverse so the first child is visited next.
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
    }
    if (batch.length) yield batch;
  }

  /** What a symlink points to, judged by real paths. */
  private symlinkKind(abs: string, dirReal: string, rootReal: string): 'file' | 'dir' | 'special-file' | 'symlink-loop' | 'symlink-outside-root' | 'unreadable' {
    let real: string;
    try {
      real = this.fs.realpath(abs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'ELOOP' ? 'symlink-loop' : 'unreadable';
    }
    if (!inside(real, rootReal)) return 'symlink-outside-root';
    let stat: { isFile(): boolean; isDirectory(): boolean };
    try {
      stat = this.fs.stat(abs);
    } catch {
      return 'unreadable';
    }
    if (stat.isDirectory()) return inside(dirReal, real) ? 'symlink-loop' : 'dir';
    return stat.isFile() ? 'file' : 'special-file';
  }

  /**
   * Reads the head of a file that stays inside the root: by its spelling (no `..`), and by its real
   * path at read time (a folder or file swapped for a symlink after listing is caught). On Linux the
   * file is opened first and the kernel says what was opened, so no swap fits between check and
   * open; elsewhere, and for a file that is itself a symlink, the real path is resolved and opened,
   * which O_NOFOLLOW narrows to a race on a parent folder.
   */
  async read(path: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    if (!staysInside(path)) throw refusal(`outside the root: ${path}`, 'outside-root');
    const abs = `${this.root}${SEP}${path.split('/').join(SEP)}`;
    if (PROC_FD) {
      try {
        return this.fs.readHead(abs, maxBytes, this.realRoot());
      } catch (error) {
        // O_NOFOLLOW refused a file that is itself a symlink: resolve it and check, as elsewhere.
        if ((error as { code?: string }).code !== 'ELOOP') throw error;
      }
    }
    const real = this.fs.realpath(abs);
    if (!inside(real, this.realRoot())) throw refusal(`symlink out of the root: ${path}`, 'symlink-outside-root');
    return this.fs.readHead(real, maxBytes);
  }

  /** Whether `list` would leave this path out: vendored folders, excluded paths, Helm sub-charts aside, and .gitignore rules. */
  async ignores(path: string): Promise<boolean> {
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) if (this.skipDirs.has(part)) return true;
    if (this.exclude) for (let i = 1; i <= parts.length; i++) if (this.exclude(parts.slice(0, i).join('/'))) return true;
    if (!this.gitignore) return false;
    const matchers: Matcher[] = [];
    for (let i = 0; i < parts.length; i++) {
      // A folder on the way that is ignored hides everything below it.
      if (i > 0 && ignoredBy(matchers, parts.slice(0, i).join('/'), true)) return true;
      const base = parts.slice(0, i).join('/');
      let pending = this.ignoreCache.get(base);
      if (!this.ignoreCache.has(base)) {
        pending = this.loadIgnore(nodePath.join(this.root, ...parts.slice(0, i), '.gitignore'));
        this.ignoreCache.set(base, pending);
      }
      if (pending) matchers.push({ base, ...pending });
    }
    return ignoredBy(matchers, path, false);
  }
}
