import * as vscode from 'vscode';
import type { ScanIndex } from '../scanner/engine';
import type { WorkerPool } from '../scanner/workerPool';
import { scannerEngine, startWorkerPool } from './scannerEngine';
import type { ScanResult } from '../scanner/types';
import { WorkspaceFileSource, folderSource, relativePath } from './workspaceSource';
import type { ProgressContext } from './progressContext';
import { log, notifyError } from './log';
import { Disposable } from './lifecycle';
import { ProvisionalResults, type FolderScan, type Provisional } from './provisionalResults';

export type ScanState = 'scanning' | 'done' | 'empty' | 'failed';

export type { FolderScan } from './provisionalResults';

const CACHE_KEY = 'devopsRoadmap.scanCache';
const CACHE_VERSION = 1;
/** File events are gathered this long before the index is updated, so a burst costs one update. */
const DEBOUNCE_MS = 300;
/** Changed files read and judged at once when a batch of file events is applied (as many as a full scan reads). */
const UPDATE_CONCURRENCY = 16;

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

interface CacheEntry {
  version: number;
  scans: { uri: string; result: ScanResult }[];
}

/**
 * Scans the workspace folders when a view or command first needs it (never at startup), keeps an
 * incremental index per folder, updates only the changed files' contributions on file events, and
 * caches the last results in workspaceState so a reopened window shows them at once.
 *
 * The detectors never run on the extension host's thread: full scans and updates alike hand each
 * file's bytes to a pool of worker threads with a per-file time budget
 * (`devopsRoadmap.scan.fileTimeout`); on the web, Web Workers where the host can start them
 * (scannerEngine.web.ts). Listing and reading stay here, through VS Code's file system
 * API, so remote and virtual folders work unchanged and no path is read that VS Code would not.
 */
export class ScanService extends Disposable {
  private readonly indexes = new Map<string, { folder: vscode.WorkspaceFolder; index: ScanIndex }>();
  private running: { controller: AbortController; done: Promise<void> } | undefined;
  private started = false;
  private watcher: vscode.FileSystemWatcher | undefined;
  private pending = new Map<string, 'update' | 'remove' | 'maybe-folder'>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private pool: { budget: number; pool: Promise<WorkerPool | undefined> } | undefined;
  /** Counts rescan() calls; the newest one wins. */
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();
  private applied = 0;
  readonly onDidChange = this.changed.event;
  /** Shown until the first scan ends (see `shown`). */
  private readonly provisional = this.register(new ProvisionalResults());
  /** The provisional results changed (the Detected view redraws; nothing is recorded from them). */
  readonly onDidChangeProvisional = this.provisional.onDidChange;
  state: ScanState | undefined;

  /**
   * How many full scans and incremental updates have been applied so far, including updates that
   * changed nothing (an ignored file). Tests wait for it to advance instead of sleeping.
   */
  get updatesApplied(): number {
    return this.applied;
  }

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly progress: ProgressContext,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    // Disposed after everything registered later (the watcher and its listeners).
    this.register({
      dispose: () => {
        this.running?.controller.abort();
        void this.pool?.pool.then((pool) => pool?.dispose());
        if (this.timer) clearTimeout(this.timer);
      },
    });
    this.register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.started) void this.rescan();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.started && (e.affectsConfiguration('devopsRoadmap.scan') || e.affectsConfiguration('files.exclude'))) void this.rescan();
      }),
    );
  }

  /**
   * What the Detected view shows: the finished scans; before the first one ends, the last
   * session's results or the running scan's first findings, said to be provisional. Everything
   * else (progress, portfolio, plan, authorship, reports) uses `scans()`, finished results only.
   */
  shown(): { scans: FolderScan[]; provisional?: Provisional } {
    const kind = this.indexes.size > 0 ? undefined : this.provisional.kind;
    return kind ? { scans: this.provisional.scans(), provisional: kind } : { scans: this.scans() };
  }

  /** The latest result of every folder. */
  scans(): FolderScan[] {
    return [...this.indexes.values()].map(({ folder, index }) => ({ folder: folder.name, uri: folder.uri, result: index.result() }));
  }

  /**
   * Every file of a folder that shows an id (a result lists only a few); none before the folder's
   * index exists, when callers fall back on the result's listed evidence.
   */
  filesOf(folderName: string, id: string): string[] {
    const entry = [...this.indexes.values()].find((e) => e.folder.name === folderName);
    if (entry) return entry.index.filesOf(id);
    return [];
  }

  /**
   * Starts the first scan (showing cached results meanwhile); later calls return at once. The scan
   * itself starts on the next turn of the event loop: a view that asks for its first rows gets them
   * before the engine loads and its workers start (on a 17,000-file folder, starting in the Career
   * Tree's own request held its rows up by seconds while the window was starting).
   */
  ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    this.showCached();
    setTimeout(() => {
      if (this.isDisposed) return;
      if (!this.watcher) this.startWatching();
      if (this.generation === 0) void this.rescan();
    }, 0);
  }

  /**
   * Scans every folder anew. A rescan asked for while one runs cancels the running one first, so
   * two scans never race to publish.
   */
  rescan(options: { interactive?: boolean } = {}): Promise<void> {
    this.started = true;
    // A rescan asked for before any view (the command, a test) must keep results live too.
    if (!this.watcher) this.startWatching();
    const generation = ++this.generation;
    this.latest = this.rescanAfterRunning(generation, options);
    return this.latest;
  }

  /**
   * Cancels the running scan, then scans, unless another rescan was asked for meanwhile: then it
   * settles with that newest one. Several quick calls never start several scans at once.
   */
  private async rescanAfterRunning(generation: number, options: { interactive?: boolean }): Promise<void> {
    if (this.running) {
      this.running.controller.abort();
      await this.running.done.catch(() => undefined);
    }
    if (generation !== this.generation) return this.latest;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      this.indexes.clear();
      await this.publish('empty');
      this.applied++;
      return;
    }
    const controller = new AbortController();
    const done = this.scanFolders(folders, controller, options.interactive === true);
    this.running = { controller, done };
    try {
      await done;
    } finally {
      if (this.running?.controller === controller) this.running = undefined;
    }
  }

  private async scanFolders(folders: readonly vscode.WorkspaceFolder[], controller: AbortController, interactive: boolean): Promise<void> {
    // Not awaited: the context key is a round trip to the window, which while it starts took up to
    // 800 ms, and the scan need not wait for it (a later state is sent after it, so it cannot win).
    void this.setState('scanning');
    const maxFiles = vscode.workspace.getConfiguration('devopsRoadmap').get<number>('scan.maxFiles', 50000);
    const started = performance.now();
    /** When the first file showed something, from the scan's start (for the log). */
    let firstFoundMs: number | undefined;
    const run = async (token?: vscode.CancellationToken) => {
      token?.onCancellationRequested(() => controller.abort());
      const next = new Map<string, { folder: vscode.WorkspaceFolder; index: ScanIndex }>();
      const pool = await this.workers();
      // The workers boot while the folder is listed, not after its first file is read.
      pool?.prestart();
      const inspector = pool?.inspector;
      for (const folder of folders) {
        const index = await scannerEngine().ScanIndex.create(folderSource(folder, maxFiles), {
          signal: controller.signal,
          maxFiles,
          inspector,
          onFound: (partial) => {
            firstFoundMs ??= performance.now() - started;
            if (this.indexes.size === 0) this.provisional.showPartial(folder, partial);
          },
        });
        next.set(folder.uri.toString(), { folder, index });
        // A folder done while the next is scanned is shown whole.
        if (this.indexes.size === 0) this.provisional.showPartial(folder, () => index.result());
      }
      return next;
    };
    try {
      const next = interactive
        ? await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DevOps Roadmap: scanning the workspace'), cancellable: true },
            (_p, token) => run(token),
          )
        : await vscode.window.withProgress({ location: { viewId: 'devopsRoadmap.detected' } }, () => run());
      if (controller.signal.aborted) {
        this.provisional.dropPartial();
        return;
      }
      this.indexes.clear();
      for (const [key, value] of next) this.indexes.set(key, value);
      this.provisional.clear();
      const scans = this.scans();
      const first = firstFoundMs === undefined ? '' : ` (first finding at ${firstFoundMs.toFixed(0)} ms)`;
      const summary = `Scanned ${scans.length} folder(s) in ${(performance.now() - started).toFixed(0)} ms${first}: ${scans.map((s) => `${s.folder}: ${s.result.filesSeen} files seen, ${s.result.filesRead} read, ${s.result.technologies.length} technologies`).join('; ')}.`;
      log().info(summary);
      // Also on the console, as the activation time is: the e2e run's large-folder check reads it.
      console.log(`[devops-roadmap] ${summary}`);
      for (const s of scans) if (s.result.truncated) log().warn(`${s.folder}: stopped after ${s.result.filesSeen} files (devopsRoadmap.scan.maxFiles); results are partial.`);
      for (const s of scans) {
        const overran = s.result.skipped.filter((k) => k.reason === 'timeout').map((k) => k.path);
        if (overran.length)
          log().warn(
            `${s.folder}: ${overran.length} file(s) took longer than the scan's time budget and were skipped: ${overran
              .slice(0, 5)
              .map((p) => JSON.stringify(p))
              .join(', ')}${overran.length > 5 ? ', …' : ''}.`,
          );
      }
      await this.publish();
      this.applied++;
      await this.saveCache();
    } catch (error) {
      this.provisional.dropPartial();
      if (controller.signal.aborted) {
        log().info('Scan cancelled.');
        if (this.indexes.size === 0) await this.setState(undefined);
        else await this.setState(this.hasFindings() ? 'done' : 'empty');
        return;
      }
      await this.setState('failed');
      void notifyError(vscode.l10n.t('the workspace scan failed.'), error);
    }
  }

  /** Where the detectors run: workers under the time budget, or this thread (a web host that starts none). */
  async detectorsRunIn(): Promise<'workers' | 'this thread'> {
    return (await this.workers()) ? 'workers' : 'this thread';
  }

  /**
   * The worker pool, made anew when the time budget setting changed (its old workers stop).
   * Undefined where no worker can start (some web hosts): the detectors then run on this thread.
   */
  private workers(): Promise<WorkerPool | undefined> {
    const budget = vscode.workspace.getConfiguration('devopsRoadmap').get<number>('scan.fileTimeout', scannerEngine().FILE_BUDGET_MS);
    if (this.pool?.budget !== budget) {
      void this.pool?.pool.then((pool) => pool?.dispose());
      this.pool = { budget, pool: startWorkerPool(this.extensionUri, budget) };
    }
    return this.pool.pool;
  }

  private hasFindings(): boolean {
    return [...this.indexes.values()].some(({ index }) => index.result().technologies.length > 0);
  }

  private async publish(state?: ScanState): Promise<void> {
    const scans = this.scans();
    this.progress.setScans(scans.map((s) => ({ folder: s.folder, result: s.result })));
    await this.setState(state ?? (this.hasFindings() ? 'done' : 'empty'));
    this.changed.fire();
  }

  private async setState(state: ScanState | undefined): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', 'devopsRoadmap.scanState', state);
  }

  /**
   * The last session's results (kept in workspaceState), without scanning: the status bar counts
   * practiced skills from startup on, before any view asks for the scan.
   */
  showLastResults(): void {
    if (!this.started) this.showCached();
  }

  private showCached(): void {
    const cache = this.workspaceState.get<CacheEntry>(CACHE_KEY);
    if (!cache || cache.version !== CACHE_VERSION || !Array.isArray(cache.scans)) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const scans = cache.scans
      .map((s) => ({ folder: folders.find((f) => f.uri.toString() === s.uri), result: s.result }))
      .filter((s): s is { folder: vscode.WorkspaceFolder; result: ScanResult } => !!s.folder && Array.isArray(s.result?.technologies) && Array.isArray(s.result?.practices));
    if (scans.length === 0) return;
    this.progress.setScans(scans.map((s) => ({ folder: s.folder.name, result: s.result })));
    this.provisional.showCached(scans.map((s) => ({ folder: s.folder.name, uri: s.folder.uri, result: s.result })));
  }

  private async saveCache(): Promise<void> {
    const entry: CacheEntry = { version: CACHE_VERSION, scans: this.scans().map((s) => ({ uri: s.uri.toString(), result: s.result })) };
    await this.workspaceState.update(CACHE_KEY, entry);
  }

  private startWatching(): void {
    this.watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const queue = (uri: vscode.Uri, change: 'update' | 'remove') => {
      const owner = this.ownerOf(uri);
      if (!owner) return;
      // Ignore rules changed: what the whole folder contributes may change, so scan it anew.
      if (owner.path === '.gitignore' || owner.path.endsWith('/.gitignore')) {
        void this.rescan();
        return;
      }
      // A folder arrives as one event for its path, which is no candidate by name: a deleted one
      // takes its files along (removeFile drops everything below it); a created or moved-in one
      // may come without events for its files (the watcher coalesces them), so it is walked.
      const kind = change === 'update' && !scannerEngine().isCandidate(owner.path) ? 'maybe-folder' : change;
      this.pending.set(uri.toString(), kind);
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.applyPending(), DEBOUNCE_MS);
    };
    this.register(this.watcher.onDidCreate((uri) => queue(uri, 'update')));
    this.register(this.watcher.onDidChange((uri) => queue(uri, 'update')));
    this.register(this.watcher.onDidDelete((uri) => queue(uri, 'remove')));
  }

  private ownerOf(uri: vscode.Uri): { key: string; path: string } | undefined {
    for (const [key, { folder }] of this.indexes) {
      const path = relativePath(folder, uri);
      if (path !== undefined) return { key, path };
    }
    return undefined;
  }

  /** Updates only the contributions of the files that changed; a full scan running meanwhile wins. */
  private async applyPending(): Promise<void> {
    this.timer = undefined;
    if (this.running) {
      await this.running.done.catch(() => undefined);
    }
    const batch = this.pending;
    this.pending = new Map();
    const shownBefore = this.shownSignature();
    let changed = false;
    // A new folder needs walking only when the watcher did not also report its files, and only
    // its topmost folder: a burst of new folders with their files costs no walk at all.
    const reported = [...batch].filter(([, change]) => change !== 'maybe-folder').map(([uri]) => uri);
    const folders = [...batch].filter(([, change]) => change === 'maybe-folder').map(([uri]) => uri);
    const unreported = folders.filter((f) => !reported.some((uri) => uri.startsWith(`${f}/`)));
    const walk = new Set(unreported.filter((f) => !unreported.some((other) => other !== f && f.startsWith(`${other}/`))));
    for (const folderUri of folders) if (!walk.has(folderUri)) batch.delete(folderUri);
    const work = [...batch].flatMap(([uriText, change]) => {
      const owner = this.ownerOf(vscode.Uri.parse(uriText));
      const entry = owner && this.indexes.get(owner.key);
      return owner && entry ? [{ change, path: owner.path, entry }] : [];
    });
    const apply = async ({ change, path, entry }: (typeof work)[number]) => {
      try {
        if (change === 'remove') changed = entry.index.removeFile(path) || changed;
        else if (change === 'update') changed = (await entry.index.updateFile(path)) || changed;
        else changed = (await this.updateFolder(entry, path)) || changed;
      } catch (error) {
        log().warn(`Could not update ${path}: ${String(error)}`);
      }
    };
    // Removals first, then file updates several at a time, then folder walks. An update reads the
    // file as it is now, so the order within a batch does not change the result; running them side
    // by side matters where each read is a round trip (the web worker host: 1,000 changed files took
    // a minute one at a time).
    for (const item of work) if (item.change === 'remove') await apply(item);
    await eachLimited(
      work.filter((item) => item.change === 'update'),
      UPDATE_CONCURRENCY,
      apply,
    );
    for (const item of work) if (item.change === 'maybe-folder') await apply(item);
    // A full scan started meanwhile publishes its own whole result (and owns the 'scanning' state).
    if (this.running) return;
    // The engine reports changes of ids, evidence and skips; the views also show file counts.
    const shownChanged = changed || this.shownSignature() !== shownBefore;
    if (shownChanged) await this.publish();
    this.applied++;
    if (shownChanged) await this.saveCache();
  }

  /** What the views show of the results: ids, file counts and evidence, per folder. */
  private shownSignature(): string {
    return JSON.stringify(
      this.scans().map((s) => [s.folder, s.result.technologies.map((t) => [t.id, t.fileCount, t.fixtureOnly, t.evidence]), s.result.practices.map((p) => [p.id, p.evidence])]),
    );
  }

  /** Updates every candidate file below a path that turned out to be a new folder. */
  private async updateFolder(entry: { folder: vscode.WorkspaceFolder; index: ScanIndex }, path: string): Promise<boolean> {
    const uri = vscode.Uri.joinPath(entry.folder.uri, ...path.split('/'));
    const stat = await vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    );
    if (!stat || (stat.type & vscode.FileType.Directory) === 0) return false;
    // updateFile asks the source whether a file is excluded or git-ignored; the glob only saves work.
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), WorkspaceFileSource.findFilesExclude(entry.folder));
    let changed = false;
    for (const file of files) {
      const rel = relativePath(entry.folder, file);
      if (rel !== undefined && scannerEngine().isCandidate(rel)) changed = (await entry.index.updateFile(rel)) || changed;
    }
    return changed;
  }
}
