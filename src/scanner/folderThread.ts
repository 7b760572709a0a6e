/**
 * The folder worker (folderWorker.ts) every ThreadedNodeSource of the process shares: started for a
 * first listing, kept while any listing uses it and for a while after, so the next scan finds it
 * booted and its code warm. A fresh worker costs 55–75 ms to boot on 2 cores and runs its code cold:
 * a warm in-process scan of grafana/loki took 307 ms with a worker started per listing, 210 ms with
 * one kept. An unused worker never keeps the process alive.
 */
import type { Worker } from 'node:worker_threads';
import type { FolderReply, FolderRequest } from './folderProtocol';
import { nodeWorker } from './nodeWorker';

/** How long a worker no listing uses is kept for the next one. */
const KEEP_IDLE_MS = 30_000;

/** What a listing hears from the worker. */
export interface ListingListener {
  reply(reply: FolderReply): void;
  /** The worker failed or stopped: nothing more will come. */
  lost(error: unknown): void;
}

/** One listing's line to the shared worker. */
export interface FolderListing {
  readonly id: number;
  post(request: FolderRequest): void;
  /** Tells the worker to forget the folder; its replies are no longer heard. */
  close(): void;
}

interface SharedWorker {
  worker: Worker;
  listeners: Map<number, ListingListener>;
  idle?: ReturnType<typeof setTimeout>;
}

const shared = new Map<string, SharedWorker>();
let nextListing = 1;

/** Opens a listing on the shared worker for `script`, starting the worker if none is running. */
export function openListing(script: string, listener: ListingListener): FolderListing {
  const thread = shared.get(script) ?? start(script);
  const id = nextListing++;
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = undefined;
  if (thread.listeners.size === 0) thread.worker.ref();
  thread.listeners.set(id, listener);
  return {
    id,
    post: (request) => {
      if (thread.listeners.has(id)) thread.worker.postMessage(request);
    },
    close: () => {
      if (!thread.listeners.delete(id)) return;
      thread.worker.postMessage({ type: 'close', listing: id } satisfies FolderRequest);
      if (thread.listeners.size > 0) return;
      thread.worker.unref();
      thread.idle = setTimeout(() => {
        if (thread.listeners.size === 0) stop(script, thread);
      }, KEEP_IDLE_MS);
      thread.idle.unref?.();
    },
  };
}

function start(script: string): SharedWorker {
  const thread: SharedWorker = { worker: nodeWorker(script), listeners: new Map() };
  shared.set(script, thread);
  thread.worker.on('message', (reply: FolderReply) => thread.listeners.get(reply.listing)?.reply(reply));
  const lose = (error: unknown) => {
    const listeners = [...thread.listeners.values()];
    stop(script, thread);
    for (const listener of listeners) listener.lost(error);
  };
  thread.worker.on('error', lose);
  thread.worker.on('exit', () => lose(new Error('the folder worker stopped before it finished')));
  return thread;
}

function stop(script: string, thread: SharedWorker): void {
  if (shared.get(script) === thread) shared.delete(script);
  if (thread.idle) clearTimeout(thread.idle);
  thread.listeners.clear();
  thread.worker.removeAllListeners();
  // A listener-less worker's late error must not become an uncaught exception.
  thread.worker.on('error', () => {});
  void thread.worker.terminate();
}
