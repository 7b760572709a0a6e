import * as vscode from 'vscode';

/** How far below a picked folder repositories are looked for, and how much of the disk that may cost. */
export const DISCOVER_LIMITS = { depth: 3, repositories: 50, folders: 2000 } as const;

/** Folders never worth entering when looking for repositories. */
const SKIP = new Set(['node_modules', 'vendor', 'third_party', 'dist', 'build', 'out', 'target', '.terraform', '.venv', 'venv', 'site-packages', '__pycache__']);

async function entries(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

/**
 * The git repositories at or below `folder`, breadth first, at most `DISCOVER_LIMITS.depth` levels
 * down; a repository's own subfolders are not searched. A folder with no repository in it is
 * itself the one to add (a project without git is still a portfolio entry, judged by its files).
 */
export async function discoverRepositories(folder: vscode.Uri, signal?: AbortSignal): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  let visited = 0;
  let level: vscode.Uri[] = [folder];
  for (let depth = 0; depth <= DISCOVER_LIMITS.depth && level.length > 0; depth++) {
    const next: vscode.Uri[] = [];
    for (const dir of level) {
      if (signal?.aborted || found.length >= DISCOVER_LIMITS.repositories || ++visited > DISCOVER_LIMITS.folders) return found.length > 0 ? found : [folder];
      const children = await entries(dir);
      // `.git` is a folder in a clone and a file in a worktree or submodule: both are repositories.
      if (children.some(([name]) => name === '.git')) {
        found.push(dir);
        continue;
      }
      for (const [name, type] of children) {
        if (type & vscode.FileType.Directory && !(type & vscode.FileType.SymbolicLink) && !name.startsWith('.') && !SKIP.has(name)) next.push(vscode.Uri.joinPath(dir, name));
      }
    }
    level = next.sort((a, b) => a.path.localeCompare(b.path));
  }
  return found.length > 0 ? found : [folder];
}

/** The remote URL of a repository from its `.git/config`, read as a file (no process), at most 64 KB. */
export async function readGitConfig(folder: vscode.Uri): Promise<string | undefined> {
  const uri = vscode.Uri.joinPath(folder, '.git', 'config');
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > 64 * 1024) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
