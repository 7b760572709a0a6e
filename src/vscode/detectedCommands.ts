import * as vscode from 'vscode';
import { folderOf, withExcludedFolder } from '../core/detectedView';
import type { DetectedNode, DetectedTreeProvider } from './detectedTree';
import type { RoadmapService } from './roadmapService';
import { pickEvidenceFile } from './evidence';
import { isSafeRelativePath } from '../shared/paths';
import { log } from './log';

export interface DetectedCommandDeps {
  provider: DetectedTreeProvider;
  view: vscode.TreeView<DetectedNode>;
  roadmap: RoadmapService;
}

type FileNode = Extract<DetectedNode, { type: 'file' }>;

function isNode<T extends DetectedNode['type']>(value: unknown, type: T): value is Extract<DetectedNode, { type: T }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

/** A detection id from a tree row (a technology, a practice, or one of their files) or a plain id. */
export function signalOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { signal?: unknown }).signal === 'string') return (value as { signal: string }).signal;
  return undefined;
}

function fileUri(node: FileNode): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === node.folder);
  if (!folder || !isSafeRelativePath(node.path)) return undefined;
  return vscode.Uri.joinPath(folder.uri, ...node.path.split('/'));
}

/**
 * The Detected view's own actions: open a technology's skill page, reveal a file in the Explorer,
 * leave a file's folder out of the scan, list every file of a technology, and sort and filter the
 * view. The view's description says which filter and sort are on.
 */
export function registerDetectedCommands({ provider, view, roadmap }: DetectedCommandDeps): vscode.Disposable[] {
  const showShape = () => {
    view.description = provider.description;
    void vscode.commands.executeCommand('setContext', 'devopsRoadmap.detected.filtered', provider.filter !== '');
    void vscode.commands.executeCommand('setContext', 'devopsRoadmap.detected.sort', provider.sort);
  };
  showShape();
  provider.showMessage = (message) => (view.message = message);

  /** The skill pages of a technology or practice: one opens at once, several are offered. */
  async function openSkill(target: unknown): Promise<string | undefined> {
    const id = signalOf(target);
    if (!id) return undefined;
    const { index } = await roadmap.get();
    const skills = index.skillsForEvidence(id);
    const name = index.titleOf(id) ?? id;
    if (skills.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No skill of the roadmap is shown by {0} yet.', name));
      return undefined;
    }
    const skill =
      skills.length === 1
        ? skills[0]
        : (
            await vscode.window.showQuickPick(
              skills.map((s) => ({ label: s.title, description: s.summary, skill: s })),
              { placeHolder: vscode.l10n.t('Skills that {0} shows', name), matchOnDescription: true },
            )
          )?.skill;
    if (!skill) return undefined;
    await vscode.commands.executeCommand('devopsRoadmap.openDetails', skill.id);
    return skill.id;
  }

  async function revealInExplorer(target: unknown): Promise<boolean> {
    const uri = isNode(target, 'file') ? fileUri(target) : undefined;
    if (!uri) return false;
    await vscode.commands.executeCommand('revealInExplorer', uri);
    return true;
  }

  /** Adds `<folder>/**` to `devopsRoadmap.scan.exclude` in this workspace; the scan reruns on the change. */
  async function excludeFolder(target: unknown): Promise<string | undefined> {
    if (!isNode(target, 'file') || !isSafeRelativePath(target.path)) return undefined;
    const folder = folderOf(target.path);
    if (!folder) return undefined;
    const workspaceFolder = vscode.workspace.workspaceFolders?.find((f) => f.name === target.folder);
    const config = vscode.workspace.getConfiguration('devopsRoadmap', workspaceFolder);
    // Start from what applies here (the user's own patterns too): a workspace value replaces the user's list.
    const before = config.inspect<unknown[]>('scan.exclude')?.workspaceValue ?? config.get<unknown[]>('scan.exclude', []);
    const next = withExcludedFolder(Array.isArray(before) ? before : [], folder);
    await config.update('scan.exclude', next, vscode.ConfigurationTarget.Workspace);
    log().info(`Excluded ${folder}/ from scanning (devopsRoadmap.scan.exclude in the workspace settings).`);
    const undo = vscode.l10n.t('Undo');
    const openSetting = vscode.l10n.t('Open Setting');
    void vscode.window.showInformationMessage(vscode.l10n.t('DevOps Roadmap: {0}/ is no longer scanned.', folder), undo, openSetting).then(async (choice) => {
      if (choice === undo) await config.update('scan.exclude', Array.isArray(before) && before.length > 0 ? before : undefined, vscode.ConfigurationTarget.Workspace);
      if (choice === openSetting) await vscode.commands.executeCommand('workbench.action.openWorkspaceSettings', { query: 'devopsRoadmap.scan.exclude' });
    });
    return next[next.length - 1];
  }

  /** A quick pick of every file that shows the id; picking one opens it. */
  async function showAllFiles(target: unknown): Promise<boolean> {
    const id = signalOf(target);
    if (!id) return false;
    const { index } = await roadmap.get();
    return pickEvidenceFile(index.titleOf(id) ?? id, provider.allFiles(id));
  }

  /** A filter box that narrows the view as you type; Escape puts back the filter it started with. */
  async function filter(): Promise<void> {
    const before = provider.filter;
    const input = vscode.window.createInputBox();
    input.title = vscode.l10n.t('Filter Detected in Workspace');
    input.placeholder = vscode.l10n.t('Words of a technology, practice or family (e.g. "helm", "ci", "security")');
    input.value = before;
    input.prompt = vscode.l10n.t('Enter keeps the filter; an empty filter shows everything');
    let accepted = false;
    await new Promise<void>((resolve) => {
      input.onDidChangeValue((value) => provider.setFilter(value));
      input.onDidAccept(() => {
        accepted = true;
        input.hide();
      });
      input.onDidHide(() => resolve());
      input.show();
    });
    input.dispose();
    if (!accepted) provider.setFilter(before);
  }

  return [
    provider.onDidChangeShape(showShape),
    vscode.commands.registerCommand('devopsRoadmap.detected.openSkill', openSkill),
    vscode.commands.registerCommand('devopsRoadmap.detected.revealInExplorer', revealInExplorer),
    vscode.commands.registerCommand('devopsRoadmap.detected.excludeFolder', excludeFolder),
    vscode.commands.registerCommand('devopsRoadmap.detected.showAllFiles', showAllFiles),
    vscode.commands.registerCommand('devopsRoadmap.detected.sortByName', () => provider.setSort('name')),
    vscode.commands.registerCommand('devopsRoadmap.detected.sortByFiles', () => provider.setSort('files')),
    vscode.commands.registerCommand('devopsRoadmap.detected.filter', (value?: unknown) => (typeof value === 'string' ? provider.setFilter(value) : filter())),
    vscode.commands.registerCommand('devopsRoadmap.detected.clearFilter', () => provider.setFilter('')),
  ];
}
