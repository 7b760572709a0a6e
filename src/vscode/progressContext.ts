import * as vscode from 'vscode';
import { EvidenceIndex, type Marks } from '../core/progress';
import { PortfolioLevels } from '../core/portfolio/levels';
import type { RepositoryRecord } from '../core/portfolio/ledger';
import type { ScanResult } from '../scanner/types';
import type { ProgressStore } from './state';
import type { UserProgress } from '../core/userState';
import { Disposable } from './lifecycle';

/**
 * What the views need to draw progress: the evidence of the latest scans and the user's marks.
 * One event tells every view to redraw when either changes.
 */
export class ProgressContext extends Disposable {
  private evidenceIndex = EvidenceIndex.empty;
  private progress: UserProgress | undefined;
  private scansNow: readonly { folder: string; result: ScanResult }[] = [];
  /** The portfolio's records once loaded; until then a skill is practiced when an open folder shows it. */
  private records: readonly RepositoryRecord[] | undefined;
  private rustyMonths: number | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: ProgressStore) {
    super();
    this.register(
      store.onDidChange((progress) => {
        this.progress = progress;
        this.rebuild();
        this.changed.fire();
      }),
    );
  }

  get evidence(): EvidenceIndex {
    return this.evidenceIndex;
  }

  get marks(): Marks {
    return this.progress?.marks ?? {};
  }

  get user(): UserProgress | undefined {
    return this.progress;
  }

  /** Reads the stored progress once; views call this before their first draw. */
  async ready(): Promise<void> {
    this.progress ??= await this.store.read();
  }

  setScans(scans: readonly { folder: string; result: ScanResult }[]): void {
    this.scansNow = scans;
    this.rebuild();
    this.changed.fire();
  }

  /** The portfolio's repositories (the open folders' among them): levels are judged from them. */
  setPortfolio(records: readonly RepositoryRecord[], rustyMonths?: number): void {
    this.records = records;
    this.rustyMonths = rustyMonths;
    this.rebuild();
    this.changed.fire();
  }

  /** The levels of every skill, when the portfolio is loaded. */
  get levels(): PortfolioLevels | undefined {
    return this.evidenceIndex.portfolio;
  }

  private rebuild(): void {
    const levels = this.records ? new PortfolioLevels(this.records, this.marks, { now: new Date(), rustyMonths: this.rustyMonths }) : undefined;
    this.evidenceIndex = new EvidenceIndex(this.scansNow, levels);
  }
}
