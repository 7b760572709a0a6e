/**
 * The threads the worker pool runs detectors in, on Node: `worker_threads`, each with a capped heap.
 * The web build uses threads.web.ts (Web Workers) instead; the pool itself (workerPool.ts) is the
 * same on both.
 */
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** A worker's heap: a document bomb that gets past the parsers' limits kills only its worker. */
const WORKER_HEAP_MB = 256;

/** Run from source (`node --import tsx src/cli.ts`, the unit tests): no dist/ to start a worker from. */
const FROM_SOURCE = __filename.endsWith('.ts');

/** `scanWorker.js` beside the running bundle (dist/), or the worker's source when run from source. */
export function defaultScript(): string {
  return FROM_SOURCE ? nodePath.join(__dirname, 'worker.ts') : nodePath.join(__dirname, 'scanWorker.js');
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

/**
 * A worker thread for a script. From source, the worker registers tsx itself first: loader hooks
 * of the parent (`--import tsx`) do not reach a worker's first module.
 */
export function startThread(script: string): ScanThread {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  const worker = script.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, { eval: true, resourceLimits })
    : new Worker(script, { resourceLimits });
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
