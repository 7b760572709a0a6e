/**
 * The scanner in the web worker extension host (scannerEngine.ts is the Node build's): the engine is
 * bundled in, and the detectors run in a Web Worker of their own, each file under the time budget,
 * where the host can start one. The worker's script is read through `workspace.fs` (the extension's
 * files may sit behind a scheme a Worker cannot load, such as `vscode-remote:`) and started from a
 * blob URL. Where no Web Worker starts, the detectors run on the extension host's thread: the scan
 * still works, but a file that makes a rule run away cannot be stopped there, and the log says so.
 */
import * as vscode from 'vscode';
import * as engine from '../scanner/index';
import type { WorkerPool } from '../scanner/workerPool';
import { webWorkerConstructor } from '../scanner/threads.web';
import { log } from './log';

export function scannerEngine(): typeof engine {
  return engine;
}

let script: Promise<string | undefined> | undefined;

async function workerScript(extensionUri: vscode.Uri): Promise<string | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'scanWorker.js');
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  } catch (error) {
    // Served over http(s) (the Marketplace's CDN on vscode.dev): the host's Worker can load the URL itself.
    if (uri.scheme === 'https' || uri.scheme === 'http') return uri.toString(true);
    log().warn(`The scanner's worker script could not be read: ${String(error)}`);
    return undefined;
  }
}

export async function startWorkerPool(extensionUri: vscode.Uri, fileBudgetMs: number): Promise<WorkerPool | undefined> {
  const url = webWorkerConstructor() ? await (script ??= workerScript(extensionUri)) : undefined;
  if (url) {
    const pool = new engine.WorkerPool({ script: url, fileBudgetMs });
    try {
      // One empty job: it settles only once a worker has started and answered.
      await pool.inspector('.devops-roadmap-probe', new Uint8Array([0x0a]), true);
      return pool;
    } catch (error) {
      pool.dispose();
      log().warn(`No Web Worker for the scanner (${String(error)}).`);
    }
  }
  log().warn('The scanner runs its detectors on the extension host thread here: the per-file time budget (devopsRoadmap.scan.fileTimeout) cannot be enforced.');
  return undefined;
}
