import * as vscode from 'vscode';
import { readAuthorship } from '../../git/authorship';
import { mayReadAuthorship } from '../../git/policy';
import { recordScan, remoteUrlFromGitConfig, type RepositoryRecord, type ScanToRecord } from '../../core/portfolio/ledger';
import { LedgerStore } from '../../core/portfolio/store';
import { DEFAULT_RUSTY_MONTHS, levelInputs } from '../../core/portfolio/levels';
import type { ScanFindings } from '../../core/detection';
import type { ScanService } from '../scanService';
import { configuredGit, type AuthorshipService } from '../authorshipService';
import type { ProgressContext } from '../progressContext';
import { scannerEngine, startWorkerPool } from '../scannerEngine';
import { folderSource } from '../workspaceSource';
import { capabilities } from '../platform';
import { Disposable } from '../lifecycle';
import { log } from '../log';
import { openLedgerFolder } from './ledgerFolder';
import { discoverRepositories, readGitConfig } from './discover';

/** Workspace scans land in the ledger this long after the last change, so a burst is one write. */
const RECORD_DELAY_MS = 500;

export interface PortfolioRepository {
  record: RepositoryRecord;
  /** False when the folder is gone from the disk: its evidence is kept until the user forgets it. */
  onDisk: boolean;
  /** One of the open workspace folders. */
  open: boolean;
}

function rootOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

function uriOf(root: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(root) ? vscode.Uri.parse(root) : vscode.Uri.file(root);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? uri.toString();
}

function rustyMonths(): number {
  return vscode.workspace.getConfiguration('devopsRoadmap').get<number>('portfolio.rustyAfterMonths', DEFAULT_RUSTY_MONTHS);
}

/**
 * My Portfolio: the ledger of every repository the user has scanned, in the extension's global
 * storage, so a skill keeps its evidence after its repository is closed. Every scan of a workspace
 * folder is recorded (with git's authorship where it was read); repositories outside the workspace
 * are added by the commands and scanned once each in the scanner's worker pool.
 */
export class PortfolioService extends Disposable {
  private readonly store: LedgerStore;
  /** The ledger's folder: one JSON file per repository. */
  readonly storageFolder: vscode.Uri;
  private readonly onDisk = new Map<string, boolean>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | undefined;
  private recording: Promise<void> = Promise.resolve();
  private loaded = false;
  /** What the views were last given (see publish). */
  private published: string | undefined;
  /** Each open folder's identity (its remote, read from .git/config), by folder URI. */
  private readonly identities = new Map<string, string>();

  constructor(
    storageUri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly scan: ScanService,
    private readonly authorship: AuthorshipService,
    private readonly progress: ProgressContext,
  ) {
    super();
    this.storageFolder = vscode.Uri.joinPath(storageUri, 'portfolio');
    this.store = new LedgerStore(openLedgerFolder(this.storageFolder), {
      warn: (message) => {
        log().warn(message);
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window.showWarningMessage(vscode.l10n.t('DevOps Roadmap: a portfolio file could not be read. It was kept aside, not deleted.'), showLog).then((choice) => {
          if (choice === showLog) log().show(true);
        });
      },
    });
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    const soon = () => {
      // The views judge from the open folders' latest scans at once; the ledger file follows shortly.
      if (this.loaded) this.publish();
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.recordWorkspace(), RECORD_DELAY_MS);
    };
    this.register(scan.onDidChange(soon));
    this.register(authorship.onDidChange(soon));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsRoadmap.portfolio')) this.publish();
      }),
    );
  }

  /** Reads the ledger (once) and hands its records to the views. */
  ready(): Promise<void> {
    this.loading ??= (async () => {
      try {
        await this.store.load();
      } catch (error) {
        log().error('The portfolio could not be read.', error);
      }
      await this.checkDisk();
      this.loaded = true;
      this.publish();
    })();
    return this.loading;
  }

  repositories(): PortfolioRepository[] {
    const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => rootOf(f.uri)));
    return this.store.all().map((record) => ({ record, onDisk: this.onDisk.get(record.identity) ?? true, open: open.has(record.root) }));
  }

  /** Waits for the workspace's latest scan to be in the ledger (tests, the packet export). */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.recordWorkspace();
    }
    await this.recording;
  }

  /**
   * Hands the records to the views. The levels (and so every open page) are updated only when what
   * they are judged from changed: recording a scan that found the same things redraws nothing.
   */
  private publish(): void {
    const records = this.withOpenFolders();
    const inputs = `${rustyMonths()}\0${levelInputs(records)}`;
    if (inputs !== this.published) {
      this.published = inputs;
      this.progress.setPortfolio(records, rustyMonths());
    }
    this.changed.fire();
  }

  /**
   * The ledger's records with each open folder's latest scan folded in now: an open repository
   * always counts, also between a scan and the ledger write that records it (or after Delete All).
   */
  private withOpenFolders(): RepositoryRecord[] {
    const live = this.scan.scans().map((s) => {
      const identity = this.identities.get(s.uri.toString()) ?? rootOf(s.uri);
      const files = this.authorship.filesOf(s.folder);
      return recordScan(this.store.get(identity), { identity, root: rootOf(s.uri), name: s.folder, findings: s.result, authored: files ? { files } : null, at: new Date() });
    });
    const open = new Set(live.flatMap((r) => [r.identity, r.root]));
    return [...this.store.all().filter((r) => !open.has(r.identity) && !open.has(r.root)), ...live];
  }

  private async checkDisk(): Promise<void> {
    await Promise.all(
      this.store.all().map(async (r) => {
        const there = await vscode.workspace.fs.stat(uriOf(r.root)).then(
          (s) => (s.type & vscode.FileType.Directory) !== 0,
          () => false,
        );
        this.onDisk.set(r.identity, there);
      }),
    );
  }

  /** The git remote without credentials, else the folder itself. */
  private async identityOf(uri: vscode.Uri): Promise<string> {
    const config = await readGitConfig(uri);
    return (config && remoteUrlFromGitConfig(config)) ?? rootOf(uri);
  }

  private gitAllowed(uri: vscode.Uri): boolean {
    const enabled = vscode.workspace.getConfiguration('devopsRoadmap').get<boolean>('authorship.enabled', true);
    return capabilities.processes && mayReadAuthorship({ trusted: vscode.workspace.isTrusted, enabled, scheme: uri.scheme });
  }

  private async save(scan: Omit<ScanToRecord, 'at'>): Promise<RepositoryRecord> {
    const record = recordScan(this.store.get(scan.identity), { ...scan, at: new Date() });
    await this.store.put(record);
    this.onDisk.set(record.identity, true);
    return record;
  }

  /** Records the latest scan of every workspace folder, with the authorship git gave for it. */
  private recordWorkspace(): Promise<void> {
    this.timer = undefined;
    const run = async () => {
      await this.ready();
      for (const s of this.scan.scans()) {
        try {
          const files = this.authorship.filesOf(s.folder);
          const identity = await this.identityOf(s.uri);
          this.identities.set(s.uri.toString(), identity);
          await this.save({
            identity,
            root: rootOf(s.uri),
            name: s.folder,
            findings: s.result,
            authored: files ? { files } : null,
          });
        } catch (error) {
          log().warn(`The scan of ${s.folder} could not be recorded in the portfolio: ${String(error)}`);
        }
      }
      this.publish();
    };
    this.recording = this.recording.then(run, run);
    return this.recording;
  }

  /**
   * Scans each folder (or the repositories found below it) once, in the worker pool, with a
   * cancellable notification counting "n of m", and records each. Returns the records made.
   */
  async add(folders: readonly vscode.Uri[]): Promise<RepositoryRecord[]> {
    await this.ready();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DevOps Roadmap: adding to My Portfolio'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        progress.report({ message: vscode.l10n.t('looking for repositories…') });
        const found: vscode.Uri[] = [];
        for (const folder of folders)
          for (const repo of await discoverRepositories(folder, controller.signal)) if (!found.some((f) => f.toString() === repo.toString())) found.push(repo);
        return this.scanAll(found, progress, controller.signal);
      },
    );
  }

  /** Scans every repository of the portfolio still on disk again (open folders are kept current by the workspace scan). */
  async rescan(): Promise<RepositoryRecord[]> {
    await this.ready();
    await this.checkDisk();
    const targets = this.repositories()
      .filter((r) => r.onDisk && !r.open)
      .map((r) => uriOf(r.record.root));
    const records = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DevOps Roadmap: rescanning My Portfolio'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.scanAll(targets, progress, controller.signal);
      },
    );
    if (this.scan.state !== undefined) await this.scan.rescan();
    await this.settled();
    return records;
  }

  private async scanAll(folders: readonly vscode.Uri[], progress: vscode.Progress<{ message?: string; increment?: number }>, signal: AbortSignal): Promise<RepositoryRecord[]> {
    const maxFiles = vscode.workspace.getConfiguration('devopsRoadmap').get<number>('scan.maxFiles', 50000);
    const budget = vscode.workspace.getConfiguration('devopsRoadmap').get<number>('scan.fileTimeout', 3000);
    const pool = await startWorkerPool(this.extensionUri, budget);
    const records: RepositoryRecord[] = [];
    try {
      for (const [i, uri] of folders.entries()) {
        if (signal.aborted) break;
        const name = baseName(uri);
        progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', i + 1, folders.length, name), increment: 100 / folders.length });
        try {
          const folder: vscode.WorkspaceFolder = { uri, name, index: -1 };
          const result = await scannerEngine().scan(folderSource(folder, maxFiles), { signal, maxFiles, inspector: pool?.inspector });
          records.push(await this.save({ identity: await this.identityOf(uri), root: rootOf(uri), name, findings: result, authored: await this.authoredOf(uri, result, signal) }));
          log().info(`Portfolio: ${name} scanned (${result.filesSeen} files seen, ${result.technologies.length} technologies).`);
        } catch (error) {
          if (signal.aborted) break;
          log().warn(`Portfolio: ${rootOf(uri)} could not be scanned: ${String(error)}`);
        }
      }
    } finally {
      pool?.dispose();
      this.publish();
    }
    if (signal.aborted) log().info(`Portfolio: cancelled after ${records.length} of ${folders.length} repositories.`);
    return records;
  }

  private async authoredOf(uri: vscode.Uri, result: ScanFindings, signal: AbortSignal): Promise<ScanToRecord['authored']> {
    if (!this.gitAllowed(uri)) return null;
    const files = [...new Set([...result.technologies, ...result.practices].flatMap((f) => f.evidence))];
    const git = await readAuthorship(uri.fsPath, files, { git: configuredGit(), signal });
    if (!git.available) {
      if (git.reason !== 'not-a-repository') log().info(`Portfolio: authorship not read for ${uri.fsPath}: ${git.message}`);
      return null;
    }
    return { email: git.email, files: git.files };
  }

  /** Removes a repository and its evidence from the portfolio. */
  async forget(identity: string): Promise<boolean> {
    await this.ready();
    const gone = await this.store.forget(identity);
    this.onDisk.delete(identity);
    this.publish();
    return gone;
  }

  /** Deletes every portfolio file; returns how many repositories were known. */
  async clear(): Promise<number> {
    await this.ready();
    const n = await this.store.clear();
    this.onDisk.clear();
    this.publish();
    return n;
  }
}
