/**
 * The scanner's contract, as `../shared/spec/detection.md` fixes it. No `vscode` import here: the
 * engine runs in plain Node (CLI, unit tests, benchmarks) and inside the extension host alike.
 */

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
  | 'too-deep'
  | 'file-limit'
  | 'parse-error'
  | 'invalid-name';

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
}
