/**
 * Git authorship of evidence files: whether the user (the repository's `user.email`) wrote commits
 * touching each file, how many and when last, beside how many commits touched it at all.
 *
 * The room `src/git/` (loaded only by the shell and the CLI; the scanner starts no process). Plain
 * Node, no `vscode`. Git runs read-only through `execFile` (no shell), with hooks, fsmonitor,
 * pagers, signature checks and lazy fetches turned off, under a time limit, and is killed on
 * timeout or abort. Missing git, a folder that is not a repository, a timeout or any other failure
 * come back as `{ available: false, reason }`: nothing here throws.
 */

import { execFile, type ChildProcess } from 'node:child_process';

export interface FileAuthorship {
  /** Non-merge commits touching the file whose author email is the user's. */
  yourCommits: number;
  /** ISO time of the user's latest such commit. */
  lastYours?: string;
  /** ISO time of the user's earliest such commit (the portfolio's journey starts there). */
  firstYours?: string;
  /** Non-merge commits touching the file, by anyone. */
  totalCommits: number;
  /** ISO time of the latest such commit. */
  lastAny?: string;
}

export type AuthorshipFailure = 'no-git' | 'not-a-repository' | 'timeout' | 'error';

export type AuthorshipResult =
  | {
      available: true;
      /** The repository's `user.email` (global or local config), if one is set. */
      email: string | undefined;
      /** One entry per requested path, zeros for paths git does not know. */
      files: Record<string, FileAuthorship>;
    }
  | { available: false; reason: AuthorshipFailure; message: string };

export interface AuthorshipOptions {
  /** Time limit for the whole reading, in milliseconds. Default 5000. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The git binary. Default `git` (looked up on PATH). */
  git?: string;
  /** Whose commits are "yours" (the CLI's `--author`). Default: the repository's `user.email`. */
  author?: string;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Largest output accepted from one git run. */
const MAX_BUFFER = 32 * 1024 * 1024;
/** Keeps each command line well below Windows' 32K limit. */
const MAX_CHUNK_CHARS = 24_000;
const MAX_CHUNK_FILES = 500;
const RECORD_SEPARATOR = '\x1e';

/** Global options put before every git subcommand. */
const SAFE_CONFIG = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.untrackedCache=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'log.showSignature=false',
  '--no-pager',
  '--literal-pathspecs',
];

/** Variables that would point git somewhere other than `root`, or change what it prints. */
const DROPPED_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_PREFIX'];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of DROPPED_ENV) delete env[key];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

interface RunOutcome {
  kind: 'ok' | 'exit' | 'no-git' | 'timeout' | 'aborted' | 'error';
  stdout: string;
  stderr: string;
  code?: number;
  message?: string;
}

/**
 * Runs git once. Settles on its own timer (not only on the child's `close`), so a child that leaves
 * a grandchild holding the pipes open still cannot hold us past the deadline.
 */
function runGit(git: string, args: string[], deadline: number, signal: AbortSignal | undefined): Promise<RunOutcome> {
  if (signal?.aborted) return Promise.resolve({ kind: 'aborted', stdout: '', stderr: '' });
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.resolve({ kind: 'timeout', stdout: '', stderr: '' });
  return new Promise((resolve) => {
    let settled = false;
    let child: ChildProcess | undefined;
    const settle = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const stop = (kind: 'timeout' | 'aborted') => {
      if (child) {
        child.kill('SIGKILL');
        child.stdout?.destroy();
        child.stderr?.destroy();
      }
      settle({ kind, stdout: '', stderr: '' });
    };
    const onAbort = () => stop('aborted');

    const timer = setTimeout(() => stop('timeout'), remaining);
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      child = execFile(git, args, { encoding: 'utf8', maxBuffer: MAX_BUFFER, env: gitEnv(), windowsHide: true, shell: false }, (error, stdout, stderr) => {
        if (!error) return settle({ kind: 'ok', stdout, stderr });
        const err = error as NodeJS.ErrnoException & { code?: string | number };
        if (err.code === 'ENOENT') return settle({ kind: 'no-git', stdout, stderr, message: err.message });
        if (typeof err.code === 'number') return settle({ kind: 'exit', stdout, stderr, code: err.code, message: err.message });
        if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return settle({ kind: 'error', stdout: '', stderr, message: 'git printed more than the output limit' });
        }
        return settle({ kind: 'error', stdout, stderr, message: err.message });
      });
      child.stdin?.end();
    } catch (error) {
      settle({ kind: 'error', stdout: '', stderr: '', message: String(error) });
    }
  });
}

function failure(reason: AuthorshipFailure, message: string): AuthorshipResult {
  return { available: false, reason, message };
}

/** Turns a run that did not succeed into a failure, or undefined when the caller should carry on. */
function classify(outcome: RunOutcome, git: string, root: string): AuthorshipResult | undefined {
  switch (outcome.kind) {
    case 'ok':
      return undefined;
    case 'no-git':
      return failure('no-git', `Git was not found (${git}).`);
    case 'timeout':
      return failure('timeout', 'Git took too long to answer.');
    case 'aborted':
      return failure('error', 'Cancelled.');
    case 'error':
      return failure('error', outcome.message ?? 'Git failed.');
    case 'exit': {
      const stderr = outcome.stderr.trim();
      if (/not a git repository|cannot change to/i.test(stderr)) return failure('not-a-repository', `${root} is not in a git repository.`);
      return failure('error', stderr.split('\n')[0] || `git exited with code ${outcome.code}`);
    }
  }
}

/** Splits the requested paths into command lines of bounded length. */
function chunks(files: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const f of files) {
    if (current.length > 0 && (chars + f.length + 1 > MAX_CHUNK_CHARS || current.length >= MAX_CHUNK_FILES)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(f);
    chars += f.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Git's strict ISO date as UTC ("2024-03-05T10:00:00Z"), whatever offset the commit carries. */
function toIso(gitDate: string): string | undefined {
  const ms = Date.parse(gitDate);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function laterIso(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

function earlierIso(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) < Date.parse(a) ? b : a;
}

/**
 * Adds one `git log -z --format=<RS>%ae%x09%aI --name-only` output to the totals. Each record is
 * `<RS>email<TAB>date<NUL>\n` followed by NUL-terminated paths.
 */
function aggregate(stdout: string, email: string | undefined, files: Record<string, FileAuthorship>): void {
  const mine = email?.toLowerCase();
  for (const record of stdout.split(RECORD_SEPARATOR)) {
    if (record.length === 0) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const tab = header.indexOf('\t');
    if (tab === -1) continue;
    const author = header.slice(0, tab).trim().toLowerCase();
    const date = toIso(header.slice(tab + 1).trim());
    if (date === undefined) continue;
    const names =
      headerEnd === -1
        ? []
        : record
            .slice(headerEnd + 1)
            .replace(/^\n/, '')
            .split('\0');
    const yours = mine !== undefined && mine !== '' && author === mine;
    for (const name of new Set(names)) {
      const entry = name === '' ? undefined : Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
      if (!entry) continue;
      entry.totalCommits++;
      entry.lastAny = laterIso(entry.lastAny, date);
      if (yours) {
        entry.yourCommits++;
        entry.lastYours = laterIso(entry.lastYours, date);
        entry.firstYours = earlierIso(entry.firstYours, date);
      }
    }
  }
}

function insideRoot(path: string): boolean {
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\0')) return false;
  return !path.split(/[\\/]/).includes('..');
}

/**
 * Reads who committed to each of `files` (paths relative to `root`, `/` separators) in the git
 * repository holding `root`. One `git config` and one `git log` per chunk of paths.
 */
export async function readAuthorship(root: string, files: string[], options: AuthorshipOptions = {}): Promise<AuthorshipResult> {
  const git = options.git ?? 'git';
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const base = [...SAFE_CONFIG, '-C', root];

  let email = options.author;
  if (email === undefined) {
    const config = await runGit(git, [...base, 'config', '--get', 'user.email'], deadline, options.signal);
    // `git config --get` exits 1 when the key is unset: that is an answer, not a failure.
    if (!(config.kind === 'exit' && config.code === 1)) {
      const failed = classify(config, git, root);
      if (failed) return failed;
    }
    email = config.kind === 'ok' ? config.stdout.trim() || undefined : undefined;
  }

  const result: Record<string, FileAuthorship> = Object.create(null);
  for (const f of files) if (typeof f === 'string' && f !== '') result[f] = { yourCommits: 0, totalCommits: 0 };
  // Paths that leave the root would make git refuse the whole run: they simply have no commits here.
  const wanted = Object.keys(result).filter(insideRoot);

  // Even with no paths, one cheap run confirms that `root` is in a repository.
  const batches = wanted.length > 0 ? chunks(wanted) : [[]];
  for (const batch of batches) {
    const args = [
      ...base,
      'log',
      '-z',
      '--no-merges',
      '--no-renames',
      '--no-ext-diff',
      '--no-show-signature',
      '--no-color',
      '--relative',
      `--format=%x1e%ae%x09%aI`,
      '--name-only',
      ...(batch.length === 0 ? ['-n', '1'] : []),
      '--',
      ...batch,
    ];
    const log = await runGit(git, args, deadline, options.signal);
    // A repository without commits yet: every file has none.
    if (log.kind === 'exit' && /does not have any commits yet|bad default revision 'HEAD'/i.test(log.stderr)) continue;
    const failed = classify(log, git, root);
    if (failed) return failed;
    if (batch.length > 0) aggregate(log.stdout, email, result);
  }
  return { available: true, email, files: { ...result } };
}
