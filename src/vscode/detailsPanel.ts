import * as vscode from 'vscode';
import { buildOverview, buildPage, buildProgressPage, type PageContext } from '../core/pages';
import type { ProgressActions } from './progressActions';
import type { AuthorshipService } from './authorshipService';
import { parseWebviewMessage, type HostMessage, type Page } from '../shared/protocol';
import { renderWebviewHtml } from './html';
import { openEvidenceFile } from './evidence';
import { log } from './log';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { preferredCurrency } from './settings';

export const DETAILS_VIEW_TYPE = 'devopsRoadmap.details';
export const OVERVIEW_ID = 'overview';
export const PROGRESS_ID = 'progress';

/** What the webview keeps with `setState`, and what the serializer gets back after a reload. */
interface PersistedState {
  id?: string;
}

/**
 * One details panel for the whole roadmap (a WebviewPanel, not a WebviewView: the pages need the
 * width of an editor for the chart and the tree picture, and the serializer brings the page back
 * after a window reload). The host builds each page; the webview only draws it.
 */
export class DetailsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private currentId = OVERVIEW_ID;
  private openedAt = 0;
  private firstRenderLogged = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Last measured time from opening the panel to the webview's first render, for tests and benchmarks. */
  lastFirstRenderMs: number | undefined;
  /** Set after construction: the actions need the tree, which is built after the panel. */
  actions: ProgressActions | undefined;
  /** Set after construction, like `actions`; its changes redraw the page. */
  private authorship: AuthorshipService | undefined;

  attachAuthorship(service: AuthorshipService): void {
    this.authorship = service;
    this.subscriptions.push(service.onDidChange(() => void this.update()));
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressContext,
  ) {
    this.subscriptions.push(
      progress.onDidChange(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsRoadmap.currency')) void this.update();
      }),
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PersistedState | undefined) => {
          this.currentId = typeof state?.id === 'string' ? state.id : OVERVIEW_ID;
          this.adopt(panel, await this.buildCurrentPage());
        },
      }),
    );
  }

  get visibleId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  /** Shows a roadmap record (or the overview) in the panel, creating it if needed. */
  async show(id: string, options: { preserveFocus?: boolean } = {}): Promise<void> {
    this.currentId = id;
    if (!this.panel) {
      this.openedAt = performance.now();
      this.firstRenderLogged = false;
      const page = await this.buildCurrentPage();
      const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, titleOf(page), { viewColumn: vscode.ViewColumn.Active, preserveFocus: options.preserveFocus }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
      });
      this.adopt(panel, page);
    } else {
      this.panel.reveal(undefined, options.preserveFocus);
      await this.update();
    }
  }

  /** Takes a panel (new, or restored after a reload) and gives it the page, embedded in its HTML. */
  private adopt(panel: vscode.WebviewPanel, initialPage: Page): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', ...segments)).toString();
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      scriptUri: asset('webview.js'),
      styleUri: asset('webview.css'),
      codiconsUri: asset('codicons', 'codicon.css'),
      initialPage,
    });
    panel.title = titleOf(initialPage);
    const listeners = [
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidDispose(() => {
        for (const l of listeners) l.dispose();
        if (this.panel === panel) this.panel = undefined;
      }),
    ];
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      log().warn(`Ignored a message from the details webview: ${parsed.reason}.`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        await this.update();
        break;
      case 'navigate':
        await this.show(message.id, { preserveFocus: false });
        break;
      case 'showOverview':
        await this.show(OVERVIEW_ID);
        break;
      case 'showProgress':
        await this.show(PROGRESS_ID);
        break;
      case 'setMark':
        await this.actions?.setMark(message.skillId, message.mark);
        break;
      case 'editNote':
        await this.actions?.editNote(message.skillId);
        break;
      case 'setPosition':
        if (message.role === 'current') await this.actions?.setCurrentStage(message.id);
        else await this.actions?.setTargetRole(message.id);
        break;
      case 'openEvidence':
        if (this.progress.evidence.hasFile(message.folder, message.path)) await openEvidenceFile(message.folder, message.path);
        else log().warn(`Refused to open ${JSON.stringify(message.path).slice(0, 200)}: it is not evidence of any detected technology.`);
        break;
      case 'rendered':
        if (!this.firstRenderLogged && this.openedAt > 0) {
          this.firstRenderLogged = true;
          this.lastFirstRenderMs = performance.now() - this.openedAt;
          log().info(`Details panel first render after ${this.lastFirstRenderMs.toFixed(1)} ms (webview drew in ${message.ms.toFixed(1)} ms).`);
          console.log(`[devops-roadmap] details first render ${this.lastFirstRenderMs.toFixed(1)} ms (webview document to first paint ${message.ms.toFixed(1)} ms)`);
        }
        break;
    }
  }

  private async buildCurrentPage(): Promise<Page> {
    const { index } = await this.roadmap.get();
    await this.progress.ready();
    const user = this.progress.user;
    const ctx: PageContext = {
      index,
      evidence: this.progress.evidence,
      marks: this.progress.marks,
      currency: preferredCurrency(),
      multiRoot: (vscode.workspace.workspaceFolders?.length ?? 0) > 1,
      position: { currentStage: user?.currentStage, targetRole: user?.targetRole },
      authorship: (folder, path) => this.authorship?.describe(folder, path),
    };
    if (this.currentId === OVERVIEW_ID) return buildOverview(ctx);
    if (this.currentId === PROGRESS_ID && user) return buildProgressPage(ctx, user);
    return buildPage(ctx, this.currentId);
  }

  private async update(): Promise<void> {
    if (!this.panel) return;
    const page = await this.buildCurrentPage();
    const panel = this.panel; // the user may have closed it while the page was being built
    if (!panel) return;
    panel.title = titleOf(page);
    const message: HostMessage = { type: 'show', page };
    await panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function titleOf(page: Page): string {
  return page.page === 'node' ? page.title : page.page === 'overview' ? 'DevOps Career Overview' : page.page === 'progress' ? 'My DevOps Progress' : 'DevOps Roadmap';
}
