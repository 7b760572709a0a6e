/**
 * The threads the worker pool runs detectors in, in the web worker extension host (vscode.dev,
 * github.dev): Web Workers (nested in the extension host's own worker). threads.ts is the Node
 * build's copy. A Web Worker takes no heap limit, so a document bomb can only be stopped by the time
 * budget there (the pool terminates the worker).
 */
import type { ScanThread } from './threads';
import type { WorkerJob, WorkerReply } from './workerProtocol';

export type { ScanThread } from './threads';

interface WebWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

/** The host's `Worker`, where it offers one (Safari's workers cannot nest; VS Code shims some). */
export function webWorkerConstructor(): WebWorkerConstructor | undefined {
  return (globalThis as { Worker?: WebWorkerConstructor }).Worker;
}

/** The web build is always given its script (a URL the shell made); there is no file beside it. */
export function defaultScript(): string {
  throw new Error('the web scanner needs the URL of its worker script');
}

/** The browser does not say how busy its cores are; one worker keeps the editor's share. */
export function defaultSize(): number {
  return 1;
}

export function backgroundTimer(run: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(run, ms);
}

export function startThread(script: string): ScanThread {
  const Worker = webWorkerConstructor();
  if (!Worker) throw new Error('this host cannot start a Web Worker');
  const worker = new Worker(script, { name: 'devops-roadmap-scanner' });
  return {
    post: (job: WorkerJob, transfer) => worker.postMessage(job, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onLost: (listener) => {
      worker.addEventListener('error', (event) => listener(new Error(event.message ?? 'the worker failed')));
      worker.addEventListener('messageerror', () => listener(new Error('a message could not be read')));
    },
    keepAlive: () => undefined,
    terminate: () => worker.terminate(),
  };
}
