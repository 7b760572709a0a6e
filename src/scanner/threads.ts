/**
 * The threads the worker pool runs detectors in, on Node: `worker_threads`, each with a capped heap.
 * The web build uses threads.web.ts (Web Workers) instead; the pool itself (workerPool.ts) is the
 * same on both.
 */
import * as os from 'node:os';
import { nodeWorker, siblingScript } from './nodeWorker';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/** One detector thread, as the pool sees it. */
export interface ScanThread {
  post(job: WorkerJob, transfer: ArrayBuffer[]): void;
  onMessage(listener: (reply: WorkerReply) => void): void;
  /** It failed (an uncaught error, an exhausted heap, a script that does not load) or exited. */
  onLost(listener: (error?: unknown) => void): void;
  /** Whether it keeps the process alive (Node: while it holds a file the CLI awaits). */
  keepAlive(on: boolean): void;
  terminate(): void;
}

/** `scanWorker.js` beside the running bundle (dist/), or the worker's source when run from source. */
export function defaultScript(): string {
  return siblingScript('scanWorker.js', 'worker.ts');
}

/**
 * One per core the caller leaves free (it lists and reads), at most 2. On a 2-core machine that is
 * one worker: measured on grafana/loki, a second one made the CLI slower (1.55–2.95 s against
 * 1.40–1.99 s), as three busy threads share two cores.
 */
export function defaultSize(): number {
  return Math.min(2, os.availableParallelism() - 1);
}

/** A timer that does not keep the process alive on its own. */
export function backgroundTimer(run: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(run, ms).unref();
}

/** The pool's thread for a detector script. */
export function startThread(script: string): ScanThread {
  const worker = nodeWorker(script);
  worker.unref();
  return {
    post: (job, transfer) => worker.postMessage(job, transfer),
    onMessage: (listener) => void worker.on('message', listener),
    onLost: (listener) => {
      worker.on('error', listener);
      worker.on('exit', () => listener());
    },
    keepAlive: (on) => (on ? worker.ref() : worker.unref()),
    terminate: () => void worker.terminate(),
  };
}
