/**
 * The worker thread a folder is listed in (bundled as `dist/listWorker.js`, driven by
 * `ThreadedNodeSource`): the Node file source's walk, with its synchronous calls, `.gitignore` rules
 * and symlink checks, run where a slow disk or a huge tree blocks nobody. It answers one request
 * with batches of paths, each with the entries passed over before it, then `done`.
 */
import { parentPort } from 'node:worker_threads';
import { NodeFileSource } from './fileSource';
import { excludeMatcher, type ListReply, type ListRequest } from './threadedSource';

const port = parentPort;
port?.once('message', async (request: ListRequest) => {
  try {
    const source = new NodeFileSource(request.root, { exclude: excludeMatcher(request.exclude) });
    let told = 0;
    for await (const batch of source.listBatches()) {
      const skipped = source.skipped();
      port.postMessage({ type: 'batch', paths: batch.map((e) => e.path), skipped: skipped.slice(told) } satisfies ListReply);
      told = skipped.length;
    }
    port.postMessage({ type: 'done', skipped: source.skipped().slice(told) } satisfies ListReply);
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) } satisfies ListReply);
  }
});
