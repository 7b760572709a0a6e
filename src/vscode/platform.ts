/**
 * What the extension host this build runs in can do. The extension has two entries built from one
 * code base (esbuild.mjs): `main` for the Node extension host (desktop, Codespaces, code-server) and
 * `browser` for the web worker host of vscode.dev and github.dev, where there is no Node: no
 * `fs`, `child_process`, `worker_threads`, and the workspace is only reachable through
 * `vscode.workspace.fs`.
 *
 * How to keep a Node-only feature out of the web build:
 * - Decide by capability, at run time, where the UI shows or hides something: check
 *   `capabilities.processes` before offering git, `capabilities.localFolders` before a folder picker
 *   or a ledger written with Node's `fs`, and say so in the UI with `unavailableOnWeb(...)`.
 * - Keep the Node imports themselves out of the web bundle: the web build resolves a module
 *   `<name>.ts` to its sibling `<name>.web.ts` when one exists (this file has `platform.web.ts`).
 *   A `.web.ts` exports the same names (test/unit/webBundle.test.ts checks) and does without Node;
 *   it may import its own Node sibling for the parts that need no Node. The same test fails if a
 *   Node built-in slips into the web bundle.
 */
import * as vscode from 'vscode';

export interface Capabilities {
  /** Child processes may run (git authorship). */
  readonly processes: boolean;
  /** Folders on the local disk may be read and written with Node's `fs` (the portfolio's ledger, its folder picker). */
  readonly localFolders: boolean;
  /** The scanner's detectors run in `worker_threads`, each file under a time budget it can enforce. */
  readonly workerThreads: boolean;
}

/** True in the web worker extension host (vscode.dev, github.dev); this is the Node build's copy. */
export const isWeb: boolean = false;

export const capabilities: Capabilities = { processes: true, localFolders: true, workerThreads: true };

/** The sentence the UI shows where a feature would be, in the web build. */
export function unavailableOnWeb(feature: string): string {
  return vscode.l10n.t('{0} is not available in VS Code for the Web (vscode.dev, github.dev): it needs the desktop app or a remote with Node.', feature);
}
