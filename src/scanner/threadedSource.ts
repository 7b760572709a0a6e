/**
 * A local folder as a FileSource for a caller whose thread must never block (the VS Code extension
 * host): the folder is listed by the Node file source in a worker thread (listWorker.ts), and each
 * file is read with asynchronous calls that check it stays inside (`readInside`).
 *
 * Why not VS Code's `findFiles`: on a generated 17,000-file monorepo in code-server it took 2.4–2.6 s
 * to list what this walk lists in a few hundred milliseconds on its own, and it knows nothing of
 * `.gitignore`. The worker ends by itself after `done`; its late `exit` is never taken for a loss,
 * as replies are read in order before it is looked at.
 */
import * as fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import picomatch from 'picomatch';
import { NodeFileSource, readInside } from './fileSource';
import { nodeWorker, siblingScript } from './nodeWorker';
import type { FileEntry, FileSource, SkippedEntry } from './types';

export interface ListRequest {
  root: string;
  /** Globs (picomatch, dot files included) of paths left out; a matching folder is not entered. */
  exclude: string[];
}

/** A batch of paths with the entries passed over before them, then `done` (or `error`). */
export type ListReply = { type: 'batch'; paths: string[]; skipped: SkippedEntry[] } | { type: 'done'; skipped: SkippedEntry[] } | { type: 'error'; message: string; code?: string };

/** The matcher for `exclude` globs, the same in this thread and in the list worker. */
export function excludeMatcher(globs: readonly string[]): ((path: string) => boolean) | undefined {
  return globs.length > 0 ? picomatch([...globs], { dot: true }) : undefined;
}

export interface ThreadedSourceOptions {
  /** Globs of paths to leave out, as `files.exclude` leaves them out. */
  exclude?: readonly string[];
  /** The list worker's bundle. Default: `listWorker.js` beside this bundle (dist/). */
  script?: string;
}

export class ThreadedNodeSource implements FileSource {
  readonly root: string;
  private skippedEntries: SkippedEntry[] = [];
  /** The same rules in this thread, for single-file questions (`ignores`): small reads, on watcher events only. */
  private readonly rules: NodeFileSource;
  private readonly exclude: string[];
  private readonly script: string | undefined;
  /** The root's real path, resolved once per listing for every read of it. */
  private rootReal: Promise<string> | undefined;

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
    const worker = nodeWorker(this.script ?? siblingScript('listWorker.js', 'listWorker.ts'));
    const replies: ListReply[] = [];
    let wake: (() => void) | undefined;
    let lost: unknown;
    const arrived = () => {
      wake?.();
      wake = undefined;
    };
    worker.on('message', (reply: ListReply) => {
      replies.push(reply);
      arrived();
    });
    worker.on('error', (error) => {
      lost ??= error;
      arrived();
    });
    worker.on('exit', () => {
      lost ??= new Error('the folder-listing worker stopped before it finished');
      arrived();
    });
    const onAbort = () => arrived();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      worker.postMessage({ root: this.root, exclude: this.exclude } satisfies ListRequest);
      for (;;) {
        signal?.throwIfAborted();
        const reply = replies.shift();
        if (!reply) {
          if (lost) throw lost;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (reply.type === 'error') throw Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
        this.skippedEntries.push(...reply.skipped);
        if (reply.type === 'done') return;
        yield reply.paths.map((path) => ({ path }));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      stop(worker);
    }
  }

  read(path: string, maxBytes: number): Promise<Uint8Array> {
    this.rootReal ??= fs.promises.realpath(this.root);
    return readInside(this.root, path, maxBytes, this.rootReal);
  }

  /** Whether `list` would leave the path out: an exclude glob, a vendored folder, a `.gitignore` rule. */
  ignores(path: string): Promise<boolean> {
    return this.rules.ignores(path);
  }
}

function stop(worker: Worker): void {
  worker.removeAllListeners();
  // A listener-less worker's late error must not become an uncaught exception.
  worker.on('error', () => {});
  void worker.terminate();
}
