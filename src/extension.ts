import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { RoadmapService } from './vscode/roadmapService';
import { ProgressStore } from './vscode/state';
import { ProgressContext } from './vscode/progressContext';
import { RoadmapTreeProvider } from './vscode/roadmapTree';
import { DetailsPanel } from './vscode/detailsPanel';
import { registerCommands } from './vscode/commands';
import { ScanService } from './vscode/scanService';
import { DetectedTreeProvider } from './vscode/detectedTree';
import { registerDetectedCommands } from './vscode/detectedCommands';
import { ProgressActions } from './vscode/progressActions';
import { ProgressStatusBar } from './vscode/statusBar';
import { AuthorshipService } from './vscode/authorshipService';
import { registerReportCommands } from './vscode/reportCommands';
import { disposeLog, log } from './vscode/log';
import { capabilities } from './vscode/platform';
import { registerPortfolio, type PortfolioService } from './vscode/portfolio';
import { PlanSource, registerPlanCommands } from './vscode/plan';

/** What the extension hands to its integration tests (and to nothing else). */
export interface ExtensionApi {
  roadmap: RoadmapService;
  details: DetailsPanel;
  progress: ProgressContext;
  store: ProgressStore;
  scan: ScanService;
  actions: ProgressActions;
  statusBar: ProgressStatusBar;
  authorship: AuthorshipService;
  /** My Portfolio; absent where local folders cannot be read (the web build). */
  portfolio: PortfolioService | undefined;
  tree: vscode.TreeView<unknown>;
  treeProvider: RoadmapTreeProvider;
  detectedProvider: DetectedTreeProvider;
  activationMs: number;
}

/**
 * Builds the services and registers views and commands; nothing is read or scanned here. The
 * roadmap loads when a view or command first asks for it.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  // The core's words (pages, tree rows, the status line) go through @vscode/l10n, which runs in plain
  // Node for the CLI and tests; here it gets the bundle VS Code chose for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const roadmap = new RoadmapService(context.extensionUri);
  const store = new ProgressStore(context.globalState);
  const progress = new ProgressContext(store);
  const scan = new ScanService(context.workspaceState, progress, context.extensionUri);
  const treeProvider = new RoadmapTreeProvider(roadmap, progress, () => scan.ensureStarted());
  const authorship = new AuthorshipService(scan);
  const detectedProvider = new DetectedTreeProvider(scan, roadmap, authorship);
  const detectedTree = vscode.window.createTreeView('devopsRoadmap.detected', { treeDataProvider: detectedProvider });
  const tree = vscode.window.createTreeView('devopsRoadmap.careerTree', { treeDataProvider: treeProvider, showCollapseAll: false });
  const actions = new ProgressActions(store, roadmap, progress, tree);
  const statusBar = new ProgressStatusBar(roadmap, progress);
  const portfolio = capabilities.localFolders ? registerPortfolio({ context, scan, authorship, progress, roadmap }) : undefined;
  const plan = new PlanSource(roadmap, scan, authorship, portfolio?.service);
  const details = new DetailsPanel({ extensionUri: context.extensionUri, roadmap, progress, actions, authorship, scan, plan });

  context.subscriptions.push(
    store,
    progress,
    scan,
    treeProvider,
    tree,
    detectedProvider,
    detectedTree,
    details,
    statusBar,
    authorship,
    ...registerReportCommands({ roadmap, progress, store, scan, authorship, memento: context.globalState, extensionVersion: String(context.extension.packageJSON.version ?? '') }),
    ...registerCommands({ roadmap, details, progress, tree, scan, detectedTree, actions, memento: context.globalState, refreshTree: () => treeProvider.refresh() }),
    ...registerDetectedCommands({ provider: detectedProvider, view: detectedTree, roadmap }),
    ...registerPlanCommands({ details }),
    ...(portfolio?.disposables ?? []),
    { dispose: disposeLog },
  );

  const activationMs = performance.now() - started;
  // After activation (at startup): the last scan's results, the data and the saved marks, then the status bar item.
  setTimeout(() => {
    scan.showLastResults();
    void actions
      .reconcile()
      .then(() => statusBar.update())
      .catch((error) => log().error('Could not read the roadmap or your saved progress.', error));
  }, 0);
  log().info(`Activated in ${activationMs.toFixed(1)} ms.`);
  console.log(`[devops-roadmap] activated in ${activationMs.toFixed(2)} ms`);
  return {
    roadmap,
    details,
    progress,
    store,
    scan,
    actions,
    statusBar,
    authorship,
    portfolio: portfolio?.service,
    tree: tree as vscode.TreeView<unknown>,
    treeProvider,
    detectedProvider,
    activationMs,
  };
}

export function deactivate(): void {}
