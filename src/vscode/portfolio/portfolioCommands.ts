import * as vscode from 'vscode';
import { promotionPacket } from '../../core/portfolio/packet';
import { PortfolioLevels } from '../../core/portfolio/levels';
import type { RoadmapService } from '../roadmapService';
import type { ProgressContext } from '../progressContext';
import { log, notifyError } from '../log';
import type { PortfolioService } from './portfolioService';
import type { PortfolioNode } from './portfolioTree';

export interface PortfolioCommandDeps {
  portfolio: PortfolioService;
  roadmap: RoadmapService;
  progress: ProgressContext;
}

function uris(arg: unknown): vscode.Uri[] | undefined {
  if (arg instanceof vscode.Uri) return [arg];
  if (Array.isArray(arg) && arg.length > 0 && arg.every((a) => a instanceof vscode.Uri)) return arg as vscode.Uri[];
  return undefined;
}

/**
 * The portfolio's commands, registered by this one function so a host without local folders (the
 * web build) can leave them all out. Each takes its target as an argument (URIs, a repository's
 * identity, a view row) and asks with a picker or dialog only without one.
 */
export function registerPortfolioCommands(deps: PortfolioCommandDeps): vscode.Disposable[] {
  const { portfolio } = deps;

  async function add(arg?: unknown): Promise<string[]> {
    const folders =
      uris(arg) ??
      (await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Add Repositories to My Portfolio'),
        openLabel: vscode.l10n.t('Add to Portfolio'),
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: true,
      }));
    if (!folders || folders.length === 0) return [];
    try {
      const records = await portfolio.add(folders);
      void vscode.window.showInformationMessage(
        records.length === 0
          ? vscode.l10n.t('DevOps Roadmap: no repository was added.')
          : records.length === 1
            ? vscode.l10n.t('DevOps Roadmap: 1 repository added to My Portfolio.')
            : vscode.l10n.t('DevOps Roadmap: {0} repositories added to My Portfolio.', records.length),
      );
      return records.map((r) => r.identity);
    } catch (error) {
      void notifyError(vscode.l10n.t('the repositories could not be added to your portfolio.'), error);
      return [];
    }
  }

  async function forget(arg?: unknown): Promise<boolean> {
    await portfolio.ready();
    const repos = portfolio.repositories();
    let identity: string | undefined;
    if (typeof arg === 'string') identity = arg;
    else if (arg instanceof vscode.Uri) identity = repos.find((r) => r.record.root === (arg.scheme === 'file' ? arg.fsPath : arg.toString()))?.record.identity;
    else if (typeof arg === 'object' && arg !== null && (arg as PortfolioNode).type === 'repository') identity = (arg as PortfolioNode).identity;
    else {
      const choice = await vscode.window.showQuickPick(
        repos.map((r) => ({ label: r.record.name, description: r.onDisk ? r.record.root : vscode.l10n.t('not on disk · {0}', r.record.root), identity: r.record.identity })),
        { title: vscode.l10n.t('Forget a Repository'), placeHolder: vscode.l10n.t('Its evidence leaves your portfolio (the repository itself is not touched)') },
      );
      identity = choice?.identity;
    }
    if (!identity) return false;
    const gone = await portfolio.forget(identity);
    if (gone) log().info(`Portfolio: forgot ${identity}.`);
    return gone;
  }

  async function deleteAll(arg?: unknown): Promise<number> {
    const deleteLabel = vscode.l10n.t('Delete All');
    const confirmed =
      (typeof arg === 'object' && arg !== null && (arg as { confirmed?: unknown }).confirmed === true) ||
      (await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete all portfolio data?'),
        { modal: true, detail: vscode.l10n.t('Every repository and its evidence leave My Portfolio. Your repositories, marks and notes are not touched.') },
        deleteLabel,
      )) === deleteLabel;
    if (!confirmed) return 0;
    const n = await portfolio.clear();
    log().info(`Portfolio: deleted (${n} repositories).`);
    return n;
  }

  async function exportPacket(target?: unknown): Promise<vscode.Uri | undefined> {
    const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Export Promotion Packet'),
            defaultUri: defaultFolder ? vscode.Uri.joinPath(defaultFolder, 'promotion-packet.md') : undefined,
            filters: { Markdown: ['md'] },
          });
    if (!uri) return undefined;
    try {
      await Promise.all([portfolio.ready(), deps.progress.ready()]);
      await portfolio.settled();
      const { index } = await deps.roadmap.get();
      const records = portfolio.repositories().map((r) => r.record);
      const levels = deps.progress.levels ?? new PortfolioLevels(records, deps.progress.marks, { now: new Date() });
      const markdown = promotionPacket({
        index,
        levels,
        evidence: deps.progress.evidence,
        marks: deps.progress.marks,
        position: deps.progress.user ?? {},
        repositories: records.length,
        now: new Date(),
      });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
      log().info(`Promotion packet written to ${uri.toString()}.`);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    } catch (error) {
      void notifyError(vscode.l10n.t('the promotion packet could not be written.'), error);
      return undefined;
    }
  }

  return [
    vscode.commands.registerCommand('devopsRoadmap.portfolio.add', add),
    vscode.commands.registerCommand('devopsRoadmap.portfolio.rescan', () => portfolio.rescan()),
    vscode.commands.registerCommand('devopsRoadmap.portfolio.forget', forget),
    vscode.commands.registerCommand('devopsRoadmap.portfolio.deleteAll', deleteAll),
    vscode.commands.registerCommand('devopsRoadmap.exportPromotionPacket', exportPacket),
  ];
}
