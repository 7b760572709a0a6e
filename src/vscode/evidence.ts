import * as vscode from 'vscode';
import { evidenceRowText } from '../core/detectedView';
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

/**
 * Every file that shows something (a skill, a technology), in a quick pick named after it ("Terraform:
 * 12 files"), as the Explorer's search results show files; picking one opens it. The views and pages
 * list only the first few; this is their "show all". Returns whether a file was opened.
 */
export async function pickEvidenceFile(subject: string, files: readonly { folder: string; path: string }[]): Promise<boolean> {
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const picked = await vscode.window.showQuickPick(
    files.map((f) => {
      const text = evidenceRowText(f.path, multiRoot ? f.folder : undefined);
      return { label: `$(file) ${text.label}`, description: text.description, file: f };
    }),
    {
      title: files.length === 1 ? vscode.l10n.t('{0}: 1 file', subject) : vscode.l10n.t('{0}: {1} files', subject, files.length),
      placeHolder: vscode.l10n.t('Type to filter by name or folder; Enter opens the file'),
      matchOnDescription: true,
    },
  );
  return picked ? openEvidenceFile(picked.file.folder, picked.file.path) : false;
}
