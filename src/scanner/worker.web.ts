/**
 * The Web Worker the detectors run in on the web (bundled as `dist/web/scanWorker.js`, driven by
 * `WorkerPool` through threads.web.ts). The same protocol as worker.ts, the Node build's thread;
 * there is no test hook to stall it here (no environment to read one from).
 */
import { classify } from './detectors/registry';
import { inspectInThread } from './inspect';
import type { Inspection } from './types';
import { type WorkerFile, type WorkerJob, type WorkerReply, filesOf } from './workerProtocol';

export type { WorkerFile, WorkerJob, WorkerReply } from './workerProtocol';

const NOTHING: Inspection = { hits: [], failed: false, tooLarge: false };

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerJob }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
function inspect(file: WorkerFile): Inspection {
  const plan = classify(file.path);
  return plan ? inspectInThread(plan, file.data, file.complete) : NOTHING;
}

scope.addEventListener('message', (event) => {
  const job = event.data;
  scope.postMessage({ type: 'done', id: job.id, inspections: filesOf(job).map(inspect) });
});
scope.postMessage({ type: 'ready' });
