/**
 * The worker thread the detectors run in (bundled as `dist/scanWorker.js`, driven by `WorkerPool`).
 * It receives files in batches (`WorkerJob`: one message for many files, because a message between
 * threads costs far more than judging a small file), rebuilds each file's plan from the detectors the
 * engine named (their functions cannot cross threads; only the detectors named are asked again) and answers the batch with what the detectors
 * found, in order. A file that makes a detector run away is the pool's problem: it terminates this
 * thread.
 */
import { parentPort } from 'node:worker_threads';
import { classify, planFromReaders } from './detectors/registry';
import { inspectInThread } from './inspect';
import type { Inspection } from './types';
import { type WorkerFile, type WorkerReply, type WorkerJob, filesOf } from './workerProtocol';

export type { WorkerFile, WorkerJob, WorkerReply } from './workerProtocol';

/**
 * Test hook: a file with this exact name makes the worker spin for ever, standing in for a
 * detector that never returns, so the time budget is tested on the real worker and in a real VS
 * Code. Unset in normal use.
 */
const STALL_ON = process.env.DEVOPS_ROADMAP_TEST_STALL_ON;

const NOTHING: Inspection = { hits: [], failed: false, tooLarge: false };

function inspect(job: WorkerFile): Inspection {
  if (STALL_ON && (job.path === STALL_ON || job.path.endsWith(`/${STALL_ON}`)))
    for (;;) {
      // spin: a detector that never returns
    }
  const plan = job.readers ? planFromReaders(job.path, job.readers) : classify(job.path);
  return plan ? inspectInThread(plan, job.data, job.complete) : NOTHING;
}

const port = parentPort;
if (port) {
  port.on('message', (job: WorkerJob) => {
    const reply: WorkerReply = { type: 'done', id: job.id, inspections: filesOf(job).map(inspect) };
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
