import * as vscode from 'vscode';
import type { ScanService } from '../scanService';
import type { AuthorshipService } from '../authorshipService';
import type { ProgressContext } from '../progressContext';
import type { RoadmapService } from '../roadmapService';
import { log } from '../log';
import { PortfolioService } from './portfolioService';
import { PortfolioTreeProvider } from './portfolioTree';
import { registerPortfolioCommands } from './portfolioCommands';

export { PortfolioService } from './portfolioService';

export interface PortfolioDeps {
  context: vscode.ExtensionContext;
  scan: ScanService;
  authorship: AuthorshipService;
  progress: ProgressContext;
  roadmap: RoadmapService;
}

/**
 * My Portfolio in one call: the ledger service, its view and its commands. The extension calls it
 * only where folders on the local disk can be read (not in the web build), so the whole feature
 * switches off by capability. The ledger is read just after activation, not during it.
 */
export function registerPortfolio(deps: PortfolioDeps): { service: PortfolioService; disposables: vscode.Disposable[] } {
  const service = new PortfolioService(deps.context.globalStorageUri, deps.context.extensionUri, deps.scan, deps.authorship, deps.progress);
  const provider = new PortfolioTreeProvider(service, deps.roadmap);
  const view = vscode.window.createTreeView('devopsRoadmap.portfolio', { treeDataProvider: provider });
  void vscode.commands.executeCommand('setContext', 'devopsRoadmap.portfolioAvailable', true);
  const timer = setTimeout(() => void service.ready().catch((error) => log().error('The portfolio could not be read.', error)), 0);
  return {
    service,
    disposables: [
      service,
      provider,
      view,
      { dispose: () => clearTimeout(timer) },
      ...registerPortfolioCommands({ portfolio: service, roadmap: deps.roadmap, progress: deps.progress }),
    ],
  };
}
