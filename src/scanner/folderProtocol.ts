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

/** Why a read was refused, as NodeFileSource.read throws it (the engine reads `code` and `skipReason`). */
export interface ReadFailure {
  message: string;
  code?: string;
  skipReason?: string;
}

export type FolderReply =
  /** A batch of paths, with the entries passed over before them. */
  | { type: 'batch'; listing: number; paths: string[]; skipped: SkippedEntry[] }
  | { type: 'done'; listing: number; skipped: SkippedEntry[] }
  | { type: 'error'; listing: number; message: string; code?: string }
  /**
   * Answers to read jobs: file `ids[i]` is `data[ends[i-1] .. ends[i]]` (from 0 for the first), or,
   * where `failures[i]` is set, was refused with that error.
   */
  | { type: 'read'; listing: number; ids: number[]; ends: number[]; failures: (ReadFailure | null)[]; data: ArrayBuffer };
