/**
 * A local folder as a FileSource for a caller whose thread must never block (the VS Code extension
 * host): the folder is listed and, while a full scan runs, read by the Node file source in a worker
 * thread (folderWorker.ts, kept warm between scans by folderThread.ts), which hands back the heads of
 * files in chunks of one transferred buffer. The caller's thread only judges what was read, and the
 * two cores work at once. A read outside a full scan (a watcher event) is made here with asynchronous
 * calls that check it stays inside (`readInside`).
 *
 * Why not VS Code's `findFiles`: on a generated 17,000-file monorepo in code-server it took 2.4–2.6 s
 * to list what this walk lists in a few hundred milliseconds on its own, and it knows nothing of
 * `.gitignore`.
 */
import * as fs from 'node:fs';
import { excludeMatcher } from './excludeGlobs';
import { NodeFileSource, readInside } from './fileSource';
import { errorFrom, type FolderReply, type FolderRequest, type ListingReply, type ReadJob } from './folderProtocol';
import { openListing, type FolderListing } from './folderThread';
import { siblingScript } from './nodeWorker';
import type { FileEntry, FileSource, SkippedEntry } from './types';

export interface ThreadedSourceOptions {
  /** Globs of paths to leave out, as `files.exclude` leaves them out. */
  exclude?: readonly string[];
  /** The folder worker's bundle. Default: `folderWorker.js` beside this bundle (dist/). */
  script?: string;
}

interface PendingRead {
  path: string;
  maxBytes: number;
  resolve: (data: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** One listing on the worker, and the reads asked of it. */
interface Session {
  listing: FolderListing;
  /** Jobs not yet posted: posted together once this turn of the event loop is over. */
  queue: ReadJob[];
  pending: Map<number, PendingRead>;
  /** The listing is over (done, failed or abandoned): the session closes once `pending` is empty. */
  listed: boolean;
}

export class ThreadedNodeSource implements FileSource {
  readonly root: string;
  /**
   * Enough reads in flight that the worker always has the next chunk to read while this thread judges
   * the last (see `FileSource.readsInFlight`). The bytes asked for bound the memory a burst of large
   * files can take, though most files are far smaller than what is asked (256 KB for most YAML):
   * with 16 MB, about one chunk in flight, grafana/loki's warm scan took 262–277 ms, with 64 MB 189–200.
   */
  readonly readsInFlight = { files: 512, bytes: 64 * 1024 * 1024 };
  private skippedEntries: SkippedEntry[] = [];
  /** The same rules in this thread, for single-file questions (`ignores`): small reads, on watcher events only. */
  private readonly rules: NodeFileSource;
  private readonly exclude: string[];
  private readonly script: string | undefined;
  /** The root's real path, resolved once for every read made here. */
  private rootReal: Promise<string> | undefined;
  private session: Session | undefined;
  private nextId = 1;

  constructor(root: string, options: ThreadedSourceOptions = {}) {
    this.exclude = [...(options.exclude ?? [])];
    this.script = options.script;
    this.rules = new NodeFileSource(root, { exclude: excludeMatcher(this.exclude) });
    this.root = this.rules.root;
  }

  skipped(): SkippedEntry[] {
    return [...this.skippedEntries];
  }

  async *list(signal?: AbortSignal): AsyncIterable<FileEntry> {
    for await (const batch of this.listBatches(signal)) yield* batch;
  }

  async *listBatches(signal?: AbortSignal): AsyncIterable<FileEntry[]> {
    signal?.throwIfAborted();
    this.skippedEntries = [];
    this.rootReal = undefined;
    this.endSession(new Error('a new listing of the folder began'));
    const replies: ListingReply[] = [];
    let wake: (() => void) | undefined;
    let lost: unknown;
    const arrived = () => {
      wake?.();
      wake = undefined;
    };
    const session: Session = {
      listing: openListing(this.script ?? siblingScript('folderWorker.js', 'folderWorker.ts'), {
        reply: (reply) => {
          if (reply.type === 'read') return this.answer(session, reply);
          replies.push(reply);
          arrived();
        },
        lost: (error) => {
          lost ??= error;
          arrived();
          // Reads asked of a lost worker are made here instead: a worker's death costs speed, not files.
          if (this.session === session) this.session = undefined;
          for (const read of session.pending.values()) this.readHere(read.path, read.maxBytes).then(read.resolve, read.reject);
          session.pending.clear();
        },
      }),
      queue: [],
      pending: new Map(),
      listed: false,
    };
    this.session = session;
    const onAbort = () => arrived();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      session.listing.post({ type: 'list', listing: session.listing.id, root: this.root, exclude: this.exclude });
      for (;;) {
        signal?.throwIfAborted();
        const reply = replies.shift();
        if (!reply) {
          if (lost) throw lost;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (reply.type === 'error') throw errorFrom(reply.error);
        this.skippedEntries.push(...reply.skipped);
        if (reply.type === 'done') return;
        yield reply.paths.map((path) => ({ path }));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      session.listed = true;
      if (signal?.aborted) this.endSession(signal.reason);
      else this.closeWhenAnswered(session);
    }
  }

  read(path: string, maxBytes: number): Promise<Uint8Array> {
    const session = this.session;
    if (!session) return this.readHere(path, maxBytes);
    return new Promise<Uint8Array>((resolve, reject) => {
      const id = this.nextId++;
      session.pending.set(id, { path, maxBytes, resolve, reject });
      if (session.queue.length === 0) setImmediate(() => this.flush(session));
      session.queue.push([id, path, maxBytes]);
    });
  }

  /** Whether `list` would leave the path out: an exclude glob, a vendored folder, a `.gitignore` rule. */
  ignores(path: string): Promise<boolean> {
    return this.rules.ignores(path);
  }

  private readHere(path: string, maxBytes: number): Promise<Uint8Array> {
    this.rootReal ??= fs.promises.realpath(this.root);
    return readInside(this.root, path, maxBytes, this.rootReal);
  }

  private flush(session: Session): void {
    const jobs = session.queue;
    session.queue = [];
    if (jobs.length > 0 && this.session === session) session.listing.post({ type: 'read', listing: session.listing.id, jobs } satisfies FolderRequest);
  }

  private answer(session: Session, reply: Extract<FolderReply, { type: 'read' }>): void {
    let start = 0;
    reply.ids.forEach((id, i) => {
      const end = reply.ends[i];
      const read = session.pending.get(id);
      session.pending.delete(id);
      const failure = reply.failures[i];
      if (failure) read?.reject(errorFrom(failure));
      else read?.resolve(new Uint8Array(reply.data, start, end - start));
      start = end;
    });
    this.closeWhenAnswered(session);
  }

  private closeWhenAnswered(session: Session): void {
    if (session.listed && session.pending.size === 0 && this.session === session) {
      this.session = undefined;
      session.listing.close();
    }
  }

  /** Closes the current listing; reads still asked of it fail with `reason`. */
  private endSession(reason: unknown): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    session.listing.close();
    for (const read of session.pending.values()) read.reject(reason);
    session.pending.clear();
  }
}
