/**
 * The Web Worker the detectors run in on the web (bundled as `dist/web/scanWorker.js`, driven by
 * `WorkerPool` through threads.web.ts). The same protocol as worker.ts, the Node build's thread.
 */
import { classify, planFromReaders } from './detectors/registry';
import { inspectInThread } from './inspect';
import type { Inspection } from './types';
import { type WorkerFile, type WorkerJob, type WorkerReply, filesOf } from './workerProtocol';

export type { WorkerFile, WorkerJob, WorkerReply } from './workerProtocol';

const NOTHING: Inspection = { hits: [], failed: false, tooLarge: false };

/**
 * Test hook, as in worker.ts: a file with this exact name makes the worker spin for ever. There is
 * no environment here, so the test that starts the worker (test/unit/scanner/webWorkerPool.test.ts)
 * sets it as a global in front of the script. Unset in VS Code.
 */
const STALL_ON = (globalThis as { DEVOPS_ROADMAP_TEST_STALL_ON?: string }).DEVOPS_ROADMAP_TEST_STALL_ON;

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerJob }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
function inspect(file: WorkerFile): Inspection {
  if (STALL_ON && (file.path === STALL_ON || file.path.endsWith(`/${STALL_ON}`)))
    for (;;) {
      // spin: a detector that never returns
    }
  const plan = file.readers ? planFromReaders(file.path, file.readers) : classify(file.path);
  return plan ? inspectInThread(plan, file.data, file.complete) : NOTHING;
}

scope.addEventListener('message', (event) => {
  const job = event.data;
  scope.postMessage({ type: 'done', id: job.id, inspections: filesOf(job).map(inspect) });
});
scope.postMessage({ type: 'ready' });
