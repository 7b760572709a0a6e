#!/usr/bin/env node
// `npm run test:electron`: the same integration suites as `npm run test:e2e`, in VS Code desktop via
// @vscode/test-electron. That downloads VS Code (into .vscode-test/) from update.code.visualstudio.com,
// so it is for machines with internet access (a laptop, a public CI); on Linux without a display run
// it under xvfb-run. Offline, use `npm run test:e2e` (code-server from npm + Chromium).
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron   use an installed VS Code, no download
//   VSCODE_VERSION=1.90.0 npm run test:electron             a given version (default: stable)
//   npm run test:electron -- --extension=DIR                another extension folder (default: this repo)
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildIntegration } from './build-integration.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionArg = process.argv.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);
const extensionPath = path.resolve(extensionArg ?? repoRoot);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30 * 60_000);

const watchdog = setTimeout(() => {
  console.error(`test:electron: no result within ${TIMEOUT_MS / 1000} s; giving up`);
  process.exit(1);
}, TIMEOUT_MS);

async function main() {
  const { bundle, suites } = await buildIntegration({ quiet: true });
  console.log(`[electron] integration bundle: ${path.relative(repoRoot, bundle)} (${suites.join(', ')})`);
  const main = JSON.parse(await readFile(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (main && !existsSync(path.join(extensionPath, main))) {
    console.error(`test:electron: ${main} is missing in ${extensionPath}; run \`npm run build\` first`);
    return 1;
  }
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'devops-roadmap-electron-'));
  const workspace = path.join(runDir, 'workspace');
  await cp(path.join(repoRoot, 'demo', 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(repoRoot, 'test-results', 'electron-integration.json');
  await rm(resultsFile, { force: true });

  let code;
  try {
    code = await runTests({
      version: process.env.VSCODE_VERSION || undefined,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: bundle,
      extensionTestsEnv: { DEVOPS_ROADMAP_TEST_RESULTS: resultsFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(runDir, 'user-data')],
    });
  } catch (err) {
    const text = String(err?.message ?? err);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|download|fetch failed|getaddrinfo|Failed to get JSON/i.test(text)) {
      // The one line a person needs: why, and what to run instead.
      console.error(
        `test:electron: cannot download VS Code here (${text.split('\n')[0].slice(0, 160)}); set VSCODE_EXECUTABLE to an installed VS Code, or run \`npm run test:e2e\` (offline, code-server)`,
      );
      return 1;
    }
    if (typeof err === 'number' || /exit code|Failed/i.test(text)) code = typeof err === 'number' ? err : 1;
    else throw err;
  } finally {
    await rm(runDir, { recursive: true, force: true }).catch(() => {});
  }

  const summary = existsSync(resultsFile) ? JSON.parse(await readFile(resultsFile, 'utf8')) : undefined;
  const passed = summary?.passes ?? 0;
  const failed = summary?.failures ?? (code === 0 ? 0 : 1);
  console.log(`Electron: ${passed} passed, ${failed} failed`);
  return code === 0 && passed > 0 && failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    clearTimeout(watchdog);
    process.exit(code);
  },
  (err) => {
    clearTimeout(watchdog);
    console.error(`test:electron: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
