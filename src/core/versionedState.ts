/**
 * A versioned record kept in a key-value store (VS Code's globalState in the extension, a Map in
 * tests). Reading never loses data: an entry of an older version is migrated step by step and
 * written back; an entry that is corrupt, half-written or from a newer version is copied aside to
 * `<key>.aside.<n>` with a warning before the default takes its place; parts of an entry that the
 * validator sets aside inside the entry are named in one warning and written back. No `vscode` here.
 */

import { escapeControl } from './format';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

export interface Envelope<T> {
  version: number;
  data: T;
}

export interface VersionedStateOptions<T> {
  key: string;
  version: number;
  /** `migrations[n]` turns the data of version n into the data of version n + 1. */
  migrations: Record<number, (data: unknown) => unknown>;
  /**
   * Returns the typed data, or a reason it is not acceptable. May repair small defects: `setAside`
   * then names the parts it kept aside inside the value (one warning, and the repair is written back).
   */
  validate: (data: unknown) => { ok: true; value: T; setAside?: readonly string[] } | { ok: false; reason: string };
  fallback: () => T;
  warn: (message: string) => void;
}

export class VersionedState<T> {
  private cached: T | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: VersionedStateOptions<T>,
  ) {}

  /** The current value; the first call migrates or sets aside what it finds. */
  async read(): Promise<T> {
    if (this.cached !== undefined) return this.cached;
    const { key, version, validate, fallback } = this.options;
    const raw = this.store.get<unknown>(key);
    if (raw === undefined) return (this.cached = fallback());

    const envelope = raw as Partial<Envelope<unknown>>;
    if (typeof raw !== 'object' || raw === null || typeof envelope.version !== 'number' || !('data' in raw)) {
      return this.setAside(raw, 'it is not a versioned entry');
    }
    if (envelope.version > version) return this.setAside(raw, `it was written by a newer version (${envelope.version})`);

    let data: unknown = envelope.data;
    for (let v = envelope.version; v < version; v++) {
      const migrate = this.options.migrations[v];
      if (!migrate) return this.setAside(raw, `no migration from version ${v}`);
      try {
        data = migrate(data);
      } catch (error) {
        return this.setAside(raw, `migration from version ${v} failed: ${String(error)}`);
      }
    }
    const checked = validate(data);
    if (!checked.ok) return this.setAside(raw, checked.reason);
    this.cached = checked.value;
    const setAside = checked.setAside ?? [];
    if (setAside.length > 0) this.options.warn(describeSetAside(key, setAside));
    if (envelope.version !== version || setAside.length > 0) await this.store.update(key, { version, data: checked.value } satisfies Envelope<T>);
    return checked.value;
  }

  async write(value: T): Promise<void> {
    this.cached = value;
    await this.store.update(this.options.key, { version: this.options.version, data: value } satisfies Envelope<T>);
  }

  private async setAside(raw: unknown, reason: string): Promise<T> {
    const { key, warn, fallback } = this.options;
    const taken = new Set(this.store.keys());
    let n = 1;
    while (taken.has(`${key}.aside.${n}`)) n++;
    const asideKey = `${key}.aside.${n}`;
    await this.store.update(asideKey, raw);
    warn(`Saved ${key} could not be read (${reason}). It was kept as ${asideKey} and a fresh one was started.`);
    const value = fallback();
    await this.store.update(key, { version: this.options.version, data: value } satisfies Envelope<T>);
    return (this.cached = value);
  }
}

/** One warning line for the parts of an entry kept aside: how many, and the first few by name. */
function describeSetAside(key: string, parts: readonly string[]): string {
  const shown = parts.slice(0, 5).map((p) => escapeControl(p.length > 100 ? `${p.slice(0, 100)}…` : p));
  const more = parts.length > shown.length ? ` and ${parts.length - shown.length} more` : '';
  const what = parts.length === 1 ? 'entry' : 'entries';
  return `Saved ${key}: ${parts.length} ${what} could not be read (${shown.join(', ')}${more}). They were kept aside in the same record, under "unreadable", not deleted; the rest was read.`;
}
