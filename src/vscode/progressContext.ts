import * as vscode from 'vscode';
import { EvidenceIndex, type Marks } from '../core/progress';
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
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: ProgressStore) {
    super();
    this.register(
      store.onDidChange((progress) => {
        this.progress = progress;
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
    this.evidenceIndex = new EvidenceIndex(scans);
    this.changed.fire();
  }
}
