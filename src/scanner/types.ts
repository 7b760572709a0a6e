/**
 * The scanner's contract, as `../shared/spec/detection.md` fixes it. No `vscode` import here: the
 * engine runs in plain Node (CLI, unit tests, benchmarks) and inside the extension host alike.
 */
import type { Hit } from './detectors/types';

/** One file a source can list. Paths are relative to the source's root, with `/` separators. */
export interface FileEntry {
  path: string;
  /** Size in bytes, when the source knows it without reading the file. */
  size?: number;
}

/** An entry the source or the engine passed over, with the reason a person can read. */
export interface SkippedEntry {
  path: string;
  reason: SkipReason;
}

export type SkipReason =
  | 'too-large'
  | 'binary'
  | 'unreadable'
  | 'symlink-outside-root'
  | 'symlink-loop'
  | 'file-limit'
  | 'parse-error'
  | 'invalid-name'
  /** A FIFO, socket or device where a file was expected: never opened (a read could block for ever). */
  | 'special-file'
  /** A path that would leave the root (`..` segments, absolute): refused, never read. */
  | 'outside-root'
  /** Its detectors overran the per-file time budget: abandoned, everything else found is kept. */
  | 'timeout';

/**
 * Where the files come from: the Node file system for the CLI, `workspace.fs` in VS Code.
 * `list` yields every file that is not ignored; `read` returns at most `maxBytes` from the start.
 */
export interface FileSource {
  /** Absolute path or URI string of the root, reported as `root` in the result. */
  readonly root: string;
  list(signal?: AbortSignal): AsyncIterable<FileEntry>;
  /**
   * Optional: the same entries as `list`, in the same order, in batches (fewer async steps). A
   * source that records skipped entries must end a batch before recording one, so a consumer that
   * stops inside a batch sees the skipped entries `list` would have shown it.
   */
  listBatches?(signal?: AbortSignal): AsyncIterable<FileEntry[]>;
  read(path: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array>;
  /**
   * Optional: how many reads, and how many bytes asked for, a full scan may leave in flight at once.
   * A source that reads in another thread wants many, so that thread never waits for the next
   * request. Default: 16 files, bytes unbounded (a source that reads in the caller's thread
   * finishes each read before the next is asked).
   */
  readonly readsInFlight?: { files: number; bytes: number };
  /** Entries the source itself passed over while listing (loops, unreadable folders, …). */
  skipped(): SkippedEntry[];
  /**
   * Optional: whether the source would leave this path out of `list` (ignore rules, vendored
   * folders). `ScanIndex.updateFile` asks it so a watcher event for an ignored file adds nothing.
   */
  ignores?(path: string): Promise<boolean>;
}

export interface DetectedTechnology {
  id: string;
  /** Sorted, relative, at most a handful. */
  evidence: string[];
  fileCount: number;
  fixtureOnly: boolean;
}

export interface DetectedPractice {
  id: string;
  evidence: string[];
}

export interface ScanResult {
  root: string;
  filesSeen: number;
  filesRead: number;
  bytesRead: number;
  durationMs: number;
  truncated: boolean;
  skipped: SkippedEntry[];
  technologies: DetectedTechnology[];
  practices: DetectedPractice[];
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Most files to visit before stopping with `truncated: true`. */
  maxFiles?: number;
  /** Most bytes to read from one file. */
  maxBytesPerFile?: number;
  /** Reported as each file is visited, for progress in the UI. */
  onProgress?: (filesSeen: number) => void;
  /**
   * Told, during a full scan, each time a file shows a technology or practice no file had shown
   * yet; `partial()` is the result so far, with only what no later file can take back. A view
   * shows its first rows from it long before a large folder is done (see ScanIndex.partialResult).
   */
  onFound?: (partial: () => ScanResult) => void;
  /**
   * Runs the detectors on a file's bytes. Default: in this thread. `WorkerPool.inspector` runs them
   * in worker threads with a per-file time budget, so no file can stall the caller.
   */
  inspector?: Inspector;
}

/** What the detectors made of one file's bytes. */
export interface Inspection {
  hits: Hit[];
  /** A parser failed on it (reported as `parse-error`). */
  failed: boolean;
  /** A detector needed the whole file but only its head was read (reported as `too-large`). */
  tooLarge: boolean;
}

/**
 * Runs every detector interested in `path` on its bytes (`complete`: the whole file, not a head).
 * Resolves 'timeout' when the file overran its time budget; rejects only on abort.
 */
export type Inspector = (path: string, data: Uint8Array, complete: boolean, signal?: AbortSignal, readers?: number[]) => Promise<Inspection | 'timeout'>;
