import * as vscode from 'vscode';
import { buildOverview, buildPage, buildProgressPage, type PageContext } from '../core/pages';
import type { ProgressActions } from './progressActions';
import type { AuthorshipService } from './authorshipService';
import { dispatch, parseWebviewMessage, type HostMessage, type Page, type WebviewMessageHandlers } from '../shared/protocol';
import { renderWebviewHtml } from './html';
import { openEvidenceFile } from './evidence';
import { log } from './log';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { preferredCurrency } from './settings';
import { Disposable } from './lifecycle';

export const DETAILS_VIEW_TYPE = 'devopsRoadmap.details';
export const OVERVIEW_ID = 'overview';
export const PROGRESS_ID = 'progress';

/** What the webview keeps with `setState`, and what the serializer gets back after a reload. */
interface PersistedState {
  id?: string;
}

export interface DetailsPanelDeps {
  extensionUri: vscode.Uri;
  roadmap: RoadmapService;
  progress: ProgressContext;
  actions: ProgressActions;
  /** Its changes redraw the page. */
  authorship: AuthorshipService;
}

/** The page a panel's HTML holds: the id it shows and the `revision` of the data it was built from. */
interface Embedded {
  id: string;
  revision: number;
}

/**
 * One details panel for the whole roadmap (a WebviewPanel, not a WebviewView: the pages need the
 * width of an editor for the chart and the tree picture, and the serializer brings the page back
 * after a window reload). The host builds each page; the webview only draws it.
 *
 * The first page travels inside the panel's HTML. Until the webview says `ready` nothing is posted,
 * and on `ready` a page is posted only if the embedded one is out of date, so no page is drawn twice.
 */
export class DetailsPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** While a panel is being made; every `show()` meanwhile waits for that one panel. */
  private creating: Promise<void> | undefined;
  /** The page in the current panel's HTML, and whether its webview has said `ready` since. */
  private embedded: Embedded | undefined;
  private webviewReady = false;
  /** Counts the changes that alter pages (progress, currency, authorship). */
  private revision = 0;
  private currentId = OVERVIEW_ID;
  private openedAt = 0;
  private firstRenderLogged = false;
  /** Last measured time from opening the panel to the webview's first render, for tests and benchmarks. */
  lastFirstRenderMs: number | undefined;
  /** How many pages were posted to a webview (the HTML's own page not counted), for tests. */
  pagesPosted = 0;

  constructor(private readonly deps: DetailsPanelDeps) {
    super();
    const changed = () => {
      this.revision++;
      void this.update();
    };
    this.register(deps.progress.onDidChange(changed));
    this.register(deps.authorship.onDidChange(changed));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsRoadmap.currency')) changed();
      }),
    );
    this.register(
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PersistedState | undefined) => {
          this.currentId = typeof state?.id === 'string' ? state.id : OVERVIEW_ID;
          const made = { id: this.currentId, revision: this.revision };
          this.adopt(panel, await this.buildPage(made.id), made);
        },
      }),
    );
    // Registered last, so disposed first: the panel goes before the listeners that feed it.
    this.register({ dispose: () => this.panel?.dispose() });
  }

  get visibleId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  /** Shows a roadmap record (or the overview) in the panel, creating it if needed. */
  async show(id: string, options: { preserveFocus?: boolean } = {}): Promise<void> {
    this.currentId = id;
    // A panel on its way (an earlier show() a moment ago): wait for it instead of making a second one.
    if (this.creating) await this.creating;
    if (this.panel) {
      this.panel.reveal(undefined, options.preserveFocus);
      await this.update();
      return;
    }
    this.creating = this.create(options.preserveFocus).finally(() => (this.creating = undefined));
    await this.creating;
  }

  private async create(preserveFocus: boolean | undefined): Promise<void> {
    this.openedAt = performance.now();
    this.firstRenderLogged = false;
    const made = { id: this.currentId, revision: this.revision };
    const page = await this.buildPage(made.id);
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      titleOf(page),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist')],
      },
    );
    this.adopt(panel, page, made);
  }

  /** Takes a panel (new, or restored after a reload) and gives it the page, embedded in its HTML. */
  private adopt(panel: vscode.WebviewPanel, initialPage: Page, made: Embedded): void {
    const { extensionUri } = this.deps;
    this.panel = panel;
    this.embedded = made;
    this.webviewReady = false;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', ...segments)).toString();
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      scriptUri: asset('webview.js'),
      styleUri: asset('webview.css'),
      codiconsUri: asset('codicons', 'codicon.css'),
      initialPage,
    });
    panel.title = titleOf(initialPage);
    const listeners = new Disposable();
    listeners.register(webview.onDidReceiveMessage((raw) => void this.receive(raw)));
    listeners.register(
      panel.onDidDispose(() => {
        listeners.dispose();
        if (this.panel === panel) {
          this.panel = undefined;
          this.embedded = undefined;
        }
      }),
    );
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      log().warn(`Ignored a message from the details webview: ${parsed.reason}.`);
      return;
    }
    await dispatch(this.handlers, parsed.message);
  }

  /** One handler per message of the protocol's table: a message without one does not compile. */
  private readonly handlers: WebviewMessageHandlers = {
    ready: async () => {
      // Also after the webview was hidden and shown again: it draws the page in its HTML, then asks.
      this.webviewReady = true;
      if (!this.embeddedIsCurrent()) await this.update();
    },
    navigate: (message) => this.show(message.id, { preserveFocus: false }),
    showOverview: () => this.show(OVERVIEW_ID),
    showProgress: () => this.show(PROGRESS_ID),
    setMark: (message) => this.deps.actions.setMark(message.skillId, message.mark),
    editNote: (message) => this.deps.actions.editNote(message.skillId),
    setPosition: (message) => (message.role === 'current' ? this.deps.actions.setCurrentStage(message.id) : this.deps.actions.setTargetRole(message.id)),
    openEvidence: async (message) => {
      if (this.deps.progress.evidence.hasFile(message.folder, message.path)) await openEvidenceFile(message.folder, message.path);
      else log().warn(`Refused to open ${JSON.stringify(message.path).slice(0, 200)}: it is not evidence of any detected technology.`);
    },
    rendered: (message) => {
      if (this.firstRenderLogged || this.openedAt <= 0) return;
      this.firstRenderLogged = true;
      this.lastFirstRenderMs = performance.now() - this.openedAt;
      log().info(`Details panel first render after ${this.lastFirstRenderMs.toFixed(1)} ms (webview drew in ${message.ms.toFixed(1)} ms).`);
      console.log(`[devops-roadmap] details first render ${this.lastFirstRenderMs.toFixed(1)} ms (webview document to first paint ${message.ms.toFixed(1)} ms)`);
    },
  };

  /** Whether the page in the panel's HTML is the one `update()` would build now. */
  private embeddedIsCurrent(): boolean {
    return this.embedded !== undefined && this.embedded.id === this.currentId && this.embedded.revision === this.revision;
  }

  private async buildPage(id: string): Promise<Page> {
    const { progress } = this.deps;
    const { index } = await this.deps.roadmap.get();
    await progress.ready();
    const user = progress.user;
    const ctx: PageContext = {
      index,
      evidence: progress.evidence,
      marks: progress.marks,
      currency: preferredCurrency(),
      multiRoot: (vscode.workspace.workspaceFolders?.length ?? 0) > 1,
      position: { currentStage: user?.currentStage, targetRole: user?.targetRole },
      authorship: (folder, path) => this.deps.authorship.describe(folder, path),
    };
    if (id === OVERVIEW_ID) return buildOverview(ctx);
    if (id === PROGRESS_ID && user) return buildProgressPage(ctx, user);
    return buildPage(ctx, id);
  }

  /** Sends the current page to the webview (before its `ready`, only the title: `ready` catches up). */
  private async update(): Promise<void> {
    if (!this.panel) return;
    const page = await this.buildPage(this.currentId);
    const panel = this.panel; // the user may have closed it while the page was being built
    if (!panel) return;
    panel.title = titleOf(page);
    if (!this.webviewReady) return;
    const message: HostMessage = { type: 'show', page };
    this.pagesPosted++;
    await panel.webview.postMessage(message);
  }
}

function titleOf(page: Page): string {
  return page.page === 'node' ? page.title : page.page === 'overview' ? 'DevOps Career Overview' : page.page === 'progress' ? 'My DevOps Progress' : 'DevOps Roadmap';
}
