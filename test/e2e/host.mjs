// Starts and stops code-server (a real VS Code: server + web workbench) for the tests and `npm start`.
//
//   const host = await startHost({ folder, extensionDevelopmentPath, extensionTestsPath });
//   page.goto(host.workbenchUrl);   …   await host.stop();
//
// Each host gets its own temp folder (user data, extensions, HOME, TMPDIR), binds to 127.0.0.1 on a
// port the OS picks, and is stopped by process group (code-server, its extension host, pty host,
// file watchers…). Every host still running when this process exits — normally, on an exception,
// or on SIGINT/SIGTERM/SIGHUP — is killed, so no test run leaves a VS Code behind.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { codeServerEntry, ensureHost } from '../../scripts/install-host.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const defaultSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** @type {Set<Host>} */
const live = new Set();

/** All PIDs below `rootPid` (from /proc), deepest last. */
function descendants(rootPid) {
  const children = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      /* gone */
    }
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to every process this one started, and to theirs (a build, an install…). */
export function killDescendants(signal) {
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  }
}

function killTree(pid, signal) {
  const pids = [pid, ...descendants(pid)];
  try {
    process.kill(-pid, signal);
  } catch {
    /* group gone */
  }
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* gone */
    }
  }
  return pids;
}

function killAllNow() {
  for (const host of live) {
    try {
      killTree(host.pid, 'SIGKILL');
    } catch {
      /* ignore */
    }
    if (!host.keepDir) {
      try {
        rmSync(host.runDir, { recursive: true, force: true });
      } catch {
        /* ignore */
      }
    }
  }
  live.clear();
}

let exitHandlerInstalled = false;
let signalHandlersInstalled = false;
function installExitHandlers(handleSignals) {
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on('exit', killAllNow);
  }
  if (!handleSignals || signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      // A second Ctrl-C while stopping falls through to an immediate kill.
      if (live.size) console.error(`\n[host] ${sig}: stopping ${live.size} code-server process(es)`);
      killAllNow();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Builds the workbench URL that opens `folder` and passes `payload` (extension development / tests).
 * @param {string} base e.g. http://127.0.0.1:PORT
 * @param {{ folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, authority: string }} o
 */
export function workbenchUrl(base, { folder, extensionDevelopmentPath, extensionTestsPath, authority }) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  if (payload.length) {
    payload.push(['skipWelcome', 'true']);
    params.set('payload', JSON.stringify(payload));
  }
  const query = params.toString();
  return `${base}/${query ? `?${query}` : ''}`;
}

/**
 * @typedef {object} HostOptions
 * @property {string} [folder] workspace folder to open (absolute)
 * @property {string} [copyFolder] copy this folder into the run dir and open the copy (tests may change it)
 * @property {string} [extensionDevelopmentPath] absolute path of the extension to load in development mode
 * @property {string} [extensionTestsPath] absolute path of the compiled test index (exports run())
 * @property {'none'|'password'} [auth] default 'none'
 * @property {string} [password] with auth 'password'
 * @property {number} [port] default 0 (the OS picks a free one)
 * @property {Record<string, unknown>} [settings] merged over defaultSettings
 * @property {Record<string, string>} [env] extra environment (reaches the extension host)
 * @property {string} [label] prefix for log lines
 * @property {(line: string) => void} [onOutput] every stdout/stderr line of code-server
 * @property {number} [startTimeoutMs] default 60000
 * @property {boolean} [keepDir] keep the temp run dir after stop (debugging)
 * @property {boolean} [handleSignals] default true: on SIGINT/SIGTERM/SIGHUP kill all hosts and exit
 *   (130/143); pass false to handle the signals yourself (stopAllHosts still runs at exit)
 */

/**
 * @typedef {object} Host
 * @property {number} pid
 * @property {number} port
 * @property {string} base http://127.0.0.1:PORT
 * @property {string} authority 127.0.0.1:PORT (for vscode-remote:// URIs)
 * @property {string} workbenchUrl folder + payload from the options
 * @property {string|undefined} folder the folder that was opened (the copy, with copyFolder)
 * @property {string} runDir temp dir of this host
 * @property {boolean} keepDir
 * @property {string[]} output all lines printed so far
 * @property {Promise<number|null>} exited resolves with the exit code when code-server exits
 * @property {() => Promise<void>} stop
 */

/**
 * Starts code-server and resolves once it listens.
 * @param {HostOptions} [options]
 * @returns {Promise<Host>}
 */
export async function startHost(options = {}) {
  const { auth = 'none', password, port = 0, label = 'host', startTimeoutMs = 60_000, keepDir = !!process.env.E2E_KEEP_TMP } = options;
  await ensureHost();
  installExitHandlers(options.handleSignals !== false);

  const runDir = await mkdtemp(path.join(os.tmpdir(), 'devops-roadmap-vscode-'));
  const dirs = { userData: path.join(runDir, 'user-data'), extensions: path.join(runDir, 'extensions'), home: path.join(runDir, 'home'), tmp: path.join(runDir, 'tmp') };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  await mkdir(path.join(dirs.userData, 'User'), { recursive: true });
  // untrusted: workspace trust on, no prompt, so the folder opens in Restricted Mode; VS Code's own
  // git extension is off so that only the extension under test could start git.
  const trustSettings = options.untrusted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false, 'git.enabled': false }
    : {};
  await writeFile(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...trustSettings, ...options.settings }, null, 2));
  await writeFile(path.join(runDir, 'config.yaml'), `# generated by test/e2e/host.mjs\nbind-addr: 127.0.0.1:${port}\nauth: ${auth}\ncert: false\n`);

  let folder = options.folder;
  if (options.copyFolder) {
    folder = path.join(runDir, 'workspace');
    await cp(options.copyFolder, folder, { recursive: true });
  }

  const args = [
    codeServerEntry,
    '--config',
    path.join(runDir, 'config.yaml'),
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    auth,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}',
    ...(auth === 'password' ? { PASSWORD: password ?? '' } : {}),
    ...options.env,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.VSCODE_PID;
  if (auth !== 'password') delete env.PASSWORD;

  const child = spawn(process.execPath, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {Host} */
  const host = {
    pid: child.pid,
    port: 0,
    base: '',
    authority: '',
    workbenchUrl: '',
    folder,
    runDir,
    keepDir,
    output: [],
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: async () => {
      if (!live.has(host)) return;
      live.delete(host);
      killTree(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (alive(child.pid) || descendants(child.pid).length)) await new Promise((r) => setTimeout(r, 100));
      killTree(child.pid, 'SIGKILL');
      if (!keepDir) await rm(runDir, { recursive: true, force: true }).catch(() => {});
    },
  };
  live.add(host);

  let onListening;
  const listening = new Promise((resolve) => {
    onListening = resolve;
  });
  const onLine = (line) => {
    host.output.push(line);
    options.onOutput?.(line);
    const m = /HTTP server listening on https?:\/\/([\d.]+):(\d+)/.exec(line);
    if (m) onListening(Number(m[2]));
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    });
  }

  let timer;
  const result = await Promise.race([
    listening,
    host.exited.then((code) => ({ exited: code })),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), startTimeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (typeof result !== 'number') {
    await host.stop();
    const why = result.timeout ? `did not listen within ${startTimeoutMs / 1000} s` : `exited with ${result.exited}`;
    throw new Error(`[${label}] code-server ${why}; output:\n${host.output.slice(-30).join('\n')}`);
  }
  host.port = result;
  host.authority = `127.0.0.1:${result}`;
  host.base = `http://${host.authority}`;
  host.workbenchUrl = workbenchUrl(host.base, {
    folder,
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
    authority: host.authority,
  });
  return host;
}

/** Stops every host this process started. */
export async function stopAllHosts() {
  await Promise.all([...live].map((h) => h.stop()));
}
