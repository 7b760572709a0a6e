import * as vscode from 'vscode';
import type { LedgerFolder } from '../../core/portfolio/store';

/**
 * The portfolio's ledger folder (`globalStorageUri/portfolio/`) through `workspace.fs`: the store's
 * rules (temp file + rename, corrupt files set aside) live in the core; this only moves bytes.
 */
export class WorkspaceLedgerFolder implements LedgerFolder {
  constructor(readonly uri: vscode.Uri) {}

  private file(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.uri, name);
  }

  async list(): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri);
      return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
      throw error;
    }
  }

  async read(name: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file(name)));
  }

  async write(name: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri);
    await vscode.workspace.fs.writeFile(this.file(name), new TextEncoder().encode(text));
  }

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(this.file(from), this.file(to), { overwrite: true });
  }

  async remove(name: string): Promise<void> {
    await vscode.workspace.fs.delete(this.file(name), { useTrash: false });
  }
}
