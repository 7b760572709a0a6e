#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code (code-server), offline.
//
//   1. bundles the integration suites (test/integration/*.test.ts) into out/integration/index.js
//      and the extension (node esbuild.mjs);
//   2. installs code-server into .vscode-host/ when missing (scripts/install-host.mjs);
//   3. integration: code-server on a temp copy of demo/workspace with the extension in development
//      mode and the suites as `extensionTestsPath`; Chromium opens the workbench, the extension
//      host's console arrives through `codeAutomationLog`, the result through `codeAutomationExit`;
//   4. UI: a fresh code-server, Chromium clicks through the views, commands and webviews and takes
//      screenshots (one file per check in test/e2e/ui/);
//   4b. first-detected: a generated 17,000-file folder opened in code-server, the Career Tree's and
//      the Detected view's first rows timed against the CLI's scan of it (./firstDetected.mjs);
//   5. prints `E2E: <n> passed, <m> failed` and exits 1 on any failure or when nothing ran.
//
// Options (after `npm run test:e2e --`):
//   --only=integration|ui|first-detected
//                             run one part
//   --extension=<path>        load another extension folder (default: this repo)
//   --no-build                skip `node esbuild.mjs` (the extension bundle)
//   --update-screenshots      copy the screenshots into media/screenshots/ for the README
//   --headed                  show the browser (needs a display)
// Environment: E2E_TIMEOUT_MS (whole run, default 20 min), E2E_KEEP_TMP=1 (keep temp dirs),
// DEVOPS_ROADMAP_TEST_GREP (mocha grep for the integration suites).
// Artifacts in test-results/: integration.log, integration.json, ui.log, *.png, metrics.json, e2e.json.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureHost } from '../../scripts/install-host.mjs';
import { buildIntegration, buildWebIntegration } from './build-integration.mjs';
import { repoRoot, startHost, stopAllHosts } from './host.mjs';
import { uiContext } from './ui/context.mjs';
import { poll } from './ui/helpers.mjs';
import { CHECKS, WEB_CHECKS } from './ui/index.mjs';
import { measureFirstDetected, title as firstDetectedTitle } from './firstDetected.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const only = option('only');
const extensionPath = path.resolve(option('extension') ?? repoRoot);
const resultsDir = path.join(repoRoot, 'test-results');
const demoWorkspace = path.join(repoRoot, 'demo', 'workspace');
const screenshotNames = ['tree.png', 'details.png', 'overview.png', 'search.png', 'progress.png', 'specialisation.png', 'sidebar-narrow.png'];
const webScreenshotNames = ['web-details.png', 'web-search.png', 'web-detected.png'];
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20 * 60_000);
const INTEGRATION_TIMEOUT_MS = Number(process.env.E2E_INTEGRATION_TIMEOUT_MS ?? 6 * 60_000);
const UI_CHECK_TIMEOUT_MS = 45_000;
const ACTIVATION_RE = /\[devops-roadmap\] activated in (\d+(?:\.\d+)?) ms/;

export const chromiumOptions = (home) => ({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !flag('headed'),
  env: { ...process.env, HOME: home },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

/** Every test counted in the final line: integration tests and UI checks. */
const results = [];
const metrics = {};
const started = Date.now();

// eslint-disable-next-line no-control-regex -- terminal colour codes in playwright's messages
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

function record(part, title, error, extra = {}) {
  const message = error ? stripAnsi(String(error?.message ?? error)).trim() : undefined;
  results.push({ part, title, state: error ? 'failed' : 'passed', ...(message ? { error: message } : {}), ...extra });
  console.log(`  ${error ? '✗' : '✓'} [${part}] ${title}${message ? `\n      ${message.split('\n').join('\n      ')}` : ''}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

function noteActivation(line, source) {
  const m = ACTIVATION_RE.exec(line);
  if (m && metrics[`activationMs_${source}`] === undefined) metrics[`activationMs_${source}`] = Number(m[1]);
}

// ---------------------------------------------------------------------------------------------
// Integration suites inside the extension host
// ---------------------------------------------------------------------------------------------
/**
 * A `git` that logs each call and runs the real git, so a suite
 * can check whether the extension started git at all (the untrusted-workspace run must not).
 */
async function gitSpy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'devops-roadmap-gitspy-'));
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  await writeFile(path.join(dir, 'git'), `#!/bin/sh\necho "$*" >> "$GIT_SPY_LOG"\nexec ${realGit} "$@"\n`, { mode: 0o755 });
  const logFile = path.join(dir, 'calls.log');
  await writeFile(logFile, '');
  process.on('exit', () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  // code-server rebuilds the extension host's PATH from the login shell, so the spy is named by
  // VS Code's `git.path` setting, which the extension honours like the built-in Git extension.
  return { gitPath: path.join(dir, 'git'), env: { GIT_SPY_LOG: logFile, DEVOPS_ROADMAP_REAL_GIT: realGit } };
}

/** The extension's id, as `remote.extensionKind` names it. */
const EXTENSION_ID = 'devops-roadmap.devops-roadmap';
/** code-server runs the extension's `browser` entry in its web worker extension host, as vscode.dev does. */
const WEB_HOST_SETTINGS = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
/** The web suites' counts arrive as one console line (test/integration/webIndex.ts): no file system there. */
const WEB_RESULTS_PREFIX = '[integration-results] ';

async function runIntegration(browser, bundle, variant = { name: 'integration', untrusted: false, web: false }) {
  const { untrusted, web } = variant;
  console.log(`\n== ${variant.name}: suites in the ${web ? 'web worker ' : ''}extension host of code-server${untrusted ? ' (workspace not trusted)' : ''}`);
  const logFile = path.join(resultsDir, `${variant.name}.log`);
  const jsonFile = path.join(resultsDir, `${variant.name}.json`);
  await rm(jsonFile, { force: true });
  await writeFile(logFile, '');
  const log = (line) => {
    console.log(`  | ${line}`);
    void appendFile(logFile, `${line}\n`);
  };

  const partStarted = Date.now();
  const spy = await gitSpy();
  const host = await startHost({
    label: variant.name,
    copyFolder: demoWorkspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: bundle,
    untrusted,
    settings: { 'git.path': spy.gitPath, ...(web ? WEB_HOST_SETTINGS : {}) },
    env: {
      DEVOPS_ROADMAP_TEST_RESULTS: jsonFile,
      // The scanner's worker spins for ever on files of this name (test/integration/hostile.test.ts).
      DEVOPS_ROADMAP_TEST_STALL_ON: 'stall-bait.yaml',
      ...spy.env,
      // The untrusted run holds only the suite written for it; the trusted run skips that suite.
      ...(untrusted ? { DEVOPS_ROADMAP_TEST_GREP: 'untrusted workspace' } : {}),
    },
    onOutput: (line) => void appendFile(logFile, `[code-server] ${line}\n`),
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let webResults;
    let settle;
    const exited = new Promise((resolve) => {
      settle = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args])).replace(/%c/g, '');
      for (const line of text.split('\n')) {
        if (line.startsWith(WEB_RESULTS_PREFIX)) {
          webResults = line.slice(WEB_RESULTS_PREFIX.length);
          continue;
        }
        noteActivation(line, web ? 'web' : 'integration');
        log(type === 'error' || type === 'warn' ? `${type}: ${line}` : line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('pageerror', (err) => void appendFile(logFile, `[page error] ${err.message}\n`));
    await page.goto(host.workbenchUrl);
    const code = await withTimeout(
      Promise.race([
        exited,
        host.exited.then((c) => {
          throw new Error(`code-server exited (${c}) before the tests finished`);
        }),
      ]),
      INTEGRATION_TIMEOUT_MS,
      'integration suites',
    );
    metrics[web ? 'integrationWebMs' : 'integrationMs'] = Date.now() - partStarted;
    if (webResults) await writeFile(jsonFile, webResults);

    const summary = existsSync(jsonFile) ? JSON.parse(await readFile(jsonFile, 'utf8')) : undefined;
    if (summary) {
      for (const test of summary.tests) {
        if (test.state !== 'pending') record(variant.name, test.title, test.state === 'failed' ? test.error : undefined, { durationMs: test.durationMs });
      }
    }
    if (code !== 0 && !summary?.failures) {
      record(variant.name, 'the integration suites load and run', new Error(`extension host reported exit code ${code} (see test-results/${variant.name}.log)`));
    } else if (!summary) {
      record(variant.name, 'the integration suites report their results', new Error(`no test-results/${variant.name}.json was written`));
    }
  } catch (err) {
    record(variant.name, 'the integration suites finish', err);
  } finally {
    await context.close().catch(() => {});
    await host.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// UI checks with Chromium
// ---------------------------------------------------------------------------------------------
/**
 * The UI checks: `ui` with the extension in the Node extension host; `ui-web` with a few checks in
 * the web worker extension host (as on vscode.dev), their screenshots named web-*.png.
 */
async function runUi(browser, variant = { name: 'ui', checks: CHECKS, web: false }) {
  const { name, checks, web } = variant;
  console.log(`\n== ${name}: Chromium drives the workbench${web ? ' (the extension in the web worker host)' : ''}`);
  const logFile = path.join(resultsDir, `${name}.log`);
  await writeFile(logFile, '');
  const partStarted = Date.now();
  const host = await startHost({
    label: name,
    copyFolder: demoWorkspace,
    extensionDevelopmentPath: extensionPath,
    ...(web ? { settings: WEB_HOST_SETTINGS } : {}),
    onOutput: (line) => void appendFile(logFile, `[code-server] ${line}\n`),
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (msg) => {
    const text = msg.text();
    noteActivation(text, name);
    void appendFile(logFile, `[console.${msg.type()}] ${text}\n`);
  });
  page.on('pageerror', (err) => void appendFile(logFile, `[page error] ${err.message}\n`));
  const base = uiContext(page, resultsDir, logFile);
  const ui = web ? { ...base, shot: (file) => base.shot(`web-${file}`) } : base;

  try {
    await page.goto(host.workbenchUrl);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    if (!web) metrics.workbenchReadyMs = Date.now() - partStarted;
    let broken = false;
    for (const { title, run: check } of checks) {
      if (broken) {
        record(name, title, new Error('skipped: the workbench is gone'));
        continue;
      }
      try {
        await withTimeout(check(ui), UI_CHECK_TIMEOUT_MS, title);
        record(name, title);
      } catch (err) {
        const slug = title
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase()
          .slice(0, 60);
        await page.screenshot({ path: path.join(resultsDir, `failed-${web ? 'web-' : ''}${slug}.png`) }).catch(() => {
          broken = true;
        });
        record(name, title, err);
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
    // The extension host's console reaches the page's console in development mode; give it a moment.
    if (metrics[`activationMs_${name}`] === undefined) await poll(() => metrics[`activationMs_${name}`] !== undefined, { timeout: 2000 }).catch(() => {});
  } catch (err) {
    record(name, 'the workbench loads', err);
    await page.screenshot({ path: path.join(resultsDir, `failed-${name}-workbench.png`) }).catch(() => {});
  } finally {
    metrics[`${name}Ms`] = Date.now() - partStarted;
    await context.close().catch(() => {});
    await host.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// A large folder, timed (figures for `npm run bench`, no timed assertion)
// ---------------------------------------------------------------------------------------------
async function runFirstDetected(browser) {
  console.log('\n== first-detected: a generated 17,000-file folder in code-server, the first rows of the views timed');
  const partStarted = Date.now();
  try {
    const f = await withTimeout(measureFirstDetected(browser, { extensionPath, resultsDir }), 5 * 60_000, 'first-detected');
    Object.assign(metrics, {
      firstDetectedFiles: f.files,
      firstDetectedCareerTreeMs: f.careerTreeMs,
      firstDetectedMs: f.detectedMs,
      firstDetectedDoneMs: f.detectedDoneMs,
      firstDetectedCliMs: f.cliMs,
      firstDetectedActivatedAtMs: f.activatedAtMs,
      firstDetectedScanMs: f.firstScanMs,
      firstDetectedFirstFindingMs: f.firstFindingMs,
      firstDetectedRescanMs: f.rescanMs,
    });
    record('first-detected', firstDetectedTitle, undefined, f);
    console.log(
      `  ${f.files} files: activated at ${f.activatedAtMs} ms, Career Tree ${f.careerTreeMs} ms, Detected view first rows ${f.detectedMs} ms and all ${f.detectedDoneMs} ms after the folder opened (the scan ${f.firstScanMs} ms of it, its first finding at ${f.firstFindingMs} ms); a rescan once settled ${f.rescanMs} ms; CLI scan ${f.cliMs} ms`,
    );
  } catch (err) {
    record('first-detected', firstDetectedTitle, err);
  } finally {
    metrics.firstDetectedPartMs = Date.now() - partStarted;
  }
}

// ---------------------------------------------------------------------------------------------
async function main() {
  // Remove only what this run writes: another part may have been run on its own just before.
  await mkdir(resultsDir, { recursive: true });
  const stale = ['e2e.json', 'metrics.json'];
  const runs = (part) => only === undefined || only === part;
  if (runs('first-detected')) stale.push('first-detected.log', 'first-detected.png');
  if (runs('integration'))
    stale.push('integration.log', 'integration.json', 'integration-untrusted.log', 'integration-untrusted.json', 'integration-web.log', 'integration-web.json');
  if (runs('ui')) stale.push('ui.log', 'ui-web.log', ...screenshotNames, ...webScreenshotNames);
  for (const name of await readdir(resultsDir)) {
    if (stale.includes(name) || (runs('ui') && name.startsWith('failed-'))) await rm(path.join(resultsDir, name), { force: true });
  }

  const { bundle, suites } = await buildIntegration({ quiet: true });
  console.log(`[e2e] integration bundle: ${path.relative(repoRoot, bundle)} (${suites.join(', ')})`);
  const webIntegration = await buildWebIntegration({ quiet: true });
  console.log(`[e2e] web integration bundle: ${path.relative(repoRoot, webIntegration.bundle)} (${webIntegration.suites.join(', ')})`);
  if (!flag('no-build') && extensionPath === repoRoot) await run(process.execPath, ['esbuild.mjs']);
  const mainFile = JSON.parse(await readFile(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (mainFile && !existsSync(path.join(extensionPath, mainFile)))
    throw new Error(`the extension's main ${mainFile} is missing in ${extensionPath}; build it first (node esbuild.mjs)`);
  console.log(`[e2e] extension under test: ${extensionPath}`);

  const installStarted = Date.now();
  const host = await ensureHost();
  if (host.installed) metrics.hostInstallMs = Date.now() - installStarted;

  const browserHome = await mkdtemp(path.join(os.tmpdir(), 'devops-roadmap-chromium-'));
  process.on('exit', () => {
    try {
      rmSync(browserHome, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  });
  const browser = await chromium.launch(chromiumOptions(browserHome));
  try {
    if (runs('integration')) {
      await runIntegration(browser, bundle);
      await runIntegration(browser, bundle, { name: 'integration-untrusted', untrusted: true });
      await runIntegration(browser, webIntegration.bundle, { name: 'integration-web', web: true });
    }
    if (runs('ui')) {
      await runUi(browser);
      await runUi(browser, { name: 'ui-web', checks: WEB_CHECKS, web: true });
    }
    if (runs('first-detected')) await runFirstDetected(browser);
  } finally {
    await browser.close().catch(() => {});
    await rm(browserHome, { recursive: true, force: true }).catch(() => {});
  }

  if (flag('update-screenshots')) {
    const target = path.join(repoRoot, 'media', 'screenshots');
    await mkdir(target, { recursive: true });
    for (const name of screenshotNames) {
      if (existsSync(path.join(resultsDir, name))) {
        await copyFile(path.join(resultsDir, name), path.join(target, name));
        console.log(`[e2e] media/screenshots/${name} updated`);
      }
    }
  }
}

const watchdog = setTimeout(() => {
  console.error(`[e2e] global time limit of ${TOTAL_TIMEOUT_MS / 1000} s reached; stopping`);
  record('e2e', 'finishes within the global time limit', new Error('timed out'));
  void finish(1);
}, TOTAL_TIMEOUT_MS);

let finished = false;
async function finish(forcedCode) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  await stopAllHosts().catch(() => {});
  metrics.totalMs = Date.now() - started;
  const activation = metrics.activationMs_integration ?? metrics.activationMs_ui;
  if (activation !== undefined) metrics.activationMs = activation;
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.filter((r) => r.state === 'failed').length;
  await mkdir(resultsDir, { recursive: true }).catch(() => {});
  await writeFile(path.join(resultsDir, 'metrics.json'), JSON.stringify({ date: new Date().toISOString(), ...metrics }, null, 2) + '\n').catch(() => {});
  await writeFile(path.join(resultsDir, 'e2e.json'), JSON.stringify({ passed, failed, results }, null, 2) + '\n').catch(() => {});
  if (failed) {
    console.log('\nFailures:');
    for (const r of results.filter((x) => x.state === 'failed')) console.log(`  ✗ [${r.part}] ${r.title}`);
  }
  console.log(`\n[e2e] ${(metrics.totalMs / 1000).toFixed(1)} s; activation: ${activation !== undefined ? `${activation} ms` : 'not seen'}; artifacts in test-results/`);
  if (passed + failed === 0) console.log('[e2e] no tests ran');
  console.log(`E2E: ${passed} passed, ${failed} failed`);
  process.exit(forcedCode ?? (failed > 0 || passed === 0 ? 1 : 0));
}

main().then(
  () => finish(),
  (err) => {
    record('e2e', 'the e2e run sets up', err);
    void finish(1);
  },
);
