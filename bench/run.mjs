#!/usr/bin/env node
// `npm run bench [-- DIR…] [--runs=N] [--no-e2e] [--no-peer] [--profile]`: the performance budgets (BUDGET
// below: the scanner-speed issue's), measured side by side in one run. Prints a table and writes bench/results.json (raw samples).
//
//   1. scan vs the floor: `node dist/cli.js scan DIR --json` against `rg --files DIR`, process to
//      process, alternated, median of the per-pair ratios; and the in-process scan in a warm
//      process (no Node start-up, workers kept) against the same rg: over ThreadedNodeSource (the
//      folder listed and read in its worker, the detectors in this thread; the budget), as VS Code
//      runs it (the detectors in the worker pool too), and all in one thread over NodeFileSource.
//   2. against the peer: @specfy/stack-analyser's documented API against our engine, each in a
//      fresh process, time of the analysis call and of the whole process.
//   3. incremental: ScanIndex.updateFile + result() after a one-file edit (budget 5 ms).
//   4. memory: peak RSS of a CLI scan (budget 150 MB). With --profile, each tree's CPU profile:
//      the five functions with the most self time in the main thread and in the scanner worker.
//   4b. hostile files: each bait of bench/baits.mjs scanned alone by the CLI (budget: no bait file
//      slower than a plain scan of a one-file folder by more than 1 s; before the scanner-safety
//      work some took minutes).
//   4c. portfolio (bench/portfolio.mjs): a generated ledger of 200 repository records; loading it
//      (budget 30 ms) and every skill's level with its why (budget 50 ms); adding a 1,000-file
//      repository costs its one scan and a record (`--only=portfolio` runs just this part).
//   4d. the Overview (bench/overview.mjs): laying out the whole career tree as the webview does on
//      every draw (budget 50 ms), and the minified dist/webview.js (budget 250 KB).
//   5. extension: activate() inside the real VS Code host and the details panel's first render
//      (from test/e2e/run.mjs --only=integration; budgets 20 ms / 150 ms) and the minified size of
//      dist/extension.js (budget 200 KB).
//   6. VS Code on a generated 17,000-file folder (test/e2e/run.mjs --only=first-detected): the
//      Detected view's first rows (shown while the scan runs) from the folder's opening against
//      the CLI's scan of the same folder in the same run (budget 1.5x), when the view is complete,
//      the extension's own scan time and its first finding, and the Career Tree's first rows
//      before the scan ends.
//
// Trees: a generated ~50,000-file monorepo under bench/.trees/ (seeded, reused), plus any DIR
// given. Everything it needs is built first (node esbuild.mjs --production, and the engine bundle
// for in-process runs in out/bench/). Budgets are goals for this benchmark, never test assertions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeBaits } from './baits.mjs';
import { benchPortfolio } from './portfolio.mjs';
import { benchOverview } from './overview.mjs';
import { ensureTree } from './generate.mjs';
import { profileScan } from './profile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const flag = (name) => argv.includes(`--${name}`);
/** Goals: CLI ≤ 3× `rg --files` process to process, the engine ≤ 1.5× in-process, ≥ 5× faster than the peer. */
const BUDGET = { processVsRg: 3, inProcessVsRg: 1.5, peerSpeedup: 5 };
const RUNS = Math.max(3, Number(option('runs', 7)));
const PEER_RUNS = Math.max(1, Number(option('peer-runs', 3)));
const extraDirs = argv.filter((a) => !a.startsWith('--')).map((d) => path.resolve(d));
const started = Date.now();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dr-bench-'));

const log = (...a) => console.log('[bench]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function run(cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: repo, maxBuffer: 1 << 30, ...opts });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout, stderr: r.stderr?.toString() ?? '', error: r.error };
}

function child(mode, dir, ...args) {
  const out = path.join(tmp, `${mode}-${Math.random().toString(36).slice(2)}.json`);
  const r = run(process.execPath, [path.join(here, 'child.mjs'), mode, dir, ...args.map(String), out], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`bench child ${mode} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return { ...result, processMs: r.ms };
}

// ---- 0. build ------------------------------------------------------------------------------------

function build() {
  log('building: node esbuild.mjs --production');
  const r = run(process.execPath, ['esbuild.mjs', '--production'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  // The engine, the file sources and the worker pool in one bundle, minified like dist/, for
  // in-process runs (their workers start from dist/).
  esbuild.buildSync({
    stdin: {
      contents:
        "export { scan, ScanIndex } from './src/scanner/engine';\nexport { NodeFileSource } from './src/scanner/fileSource';\n" +
        "export { ThreadedNodeSource } from './src/scanner/threadedSource';\nexport { WorkerPool } from './src/scanner/workerPool';\n",
      resolveDir: repo,
      loader: 'ts',
      sourcefile: 'bench-engine.ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: path.join(repo, 'out', 'bench', 'engine.cjs'),
    logLevel: 'warning',
  });
}

// ---- 1. scan vs rg --------------------------------------------------------------------------------

function rgFiles(dir) {
  const r = run('rg', ['--files', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  if (r.error) throw new Error(`rg not found (${r.error.message}); install ripgrep`);
  return r;
}

function cliScan(dir) {
  const r = run(process.execPath, ['dist/cli.js', 'scan', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`CLI scan failed (${r.status}): ${r.stderr}`);
  return r;
}

function processVsRg(dir) {
  // Warm the page cache and both programs once, untimed.
  const rgCount = rgFiles(dir).stdout.toString().split('\n').filter(Boolean).length;
  const warm = JSON.parse(cliScan(dir).stdout.toString());
  const cli = [];
  const rg = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      rg.push(rgFiles(dir).ms);
      cli.push(cliScan(dir).ms);
    } else {
      cli.push(cliScan(dir).ms);
      rg.push(rgFiles(dir).ms);
    }
  }
  const ratios = cli.map((c, i) => c / rg[i]);
  return {
    cliMs: cli,
    rgMs: rg,
    ratios,
    ratio: median(ratios),
    cliMedian: median(cli),
    rgMedian: median(rg),
    rgFiles: rgCount,
    filesSeen: warm.filesSeen,
    filesRead: warm.filesRead,
    bytesRead: warm.bytesRead,
  };
}

function inProcessVsRg(dir) {
  const r = child('inproc', dir, RUNS + 1);
  // The first scan of a fresh process pays for JIT warm-up; it is kept in the raw samples.
  const scanMs = r.scanMs.slice(1);
  const rgMs = r.rgMs.slice(1);
  const ratios = scanMs.map((s, i) => s / rgMs[i]);
  const listMs = r.listMs.slice(1);
  const listRatios = listMs.map((l, i) => l / rgMs[i]);
  const versus = (samples) => {
    const ms = samples.slice(1);
    return { ms, median: median(ms), ratio: median(ms.map((s, i) => s / rgMs[i])) };
  };
  return {
    firstScanMs: r.scanMs[0],
    scanMs,
    rgMs,
    ratios,
    ratio: median(ratios),
    scanMedian: median(scanMs),
    rgMedian: median(rgMs),
    threaded: versus(r.threadedMs),
    vscode: versus(r.vscodeMs),
    listMs,
    listRatio: median(listRatios),
    listMedian: median(listMs),
  };
}

// ---- 2. peer -------------------------------------------------------------------------------------

function peerVsOurs(dir) {
  const peer = [];
  const ours = [];
  for (let i = 0; i < PEER_RUNS; i++) {
    // Each in a fresh process, alternating: both are measured cold, as a one-shot run is.
    if (i % 2 === 0) {
      ours.push(child('ours', dir));
      peer.push(child('peer', dir));
    } else {
      peer.push(child('peer', dir));
      ours.push(child('ours', dir));
    }
  }
  const peerMs = peer.map((p) => p.ms);
  const oursMs = ours.map((o) => o.ms);
  const peerProcessMs = peer.map((p) => p.processMs);
  const oursProcessMs = ours.map((o) => o.processMs);
  return {
    peerMs,
    oursMs,
    peerProcessMs,
    oursProcessMs,
    speedup: median(peerMs) / median(oursMs),
    processSpeedup: median(peerProcessMs) / median(oursProcessMs),
    peerTechs: peer[0].techs,
    peerComponents: peer[0].components,
  };
}

// ---- 4. memory -----------------------------------------------------------------------------------

function peakRss(dir) {
  const kb = [];
  for (let i = 0; i < 3; i++) {
    const r = run(process.execPath, ['--require', path.join(here, 'maxrss.cjs'), 'dist/cli.js', 'scan', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`peak RSS run failed: ${r.stderr}`);
    kb.push(Number(m[1]));
  }
  return { maxRssKb: kb, peakMb: Math.max(...kb) / 1024 };
}

// ---- 4b. hostile files -----------------------------------------------------------------------------

/** Each bait alone, through the CLI with its default file budget; a process still running after 60 s is killed. */
function baits() {
  const plainDir = path.join(tmp, 'plain');
  mkdirSync(plainDir, { recursive: true });
  writeFileSync(path.join(plainDir, 'Dockerfile'), 'FROM x\n');
  const once = (dir) => {
    const r = run(process.execPath, ['dist/cli.js', 'scan', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    if (r.status === null) return { ms: Infinity, skipped: [] };
    return { ms: r.ms, skipped: JSON.parse(r.stdout.toString()).skipped.map((s) => s.reason) };
  };
  const plain = median([0, 1, 2].map(() => once(plainDir).ms));
  return {
    plainMs: plain,
    baits: writeBaits(path.join(tmp, 'baits')).map((b) => {
      const samples = [0, 1, 2].map(() => once(b.dir));
      return { name: b.name, ms: median(samples.map((x) => x.ms)), skipped: samples[0].skipped };
    }),
  };
}

// ---- 5. extension --------------------------------------------------------------------------------

function bundleSizes() {
  const sizes = {};
  for (const name of ['extension.js', 'scanner.js', 'cli.js', 'webview.js']) {
    const file = path.join(repo, 'dist', name);
    if (existsSync(file)) sizes[name] = statSync(file).size;
  }
  return sizes;
}

function extensionHost() {
  const metricsFile = path.join(repo, 'test-results', 'metrics.json');
  const logFile = path.join(repo, 'test-results', 'integration.log');
  const since = Date.now();
  let ran = false;
  let note = '';
  if (!flag('no-e2e')) {
    log('extension host: node test/e2e/run.mjs --only=integration --no-build (the production build above)');
    const r = run(process.execPath, ['test/e2e/run.mjs', '--only=integration', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 6 * 60_000 });
    ran = true;
    if (r.status !== 0)
      note = `e2e exited ${r.status ?? r.error?.message}: ${(r.stdout?.toString() ?? '')
        .split('\n')
        .filter((l) => /E2E:|fail/i.test(l))
        .slice(-3)
        .join(' | ')}`;
  }
  if (!existsSync(metricsFile)) return { ran, note: note || 'no test-results/metrics.json (run without --no-e2e)' };
  const metrics = JSON.parse(readFileSync(metricsFile, 'utf8'));
  const fresh = Date.parse(metrics.date) >= since - 1000;
  const logText = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const renders = [...logText.matchAll(/\[devops-roadmap\] details first render (\d+(?:\.\d+)?) ms/g)].map((m) => Number(m[1]));
  // The webview's own share: from its document's start to its first paint (the rest is the host building the iframe).
  const webviewPaints = [...logText.matchAll(/webview document to first paint (\d+(?:\.\d+)?) ms/g)].map((m) => Number(m[1]));
  return {
    ran,
    fresh,
    note: note || (fresh ? '' : `figures from an earlier run (${metrics.date})`),
    date: metrics.date,
    activationMs: metrics.activationMs_integration ?? metrics.activationMs,
    firstRenderMs: renders,
    webviewPaintMs: webviewPaints,
  };
}

/**
 * The "In VS Code" budget: test/e2e/run.mjs --only=first-detected opens a generated 17,000-file
 * folder in code-server and times the views' first rows, the extension's own scan (as it starts and
 * once the window has settled) and the CLI's scan of the same folder, all in that one run.
 */
function firstDetected() {
  if (flag('no-e2e')) return { note: 'not run (--no-e2e)' };
  log('VS Code on a 17,000-file folder: node test/e2e/run.mjs --only=first-detected --no-build');
  const since = Date.now();
  const r = run(process.execPath, ['test/e2e/run.mjs', '--only=first-detected', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 8 * 60_000 });
  const metricsFile = path.join(repo, 'test-results', 'metrics.json');
  if (r.status !== 0 || !existsSync(metricsFile)) return { note: `e2e exited ${r.status ?? r.error?.message}` };
  const m = JSON.parse(readFileSync(metricsFile, 'utf8'));
  if (Date.parse(m.date) < since - 1000) return { note: 'no fresh figures' };
  return {
    files: m.firstDetectedFiles,
    activatedAtMs: m.firstDetectedActivatedAtMs,
    careerTreeMs: m.firstDetectedCareerTreeMs,
    detectedMs: m.firstDetectedMs,
    detectedDoneMs: m.firstDetectedDoneMs,
    scanMs: m.firstDetectedScanMs,
    firstFindingMs: m.firstDetectedFirstFindingMs,
    rescanMs: m.firstDetectedRescanMs,
    cliMs: m.firstDetectedCliMs,
  };
}

// ---- report --------------------------------------------------------------------------------------

const rows = [];
function row(measure, budget, figure, ratio, pass) {
  rows.push({ measure, budget, figure, ratio, verdict: pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS' });
}

function printTable() {
  const head = ['MEASURE', 'BUDGET', 'FIGURE', 'RATIO', 'VERDICT'];
  const cells = [head, ...rows.map((r) => [r.measure, r.budget, r.figure, r.ratio, r.verdict])];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => String(c[i]).length)));
  const line = (c) =>
    c
      .map((x, i) => String(x).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells.slice(1)) console.log(line(c));
  console.log('');
}

/** The portfolio's rows (issue 15's budgets); its figures go to results.json. */
async function portfolioRows() {
  log('portfolio: 200 generated repository records …');
  const p = await benchPortfolio(repo, RUNS * 2 + 1);
  row(
    'portfolio: load the ledger (200 files)',
    '<= 30 ms',
    `${round(p.loadMedian)} ms median (first ${Math.round(p.loadFirst)} ms)`,
    `${round(p.loadMedian / 30, 2)}x`,
    p.loadMedian <= 30,
  );
  row(
    "portfolio: every skill's level + why (200 records)",
    '<= 50 ms',
    `${round(p.levelsMedian)} ms median (first ${Math.round(p.levelsFirst)} ms)`,
    `${round(p.levelsMedian / 50, 2)}x`,
    p.levelsMedian <= 50,
  );
  row(
    'portfolio: add a 1,000-file repository',
    'one scan, nothing more',
    `scan ${Math.round(p.addScanMedian)} ms + one ledger write ${round(p.addRecordMedian)} ms`,
    `+${Math.round((100 * p.addRecordMedian) / p.addScanMedian)}%`,
    // Structural, not a time: the add is one scan plus one ledger file written (flushed, renamed).
    undefined,
  );
  return p;
}

async function main() {
  if (flag('only=portfolio')) {
    const portfolio = await portfolioRows();
    writeFileSync(
      path.join(here, 'results.json'),
      JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), portfolio, table: rows }, null, 2) + '\n',
    );
    printTable();
    return;
  }
  build();
  const tree = ensureTree(path.join(here, '.trees'), { log });
  const trees = [
    { name: `generated monorepo (${tree.files} files)`, dir: tree.dir, generated: true },
    ...extraDirs.map((d) => ({ name: path.basename(d) || d, dir: d, generated: false })),
  ];
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    rg: run('rg', ['--version']).stdout?.toString().split('\n')[0],
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    commit: run('git', ['rev-parse', '--short', 'HEAD']).stdout?.toString().trim(),
    runs: RUNS,
    trees: {},
  };
  for (const t of trees) {
    log(`${t.name}: ${t.dir}`);
    const r = (results.trees[t.dir] = { name: t.name });
    log('  CLI process vs rg --files …');
    r.process = processVsRg(t.dir);
    row(
      `scan vs rg, process (${t.name})`,
      `<= ${BUDGET.processVsRg}x rg`,
      `${Math.round(r.process.cliMedian)} ms vs ${Math.round(r.process.rgMedian)} ms`,
      `${round(r.process.ratio, 2)}x`,
      r.process.ratio <= BUDGET.processVsRg,
    );
    log('  in-process scan vs rg --files …');
    r.inProcess = inProcessVsRg(t.dir);
    row(
      `scan vs rg, in-process (${t.name})`,
      `<= ${BUDGET.inProcessVsRg}x rg`,
      `${Math.round(r.inProcess.threaded.median)} ms vs ${Math.round(r.inProcess.rgMedian)} ms`,
      `${round(r.inProcess.threaded.ratio, 2)}x`,
      r.inProcess.threaded.ratio <= BUDGET.inProcessVsRg,
    );
    row(
      `  as VS Code runs it, detectors in a worker (${t.name})`,
      `<= ${BUDGET.inProcessVsRg}x rg`,
      `${Math.round(r.inProcess.vscode.median)} ms vs ${Math.round(r.inProcess.rgMedian)} ms`,
      `${round(r.inProcess.vscode.ratio, 2)}x`,
      r.inProcess.vscode.ratio <= BUDGET.inProcessVsRg,
    );
    row(
      `  all in one thread, Node file source (${t.name})`,
      'n/a',
      `${Math.round(r.inProcess.scanMedian)} ms vs ${Math.round(r.inProcess.rgMedian)} ms`,
      `${round(r.inProcess.ratio, 2)}x`,
      undefined,
    );
    row(
      `  listing alone vs rg, in-process (${t.name})`,
      'n/a',
      `${Math.round(r.inProcess.listMedian)} ms vs ${Math.round(r.inProcess.rgMedian)} ms`,
      `${round(r.inProcess.listRatio, 2)}x`,
      undefined,
    );
    if (!flag('no-peer')) {
      log('  @specfy/stack-analyser vs ours …');
      r.peer = peerVsOurs(t.dir);
      row(
        `vs @specfy/stack-analyser, API (${t.name})`,
        `>= ${BUDGET.peerSpeedup}x faster`,
        `${Math.round(median(r.peer.oursMs))} ms vs ${Math.round(median(r.peer.peerMs))} ms`,
        `${round(r.peer.speedup, 1)}x`,
        r.peer.speedup >= BUDGET.peerSpeedup,
      );
      row(
        `vs @specfy/stack-analyser, process (${t.name})`,
        `>= ${BUDGET.peerSpeedup}x faster`,
        `${Math.round(median(r.peer.oursProcessMs))} ms vs ${Math.round(median(r.peer.peerProcessMs))} ms`,
        `${round(r.peer.processSpeedup, 1)}x`,
        r.peer.processSpeedup >= BUDGET.peerSpeedup,
      );
    }
    if (t.generated) {
      log('  incremental update …');
      r.incremental = child('incremental', t.dir);
      const ms = r.incremental.samples.map((s) => s.ms);
      r.incremental.median = median(ms);
      r.incremental.p90 = quantile(ms, 0.9);
      r.incremental.max = Math.max(...ms);
      row(
        'incremental: updateFile + result()',
        '<= 5 ms',
        `${round(r.incremental.median, 2)} ms median, p90 ${round(r.incremental.p90, 2)}, max ${round(r.incremental.max, 2)}`,
        `${round(r.incremental.median / 5, 2)}x`,
        r.incremental.median <= 5,
      );
    }
    if (flag('profile')) {
      r.profile = profileScan(repo, t.dir);
      for (const thread of r.profile) {
        log(`  profile, ${thread.thread} thread: ${Math.round(thread.busyMs)} ms busy`);
        for (const f of thread.top) log(`    ${String(Math.round(f.ms)).padStart(5)} ms  ${f.name}`);
      }
    }
    log('  peak RSS …');
    r.memory = peakRss(t.dir);
    row(`peak RSS, CLI scan (${t.name})`, '<= 150 MB', `${Math.round(r.memory.peakMb)} MB`, `${round(r.memory.peakMb / 150, 2)}x`, r.memory.peakMb <= 150);
  }
  results.portfolio = await portfolioRows();
  log('overview: the whole career tree laid out …');
  results.overview = benchOverview(repo, RUNS * 2 + 1);
  const ov = results.overview;
  row(
    `overview: lay out the tree (${ov.boxes} boxes, ${ov.edges} edges)`,
    '<= 50 ms',
    `${round(ov.medianMs)} ms median (first ${Math.round(ov.firstMs)} ms), ${Math.round(ov.width)}×${Math.round(ov.height)} px`,
    `${round(ov.medianMs / 50, 2)}x`,
    ov.medianMs <= 50,
  );
  log('hostile files: each bait of bench/baits.mjs alone …');
  results.baits = baits();
  for (const b of results.baits.baits) {
    const extra = b.ms - results.baits.plainMs;
    row(
      `bait: ${b.name}`,
      '<= 1 s over a plain scan',
      `${Math.round(b.ms)} ms${b.skipped.length ? ` (skipped: ${b.skipped.join(', ')})` : ''}`,
      `+${Math.round(extra)} ms`,
      extra <= 1000,
    );
  }
  results.bundles = bundleSizes();
  const ext = results.bundles['extension.js'];
  row('dist/extension.js, minified', '<= 200 KB', `${round(ext / 1024)} KB`, `${round(ext / 1024 / 200, 2)}x`, ext <= 200 * 1024);
  const webview = results.bundles['webview.js'];
  if (webview !== undefined) row('dist/webview.js, minified', '<= 250 KB', `${round(webview / 1024)} KB`, `${round(webview / 1024 / 250, 2)}x`, webview <= 250 * 1024);
  results.extension = extensionHost();
  const e = results.extension;
  const suffix = e.note ? ` (${e.note})` : '';
  row(
    'activate() in the VS Code host',
    '<= 20 ms',
    e.activationMs !== undefined ? `${e.activationMs} ms${suffix}` : `n/a${suffix}`,
    e.activationMs !== undefined ? `${round(e.activationMs / 20, 2)}x` : '',
    e.activationMs !== undefined ? e.activationMs <= 20 : undefined,
  );
  const render = e.firstRenderMs?.length ? e.firstRenderMs[0] : undefined;
  row(
    'details panel: open to first render',
    '<= 150 ms',
    render !== undefined ? `${render} ms${e.firstRenderMs.length > 1 ? ` (later: ${e.firstRenderMs.slice(1).join(', ')} ms)` : ''}` : 'n/a',
    render !== undefined ? `${round(render / 150, 2)}x` : '',
    render !== undefined ? render <= 150 : undefined,
  );
  const paint = e.webviewPaintMs?.length ? e.webviewPaintMs[0] : undefined;
  row(
    '  of which the webview (document to first paint)',
    '<= 150 ms',
    paint !== undefined ? `${paint} ms` : 'n/a',
    paint !== undefined ? `${round(paint / 150, 2)}x` : '',
    paint !== undefined ? paint <= 150 : undefined,
  );
  results.firstDetected = firstDetected();
  const f = results.firstDetected;
  if (f.detectedMs === undefined) row('VS Code, 17k-file folder: Detected view first rows', '<= 1.5x CLI scan', `n/a (${f.note})`, '', undefined);
  else {
    const tree = `${f.files} files`;
    row(
      `VS Code, ${tree}: Detected view first rows, from the folder opening`,
      '<= 1.5x CLI scan',
      `${f.detectedMs} ms vs ${f.cliMs} ms`,
      `${round(f.detectedMs / f.cliMs, 2)}x`,
      f.detectedMs <= 1.5 * f.cliMs,
    );
    row(`  of which: the extension activated at`, 'n/a', `${f.activatedAtMs} ms`, '', undefined);
    row(`  of which: the scan's first finding, from its start`, 'n/a', `${f.firstFindingMs} ms`, '', undefined);
    row(`VS Code, ${tree}: Detected view complete (the scan done)`, 'n/a', `${f.detectedDoneMs} ms vs ${f.cliMs} ms`, `${round(f.detectedDoneMs / f.cliMs, 2)}x`, undefined);
    row(
      `  of which: the extension's scan, as the window starts`,
      '<= 1.5x CLI scan',
      `${f.scanMs} ms vs ${f.cliMs} ms`,
      `${round(f.scanMs / f.cliMs, 2)}x`,
      f.scanMs <= 1.5 * f.cliMs,
    );
    row(
      `VS Code, ${tree}: the same scan once the window has settled`,
      '<= 1.5x CLI scan',
      `${f.rescanMs} ms vs ${f.cliMs} ms`,
      `${round(f.rescanMs / f.cliMs, 2)}x`,
      f.rescanMs <= 1.5 * f.cliMs,
    );
    row(`VS Code, ${tree}: Career Tree first rows`, 'before the scan ends', `${f.careerTreeMs} ms vs ${f.detectedDoneMs} ms`, '', f.careerTreeMs < f.detectedDoneMs);
  }
  results.table = rows;
  results.totalMs = Date.now() - started;
  writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  printTable();
  log(
    `raw samples in bench/results.json; ${round(results.totalMs / 1000)} s in all (load average ${os
      .loadavg()
      .map((x) => round(x, 2))
      .join(' ')})`,
  );
}

main()
  .catch((error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
