import * as vscode from 'vscode';
import { VersionedState } from '../core/versionedState';
import { PROGRESS_KEY, PROGRESS_VERSION, emptyProgress, validateProgress, type UserProgress } from '../core/userState';
import { log } from './log';
import { Disposable } from './lifecycle';

/**
 * The user's progress in `globalState`: versioned, synced with Settings Sync, and never dropped (a
 * corrupt entry, or the unreadable part of one, is kept aside and the user is told once).
 */
export class ProgressStore extends Disposable {
  private readonly state: VersionedState<UserProgress>;
  private readonly changed = this.register(new vscode.EventEmitter<UserProgress>());
  readonly onDidChange = this.changed.event;

  constructor(memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    super();
    memento.setKeysForSync([PROGRESS_KEY]);
    this.state = new VersionedState(memento, {
      key: PROGRESS_KEY,
      version: PROGRESS_VERSION,
      migrations: {},
      validate: validateProgress,
      fallback: emptyProgress,
      warn: (message) => {
        log().warn(message);
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window
          .showWarningMessage(vscode.l10n.t('DevOps Roadmap: some of your saved progress could not be read. It was kept aside, not deleted.'), showLog)
          .then((choice) => {
            if (choice === showLog) log().show(true);
          });
      },
    });
  }

  read(): Promise<UserProgress> {
    return this.state.read();
  }

  async update(change: (current: UserProgress) => UserProgress): Promise<UserProgress> {
    const next = change(await this.state.read());
    await this.state.write(next);
    this.changed.fire(next);
    return next;
  }
}
