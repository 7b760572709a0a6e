import type * as vscode from 'vscode';
import type { LedgerFolder } from '../../core/portfolio/store';
import { NodeLedgerFolder } from './nodeLedgerFolder';
import { WorkspaceLedgerFolder } from './workspaceLedgerFolder';

/** The ledger's folder: Node's `fs` on the local disk (fast reads), `workspace.fs` anywhere else. */
export function openLedgerFolder(uri: vscode.Uri): LedgerFolder {
  return uri.scheme === 'file' ? new NodeLedgerFolder(uri.fsPath) : new WorkspaceLedgerFolder(uri);
}
