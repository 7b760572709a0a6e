import * as vscode from 'vscode';
import { TECHNOLOGY_GROUPS, technologyGroup } from '../scanner/ids';
import { detectedName, detectedViewDescription, evidenceRowText, fileCountText, folderOf, matchesDetectedFilter, sortDetected, type DetectedSort } from '../core/detectedView';
import type { RoadmapService } from './roadmapService';
import type { ScanService } from './scanService';
import type { AuthorshipService } from './authorshipService';
import { Disposable } from './lifecycle';

export type DetectedNode =
  | { type: 'family'; id: string; label: string }
  | { type: 'signal'; id: string; signal: string; family: string }
  | { type: 'file'; id: string; folder: string; path: string; signal: string; family: string }
  | { type: 'more'; id: string; signal: string; family: string; total: number; shown: number };

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

interface SignalFacts {
  id: string;
  name: string;
  family: string;
  /** The real number of files, across folders (a result lists only a few of them). */
  fileCount: number;
  fixtureOnly: boolean;
  /** The files the results list, by folder. */
  listed: { folder: string; path: string }[];
}

/**
 * The Detected in Workspace view: technologies by family (the spec's groups), then the practices,
 * each with its evidence files; a click opens the file. Rows read as people name things ("GitHub
 * Actions", never `github-actions`), counts are the real ones, and a "Show all N files" row leads to
 * the files a result does not list. Sorted by name or file count, filtered by a few words. Asking
 * for its rows starts the first scan.
 */
export class DetectedTreeProvider extends Disposable implements vscode.TreeDataProvider<DetectedNode> {
  private readonly changed = this.register(new vscode.EventEmitter<DetectedNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private sortOrder: DetectedSort = 'name';
  private filterText = '';
  /** Told when the sort or the filter changes (the view's description and context keys follow). */
  private readonly shapeChanged = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeShape = this.shapeChanged.event;
  /** Where to say that a filter hides every row (the tree view's message). */
  showMessage: (message: string | undefined) => void = () => undefined;

  constructor(
    private readonly scanner: ScanService,
    private readonly roadmap: RoadmapService,
    private readonly authorship?: AuthorshipService,
  ) {
    super();
    this.register(scanner.onDidChange(() => this.redraw()));
    this.register(scanner.onDidChangeProvisional(() => this.redraw()));
    if (authorship) this.register(authorship.onDidChange(() => this.changed.fire(undefined)));
  }

  get sort(): DetectedSort {
    return this.sortOrder;
  }

  get filter(): string {
    return this.filterText;
  }

  /** "filter: helm · by file count", or undefined when the view shows everything by name. */
  get description(): string | undefined {
    return detectedViewDescription(this.filterText, this.sortOrder);
  }

  setSort(sort: DetectedSort): void {
    this.sortOrder = sort;
    this.shapeChanged.fire();
    this.redraw();
  }

  setFilter(filter: string): void {
    this.filterText = filter.trim();
    this.shapeChanged.fire();
    this.redraw();
  }

  /** Rows of each family as last computed: every row of a redraw reads them, and a family's practice counts walk the scan index. */
  private readonly byFamily = new Map<string, Promise<SignalFacts[]>>();

  private redraw(): void {
    this.byFamily.clear();
    this.changed.fire(undefined);
  }

  private multiRoot(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  }

  private signals(family: string): Promise<SignalFacts[]> {
    let rows = this.byFamily.get(family);
    if (!rows) {
      rows = this.computeSignals(family);
      this.byFamily.set(family, rows);
      // A failure (the data unreadable) is not kept: the next draw asks again.
      rows.catch(() => this.byFamily.delete(family));
    }
    return rows;
  }

  /** Every detected id of a family, merged across folders, with its name and real file count. */
  private async computeSignals(family: string): Promise<SignalFacts[]> {
    const { index } = await this.roadmap.get();
    const byId = new Map<string, SignalFacts>();
    for (const scan of this.scanner.shown().scans) {
      const found =
        family === PRACTICES
          ? scan.result.practices.map((p) => ({ id: p.id, evidence: p.evidence, fileCount: this.scanner.filesOf(scan.folder, p.id).length, fixtureOnly: false }))
          : scan.result.technologies.filter((t) => technologyGroup(t.id) === family);
      for (const f of found) {
        const facts = byId.get(f.id) ?? { id: f.id, name: detectedName(f.id, (id) => index.titleOf(id)), family, fileCount: 0, fixtureOnly: true, listed: [] };
        facts.fileCount += Math.max(f.fileCount, f.evidence.length);
        facts.fixtureOnly &&= f.fixtureOnly;
        facts.listed.push(...f.evidence.map((path) => ({ folder: scan.folder, path })));
        byId.set(f.id, facts);
      }
    }
    const shown = [...byId.values()].filter((s) => matchesDetectedFilter(s, this.filterText));
    return sortDetected(shown, this.sortOrder);
  }

  /** Above the rows: a filter that hides them all, or results that are not this window's finished scan. */
  private message(rows: number): string | undefined {
    if (this.filterText && rows === 0) return vscode.l10n.t('Nothing detected matches "{0}". Clear the filter to see everything.', this.filterText);
    const { provisional } = this.scanner.shown();
    if (provisional === 'partial') return vscode.l10n.t('Scanning the workspace… showing what it has found so far.');
    if (provisional === 'cached') return vscode.l10n.t('From the last session, while the workspace is scanned again.');
    return undefined;
  }

  private async signal(family: string, id: string): Promise<SignalFacts | undefined> {
    return (await this.signals(family)).find((s) => s.id === id);
  }

  /**
   * Every file that shows an id, in every folder: the whole list behind the capped evidence. Before
   * the first scan ends there is no index to ask, so the results' own lists are all there is.
   */
  allFiles(signal: string): { folder: string; path: string }[] {
    const { scans, provisional } = this.scanner.shown();
    if (provisional) {
      return scans.flatMap((scan) =>
        [...scan.result.technologies, ...scan.result.practices].filter((d) => d.id === signal).flatMap((d) => d.evidence.map((path) => ({ folder: scan.folder, path }))),
      );
    }
    return scans.flatMap((scan) => this.scanner.filesOf(scan.folder, signal).map((path) => ({ folder: scan.folder, path })));
  }

  async getChildren(node?: DetectedNode): Promise<DetectedNode[]> {
    this.scanner.ensureStarted();
    if (!node) {
      const families = [...Object.keys(TECHNOLOGY_GROUPS), PRACTICES];
      const shown: DetectedNode[] = [];
      for (const f of families) if ((await this.signals(f)).length > 0) shown.push({ type: 'family', id: `family:${f}`, label: f });
      this.showMessage(this.message(shown.length));
      return shown;
    }
    if (node.type === 'family') {
      return (await this.signals(node.label)).map((s) => ({ type: 'signal', id: `${node.id}/${s.id}`, signal: s.id, family: node.label }));
    }
    if (node.type === 'signal') {
      const facts = await this.signal(node.family, node.signal);
      if (!facts) return [];
      const files: DetectedNode[] = facts.listed.map((f) => ({
        type: 'file',
        id: `${node.id}/${f.folder}/${f.path}`,
        folder: f.folder,
        path: f.path,
        signal: node.signal,
        family: node.family,
      }));
      // Before the first scan ends only the listed files are known, so no "Show all" leads further.
      if (facts.fileCount > facts.listed.length && !this.scanner.shown().provisional)
        files.push({ type: 'more', id: `${node.id}/more`, signal: node.signal, family: node.family, total: facts.fileCount, shown: facts.listed.length });
      return files;
    }
    return [];
  }

  async getTreeItem(node: DetectedNode): Promise<vscode.TreeItem> {
    switch (node.type) {
      case 'family':
        return this.familyItem(node);
      case 'signal':
        return this.signalItem(node);
      case 'more':
        return this.moreItem(node);
      case 'file':
        return this.fileItem(node);
    }
  }

  private async familyItem(node: Extract<DetectedNode, { type: 'family' }>): Promise<vscode.TreeItem> {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(FAMILY_ICON[node.label] ?? 'circle');
    item.description = `${(await this.signals(node.label)).length}`;
    return item;
  }

  private async signalItem(node: Extract<DetectedNode, { type: 'signal' }>): Promise<vscode.TreeItem> {
    const facts = await this.signal(node.family, node.signal);
    const name = facts?.name ?? node.signal;
    const count = facts?.fileCount ?? 0;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = fileCountText(count, facts?.fixtureOnly);
    const hover = new vscode.MarkdownString();
    hover.appendMarkdown('**');
    hover.appendText(name);
    hover.appendMarkdown('** · ');
    hover.appendText(node.family === PRACTICES ? vscode.l10n.t('practice') : node.family);
    hover.appendMarkdown('\n\n');
    hover.appendText(
      facts?.fixtureOnly ? vscode.l10n.t('{0} in this workspace, all of them test fixtures.', fileCountText(count)) : vscode.l10n.t('{0} in this workspace.', fileCountText(count)),
    );
    hover.appendMarkdown('\n\n_').appendText(vscode.l10n.t('Right-click for its skill page, the roles that use it, or to show every file.')).appendMarkdown('_');
    item.tooltip = hover;
    item.accessibilityInformation = { label: `${name}, ${item.description}` };
    item.contextValue = node.family === PRACTICES ? 'detected.practice' : 'detected.technology';
    item.iconPath = new vscode.ThemeIcon(facts?.fixtureOnly ? 'beaker-stop' : 'pass');
    return item;
  }

  private async moreItem(node: Extract<DetectedNode, { type: 'more' }>): Promise<vscode.TreeItem> {
    const item = new vscode.TreeItem(vscode.l10n.t('Show all {0} files…', node.total), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('list-flat');
    item.description = vscode.l10n.t('{0} listed above', node.shown);
    item.tooltip = vscode.l10n.t('Pick any of the {0} files to open it', node.total);
    item.contextValue = 'detected.more';
    item.command = { command: 'devopsRoadmap.detected.showAllFiles', title: vscode.l10n.t('Show All Files'), arguments: [node] };
    return item;
  }

  private fileItem(node: Extract<DetectedNode, { type: 'file' }>): vscode.TreeItem {
    const text = evidenceRowText(node.path, this.multiRoot() ? node.folder : undefined);
    const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = text.description;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === node.folder);
    if (folder) item.resourceUri = vscode.Uri.joinPath(folder.uri, ...node.path.split('/'));
    item.command = { command: 'devopsRoadmap.openEvidence', title: vscode.l10n.t('Open'), arguments: [node.folder, node.path] };
    const authorship = this.authorship?.inWords(node.folder, node.path);
    const hover = new vscode.MarkdownString();
    hover.appendText(`${node.folder}/${node.path}`);
    if (authorship) hover.appendMarkdown('\n\n').appendText(authorship[0].toUpperCase() + authorship.slice(1));
    item.tooltip = hover;
    item.accessibilityInformation = { label: [text.label, text.description && vscode.l10n.t('in {0}', text.description), authorship].filter(Boolean).join(', ') };
    // A file in a folder can have that folder left out of the scan; a file at the root cannot.
    item.contextValue = folderOf(node.path) ? 'detected.file.inFolder' : 'detected.file';
    return item;
  }
}
