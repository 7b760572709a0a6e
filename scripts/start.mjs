#!/usr/bin/env node
// `npm start [folder]`: the extension in a real VS Code in your browser, without installing anything
// into your own editor. Builds the extension, installs code-server into .vscode-host/ when missing,
// starts it on 127.0.0.1 (port 8080, or a free one) with a generated password, and loads this repo
// as a development extension on `folder` (default: demo/workspace). Ctrl-C stops it.
//
// On a fresh clone it first installs what is missing (scripts/prepare.mjs: system packages, npm ci).
// Ctrl-C (or SIGTERM/SIGHUP) at any point stops everything it started: code-server runs detached in
// its own process group and is killed as a group; a build or host install still running is killed too.
//
//   npm start                      the demo workspace
//   npm start -- ~/src/my-infra    another folder
//   PORT=9000 npm start            a fixed port;  PASSWORD=… npm start   your own password
//   npm start -- --no-build        skip `node esbuild.mjs`;   --verbose  print code-server's log
//   npm start -- --extension=DIR   load another extension folder instead of this repo
//
// code-server is bound to loopback only. From another machine, forward the port (ssh -L 8080:127.0.0.1:8080 …).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHost } from './install-host.mjs';
import { prepare } from './prepare.mjs';
import { killDescendants, startHost } from '../test/e2e/host.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const extensionArg = args.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);
const extensionPath = path.resolve(extensionArg ?? repoRoot);
const folderArg = args.find((a) => !a.startsWith('--'));
const folder = path.resolve(folderArg ?? path.join(repoRoot, 'demo', 'workspace'));

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function build() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`node esbuild.mjs exited with ${code}`))));
  });
}

/** The running code-server, once it listens. */
let host;
let stopping = false;

/** Stops code-server (its whole process group) and anything else still running, then exits. */
async function stop(signal) {
  if (stopping) process.exit(1); // a second Ctrl-C while stopping: leave at once (the exit handler kills the hosts)
  stopping = true;
  if (host) {
    console.log(`\n${signal}: stopping code-server (pid ${host.pid})…`);
    await host.stop();
    console.log('stopped.');
  } else {
    console.log(`\n${signal}: stopped before code-server was ready.`);
  }
  killDescendants('SIGTERM');
  process.exit(0);
}

async function main() {
  // First, so that a Ctrl-C during the build, the host install or code-server's start stops them too.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(sig));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`not a folder: ${folder}`);
  }
  prepare('start');
  if (!flags.has('--no-build') && !extensionArg) await build();
  await ensureHost();

  const wanted = Number(process.env.PORT ?? 8080);
  const port = (await portIsFree(wanted)) ? wanted : 0;
  if (port === 0 && process.env.PORT) throw new Error(`port ${wanted} is in use`);
  const password = process.env.PASSWORD || randomBytes(12).toString('base64url');

  host = await startHost({
    label: 'start',
    folder,
    extensionDevelopmentPath: extensionPath,
    auth: 'password',
    password,
    port,
    handleSignals: false,
    onOutput: (line) => {
      if (flags.has('--verbose') || /\berror\b/i.test(line)) console.log(`[code-server] ${line}`);
    },
  });

  // Unauthenticated, code-server redirects to /login keeping the query (folder, payload), and after
  // the login back to `/` with the same query; so the one URL works before and after logging in.
  console.log('');
  console.log(`  DevOps Roadmap in VS Code (code-server) on ${path.relative(process.cwd(), folder) || '.'}`);
  console.log('');
  console.log(`  Open:      ${host.workbenchUrl}`);
  console.log(`  Password:  ${password}`);
  console.log('');
  console.log(`  Listening on ${host.base} (loopback only). Ctrl-C stops it.`);
  if (port !== wanted) console.log(`  (port ${wanted} was in use; took ${host.port})`);

  const code = await host.exited;
  if (!stopping) {
    console.error(`code-server exited on its own (code ${code}); last output:\n${host.output.slice(-20).join('\n')}`);
    await host.stop();
    process.exit(code || 1);
  }
}

main().catch((err) => {
  console.error(`npm start: ${err.message ?? err}`);
  killDescendants('SIGTERM');
  process.exit(err.signal === 'SIGINT' ? 130 : 1);
});
