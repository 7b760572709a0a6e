/**
 * Node worker threads for the scanner (Node builds only; the web build has threads.web.ts): where a
 * worker's script lies, and starting one with a capped heap, from dist/ or from source.
 */
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';

/** A worker's heap: a document bomb that gets past the parsers' limits kills only its worker. */
const WORKER_HEAP_MB = 256;

/** Run from source (`node --import tsx src/cli.ts`, the unit tests): no dist/ to start a worker from. */
const FROM_SOURCE = __filename.endsWith('.ts');

/** A bundle beside this one in dist/ (`scanWorker.js`), or its source `<name>.ts` when run from source. */
export function siblingScript(bundle: string, source: string): string {
  return nodePath.join(__dirname, FROM_SOURCE ? source : bundle);
}

/**
 * A Node worker thread for a script, with a capped heap. From source, the worker registers tsx
 * itself first: loader hooks of the parent (`--import tsx`) do not reach a worker's first module.
 */
export function nodeWorker(script: string): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  return script.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, { eval: true, resourceLimits })
    : new Worker(script, { resourceLimits });
}
