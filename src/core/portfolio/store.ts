/**
 * The ledger on disk: one JSON file per repository in one folder (the extension's
 * `globalStorageUri/portfolio/`). The rules live here, pure, over a small folder interface that the
 * shell implements with `workspace.fs` and the unit tests with `node:fs`:
 * - a write goes to a temp file first and is renamed over the old one, so a crash mid-write leaves
 *   the previous file whole (a rename within a folder replaces atomically on local disks);
 * - a file that cannot be read is renamed `<name>.corrupt-<time>` with a warning, never deleted;
 * - an older version is migrated and written back; a newer one is set aside like a corrupt file.
 */

import { ledgerFileName, parseLedger, serializeLedger, type RepositoryRecord } from './ledger';

export interface LedgerFolder {
  /** Names of the files in the folder; empty when it does not exist yet. */
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  /** Writes a whole file, creating the folder when needed. */
  write(name: string, text: string): Promise<void>;
  /** Renames within the folder, replacing `to` if it exists. */
  rename(from: string, to: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface LedgerStoreOptions {
  warn(message: string): void;
  now?: () => Date;
}

const TEMP = '.tmp-';

function isLedgerName(name: string): boolean {
  return name.endsWith('.json') && !name.includes(TEMP);
}

export class LedgerStore {
  /** By identity: the record and the file(s) holding it. */
  private readonly entries = new Map<string, { record: RepositoryRecord; files: string[] }>();
  private queue: Promise<unknown> = Promise.resolve();
  private loaded = false;

  constructor(
    private readonly folder: LedgerFolder,
    private readonly options: LedgerStoreOptions,
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Runs file operations one at a time, in the order asked. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads every ledger file once; later calls return what is in memory. */
  load(): Promise<RepositoryRecord[]> {
    return this.serial(async () => {
      if (!this.loaded) await this.readAll();
      this.loaded = true;
      return this.all();
    });
  }

  all(): RepositoryRecord[] {
    // By name, then identity; a plain code-unit order (localeCompare cost more than the reads here).
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.entries.values()].map((e) => e.record).sort((a, b) => order(a.name, b.name) || order(a.identity, b.identity));
  }

  get(identity: string): RepositoryRecord | undefined {
    return this.entries.get(identity)?.record;
  }

  private async readAll(): Promise<void> {
    const names = await this.folder.list();
    // A temp file is a write that never finished; the file it was meant to replace is intact.
    for (const name of names.filter((n) => n.includes(TEMP))) await this.folder.remove(name).catch(() => undefined);
    // All files are read at once (the reads wait on the disk, not on each other), then parsed in order.
    const ledgerNames = names.filter(isLedgerName).sort();
    const texts = await Promise.all(
      ledgerNames.map((name) =>
        this.folder.read(name).then(
          (text) => ({ text }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
    for (const [i, name] of ledgerNames.entries()) {
      const read = texts[i];
      if ('error' in read) {
        this.options.warn(`Portfolio file ${name} could not be read (${String(read.error)}); it was left where it is.`);
        continue;
      }
      const parsed = parseLedger(read.text);
      if (!parsed.ok) {
        await this.setAside(name, parsed.reason);
        continue;
      }
      const known = this.entries.get(parsed.record.identity);
      // Two files for one repository (a copy made by hand): the newer scan wins, both stay on disk.
      if (!known || Date.parse(parsed.record.scannedAt) > Date.parse(known.record.scannedAt)) {
        this.entries.set(parsed.record.identity, { record: parsed.record, files: [...(known?.files ?? []), name] });
      } else known.files.push(name);
      if (parsed.migratedFrom !== undefined) await this.writeAtomic(name, serializeLedger(parsed.record));
    }
  }

  private async setAside(name: string, reason: string): Promise<void> {
    const aside = `${name}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await this.folder.rename(name, aside);
      this.options.warn(`Portfolio file ${name} could not be read (${reason}). It was kept as ${aside}, not deleted.`);
    } catch (error) {
      this.options.warn(`Portfolio file ${name} could not be read (${reason}) nor set aside (${String(error)}); it was left where it is.`);
    }
  }

  private async writeAtomic(name: string, text: string): Promise<void> {
    const temp = `${name}${TEMP}${this.now().getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    try {
      await this.folder.write(temp, text);
      await this.folder.rename(temp, name);
    } catch (error) {
      await this.folder.remove(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Saves a repository's record (its own file, replaced atomically). */
  put(record: RepositoryRecord): Promise<void> {
    return this.serial(async () => {
      if (!this.loaded) await this.readAll();
      this.loaded = true;
      const known = this.entries.get(record.identity);
      const name = known?.files[known.files.length - 1] ?? ledgerFileName(record.identity, record.name);
      await this.writeAtomic(name, serializeLedger(record));
      this.entries.set(record.identity, { record, files: known?.files ?? [name] });
    });
  }

  /** Removes a repository and its evidence. Returns whether it was known. */
  forget(identity: string): Promise<boolean> {
    return this.serial(async () => {
      const known = this.entries.get(identity);
      if (!known) return false;
      for (const name of known.files) await this.folder.remove(name);
      this.entries.delete(identity);
      return true;
    });
  }

  /** Removes every ledger file (set-aside corrupt files included: "delete all" means all). */
  clear(): Promise<number> {
    return this.serial(async () => {
      const names = await this.folder.list();
      for (const name of names) await this.folder.remove(name);
      const n = this.entries.size;
      this.entries.clear();
      this.loaded = true;
      return n;
    });
  }
}
