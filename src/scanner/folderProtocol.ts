/**
 * The messages between ThreadedNodeSource and the folder worker (folderWorker.ts). One worker serves
 * every listing of the process, each named by its `listing` number: a `list`, any number of `read`s,
 * then `close`. The worker answers the listing in batches and the reads in chunks, each chunk's
 * bytes in one transferred buffer.
 */
import type { SkippedEntry } from './types';

export type FolderRequest =
  | {
      type: 'list';
      listing: number;
      root: string;
      /** Globs (picomatch, dot files included) of paths left out; a matching folder is not entered. */
      exclude: string[];
    }
  /** Heads of files, each `[id, path relative to the root, at most this many bytes]`. */
  | { type: 'read'; listing: number; jobs: ReadJob[] }
  /** Stop walking if still walking, and forget the folder (every read asked was answered, or is moot). */
  | { type: 'close'; listing: number };

export type ReadJob = [id: number, path: string, maxBytes: number];

/**
 * An error sent across: a listing's failure, or why a read was refused, with the `code` and
 * `skipReason` the engine reads (see `refusal` in fileSource.ts).
 */
export interface ErrorReport {
  message: string;
  code?: string;
  skipReason?: string;
}

/** The report of an error thrown in the worker. */
export function errorReport(error: unknown): ErrorReport {
  const { code, skipReason } = (error ?? {}) as { code?: unknown; skipReason?: unknown };
  return {
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof skipReason === 'string' ? { skipReason } : {}),
  };
}

/** The error again, on the caller's side. */
export function errorFrom(report: ErrorReport): Error {
  return Object.assign(new Error(report.message), report.code ? { code: report.code } : {}, report.skipReason ? { skipReason: report.skipReason } : {});
}

/** The listing's answers: batches of paths, each with the entries passed over before them, then `done` or `error`. */
export type ListingReply =
  | { type: 'batch'; listing: number; paths: string[]; skipped: SkippedEntry[] }
  | { type: 'done'; listing: number; skipped: SkippedEntry[] }
  | { type: 'error'; listing: number; error: ErrorReport };

export type FolderReply =
  | ListingReply
  /**
   * Answers to read jobs: file `ids[i]` is `data[ends[i-1] .. ends[i]]` (from 0 for the first), or,
   * where `failures[i]` is set, was refused with that error.
   */
  | { type: 'read'; listing: number; ids: number[]; ends: number[]; failures: (ErrorReport | null)[]; data: ArrayBuffer };
