#!/usr/bin/env node
// Installs the VS Code that the integration and UI tests run in: code-server (npm package) into
// `.vscode-host/code-server-<version>/`, the way @vscode/test-electron caches VS Code under
// `.vscode-test/`. Does nothing when the folder already holds a completed install (marker file).
//
//   node scripts/install-host.mjs            install if missing, print the path
//   node scripts/install-host.mjs --force    reinstall from scratch
//
// The traps handled here (see /work/shared/testing-in-vscode.md):
//  1. code-server's postinstall.sh refuses to run as root unless npm_config_unsafe_perm=true.
//  2. @vscode/ripgrep's postinstall downloads rg from GitHub; we seed its download cache
//     ($TMPDIR/vscode-ripgrep-cache-<version>/<asset>.tar.gz) with the system's rg (apt ripgrep).
//  3. node-pty's postinstall runs `npx node-gyp`; npx must not ask (npm_config_yes=true).
//  4. Native modules compile with node-gyp against the local Node headers (kerberos needs
//     libkrb5-dev); nodedir is pointed at /usr when the headers are there.
//  5. npm 11 blocks dependency install scripts unless package.json `allowScripts` lists them. The
//     install runs in steps so that the list can be written from the lockfiles that ship inside
//     code-server (only packages that declare an install script and can run on this OS):
//       a. `npm install --ignore-scripts` of code-server in the cache folder;
//       b. `allowScripts` into lib/vscode/package.json, `npm install --ignore-scripts` there;
//       c. seed the ripgrep cache, `npm rebuild` in lib/vscode (builds the native modules);
//       d. `npm rebuild` at the top: argon2 and code-server's postinstall (symlinks, extensions).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, copyFile, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const hostRoot = path.join(repoRoot, '.vscode-host');
export const hostDir = path.join(hostRoot, `code-server-${CODE_SERVER_VERSION}`);
const marker = path.join(hostDir, '.installed');
const lockFile = path.join(hostRoot, `code-server-${CODE_SERVER_VERSION}.lock`);

/** Where code-server's entry point is, once installed. */
export const codeServerDir = path.join(hostDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');

const log = (line) => console.log(`[install-host] ${line}`);

class HostInstallError extends Error {}

export function isHostInstalled() {
  return existsSync(marker) && existsSync(codeServerEntry);
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return undefined;
}

/** Checks the machine for what the install needs, and says how to get it. */
function checkPrerequisites() {
  const problems = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) problems.push(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version})`);
  if (!which('rg')) problems.push('ripgrep is missing: apt-get install -y ripgrep');
  if (!which('make') || !(which('g++') || which('c++'))) problems.push('a C++ toolchain is missing: apt-get install -y build-essential');
  if (!which('python3')) problems.push('python3 is missing (node-gyp needs it): apt-get install -y python3');
  if (process.platform === 'linux' && !existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) {
    problems.push('Kerberos headers are missing (the kerberos module compiles against them): apt-get install -y libkrb5-dev');
  }
  const prefix = path.dirname(path.dirname(process.execPath));
  const headers = [
    process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include', 'node', 'node.h'),
    path.join(prefix, 'include', 'node', 'node.h'),
    path.join(process.env.HOME ?? '/root', '.cache', 'node-gyp', process.versions.node, 'include', 'node', 'node.h'),
  ].filter(Boolean);
  if (!headers.some((h) => existsSync(h))) {
    problems.push(
      `Node's C headers are missing (node-gyp would download them from nodejs.org); looked for ${headers.join(', ')} — install Node from a package that ships them (e.g. NodeSource's nodejs) or set npm_config_nodedir`,
    );
  }
  if (problems.length) {
    throw new HostInstallError(`cannot install code-server:\n  - ${problems.join('\n  - ')}`);
  }
}

function run(cmd, args, { cwd, env, label }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    log(`${label}: ${cmd} ${args.join(' ')}  (in ${path.relative(repoRoot, cwd) || '.'})`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (process.env.INSTALL_HOST_VERBOSE) console.log(`    ${line}`);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        log(`${label}: done in ${secs} s`);
        resolve();
      } else {
        reject(new HostInstallError(`${label} failed (exit ${code ?? signal}) after ${secs} s; last output:\n${tail.map((l) => `    ${l}`).join('\n')}`));
      }
    });
  });
}

/**
 * Packages in a lockfile that declare an install script and can run here. Name-only entries: the
 * versions are fixed by code-server's shrinkwrap anyway, and pinned `name@version` entries were not
 * matched by npm 11.19 here (with `omit-lockfile-registry-resolved`, `npm install-scripts approve`
 * itself replaced a pin by the bare name).
 */
async function scriptPackages(lockPath) {
  const lock = JSON.parse(await readFile(lockPath, 'utf8'));
  const allowed = {};
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key || !entry.hasInstallScript) continue;
    if (entry.os && !entry.os.includes(process.platform)) continue;
    if (entry.cpu && !entry.cpu.includes(process.arch)) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // Dev-only entries are never installed here (--omit=dev): deny them rather than leave them unreviewed.
    allowed[name] = !entry.dev;
  }
  return allowed;
}

async function addAllowScripts(packageJsonPath, allowed) {
  const pkg = JSON.parse(await readFile(packageJsonPath, 'utf8'));
  pkg.allowScripts = { ...(pkg.allowScripts ?? {}), ...allowed };
  await writeFile(packageJsonPath, JSON.stringify(pkg, null, 2) + '\n');
}

/** Puts the system's rg where @vscode/ripgrep's postinstall looks before it downloads. */
async function seedRipgrepCache(ripgrepDir, tmpDir, env) {
  const pkg = JSON.parse(await readFile(path.join(ripgrepDir, 'package.json'), 'utf8'));
  const postinstall = await readFile(path.join(ripgrepDir, 'lib', 'postinstall.js'), 'utf8');
  const rgVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!rgVersion) throw new HostInstallError(`cannot read the rg release from ${ripgrepDir}/lib/postinstall.js`);
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (process.platform !== 'linux' || !target) throw new HostInstallError(`the ripgrep cache seeding supports linux x64/arm64, not ${process.platform}/${process.arch}`);
  const asset = `ripgrep-${rgVersion}-${target}.tar.gz`;
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${pkg.version}`);
  await mkdir(cacheDir, { recursive: true });
  const staging = path.join(tmpDir, 'rg-staging');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await copyFile(which('rg'), path.join(staging, 'rg'));
  await run('tar', ['czf', path.join(cacheDir, asset), '-C', staging, 'rg'], { cwd: repoRoot, env, label: `ripgrep cache (${asset} from ${which('rg')})` });
}

async function withLock(fn) {
  await mkdir(hostRoot, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      let alive = false;
      try {
        if (holder) {
          process.kill(holder, 0);
          alive = true;
        }
      } catch {
        /* not running */
      }
      if (!alive) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new HostInstallError(`another install (pid ${holder}) holds ${lockFile}`);
      log(`waiting for another install (pid ${holder})…`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

/**
 * Installs code-server if it is not installed yet. Returns its folder and entry point.
 * @param {{ force?: boolean }} [options]
 */
export async function ensureHost({ force = false } = {}) {
  if (!force && isHostInstalled()) return { dir: codeServerDir, entry: codeServerEntry, installed: false };
  return withLock(async () => {
    if (!force && isHostInstalled()) return { dir: codeServerDir, entry: codeServerEntry, installed: false };
    checkPrerequisites();
    const started = Date.now();
    log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(repoRoot, hostDir)}/ (about 1-2 minutes, ~300 MB)`);
    await rm(hostDir, { recursive: true, force: true });
    const tmpDir = path.join(hostRoot, 'tmp');
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(tmpDir, { recursive: true });
    await mkdir(hostDir, { recursive: true });

    const env = {
      ...process.env,
      TMPDIR: tmpDir,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_progress: 'false',
      // The allow-lists below are complete: an install script that is not on them fails the install
      // (npm 11 otherwise skips or merely warns, depending on the version), so nothing unreviewed runs.
      npm_config_strict_allow_scripts: 'true',
    };
    // node-gyp would otherwise download Node's headers from nodejs.org.
    if (!env.npm_config_nodedir && existsSync(path.join(path.dirname(path.dirname(process.execPath)), 'include', 'node', 'node.h'))) {
      env.npm_config_nodedir = path.dirname(path.dirname(process.execPath));
    }
    delete env.npm_config_ignore_scripts;
    delete env.npm_config_dangerously_allow_all_scripts;

    await writeFile(
      path.join(hostDir, 'package.json'),
      JSON.stringify(
        {
          name: 'devops-roadmap-vscode-host',
          private: true,
          description: 'The VS Code (code-server) that the tests of devops-roadmap run in. Generated by scripts/install-host.mjs.',
          dependencies: { 'code-server': CODE_SERVER_VERSION },
        },
        null,
        2,
      ) + '\n',
    );

    // a. code-server and its own dependencies, no scripts yet.
    await run('npm', ['install', '--ignore-scripts', '--no-save'], { cwd: hostDir, env, label: 'a. download code-server' });
    await addAllowScripts(path.join(hostDir, 'package.json'), {
      'code-server': true,
      ...(await scriptPackages(path.join(codeServerDir, 'npm-shrinkwrap.json'))),
    });

    // b. VS Code's server dependencies (code-server's postinstall would do this; we do it first so that
    //    the allow-list is in place and ripgrep can be seeded before any script runs).
    const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
    const vscodeAllowed = await scriptPackages(path.join(vscodeDir, 'npm-shrinkwrap.json'));
    await addAllowScripts(path.join(vscodeDir, 'package.json'), vscodeAllowed);
    log(
      `install scripts allowed: ${Object.keys(vscodeAllowed)
        .filter((k) => vscodeAllowed[k])
        .join(', ')}`,
    );
    await run('npm', ['install', '--ignore-scripts', '--omit=dev'], { cwd: vscodeDir, env, label: 'b. download VS Code server modules' });

    // c. ripgrep from the system, then the native modules.
    await seedRipgrepCache(path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep'), tmpDir, env);
    await run('npm', ['rebuild'], { cwd: vscodeDir, env, label: 'c. build native modules (node-gyp)' });

    // d. argon2 and code-server's own postinstall (symlinks, built-in extensions' dependencies; the
    //    latter is one more nested `npm install --omit=dev`, so it gets its list too).
    const extensionsDir = path.join(vscodeDir, 'extensions');
    await addAllowScripts(path.join(extensionsDir, 'package.json'), await scriptPackages(path.join(extensionsDir, 'npm-shrinkwrap.json')));
    await run('npm', ['rebuild'], { cwd: hostDir, env, label: 'd. code-server postinstall' });

    for (const required of [
      codeServerEntry,
      path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
      path.join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
      path.join(vscodeDir, 'node_modules.asar'),
    ]) {
      if (!existsSync(required)) throw new HostInstallError(`install looks incomplete: ${path.relative(hostDir, required)} is missing`);
    }
    await rm(tmpDir, { recursive: true, force: true });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    await writeFile(marker, JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, seconds: Number(secs), date: new Date().toISOString() }, null, 2) + '\n');
    log(`code-server@${CODE_SERVER_VERSION} installed in ${secs} s`);
    return { dir: codeServerDir, entry: codeServerEntry, installed: true };
  });
}

async function main() {
  const force = process.argv.includes('--force');
  try {
    const result = await ensureHost({ force });
    if (!result.installed) log(`code-server@${CODE_SERVER_VERSION} already installed (${path.relative(repoRoot, hostDir)}/; --force reinstalls)`);
    console.log(result.dir);
  } catch (err) {
    console.error(`[install-host] ERROR: ${err instanceof HostInstallError ? err.message : (err.stack ?? err)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}

export { HostInstallError };
