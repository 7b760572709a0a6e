/**
 * The worker thread local folders are listed and read in (bundled as `dist/folderWorker.js`, driven
 * by `ThreadedNodeSource` through folderThread.ts): the Node file source's walk and reads, with their
 * synchronous calls, `.gitignore` rules and symlink checks, run where a slow disk or a huge tree
 * blocks nobody, on the second core while the caller judges what was read. Reads are answered
 * between listing batches. One worker serves every listing of the process, each by its number.
 */
import { parentPort } from 'node:worker_threads';
import { NodeFileSource } from './fileSource';
import { excludeMatcher } from './excludeGlobs';
import { errorReport, type ErrorReport, type FolderReply, type FolderRequest, type ReadJob } from './folderProtocol';

/** A chunk of answers is posted once it holds this many files or bytes, so the caller starts early. */
const CHUNK_FILES = 64;
const CHUNK_BYTES = 1024 * 1024;

const port = parentPort;
/** The folders being listed or read, by listing number. */
const folders = new Map<number, NodeFileSource>();
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

port?.on('message', (request: FolderRequest) => {
  if (request.type === 'list') void list(request.listing, request.root, request.exclude);
  else if (request.type === 'close') folders.delete(request.listing);
  else void read(request.listing, request.jobs);
});

async function list(listing: number, root: string, exclude: string[]): Promise<void> {
  if (!port) return;
  const walker = new NodeFileSource(root, { exclude: excludeMatcher(exclude) });
  folders.set(listing, walker);
  try {
    let told = 0;
    for await (const batch of walker.listBatches()) {
      if (folders.get(listing) !== walker) return;
      const skipped = walker.skipped();
      port.postMessage({ type: 'batch', listing, paths: batch.map((e) => e.path), skipped: skipped.slice(told) } satisfies FolderReply);
      told = skipped.length;
      // Read requests wait for the walk to hand the thread back: let them in after every batch.
      await breathe();
    }
    port.postMessage({ type: 'done', listing, skipped: walker.skipped().slice(told) } satisfies FolderReply);
  } catch (error) {
    port.postMessage({ type: 'error', listing, error: errorReport(error) } satisfies FolderReply);
  }
}

async function read(listing: number, jobs: ReadJob[]): Promise<void> {
  const source = folders.get(listing);
  let ids: number[] = [];
  let parts: Uint8Array[] = [];
  let failures: (ErrorReport | null)[] = [];
  let bytes = 0;
  const post = () => {
    const data = new Uint8Array(bytes);
    const ends: number[] = [];
    let end = 0;
    for (const part of parts) {
      data.set(part, end);
      ends.push((end += part.length));
    }
    port?.postMessage({ type: 'read', listing, ids, ends, failures, data: data.buffer } satisfies FolderReply, [data.buffer]);
    ids = [];
    parts = [];
    failures = [];
    bytes = 0;
  };
  for (const [id, path, maxBytes] of jobs) {
    ids.push(id);
    try {
      if (!source) throw new Error('the folder was closed');
      const head = await source.read(path, maxBytes);
      parts.push(head);
      failures.push(null);
      bytes += head.length;
    } catch (error) {
      parts.push(EMPTY);
      failures.push(errorReport(error));
    }
    if (ids.length >= CHUNK_FILES || bytes >= CHUNK_BYTES) post();
  }
  if (ids.length > 0) post();
}

const EMPTY = new Uint8Array(0);
