/**
 * The Web Worker the detectors run in on the web (bundled as `dist/web/scanWorker.js`, driven by
 * `WorkerPool` through threads.web.ts). The same protocol as worker.ts, the Node build's thread;
 * there is no test hook to stall it here (no environment to read one from).
 */
import { classify } from './detectors/registry';
import { inspectInThread } from './inspect';
import type { Inspection } from './types';
import type { WorkerJob, WorkerReply } from './worker';

export type { WorkerJob, WorkerReply } from './worker';

const NOTHING: Inspection = { hits: [], failed: false, tooLarge: false };

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerJob }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const job = event.data;
  const plan = classify(job.path);
  scope.postMessage({ type: 'done', id: job.id, inspection: plan ? inspectInThread(plan, job.data, job.complete) : NOTHING });
});
scope.postMessage({ type: 'ready' });
