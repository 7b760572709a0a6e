#!/usr/bin/env node
// Makes a fresh clone ready for `npm test` and `npm start`, with nothing run before them:
//
//   - the system packages the tests and the VS Code host need, when missing: Chromium (the browser
//     the UI checks drive; `npm test` only), and for installing code-server into .vscode-host/
//     (skipped once it is installed): ripgrep, the Kerberos headers (libkrb5-dev), a C++ toolchain
//     (build-essential) and python3. As root they are installed with apt-get, without asking; with
//     passwordless sudo likewise; otherwise it stops with the one command to run.
//   - the npm dependencies (`npm ci`), when node_modules is missing or older than package-lock.json.
//
//   node scripts/prepare.mjs --for=test     (npm's `pretest`)
//   node scripts/prepare.mjs --for=start    (scripts/start.mjs calls prepare('start') first)
//
// It runs before node_modules exists, so it uses Node's built-ins only. The decisions are pure
// functions (npmInstallReason, npmPlan, missingPackages, installPlan), unit-tested in test/unit/scripts/.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHostInstalled } from './install-host.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.log(`[prepare] ${line}`);

/**
 * Why `npm ci` must run, or undefined when node_modules is current. Times are mtimes in ms,
 * undefined when the file is missing. `marker` is node_modules/.package-lock.json, which npm writes
 * last on every install.
 * @param {{ nodeModules: boolean, marker?: number, lock?: number }} state
 * @returns {string | undefined}
 */
export function npmInstallReason({ nodeModules, marker, lock }) {
  if (!nodeModules) return 'node_modules is missing';
  if (lock === undefined) return undefined;
  if (marker === undefined) return 'node_modules was not installed by npm from package-lock.json';
  if (marker < lock) return 'node_modules is older than package-lock.json';
  return undefined;
}

/**
 * What to do about node_modules: `{ ci: reason }` to run `npm ci`, `{ warn }` when it is stale but a
 * symbolic link (`npm ci` would empty the folder it points to, which belongs to another checkout),
 * or undefined when it is current.
 * @param {{ nodeModules: boolean, linked?: boolean, marker?: number, lock?: number }} state
 * @returns {undefined | { ci: string } | { warn: string }}
 */
export function npmPlan(state) {
  const reason = npmInstallReason(state);
  if (!reason) return undefined;
  if (state.linked)
    return { warn: `${reason}, but node_modules is a symbolic link: not running npm ci through it (it would empty the linked folder); run npm ci where it points if needed` };
  return { ci: reason };
}

/**
 * The apt packages (Debian/Ubuntu names) missing for `purpose`, in a fixed order.
 * @param {{ purpose: 'test' | 'start', hostInstalled: boolean, has: { chromium: boolean, ripgrep: boolean, krb5: boolean, toolchain: boolean, python3: boolean } }} input
 * @returns {string[]}
 */
export function missingPackages({ purpose, hostInstalled, has }) {
  const missing = [];
  if (purpose === 'test' && !has.chromium) missing.push('chromium');
  // Needed only to build code-server's native modules when .vscode-host/ is installed.
  if (!hostInstalled) {
    if (!has.ripgrep) missing.push('ripgrep');
    if (!has.krb5) missing.push('libkrb5-dev');
    if (!has.toolchain) missing.push('build-essential');
    if (!has.python3) missing.push('python3');
  }
  return missing;
}

/**
 * How to install `packages`: the commands to run (as root, or through passwordless sudo), or the
 * one command for the user to run when this process cannot.
 * @param {string[]} packages
 * @param {{ root: boolean, sudo: boolean, aptGet: boolean }} machine
 * @returns {undefined | { run: [string, string[]][] } | { ask: string }}
 */
export function installPlan(packages, { root, sudo, aptGet }) {
  if (packages.length === 0) return undefined;
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  if (!aptGet) {
    return { ask: `install these packages (Debian/Ubuntu names) with your package manager, then run again: ${packages.join(' ')}` };
  }
  if (root)
    return {
      run: [
        ['apt-get', ['update']],
        ['apt-get', install],
      ],
    };
  if (sudo)
    return {
      run: [
        ['sudo', ['-n', 'apt-get', 'update']],
        ['sudo', ['-n', 'apt-get', ...install]],
      ],
    };
  return { ask: `sudo sh -c 'apt-get update && apt-get ${install.join(' ')}'` };
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return undefined;
}

function lstatOrUndefined(file) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** What this machine has, by the files the tests and the host install actually use. */
function machineHas() {
  return {
    chromium: existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    ripgrep: !!which('rg'),
    krb5: process.platform !== 'linux' || existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/krb5.h'),
    toolchain: !!which('make') && !!(which('g++') || which('c++')),
    python3: !!which('python3'),
  };
}

function canSudo() {
  if (!which('sudo')) return false;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Runs a command in the foreground; throws when it fails. Ctrl-C reaches it from the terminal. */
function run(cmd, args, env = process.env) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.signal) throw Object.assign(new Error(`${cmd} stopped by ${result.signal}`), { signal: result.signal });
  if (result.error) throw new Error(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Installs what is missing for `purpose` ('test' or 'start'). Throws an Error whose message says
 * what to do when it cannot.
 * @param {'test' | 'start'} purpose
 */
export function prepare(purpose) {
  const packages = missingPackages({ purpose, hostInstalled: isHostInstalled(), has: machineHas() });
  const how = installPlan(packages, { root: process.getuid?.() === 0, sudo: packages.length > 0 && canSudo(), aptGet: !!which('apt-get') });
  if (how && 'ask' in how) throw new Error(`system packages are missing: ${packages.join(', ')}. Run:\n\n  ${how.ask}\n`);
  if (how) {
    log(`installing system packages: ${packages.join(' ')}`);
    for (const [cmd, args] of how.run) run(cmd, args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  }

  const nodeModules = path.join(repoRoot, 'node_modules');
  const npm = npmPlan({
    nodeModules: existsSync(nodeModules),
    linked: lstatOrUndefined(nodeModules)?.isSymbolicLink() ?? false,
    marker: mtime(path.join(nodeModules, '.package-lock.json')),
    lock: mtime(path.join(repoRoot, 'package-lock.json')),
  });
  if (npm && 'warn' in npm) log(npm.warn);
  if (npm && 'ci' in npm) {
    log(`${npm.ci}: npm ci`);
    // Inside `npm test`, the npm that runs us; otherwise the one on PATH.
    const cli = process.env.npm_execpath;
    const [cmd, args] = cli && /npm-cli\.[cm]?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
    run(cmd, [...args, 'ci', '--no-audit', '--no-fund']);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const purpose = process.argv.find((a) => a.startsWith('--for='))?.slice('--for='.length) ?? 'test';
  if (purpose !== 'test' && purpose !== 'start') {
    console.error(`prepare: --for must be test or start, not ${purpose}`);
    process.exit(2);
  }
  try {
    prepare(purpose);
  } catch (error) {
    console.error(`prepare: ${error.message}`);
    process.exit(error.signal === 'SIGINT' ? 130 : 1);
  }
}
