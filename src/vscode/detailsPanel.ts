import * as vscode from 'vscode';
import { buildOverview, buildPage, buildProgressPage, type PageContext } from '../core/pages';
import type { ProgressActions } from './progressActions';
import type { AuthorshipService } from './authorshipService';
import type { ScanService } from './scanService';
import { dispatch, parseWebviewMessage, type HostMessage, type Page, type WebviewMessageHandlers } from '../shared/protocol';
import { renderWebviewHtml } from './html';
import { openEvidenceFile, pickEvidenceFile } from './evidence';
import { log } from './log';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { preferredCurrency } from './settings';
import { Disposable } from './lifecycle';
import { History } from '../core/history';
import type { Skill } from '../core/model';
import { buildJobPage } from '../core/plan';
import type { PlanSource } from './plan';

export const DETAILS_VIEW_TYPE = 'devopsRoadmap.details';
export const OVERVIEW_ID = 'overview';
export const PROGRESS_ID = 'progress';
export const JOB_ID = 'job';

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
  /** Every file that shows an id (a scan result lists the first few): the real counts and "Show all N files". */
  scan?: Pick<ScanService, 'scans' | 'filesOf'>;
  /** Projects, repositories and pace for the planning parts; without it the pages leave them out. */
  plan?: PlanSource;
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
  /** The pages this panel showed, for Back and Forward; a new panel starts a new history. */
  private history = new History<string>();
  private readonly navigatedInPanel = this.register(new vscode.EventEmitter<string>());
  /** A page opened from inside the panel (a link, Back, Forward): the Career Tree selects its row. */
  readonly onDidNavigateInPanel = this.navigatedInPanel.event;
  /** The last page built for the panel, for tests. */
  lastPage: Page | undefined;
  /** The advert the job page compares; kept for this window only (a reload forgets it). */
  private advert: string | undefined;

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
        if (e.affectsConfiguration('devopsRoadmap.currency') || e.affectsConfiguration('devopsRoadmap.plan')) changed();
      }),
    );
    this.register(
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PersistedState | undefined) => {
          this.currentId = typeof state?.id === 'string' ? state.id : OVERVIEW_ID;
          this.history.visit(this.currentId);
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

  /** Compares a job advert with the evidence and marks, on the job page. */
  showJob(advert: string): Promise<void> {
    this.advert = advert;
    this.revision++;
    return this.show(JOB_ID, { preserveFocus: false });
  }

  /** Shows a roadmap record (or the overview) in the panel, creating it if needed. */
  async show(id: string, options: { preserveFocus?: boolean; fromHistory?: boolean } = {}): Promise<void> {
    this.currentId = id;
    if (!options.fromHistory) this.history.visit(id);
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

  /** Goes back (or forward) in the panel's history; false when there is nowhere to go. */
  async go(direction: 'back' | 'forward'): Promise<boolean> {
    if (!this.panel) return false;
    const id = direction === 'back' ? this.history.back() : this.history.forward();
    if (id === undefined) return false;
    await this.show(id, { preserveFocus: false, fromHistory: true });
    this.navigatedInPanel.fire(id);
    return true;
  }

  private async create(preserveFocus: boolean | undefined): Promise<void> {
    this.openedAt = performance.now();
    this.firstRenderLogged = false;
    const made = { id: this.currentId, revision: this.revision };
    const building = this.buildPage(made.id);
    // Warm (the roadmap and progress loaded), the page is ready within this task and goes inside the
    // HTML. Cold (the first open after activation), the panel opens at once on the page skeleton and
    // the page follows as a message: never a missing or blank panel while the roadmap loads.
    const page = await Promise.race([building, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 0))]);
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      page ? titleOf(page) : vscode.l10n.t('DevOps Roadmap'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist')],
      },
    );
    this.adopt(panel, page, page ? made : undefined);
    if (!page) {
      await building;
      await this.update();
    }
  }

  /** Takes a panel (new, or restored after a reload) and gives it the page, embedded in its HTML (or the skeleton). */
  private adopt(panel: vscode.WebviewPanel, initialPage: Page | undefined, made: Embedded | undefined): void {
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
      l10nBundle: vscode.l10n.bundle,
      language: vscode.env.language,
    });
    if (initialPage) panel.title = titleOf(initialPage);
    const listeners = new Disposable();
    listeners.register(webview.onDidReceiveMessage((raw) => void this.receive(raw)));
    listeners.register(
      panel.onDidDispose(() => {
        listeners.dispose();
        if (this.panel === panel) {
          this.panel = undefined;
          this.embedded = undefined;
          this.history = new History<string>();
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
      else await this.postHistory();
    },
    navigate: async (message) => {
      await this.show(message.id, { preserveFocus: false });
      this.navigatedInPanel.fire(message.id);
    },
    goBack: () => void this.go('back'),
    goForward: () => void this.go('forward'),
    showAllEvidence: (message) => this.showAllEvidence(message.skillId),
    showOverview: () => this.show(OVERVIEW_ID),
    showProgress: () => this.show(PROGRESS_ID),
    setMark: (message) => this.deps.actions.setMark(message.skillId, message.mark),
    editNote: (message) => this.deps.actions.editNote(message.skillId),
    setPosition: (message) => (message.role === 'current' ? this.deps.actions.setCurrentStage(message.id) : this.deps.actions.setTargetRole(message.id)),
    openLink: async (message) => {
      if (await this.deps.plan?.isKnownLink(message.url)) await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
      else log().warn(`Refused to open ${JSON.stringify(message.url).slice(0, 200)}: it is not a learning link of the roadmap.`);
    },
    editHoursPerWeek: () => this.deps.plan?.editHoursPerWeek(),
    compareJobAdvert: async () => {
      await vscode.commands.executeCommand('devopsRoadmap.compareJobAdvert');
    },
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
    const page = await this.composePage(id);
    this.lastPage = page;
    return page;
  }

  private async composePage(id: string): Promise<Page> {
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
      evidenceCount: (skill) => this.allEvidence(skill).length,
    };
    if (this.deps.plan) ctx.plan = await this.deps.plan.context();
    if (id === JOB_ID) {
      const { advertMatcher } = await this.deps.roadmap.get();
      return buildJobPage(index, advertMatcher, this.advert, progress.evidence, progress.marks, ctx.multiRoot === true);
    }
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
    await this.postHistory();
  }

  private async postHistory(): Promise<void> {
    const message: HostMessage = { type: 'history', canGoBack: this.history.canGoBack, canGoForward: this.history.canGoForward };
    await this.panel?.webview.postMessage(message);
  }

  /** Every file that shows a skill in the open folders, technologies first (a scan result keeps the first few of each id). */
  private allEvidence(skill: Skill): { folder: string; path: string; signal: string }[] {
    const listed = this.deps.progress.evidence.evidenceFor(skill);
    const scan = this.deps.scan;
    if (!scan) return listed;
    const all = new Map<string, { folder: string; path: string; signal: string }>();
    for (const { folder } of scan.scans()) {
      for (const id of [...skill.evidence.technologies, ...skill.evidence.practices]) {
        for (const path of scan.filesOf(folder, id)) if (!all.has(`${folder}\0${path}`)) all.set(`${folder}\0${path}`, { folder, path, signal: id });
      }
    }
    // Before a folder's index exists the scan service knows only the listed files.
    return all.size >= listed.length ? [...all.values()] : listed;
  }

  /** Every file that shows a skill, in a quick pick (the page lists the first few); picking one opens it. */
  private async showAllEvidence(skillId: string): Promise<void> {
    const { index } = await this.deps.roadmap.get();
    if (index.kindOf(skillId) !== 'skill') return;
    const skill = index.get(skillId) as Skill;
    await pickEvidenceFile(skill.title, this.allEvidence(skill));
  }
}

function titleOf(page: Page): string {
  switch (page.page) {
    case 'node':
      return page.title;
    case 'overview':
      return vscode.l10n.t('DevOps Career Overview');
    case 'progress':
      return vscode.l10n.t('My DevOps Progress');
    case 'job':
      return vscode.l10n.t('Job Advert vs My Evidence');
    default:
      return vscode.l10n.t('DevOps Roadmap');
  }
}
