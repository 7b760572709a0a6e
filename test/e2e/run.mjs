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
//      screenshots;
//   5. prints `E2E: <n> passed, <m> failed` and exits 1 on any failure or when nothing ran.
//
// Options (after `npm run test:e2e --`):
//   --only=integration|ui     run one part
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
import { buildIntegration } from './build-integration.mjs';
import { repoRoot, startHost, stopAllHosts } from './host.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const only = option('only');
const extensionPath = path.resolve(option('extension') ?? repoRoot);
const resultsDir = path.join(repoRoot, 'test-results');
const demoWorkspace = path.join(repoRoot, 'demo', 'workspace');
const screenshotNames = ['tree.png', 'details.png', 'overview.png', 'search.png', 'progress.png'];
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
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms); }),
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
  process.on('exit', () => { try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ } });
  // code-server rebuilds the extension host's PATH from the login shell, so the spy is named by
  // VS Code's `git.path` setting, which the extension honours like the built-in Git extension.
  return { gitPath: path.join(dir, 'git'), env: { GIT_SPY_LOG: logFile, DEVOPS_ROADMAP_REAL_GIT: realGit } };
}

async function runIntegration(browser, bundle, variant = { name: 'integration', untrusted: false }) {
  const untrusted = variant.untrusted;
  console.log(`\n== ${variant.name}: suites in the extension host of code-server${untrusted ? ' (workspace not trusted)' : ''}`);
  const logFile = path.join(resultsDir, `${variant.name}.log`);
  const jsonFile = path.join(resultsDir, `${variant.name}.json`);
  await rm(jsonFile, { force: true });
  await writeFile(logFile, '');
  const log = (line) => { console.log(`  | ${line}`); void appendFile(logFile, `${line}\n`); };

  const partStarted = Date.now();
  const spy = await gitSpy();
  const host = await startHost({
    label: variant.name,
    copyFolder: demoWorkspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: bundle,
    untrusted,
    settings: { 'git.path': spy.gitPath },
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
    let settle;
    const exited = new Promise((resolve) => { settle = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args])).replace(/%c/g, '');
      for (const line of text.split('\n')) {
        noteActivation(line, 'integration');
        log(type === 'error' || type === 'warn' ? `${type}: ${line}` : line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('pageerror', (err) => void appendFile(logFile, `[page error] ${err.message}\n`));
    await page.goto(host.workbenchUrl);
    const code = await withTimeout(Promise.race([exited, host.exited.then((c) => { throw new Error(`code-server exited (${c}) before the tests finished`); })]), INTEGRATION_TIMEOUT_MS, 'integration suites');
    metrics.integrationMs = Date.now() - partStarted;

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
async function poll(fn, { timeout = 20_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) { last = err; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}${last ? ` (last error: ${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

const quickInput = (page) => page.locator('.quick-input-widget');
const quickInputBox = (page) => page.locator('.quick-input-widget .quick-input-box input');
const quickRows = (page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

/** Waits until the quick input shows a row containing `text`, then picks the first such row. */
async function pickQuickRow(page, text) {
  await poll(async () => (await quickRows(page).filter({ hasText: text }).count()) > 0, { message: `a quick-pick row containing "${text}"` });
  const first = (await quickRows(page).first().textContent()) ?? '';
  if (first.includes(text)) await page.keyboard.press('Enter');
  else await quickRows(page).filter({ hasText: text }).first().click();
}

/** F1, `>title`, Enter. */
async function runCommand(page, title) {
  // F1 while an earlier quick pick is still closing lands in that widget; wait until it is gone.
  await poll(async () => !(await quickInput(page).isVisible()), { timeout: 10_000, message: 'the previous quick input to close' });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 }, force: true }).catch(() => {});
  await page.keyboard.press('F1');
  await quickInputBox(page).waitFor({ state: 'visible' });
  await quickInputBox(page).fill(`>${title}`);
  const command = title.split(': ').pop();
  await pickQuickRow(page, command);
}

/** After a command opened its own quick pick: waits for it (no longer the `>` command list), types `text`. */
/**
 * `expect` is text of the extension's own quick pick (its title or placeholder): right after a
 * command runs, the closing command palette is still visible with an empty value and would
 * otherwise take the typing.
 */
async function typeInQuickPick(page, text, expect) {
  let state = '';
  try {
    await poll(async () => {
      const visible = await quickInput(page).isVisible();
      const value = visible ? await quickInputBox(page).inputValue() : '';
      const label = visible ? `${await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '')} ${(await quickInputBox(page).getAttribute('placeholder')) ?? ''}` : '';
      state = `visible: ${visible}, value: ${JSON.stringify(value)}, title/placeholder: ${JSON.stringify(label.trim())}`;
      return visible && !value.startsWith('>') && label.includes(expect);
    }, { message: `the extension's quick pick "${expect}"` });
  } catch (err) {
    throw new Error(`${err.message} (last seen ${state})`, { cause: err });
  }
  await quickInputBox(page).fill(text);
}

/** The (webview) frame that has `selector`, optionally with text matching `predicate`. */
async function findFrame(page, selector, { predicate, timeout = 20_000, message } = {}) {
  return poll(async () => {
    for (const frame of page.frames()) {
      try {
        const loc = frame.locator(selector);
        if ((await loc.count()) === 0) continue;
        if (!predicate || predicate(await loc.first().innerText())) return frame;
      } catch { /* detached while looking */ }
    }
    return undefined;
  }, { timeout, message: message ?? `a frame with ${selector}` });
}

async function runUi(browser) {
  console.log('\n== ui: Chromium drives the workbench');
  const logFile = path.join(resultsDir, 'ui.log');
  await writeFile(logFile, '');
  const partStarted = Date.now();
  const host = await startHost({
    label: 'ui',
    copyFolder: demoWorkspace,
    extensionDevelopmentPath: extensionPath,
    onOutput: (line) => void appendFile(logFile, `[code-server] ${line}\n`),
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (msg) => {
    const text = msg.text();
    noteActivation(text, 'ui');
    void appendFile(logFile, `[console.${msg.type()}] ${text}\n`);
  });
  page.on('pageerror', (err) => void appendFile(logFile, `[page error] ${err.message}\n`));
  // Screenshots are for people (and the README): no hover tooltips, no mouse over a row.
  const shot = async (name) => {
    await page.mouse.move(1000, 700);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(resultsDir, name) });
  };
  /** Widens the side bar so that the tree's labels and descriptions fit (best effort). */
  const widenSideBar = async () => {
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (!sidebar || sidebar.width >= 480) return;
    const x = sidebar.x + sidebar.width;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x - 1, y);
    await page.mouse.down();
    await page.mouse.move(x + 200, y, { steps: 8 });
    await page.mouse.up();
  };

  const checks = [
    ['the activity bar entry "DevOps Roadmap" opens the Career Tree with its stages', async () => {
      const icon = page.locator('.activitybar .action-item a[aria-label^="DevOps Roadmap"]');
      await icon.first().waitFor({ state: 'visible', timeout: 30_000 });
      await icon.first().click();
      await poll(async () => (await page.locator('.part.sidebar').getByText(/Career Tree/i).count()) > 0, { message: 'the "Career Tree" view title in the side bar' });
      await page.getByRole('treeitem').filter({ hasText: 'Junior DevOps Engineer' }).first().waitFor({ state: 'visible' });
      await widenSideBar().catch(() => {});
    }],
    ['expanding "Junior DevOps Engineer" shows its skills', async () => {
      const row = page.getByRole('treeitem', { name: /^Junior DevOps Engineer/ }).first();
      await row.waitFor({ state: 'visible' });
      const before = await page.getByRole('treeitem').count();
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        const twistie = row.locator('.monaco-tl-twistie');
        if (await twistie.count()) await twistie.click();
        else { await row.click(); await page.keyboard.press('ArrowRight'); }
      }
      await poll(async () => (await row.getAttribute('aria-expanded')) === 'true', { message: 'the stage row to expand' });
      await poll(async () => (await page.getByRole('treeitem').count()) > before, { message: `more than ${before} tree rows` });
      await shot('tree.png');
    }],
    ['"DevOps Roadmap: Search the Roadmap" finds Terraform, reveals it in the tree and opens its details', async () => {
      await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
      await typeInQuickPick(page, 'Terraform', 'Search the DevOps Roadmap');
      await poll(async () => (await quickRows(page).filter({ hasText: 'Terraform' }).count()) > 0, { message: 'a search result "Terraform"' });
      await shot('search.png');
      await pickQuickRow(page, 'Terraform');
      await poll(async () => (await page.locator('[role="treeitem"][aria-selected="true"]').filter({ hasText: 'Terraform' }).count()) > 0, { message: 'a selected tree row containing "Terraform"' });
      await findFrame(page, '[data-testid="details-title"]', { message: 'the details webview' });
    }],
    ['"DevOps Roadmap: Open Stage…" Junior shows title, salaries and skills in the details webview', async () => {
      await runCommand(page, 'DevOps Roadmap: Open Stage…');
      await typeInQuickPick(page, 'Junior DevOps Engineer', 'Open a stage');
      await pickQuickRow(page, 'Junior DevOps Engineer');
      const frame = await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.includes('Junior'), message: 'a details title containing "Junior"' });
      const salary = await frame.locator('[data-testid="salary"]').first().innerText();
      for (const amount of ['£40,000', '$65,000']) {
        if (!salary.includes(amount)) throw new Error(`salary "${salary.replace(/\s+/g, ' ')}" lacks ${amount}`);
      }
      const skills = await frame.locator('[data-testid="skills"] li').count();
      if (skills === 0) throw new Error('no [data-testid="skills"] li items');
      await shot('details.png');
    }],
    ['"DevOps Roadmap: Show Overview" draws the career tree (svg with more than 5 nodes)', async () => {
      await runCommand(page, 'DevOps Roadmap: Show Overview');
      const frame = await findFrame(page, '[data-testid="overview"] svg', { message: 'the overview svg' });
      const nodes = await poll(async () => { const n = await frame.locator('[data-testid="overview"] svg [data-node-id]').count(); return n > 5 ? n : 0; }, { message: 'more than 5 [data-node-id] elements in the overview' });
      await appendFile(logFile, `[check] overview nodes: ${nodes}\n`);
      await shot('overview.png');
    }],
    ['marking a skill done in the details webview updates the tree row and the status bar', async () => {
      await runCommand(page, 'DevOps Roadmap: Set My Current Stage…');
      await typeInQuickPick(page, 'Junior DevOps Engineer', 'Which stage are you at?');
      await pickQuickRow(page, 'Junior DevOps Engineer');
      const status = page.locator('.statusbar-item').filter({ hasText: /DevOps: Junior → Mid/ });
      await status.first().waitFor({ state: 'visible' });
      await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
      await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
      await pickQuickRow(page, 'Linux in depth');
      const frame = await findFrame(page, '[data-mark="done"]', { message: 'the mark buttons of a skill page' });
      await frame.locator('[data-mark="done"]').first().click();
      await poll(async () => (await frame.locator('[data-mark="done"][aria-pressed="true"]').count()) > 0, { message: 'the Done button to show pressed' });
      await poll(async () => (await page.locator('[role="treeitem"]').filter({ hasText: /Linux in depth.*done/ }).count()) > 0, { message: 'a tree row "Linux in depth … done"' });
      await runCommand(page, 'DevOps Roadmap: Show My Progress');
      await findFrame(page, '[data-testid="progress-page"]', { message: 'the My Progress page' });
      await shot('progress.png');
    }],
    ['a failure reaches the user as one short notification with one action; details go to the log', async () => {
      await runCommand(page, 'DevOps Roadmap: Export Skills Report');
      // The web workbench's save dialog is a quick input holding a path; /proc takes no new files.
      await poll(async () => (await quickInput(page).isVisible()) && (await quickInputBox(page).inputValue()).includes('/'), { message: 'the save dialog' });
      await quickInputBox(page).fill('/proc/devops-skills-report.md');
      await page.waitForTimeout(500); // the dialog lists the folder as the path is typed
      await page.locator('.quick-input-widget .monaco-button').filter({ hasText: /^OK$/ }).first().click();
      const toast = page.locator('.notification-toast').filter({ hasText: 'skills report could not be written' });
      await toast.first().waitFor({ state: 'visible' });
      if ((await toast.count()) !== 1) throw new Error(`${await toast.count()} notifications for one failure`);
      const text = await toast.first().innerText();
      if (/\n\s*at\s|Error:|EACCES|ENOENT/.test(text)) throw new Error(`the notification shows technical details: ${JSON.stringify(text)}`);
      const actions = toast.first().locator('.notification-list-item-buttons-container .monaco-button');
      if ((await actions.count()) !== 1) throw new Error(`${await actions.count()} actions on the notification`);
      await actions.first().click();
      await poll(async () => (await page.locator('.part.panel .monaco-editor').filter({ hasText: 'could not be written' }).count()) > 0, { message: 'the DevOps Roadmap log with the error' });
      const log = await page.locator('.part.panel .monaco-editor').filter({ hasText: 'could not be written' }).first().innerText();
      if (!/E(ACCES|NOENT|PERM|ROFS)|rror/.test(log)) throw new Error(`the log lacks the error's details: ${JSON.stringify(log.slice(0, 300))}`);
      await page.keyboard.press('Escape');
    }],
    ['a note on a skill survives a window reload', async () => {
      const note = `Practised on the payments team ${Date.now()}`;
      await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
      await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
      await pickQuickRow(page, 'Linux in depth');
      await findFrame(page, '[data-mark="done"]', { message: 'the skill page' });
      await runCommand(page, 'DevOps Roadmap: Edit Skill Note…');
      await typeInQuickPick(page, 'Linux in depth', 'Which skill?');
      await pickQuickRow(page, 'Linux in depth');
      await poll(async () => (await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '')).includes('Note on'), { message: 'the note input box' });
      await quickInputBox(page).fill(note);
      await page.keyboard.press('Enter');
      await findFrame(page, '[data-testid="note"]', { predicate: (t) => t.includes(note), message: 'the note in the details webview' });
      // The web workbench writes extension state to IndexedDB on a short delay; a reload within the
      // same second can lose the last write (a code-server limit, not ours), so pause as a person would.
      await page.waitForTimeout(2500);
      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
      await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
      await pickQuickRow(page, 'Linux in depth');
      await findFrame(page, '[data-testid="note"]', { predicate: (t) => t.includes(note), message: 'the note after the reload', timeout: 30_000 });
    }],
  ];

  try {
    await page.goto(host.workbenchUrl);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    metrics.workbenchReadyMs = Date.now() - partStarted;
    let broken = false;
    for (const [title, check] of checks) {
      if (broken) { record('ui', title, new Error('skipped: the workbench is gone')); continue; }
      try {
        await withTimeout(check(), UI_CHECK_TIMEOUT_MS, title);
        record('ui', title);
      } catch (err) {
        const slug = title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);
        await page.screenshot({ path: path.join(resultsDir, `failed-${slug}.png`) }).catch(() => { broken = true; });
        record('ui', title, err);
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
    // The extension host's console reaches the page's console in development mode; give it a moment.
    if (metrics.activationMs_ui === undefined) await poll(() => metrics.activationMs_ui !== undefined, { timeout: 2000 }).catch(() => {});
  } catch (err) {
    record('ui', 'the workbench loads', err);
    await page.screenshot({ path: path.join(resultsDir, 'failed-workbench.png') }).catch(() => {});
  } finally {
    metrics.uiMs = Date.now() - partStarted;
    await context.close().catch(() => {});
    await host.stop();
  }
}

// ---------------------------------------------------------------------------------------------
async function main() {
  // Remove only what this run writes: another part may have been run on its own just before.
  await mkdir(resultsDir, { recursive: true });
  const stale = ['e2e.json', 'metrics.json'];
  if (only !== 'ui') stale.push('integration.log', 'integration.json', 'integration-untrusted.log', 'integration-untrusted.json');
  if (only !== 'integration') stale.push('ui.log', ...screenshotNames);
  for (const name of await readdir(resultsDir)) {
    if (stale.includes(name) || (only !== 'integration' && name.startsWith('failed-'))) await rm(path.join(resultsDir, name), { force: true });
  }

  const { bundle, suites } = await buildIntegration({ quiet: true });
  console.log(`[e2e] integration bundle: ${path.relative(repoRoot, bundle)} (${suites.join(', ')})`);
  if (!flag('no-build') && extensionPath === repoRoot) await run(process.execPath, ['esbuild.mjs']);
  const mainFile = JSON.parse(await readFile(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (mainFile && !existsSync(path.join(extensionPath, mainFile))) throw new Error(`the extension's main ${mainFile} is missing in ${extensionPath}; build it first (node esbuild.mjs)`);
  console.log(`[e2e] extension under test: ${extensionPath}`);

  const installStarted = Date.now();
  const host = await ensureHost();
  if (host.installed) metrics.hostInstallMs = Date.now() - installStarted;

  const browserHome = await mkdtemp(path.join(os.tmpdir(), 'devops-roadmap-chromium-'));
  process.on('exit', () => { try { rmSync(browserHome, { recursive: true, force: true }); } catch { /* best effort */ } });
  const browser = await chromium.launch(chromiumOptions(browserHome));
  try {
    if (only !== 'ui') {
      await runIntegration(browser, bundle);
      await runIntegration(browser, bundle, { name: 'integration-untrusted', untrusted: true });
    }
    if (only !== 'integration') await runUi(browser);
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

main().then(() => finish(), (err) => {
  record('e2e', 'the e2e run sets up', err);
  void finish(1);
});
