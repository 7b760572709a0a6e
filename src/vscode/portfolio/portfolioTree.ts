import * as vscode from 'vscode';
import { findingRows, repositoryRow } from '../../core/portfolio/rows';
import { evidenceTitle } from '../../core/portfolio/profile';
import type { RoadmapService } from '../roadmapService';
import { Disposable } from '../lifecycle';
import type { PortfolioService } from './portfolioService';

export type PortfolioNode = { type: 'repository'; identity: string } | { type: 'finding'; identity: string; id: string };

/** The "My Portfolio" view: every repository of the ledger, and under each what it shows. */
export class PortfolioTreeProvider extends Disposable implements vscode.TreeDataProvider<PortfolioNode> {
  private readonly changed = this.register(new vscode.EventEmitter<PortfolioNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly portfolio: PortfolioService,
    private readonly roadmap: RoadmapService,
  ) {
    super();
    this.register(portfolio.onDidChange(() => this.changed.fire(undefined)));
  }

  async getChildren(element?: PortfolioNode): Promise<PortfolioNode[]> {
    await this.portfolio.ready();
    const repos = this.portfolio.repositories();
    await vscode.commands.executeCommand('setContext', 'devopsRoadmap.portfolioEmpty', repos.length === 0);
    if (!element) return repos.map((r) => ({ type: 'repository', identity: r.record.identity }));
    if (element.type !== 'repository') return [];
    const repo = repos.find((r) => r.record.identity === element.identity);
    return repo ? [...repo.record.technologies, ...repo.record.practices].map((f) => ({ type: 'finding', identity: element.identity, id: f.id })) : [];
  }

  async getTreeItem(node: PortfolioNode): Promise<vscode.TreeItem> {
    const { index } = await this.roadmap.get();
    const titleOf = (id: string) => evidenceTitle(index, id);
    const repo = this.portfolio.repositories().find((r) => r.record.identity === node.identity);
    if (!repo) return new vscode.TreeItem(vscode.l10n.t('(forgotten)'));
    if (node.type === 'repository') {
      const row = repositoryRow(repo.record, repo, titleOf);
      const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `repo:${row.identity}`;
      item.description = row.description;
      item.tooltip = row.tooltip;
      item.contextValue = 'portfolioRepository';
      item.iconPath = new vscode.ThemeIcon(row.onDisk ? 'repo' : 'warning', row.onDisk ? undefined : new vscode.ThemeColor('list.warningForeground'));
      item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
      return item;
    }
    const row = findingRows(repo.record, titleOf).find((f) => f.id === node.id);
    const item = new vscode.TreeItem(row?.label ?? node.id, vscode.TreeItemCollapsibleState.None);
    item.id = `repo:${node.identity}/${node.id}`;
    item.description = row?.description;
    item.iconPath = new vscode.ThemeIcon(row?.current ? 'pass' : 'history');
    return item;
  }
}
