import type * as vscode from 'vscode';
import type { LedgerFolder } from '../../core/portfolio/store';
import { WorkspaceLedgerFolder } from './workspaceLedgerFolder';

/** The web build has no Node `fs`: the ledger goes through `workspace.fs` (ledgerFolder.ts is the Node build's). */
export function openLedgerFolder(uri: vscode.Uri): LedgerFolder {
  return new WorkspaceLedgerFolder(uri);
}
