/**
 * The scanner's surface in the web build (index.ts is the Node build's). There is no Node `fs` nor
 * worker thread on the web: the shell lists folders with `findFiles` and reads them through
 * `vscode.workspace.fs`, so `ThreadedNodeSource` (local folders on Node) only says why it cannot run.
 */
export * from './engine';
export { WorkerPool, FILE_BUDGET_MS } from './workerPool';

export class ThreadedNodeSource {
  constructor(..._args: unknown[]) {
    throw new Error('the web build lists folders through the VS Code API only');
  }
}
