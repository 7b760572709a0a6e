/**
 * The scanner's worker pool as the web build runs it (vscode.dev, github.dev): threads.web.ts starts
 * the detectors in a real Web Worker, in real Chromium, from a blob URL of the web worker bundle as
 * shipped (dist/web/scanWorker.js, built here in memory). It answers as the in-thread detectors do,
 * and a file that never finishes costs its time budget: the worker is terminated and replaced, and
 * the next file is answered.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webBuilds, webTwins } from '../../../scripts/web-build.mjs';
import { classify } from '../../../src/scanner/detectors/registry';
import { inspectInThread } from '../../../src/scanner/inspect';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://devops-roadmap.test/';

const FILES = {
  Dockerfile: 'FROM golang AS b\nFROM alpine\nCOPY --from=b /x /x\n',
  'k8s/np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\n',
  'stuck/values.yaml': 'x: 1\n',
};

async function bundle(options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false, logLevel: 'silent', outdir: 'out/web-pool-test' });
  return result.outputFiles[0].text;
}

const inThread = (file: keyof typeof FILES) => inspectInThread(classify(file)!, new TextEncoder().encode(FILES[file]), true);

describe('scanner worker pool on the web (a real Web Worker in Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let home: string;
  let workerScript: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip(); // npm test installs it (scripts/prepare.mjs)
    const worker = webBuilds({ bundle: true, minify: true, legalComments: 'none' }).find((o) => JSON.stringify(o.entryPoints).includes('scanWorker'))!;
    workerScript = await bundle(worker);
    // The pool as the web build compiles it: workerPool.ts with threads.web.ts.
    const pool = await bundle({
      stdin: { contents: "import { WorkerPool } from './workerPool';\n(globalThis as any).WorkerPool = WorkerPool;", resolveDir: path.join(ROOT, 'src', 'scanner'), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      plugins: [webTwins],
    });
    home = mkdtempSync(path.join(tmpdir(), 'dr-web-pool-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, HOME: home },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.route(ORIGIN, (route) => route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>pool</title>' }));
    await page.goto(ORIGIN);
    // Counts the Web Workers running (started and not terminated), to see the stuck one go.
    await page.addScriptTag({
      content: `(() => {
        const Native = Worker;
        globalThis.runningWorkers = 0;
        globalThis.Worker = class extends Native {
          constructor(...args) { super(...args); globalThis.runningWorkers++; }
          terminate() { globalThis.runningWorkers--; super.terminate(); }
        };
      })();`,
    });
    await page.addScriptTag({ content: pool });
  });
  after(async () => {
    await browser?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  /** Runs the files through a pool of one Web Worker, one after another; the worker stalls on `stallOn`. */
  function run(files: (keyof typeof FILES)[], stallOn = '') {
    return page.evaluate(
      async ({ script, files, stallOn }) => {
        const url = URL.createObjectURL(new Blob([`self.DEVOPS_ROADMAP_TEST_STALL_ON = ${JSON.stringify(stallOn)};\n${script}`], { type: 'text/javascript' }));
        const { WorkerPool } = globalThis as unknown as { WorkerPool: typeof import('../../../src/scanner/workerPool').WorkerPool };
        const pool = new WorkerPool({ script: url, fileBudgetMs: 1000, size: 1 });
        try {
          const outcomes = [];
          for (const [name, text] of files) outcomes.push(await pool.inspector(name, new TextEncoder().encode(text), true));
          const running = (globalThis as unknown as { runningWorkers: number }).runningWorkers;
          return { outcomes, timeouts: pool.timeouts, started: pool.started, running };
        } finally {
          pool.dispose();
        }
      },
      { script: workerScript, files: files.map((name) => [name, FILES[name]] as const), stallOn },
    );
  }

  it('answers each file with what the in-thread detectors find', async () => {
    const { outcomes, timeouts } = await run(['Dockerfile', 'k8s/np.yaml']);
    assert.deepEqual(outcomes, [inThread('Dockerfile'), inThread('k8s/np.yaml')]);
    assert.equal(timeouts, 0);
  });

  it('a file that never finishes times out; its worker is replaced and the next file is answered', async () => {
    const { outcomes, timeouts, started, running } = await run(['Dockerfile', 'stuck/values.yaml', 'k8s/np.yaml'], 'values.yaml');
    assert.deepEqual(outcomes, [inThread('Dockerfile'), 'timeout', inThread('k8s/np.yaml')]);
    assert.equal(timeouts, 1);
    assert.ok(started >= 2, 'a new worker took over');
    assert.equal(running, 1, 'the stuck worker was terminated; only the one that answered last runs');
  });
});
