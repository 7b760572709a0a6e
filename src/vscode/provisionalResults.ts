import * as vscode from 'vscode';
import type { ScanResult } from '../scanner/types';
import { Disposable } from './lifecycle';

/** One folder's result as the views show it. */
export interface FolderScan {
  folder: string;
  uri: vscode.Uri;
  result: ScanResult;
}

/**
 * What the Detected view shows before the window's first scan ends: the last session's results, or,
 * with none kept, what the running scan has found so far.
 */
export type Provisional = 'cached' | 'partial';

/** During a first scan, the Detected view is redrawn with what was found so far at most this often. */
const PARTIAL_EVERY_MS = 500;

/**
 * The results shown until the first scan of the window is done (ScanService.shown), by folder.
 * Nothing is recorded from them: progress, portfolio, plan and reports wait for finished scans.
 *
 * A first scan's findings come at once, then at most every PARTIAL_EVERY_MS. On a 17,000-file
 * folder the Detected view's first rows had come with the scan's end, seconds after the window
 * opened; now they come with the first files that show something. They never replace the last
 * session's results, which say more than a scan's first seconds.
 */
export class ProvisionalResults extends Disposable {
  private shown: { kind: Provisional; scans: Map<string, FolderScan> } | undefined;
  /** Findings so far not yet shown (throttled), by folder uri. */
  private readonly due = new Map<string, { folder: vscode.WorkspaceFolder; partial: () => ScanResult }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownAt = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register({ dispose: () => this.stopTimer() });
  }

  get kind(): Provisional | undefined {
    return this.shown?.kind;
  }

  scans(): FolderScan[] {
    return [...(this.shown?.scans.values() ?? [])];
  }

  /** The last session's results, kept in workspaceState. */
  showCached(scans: readonly FolderScan[]): void {
    this.stopTimer();
    this.shown = { kind: 'cached', scans: new Map(scans.map((s) => [s.uri.toString(), s])) };
    this.changed.fire();
  }

  /** A running first scan's findings in `folder` (`partial()` is asked for them when they are shown). */
  showPartial(folder: vscode.WorkspaceFolder, partial: () => ScanResult): void {
    if (this.shown?.kind === 'cached') return;
    this.due.set(folder.uri.toString(), { folder, partial });
    if (this.timer) return;
    const wait = this.shownAt + PARTIAL_EVERY_MS - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** A first scan ended (done, failed or cancelled): its findings so far go; the last session's stay. */
  dropPartial(): void {
    this.stopTimer();
    if (this.shown?.kind !== 'partial') return;
    this.shown = undefined;
    this.changed.fire();
  }

  /** A scan is done: nothing provisional is shown any more. */
  clear(): void {
    this.stopTimer();
    this.shown = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const shown = (this.shown ??= { kind: 'partial', scans: new Map() });
    for (const [key, { folder, partial }] of this.due) shown.scans.set(key, { folder: folder.name, uri: folder.uri, result: partial() });
    this.due.clear();
    this.shownAt = performance.now();
    this.changed.fire();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.due.clear();
  }
}
