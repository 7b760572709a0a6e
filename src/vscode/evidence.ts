import * as vscode from 'vscode';
import { isSafeRelativePath } from '../shared/paths';
import { log } from './log';

/**
 * Opens an evidence file given as a workspace folder name and a relative path. Anything that is not
 * a plain relative path inside an open folder is refused and logged: requests can come from the
 * webview, which is treated as untrusted.
 */
export async function openEvidenceFile(folderName: string, path: string): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  if (!folder || !isSafeRelativePath(path)) {
    log().warn(`Refused to open ${JSON.stringify(path).slice(0, 200)} in folder ${JSON.stringify(folderName).slice(0, 100)}: not a file inside an open workspace folder.`);
    return false;
  }
  const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
  try {
    await vscode.window.showTextDocument(uri, { preview: true });
    return true;
  } catch (error) {
    log().warn(`Could not open ${uri.toString()}: ${String(error)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('DevOps Roadmap: {0} could not be opened. It may have been moved or deleted; a rescan will update the evidence.', path));
    return false;
  }
}
