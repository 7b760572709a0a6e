import * as vscode from 'vscode';
import { TECHNOLOGY_GROUPS, technologyGroup } from '../scanner/ids';
import { practiceTitle } from '../core/detection';
import type { RoadmapService } from './roadmapService';
import type { ScanService } from './scanService';
import { Disposable } from './lifecycle';

type DetectedNode =
  | { type: 'family'; id: string; label: string }
  | { type: 'signal'; id: string; signal: string; family: string }
  | { type: 'file'; id: string; folder: string; path: string; signal: string; family: string };

const PRACTICES = 'Practices';
const FAMILY_ICON: Record<string, string> = {
  'CI/CD': 'rocket',
  'IaC and config': 'server-environment',
  Containers: 'package',
  GitOps: 'git-merge',
  Observability: 'graph-line',
  Security: 'shield',
  'Service mesh': 'type-hierarchy-sub',
  MLOps: 'beaker',
  Other: 'tools',
  [PRACTICES]: 'star-empty',
};

/**
 * The Detected in Workspace view: technologies by family (the spec's groups), then the practices,
 * each with its evidence files; a click opens the file. Asking for its rows starts the first scan.
 */
export class DetectedTreeProvider extends Disposable implements vscode.TreeDataProvider<DetectedNode> {
  private readonly changed = this.register(new vscode.EventEmitter<DetectedNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly scanner: ScanService,
    private readonly roadmap: RoadmapService,
  ) {
    super();
    this.register(scanner.onDidChange(() => this.changed.fire(undefined)));
  }

  private multiRoot(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  }

  /** Every detected id of a family, merged across folders: id → files. */
  private signals(family: string): Map<string, { folder: string; path: string }[]> {
    const out = new Map<string, { folder: string; path: string }[]>();
    for (const scan of this.scanner.scans()) {
      const found = family === PRACTICES ? scan.result.practices : scan.result.technologies.filter((t) => technologyGroup(t.id) === family);
      for (const f of found) out.set(f.id, [...(out.get(f.id) ?? []), ...f.evidence.map((path) => ({ folder: scan.folder, path }))]);
    }
    return out;
  }

  async getChildren(node?: DetectedNode): Promise<DetectedNode[]> {
    this.scanner.ensureStarted();
    if (!node) {
      const families = [...Object.keys(TECHNOLOGY_GROUPS), PRACTICES];
      return families.filter((f) => this.signals(f).size > 0).map((f) => ({ type: 'family', id: `family:${f}`, label: f }));
    }
    if (node.type === 'family') {
      return [...this.signals(node.label).keys()].sort().map((signal) => ({ type: 'signal', id: `${node.id}/${signal}`, signal, family: node.label }));
    }
    if (node.type === 'signal') {
      const files = this.signals(node.family).get(node.signal) ?? [];
      return files.map((f) => ({ type: 'file', id: `${node.id}/${f.folder}/${f.path}`, folder: f.folder, path: f.path, signal: node.signal, family: node.family }));
    }
    return [];
  }

  async getTreeItem(node: DetectedNode): Promise<vscode.TreeItem> {
    if (node.type === 'family') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(FAMILY_ICON[node.label] ?? 'circle');
      item.description = `${this.signals(node.label).size}`;
      return item;
    }
    if (node.type === 'signal') {
      const { index } = await this.roadmap.get();
      const scans = this.scanner.scans();
      const technologies = scans.flatMap((s) => s.result.technologies.filter((t) => t.id === node.signal));
      const practices = scans.flatMap((s) => s.result.practices.filter((p) => p.id === node.signal));
      const fileCount = technologies.reduce((n, t) => n + t.fileCount, 0) + practices.reduce((n, p) => n + p.evidence.length, 0);
      const fixtureOnly = technologies.length > 0 && technologies.every((t) => t.fixtureOnly);
      const item = new vscode.TreeItem(index.titleOf(node.signal) ?? practiceTitle(node.signal) ?? node.signal, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = `${fileCount} file${fileCount === 1 ? '' : 's'}${fixtureOnly ? ' · test fixtures only' : ''}`;
      item.tooltip = `${node.signal}: ${item.description}`;
      item.contextValue = 'detected';
      item.iconPath = new vscode.ThemeIcon(fixtureOnly ? 'beaker-stop' : 'pass');
      return item;
    }
    const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = this.multiRoot() ? node.folder : undefined;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === node.folder);
    if (folder) item.resourceUri = vscode.Uri.joinPath(folder.uri, ...node.path.split('/'));
    item.command = { command: 'devopsRoadmap.openEvidence', title: 'Open', arguments: [node.folder, node.path] };
    item.tooltip = `${node.folder}/${node.path} shows ${node.signal}`;
    return item;
  }
}
