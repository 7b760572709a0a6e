/**
 * The scanner's surface in the web build (index.ts is the Node build's). There is no Node `fs` on
 * the web: every file is read through `vscode.workspace.fs` by the shell, so `readInside` (which
 * resolves real paths on the local disk) only says why it cannot run.
 */
export * from './engine';
export { WorkerPool, FILE_BUDGET_MS } from './workerPool';

export function readInside(_root: string, path: string, _maxBytes: number): Promise<Uint8Array> {
  return Promise.reject(new Error(`${path}: the web build reads files through the VS Code file system API only`));
}

/** No worker threads nor local disk on the web: the shell lists folders with `findFiles` there. */
export class ThreadedNodeSource {
  constructor(..._args: unknown[]) {
    throw new Error('the web build lists folders through the VS Code API only');
  }
}
