/**
 * The scan engine: walks a FileSource, picks candidate files by path (no I/O), reads each
 * candidate at most once and only as many bytes as its detectors asked for (capped at
 * `maxBytesPerFile`), runs the interested detectors on one shared FileContext (so a file is parsed
 * at most once), and merges the per-file contributions into the spec's ScanResult.
 *
 * Contributions are kept per file, so `ScanIndex.updateFile` / `removeFile` replace one file's
 * contribution without rescanning the workspace, and give the same result as a full rescan.
 *
 * Cancellation: when `options.signal` aborts, `scan` / `ScanIndex.create` / `updateFile` reject
 * with the signal's reason (a DOMException named 'AbortError' by default). No partial result.
 */
import { EvidenceSet, MAX_EVIDENCE } from './evidence';
import { PRACTICE_IDS, TECHNOLOGY_IDS } from './ids';
import { normalizePath, staysInside } from './paths';
import { DETECTORS, classify as classifyWith, isCandidate as isCandidatePath, type Plan } from './detectors/registry';
import type { Detector, Hit } from './detectors/types';
import { inspectInThread } from './inspect';
import type { DetectedPractice, DetectedTechnology, FileEntry, FileSource, Inspector, ScanOptions, ScanResult, SkipReason, SkippedEntry } from './types';

export const DEFAULT_MAX_BYTES_PER_FILE = 256 * 1024;
export const DEFAULT_MAX_FILES = 200_000;
/** Skipped entries reported (sorted, the first ones kept). */
export const MAX_SKIPPED = 1000;
/** Files read at the same time, unless the source asks for more (`FileSource.readsInFlight`). */
const READ_CONCURRENCY = 16;
/**
 * Bytes read and still waiting for the detectors. Reading runs ahead of the workers up to this:
 * when the walk waited for inspections instead (16 files in flight, read and judged), the CLI's
 * main thread sat idle for 150 of the first 250 ms on grafana/loki while the worker started. More
 * costs memory far beyond the bytes themselves: on the 50k-file bench tree the CLI's peak RSS was
 * 100 MB at 256 KB, 122 MB at 1 MB and 152 MB at 16 MB, for no speed gained past 1 MB.
 */
const HELD_BYTES = 1024 * 1024;
/** Bytes examined for a NUL byte (binary detection). */
const BINARY_PROBE = 8000;

export interface EngineOptions extends ScanOptions {
  /** Replaces the detector registry (tests). */
  detectors?: readonly Detector[];
}

/** Cheap: may a change to this path change the result? Decided from the path alone, no I/O. */
export function isCandidate(path: string): boolean {
  return isCandidatePath(normalizePath(path));
}

/** One file's contribution. */
interface FileRecord {
  hits: Hit[];
  read: boolean;
  bytes: number;
  skipped?: SkipReason;
  /** Under a fixture-looking folder (from the path, kept so result() needs no path parsing). */
  fixture: boolean;
}

/** Shared by every file that contributes nothing (never mutated). */
const NO_HITS = Object.freeze([]) as unknown as Hit[];

function dedupe(hits: readonly Hit[]): Hit[] {
  if (hits.length === 0) return NO_HITS;
  if (hits.length === 1) return [hits[0]];
  const seen = new Map<string, Hit>();
  for (const h of hits) seen.set(`${h.key}|${h.requires ?? ''}|${h.unless ?? ''}`, h);
  return [...seen.values()];
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'ENOTDIR';
}

/** Why a source refused a read, when it says (see `refusal` in fileSource.ts); else 'unreadable'. */
function readSkipReason(error: unknown): SkipReason {
  const reason = (error as { skipReason?: unknown } | undefined)?.skipReason;
  return reason === 'special-file' || reason === 'outside-root' || reason === 'symlink-outside-root' ? reason : 'unreadable';
}

/** Runs the detectors in this thread: for tests with their own detectors, and where no pool is given. */
const IN_THREAD =
  (plan: Plan): Inspector =>
  async (_path, data, complete) =>
    inspectInThread(plan, data, complete);

/** Bytes read of a file the plan wants read: what its detectors ask for, within the per-file cap. */
function readSize(plan: Plan, maxBytes: number): number {
  return Math.max(1, Math.min(plan.read, maxBytes));
}

/**
 * Reads (if needed) and inspects one file: the bytes go to the inspector (a worker pool in VS Code
 * and the CLI). Never throws except on abort and on a file that vanished (ENOENT).
 */
async function processFile(
  source: FileSource,
  path: string,
  plan: Plan,
  maxBytes: number,
  inspector: Inspector | undefined,
  signal: AbortSignal | undefined,
  onRead?: (bytes: number) => void,
): Promise<FileRecord> {
  const record: FileRecord = { hits: dedupe(plan.hits), read: false, bytes: 0, fixture: plan.p.fixture };
  if (plan.read <= 0 || plan.readers.length === 0) return record;
  const want = readSize(plan, maxBytes);
  let data: Uint8Array;
  try {
    // One byte more than wanted tells whether the file is longer than what we look at.
    data = await source.read(path, want + 1, signal);
    onRead?.(data.byteLength);
  } catch (error) {
    onRead?.(0);
    signal?.throwIfAborted();
    if (isNotFound(error)) throw error;
    const reason = readSkipReason(error);
    // A probe's unreadable file is no news; a refusal (special file, way out of the root) always is.
    if (!plan.probe || reason !== 'unreadable') record.skipped = reason;
    if (reason !== 'unreadable') record.hits = NO_HITS;
    return record;
  }
  const complete = data.length <= want;
  if (!complete) data = data.subarray(0, want);
  record.read = true;
  record.bytes = data.length;
  if (data.subarray(0, BINARY_PROBE).indexOf(0) >= 0) {
    // Not the text its name promises: no evidence from it.
    record.hits = NO_HITS;
    if (!plan.probe) record.skipped = 'binary';
    return record;
  }
  // An empty file cannot stall a rule, and a trip to a worker would cost more than reading it here.
  const outcome = await (inspector && data.length > 0 ? inspector : IN_THREAD(plan))(path, data, complete, signal, plan.readerIds);
  if (outcome === 'timeout') {
    // Abandoned: what the path alone proves is kept, the content is not judged.
    record.skipped = 'timeout';
    return record;
  }
  record.hits = dedupe([...plan.hits, ...outcome.hits]);
  if (outcome.tooLarge) record.skipped = 'too-large';
  else if (outcome.failed) record.skipped = 'parse-error';
  return record;
}

/**
 * One file's contribution, from its path and content, without any source: what every detector
 * makes of it. For tests and tools; `scan` does the same for each candidate it reads.
 */
export async function inspectFile(
  path: string,
  content: Uint8Array | string,
  maxBytesPerFile = DEFAULT_MAX_BYTES_PER_FILE,
): Promise<{ hits: Hit[]; skipped?: SkipReason } | undefined> {
  const rel = normalizePath(path);
  const plan = classifyWith(rel);
  if (!plan) return undefined;
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const source: FileSource = {
    root: '',
    list: async function* () {},
    read: async (_p: string, maxBytes: number) => bytes.subarray(0, maxBytes),
    skipped: () => [],
  };
  const record = await processFile(source, rel, plan, maxBytesPerFile, undefined, undefined);
  return { hits: record.hits, ...(record.skipped ? { skipped: record.skipped } : {}) };
}

async function* oneByOne(entries: AsyncIterable<FileEntry>): AsyncIterable<FileEntry[]> {
  for await (const entry of entries) yield [entry];
}

function compareSkipped(a: SkippedEntry, b: SkippedEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

/**
 * An incremental scan of one source. `create` runs the full scan; `updateFile` and `removeFile`
 * replace one file's contribution; `result` merges the contributions (memoised).
 */
export class ScanIndex {
  private readonly files = new Set<string>();
  private readonly records = new Map<string, FileRecord>();
  /**
   * Files read that contributed nothing (no evidence, not skipped), with the bytes read: most read
   * files, kept as a number instead of a record so a large tree's index stays small.
   */
  private readonly plainReads = new Map<string, number>();
  private sourceSkipped: SkippedEntry[] = [];
  private limitSkip: SkippedEntry | undefined;
  private truncated = false;
  private durationMs = 0;
  private cached: ScanResult | undefined;
  private readonly detectors: readonly Detector[];
  private readonly maxBytes: number;
  /** Runs the detectors: the options' (a worker pool) unless the test gave detectors of its own. */
  private readonly inspector: Inspector | undefined;
  /** Paths a source handed over that would leave the root (`..`, absolute): never read, reported. */
  private readonly refused = new Set<string>();
  /** Hit keys met during the running full scan, so `onFound` hears of each key once; undefined after it. */
  private keysFound: Set<string> | undefined;
  /** The running full scan has listed every file: no hit can be taken back any more. */
  private listed = false;

  private constructor(
    private readonly source: FileSource,
    private readonly options: EngineOptions,
  ) {
    this.detectors = options.detectors ?? DETECTORS;
    this.maxBytes = Math.max(1, options.maxBytesPerFile ?? DEFAULT_MAX_BYTES_PER_FILE);
    this.inspector = options.detectors ? undefined : options.inspector;
  }

  static async create(source: FileSource, options: EngineOptions = {}): Promise<ScanIndex> {
    const index = new ScanIndex(source, options);
    await index.fullScan();
    return index;
  }

  private classify(path: string): Plan | undefined {
    return this.detectors === DETECTORS ? classifyWith(path) : classifyWith(path, this.detectors);
  }

  private async fullScan(): Promise<void> {
    const started = performance.now();
    const { signal, onProgress } = this.options;
    const maxFiles = Math.max(0, this.options.maxFiles ?? DEFAULT_MAX_FILES);
    signal?.throwIfAborted();
    const pending = new Set<Promise<void>>();
    if (this.options.onFound) this.keysFound = new Set();
    this.listed = false;
    let failure: { error: unknown } | undefined;
    // Reads in flight, and bytes read that wait for the detectors: the walk goes on while both are
    // under their limits, so listing and reading here overlap the detectors' work in the workers.
    let reading = 0;
    let held = 0;
    // Bytes asked for by the reads in flight: a source that reads in another thread may hold that much.
    let asked = 0;
    const inFlight = this.source.readsInFlight ?? { files: READ_CONCURRENCY, bytes: Infinity };
    let wake: (() => void) | undefined;
    const changed = () => {
      wake?.();
      wake = undefined;
    };
    const batches = this.source.listBatches ? this.source.listBatches(signal) : oneByOne(this.source.list(signal));
    walk: for await (const batch of batches)
      for (const entry of batch) {
        signal?.throwIfAborted();
        const path = normalizePath(entry.path);
        if (!path || this.files.has(path)) continue;
        if (!staysInside(path)) {
          this.refused.add(path);
          continue;
        }
        if (this.files.size >= maxFiles) {
          this.truncated = true;
          this.limitSkip = { path, reason: 'file-limit' };
          break walk;
        }
        this.files.add(path);
        if (onProgress && this.files.size % 500 === 0) onProgress(this.files.size);
        const plan = this.classify(path);
        if (!plan) continue;
        if (plan.read <= 0 || plan.readers.length === 0) {
          this.store(path, { hits: dedupe(plan.hits), read: false, bytes: 0, fixture: plan.p.fixture });
          continue;
        }
        let bytes = 0;
        let isRead = false;
        // What the read asks for: one byte more than it keeps (see processFile).
        const want = readSize(plan, this.maxBytes) + 1;
        reading++;
        asked += want;
        const onRead = (n: number) => {
          if (isRead) return;
          isRead = true;
          reading--;
          asked -= want;
          held += bytes = n;
          changed();
        };
        const task: Promise<void> = processFile(this.source, path, plan, this.maxBytes, this.inspector, signal, onRead).then(
          (record) => this.store(path, record),
          (error: unknown) => {
            if (signal?.aborted) return;
            // The file vanished between listing and reading: it is not part of the tree.
            if (isNotFound(error)) this.files.delete(path);
            // Anything else (the detectors' worker cannot start) fails the scan, never silently.
            else failure ??= { error };
          },
        );
        pending.add(task);
        void task.finally(() => {
          onRead(0);
          pending.delete(task);
          held -= bytes;
          changed();
        });
        while ((reading >= inFlight.files || asked >= inFlight.bytes || held >= HELD_BYTES) && !failure) await new Promise<void>((resolve) => (wake = resolve));
        if (failure) break walk;
      }
    this.listed = true;
    // What was held back as revocable ("unless" a file exists) is decided now.
    if (this.keysFound?.size && !failure) this.options.onFound?.(() => this.partialResult());
    await Promise.all(pending);
    this.keysFound = undefined;
    if (failure) throw failure.error;
    signal?.throwIfAborted();
    this.sourceSkipped = this.source.skipped().map((s) => ({ path: normalizePath(s.path), reason: s.reason }));
    onProgress?.(this.files.size);
    signal?.throwIfAborted();
    this.durationMs = Math.round(performance.now() - started);
    this.cached = undefined;
  }

  /** Keeps one file's contribution (a plain read as its byte count). */
  private store(path: string, record: FileRecord): void {
    if (record.read && !record.skipped && record.hits.length === 0) {
      this.records.delete(path);
      this.plainReads.set(path, record.bytes);
    } else {
      this.plainReads.delete(path);
      this.records.set(path, record);
      this.tellIfNew(record.hits);
    }
  }

  /** Calls `onFound` when a hit's key is new to the running full scan (none runs: nothing to tell). */
  private tellIfNew(hits: readonly Hit[]): void {
    const found = this.keysFound;
    if (!found) return;
    let fresh = false;
    for (const hit of hits) {
      if (found.has(hit.key)) continue;
      found.add(hit.key);
      fresh = true;
    }
    if (fresh) this.options.onFound?.(() => this.partialResult());
  }

  /**
   * The result so far, while a full scan runs: what no file yet to be listed can take back. A hit
   * that holds "unless" some file exists is left out until the listing is over (that file may come
   * later; every .tf file is one, unless a Pulumi.yaml sits beside it); a hit that "requires" a
   * file counts once that file is listed, as it will at the end.
   * So every id shown here is in the final result (its file count may still grow, or, where a
   * file's hit was revocable, shrink).
   */
  private partialResult(): ScanResult {
    const whole = this.result();
    this.cached = undefined;
    if (this.listed) return whole;
    const revocable = new Set<string>();
    const sure = new Set<string>();
    for (const record of this.records.values())
      for (const hit of record.hits) {
        if (hit.unless !== undefined) revocable.add(hit.key);
        else if (hit.requires === undefined || this.files.has(hit.requires)) sure.add(hit.key);
      }
    if (revocable.size === 0) return whole;
    return {
      ...whole,
      technologies: whole.technologies.filter((t) => !revocable.has(`t:${t.id}`) || sure.has(`t:${t.id}`)),
      practices: whole.practices.filter((p) => !revocable.has(`p:${p.id}`) || sure.has(`p:${p.id}`)),
    };
  }

  private forget(path: string): void {
    this.records.delete(path);
    this.plainReads.delete(path);
  }

  /** The identity of what the UI shows: evidence and skipped entries (not counters or timing). */
  private signature(): string {
    const r = this.result();
    return JSON.stringify([r.technologies, r.practices, r.skipped]);
  }

  /**
   * Re-reads one file (created or changed) and replaces its contribution. Returns whether the
   * technologies, practices or skipped entries changed (counters such as filesSeen may change
   * without it). Files the source ignores (`FileSource.ignores`) are treated as removed.
   */
  async updateFile(path: string): Promise<boolean> {
    const started = performance.now();
    const rel = normalizePath(path);
    if (!rel) return false;
    if (!staysInside(rel)) {
      if (this.refused.has(rel)) return false;
      this.refused.add(rel);
      this.cached = undefined;
      return true;
    }
    const before = this.signature();
    if (this.source.ignores && (await this.source.ignores(rel))) return this.removeFile(rel);
    const plan = this.classify(rel);
    let record: FileRecord | undefined;
    if (plan) {
      try {
        record = await processFile(this.source, rel, plan, this.maxBytes, this.inspector, this.options.signal);
      } catch (error) {
        this.options.signal?.throwIfAborted();
        if (isNotFound(error)) return this.removeFile(rel);
        throw error;
      }
    }
    this.files.add(rel);
    if (record && (record.hits.length > 0 || record.read || record.skipped)) this.store(rel, record);
    else this.forget(rel);
    this.cached = undefined;
    this.durationMs = Math.round(performance.now() - started);
    return this.signature() !== before;
  }

  /** Drops a file's contribution (or, for a folder path, every file below it). Returns whether the result changed. */
  removeFile(path: string): boolean {
    const rel = normalizePath(path);
    const before = this.signature();
    let removed = false;
    if (this.files.delete(rel)) removed = true;
    if (this.records.delete(rel)) removed = true;
    if (this.plainReads.delete(rel)) removed = true;
    if (!removed && rel) {
      const prefix = `${rel}/`;
      for (const f of [...this.files]) if (f.startsWith(prefix)) this.files.delete(f);
      for (const f of [...this.records.keys()]) {
        if (f.startsWith(prefix)) {
          this.records.delete(f);
          removed = true;
        }
      }
      for (const f of [...this.plainReads.keys()]) {
        if (f.startsWith(prefix)) {
          this.plainReads.delete(f);
          removed = true;
        }
      }
    }
    if (!removed) return false;
    this.cached = undefined;
    return this.signature() !== before;
  }

  /** The merged result (memoised until the next change). */
  /**
   * Every file that shows a technology or practice id, sorted: the whole list behind a result's
   * `evidence`, which names only a few (the views' "Show all N files").
   */
  filesOf(id: string): string[] {
    const keys = new Set([`t:${id}`, `p:${id}`]);
    const files: string[] = [];
    for (const [path, record] of this.records) {
      const shows = record.hits.some(
        (hit) => keys.has(hit.key) && (hit.requires === undefined || this.files.has(hit.requires)) && (hit.unless === undefined || !this.files.has(hit.unless)),
      );
      if (shows) files.push(path);
    }
    return files.sort();
  }

  result(): ScanResult {
    if (this.cached) return this.cached;
    const techFiles = new Map<string, EvidenceSet>();
    const practiceFiles = new Map<string, EvidenceSet>();
    let filesRead = this.plainReads.size;
    let bytesRead = 0;
    for (const bytes of this.plainReads.values()) bytesRead += bytes;
    const skipped: SkippedEntry[] = [...this.sourceSkipped];
    for (const [path, record] of this.records) {
      if (record.read) {
        filesRead++;
        bytesRead += record.bytes;
      }
      if (record.skipped) skipped.push({ path, reason: record.skipped });
      for (const hit of record.hits) {
        if (hit.requires !== undefined && !this.files.has(hit.requires)) continue;
        if (hit.unless !== undefined && this.files.has(hit.unless)) continue;
        const [kind, id] = [hit.key.slice(0, 1), hit.key.slice(2)];
        const map = kind === 't' ? techFiles : practiceFiles;
        let set = map.get(id);
        if (!set) map.set(id, (set = new EvidenceSet()));
        set.add(path, record.fixture);
      }
    }
    if (this.limitSkip) skipped.push(this.limitSkip);
    for (const path of this.refused) skipped.push({ path, reason: 'outside-root' });
    const technologies: DetectedTechnology[] = [];
    for (const id of TECHNOLOGY_IDS) {
      const set = techFiles.get(id);
      if (!set) continue;
      technologies.push({ id, evidence: set.evidence(), fileCount: set.count, fixtureOnly: set.realCount === 0 });
    }
    const practices: DetectedPractice[] = [];
    for (const id of PRACTICE_IDS) {
      const set = practiceFiles.get(id);
      if (!set) continue;
      practices.push({ id, evidence: set.evidence() });
    }
    const uniqueSkipped = [...new Map(skipped.map((s) => [`${s.path}\u0000${s.reason}`, s])).values()].sort(compareSkipped).slice(0, MAX_SKIPPED);
    this.cached = {
      root: this.source.root,
      filesSeen: this.files.size,
      filesRead,
      bytesRead,
      durationMs: this.durationMs,
      truncated: this.truncated,
      skipped: uniqueSkipped,
      technologies,
      practices,
    };
    return this.cached;
  }
}

/** Scans a source once. Rejects with an AbortError when `options.signal` aborts. */
export async function scan(source: FileSource, options: EngineOptions = {}): Promise<ScanResult> {
  return (await ScanIndex.create(source, options)).result();
}

export { classifyWith as classify, DETECTORS, MAX_EVIDENCE };
