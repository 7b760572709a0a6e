/**
 * The scanner bundle's surface (`dist/scanner.js`), loaded by the extension on the first scan: the
 * engine, and the worker pool its detectors run in.
 */
export * from './engine';
export { WorkerPool, FILE_BUDGET_MS } from './workerPool';
export { ThreadedNodeSource } from './threadedSource';
