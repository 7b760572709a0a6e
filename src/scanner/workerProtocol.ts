/**
 * The messages between the worker pool and its threads (worker.ts on Node, worker.web.ts on the web),
 * in a module of their own so the web worker does not pull in `node:worker_threads`.
 */
import type { Inspection } from './types';

export interface WorkerFile {
  path: string;
  data: Uint8Array;
  complete: boolean;
  /** The detectors (places in DETECTORS) that want the content; without it the worker classifies the path. */
  readers?: number[];
}

/**
 * A batch of files: their bytes one after another in one buffer (one allocation and one transfer per
 * batch, not per file), each file a range of it. The reply carries one inspection per file, in order.
 */
export interface WorkerJob {
  id: number;
  bytes: Uint8Array;
  files: { path: string; start: number; end: number; complete: boolean; readers?: number[] }[];
}

/** The files of a batch, each a view of the batch's buffer (no copy). */
export function filesOf(job: WorkerJob): WorkerFile[] {
  return job.files.map((f) => ({ path: f.path, data: job.bytes.subarray(f.start, f.end), complete: f.complete, ...(f.readers ? { readers: f.readers } : {}) }));
}

export type WorkerReply = { type: 'ready' } | { type: 'done'; id: number; inspections: Inspection[] };
