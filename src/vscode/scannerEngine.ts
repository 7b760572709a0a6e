import * as path from 'node:path';
import type * as vscode from 'vscode';
import type * as Engine from '../scanner/index';
import type { WorkerPool } from '../scanner/workerPool';

let engine: typeof Engine | undefined;

/**
 * The scanner engine ships as its own bundle (`dist/scanner.js`, built by esbuild.mjs) and is
 * loaded on the first scan: it carries the YAML parser, which the tree, the search and the details
 * panel never need, so activation stays small and fast. (The web build, scannerEngine.web.ts,
 * bundles it in: a web worker host loads one file per extension.)
 */
export function scannerEngine(): typeof Engine {
  // A computed path, so esbuild leaves this require alone instead of inlining the engine.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require(path.join(__dirname, 'scanner.js')) as typeof Engine;
  return engine;
}

/**
 * The worker threads the detectors run in, each file under `fileBudgetMs`. Undefined would mean
 * "run them on this thread"; on Node there are always worker threads.
 */
export async function startWorkerPool(_extensionUri: vscode.Uri, fileBudgetMs: number): Promise<WorkerPool | undefined> {
  return new (scannerEngine().WorkerPool)({ fileBudgetMs });
}
