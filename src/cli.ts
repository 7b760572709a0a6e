#!/usr/bin/env node
/**
 * `devops-roadmap scan [DIR] [--json]`: the scanner from a terminal, for benchmarks, CI use and
 * debugging. Exit 0 when the scan ran (even if it found nothing), 2 for bad arguments or a DIR
 * that is missing or unreadable, 1 if the scan itself failed.
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { scan } from './scanner/engine';
import { FILE_BUDGET_MS, WorkerPool } from './scanner/workerPool';
import { NodeFileSource } from './scanner/fileSource';
import { technologyGroup } from './scanner/ids';
import { escapeControl } from './core/format';
import { UsageError, formatJson, table } from './cliShared';
import type { ScanResult } from './scanner/types';
import { runJob } from './cliJob';
import { PROFILE_USAGE, profileMain } from './cliProfile';

const USAGE = `Usage: devops-roadmap scan [DIR] [--json] [--max-files N]
       devops-roadmap profile DIR... [--json] [--author EMAIL]

Reports the DevOps technologies and practices a repository shows, with the files that prove them.
(devops-roadmap job --help: compare a job advert with your repositories.)

  DIR            folder to scan (default: the current directory)
  --json         print the result as JSON (the ScanResult of the detection spec)
  --max-files N  stop after N files (the result is then marked truncated)
  --file-timeout MS
                 time the detectors may spend on one file (default ${FILE_BUDGET_MS}); a file that
                 takes longer is skipped with the reason 'timeout' and the scan goes on
  -h, --help     show this help

${PROFILE_USAGE.slice(PROFILE_USAGE.indexOf('\n') + 1)}`;

interface Args {
  dir: string;
  json: boolean;
  maxFiles?: number;
  fileTimeoutMs?: number;
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  const rest = [...argv];
  if (rest.includes('--help') || rest.includes('-h')) return 'help';
  const command = rest.shift();
  if (command === undefined) throw new UsageError('missing command (try: devops-roadmap scan [DIR] [--json])');
  if (command !== 'scan') throw new UsageError(`unknown command '${command}' (try: devops-roadmap scan [DIR] [--json], or profile DIR...)`);
  let dir: string | undefined;
  let json = false;
  let maxFiles: number | undefined;
  let fileTimeoutMs: number | undefined;
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--json') json = true;
    else if (arg === '--max-files' || arg.startsWith('--max-files=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest.shift();
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1) throw new UsageError(`--max-files needs a positive integer, got '${value ?? ''}'`);
      maxFiles = n;
    } else if (arg === '--file-timeout' || arg.startsWith('--file-timeout=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest.shift();
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1) throw new UsageError(`--file-timeout needs a positive number of milliseconds, got '${value ?? ''}'`);
      fileTimeoutMs = n;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(`unexpected argument '${arg}' (one DIR only)`);
  }
  return { dir: nodePath.resolve(dir ?? process.cwd()), json, maxFiles, fileTimeoutMs };
}

function evidenceText(evidence: readonly string[], total: number): string {
  const more = total - evidence.length;
  return evidence.join(', ') + (more > 0 ? ` (+${more} more)` : '');
}

export function formatTable(result: ScanResult): string {
  const lines: string[] = [];
  lines.push(`Scanned ${escapeControl(result.root)}`);
  lines.push(
    `${result.filesSeen} files seen, ${result.filesRead} read (${result.bytesRead} bytes) in ${result.durationMs} ms${result.truncated ? ' — stopped at the file limit, results are partial' : ''}`,
  );
  lines.push('');
  if (result.technologies.length === 0) lines.push('No technologies found.');
  else {
    const rows = [['TECHNOLOGY', 'GROUP', 'FILES', 'EVIDENCE']];
    for (const t of result.technologies)
      rows.push([t.id + (t.fixtureOnly ? ' (fixtures only)' : ''), technologyGroup(t.id) ?? '', String(t.fileCount), evidenceText(t.evidence, t.fileCount)]);
    lines.push(table(rows));
  }
  lines.push('');
  if (result.practices.length === 0) lines.push('No practices found.');
  else {
    const rows = [['PRACTICE', 'EVIDENCE']];
    for (const p of result.practices) rows.push([p.id, p.evidence.join(', ')]);
    lines.push(table(rows));
  }
  if (result.skipped.length > 0) {
    const counts = new Map<string, number>();
    for (const s of result.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
    lines.push('');
    lines.push(`Skipped ${result.skipped.length}: ${[...counts].map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** A message line for stderr with any control character in it (a DIR, an argument) made visible. */
function escapeMessage(s: string): string {
  return s.endsWith('\n') ? `${escapeControl(s.slice(0, -1))}\n` : escapeControl(s);
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  rawErr: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const err = (s: string) => rawErr(escapeMessage(s));
  if (argv[0] === 'job') return runJob(argv.slice(1), { out, err });
  if (argv[0] === 'profile') return profileMain(argv.slice(1), out, err);
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`devops-roadmap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  try {
    if (!statSync(args.dir).isDirectory()) {
      err(`devops-roadmap: not a directory: ${args.dir}\n`);
      return 2;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    err(`devops-roadmap: ${code === 'ENOENT' ? 'no such directory' : 'cannot read directory'}: ${args.dir}\n`);
    return 2;
  }
  let result: ScanResult;
  try {
    // The detectors run in worker threads with a per-file time budget, as in VS Code.
    const pool = new WorkerPool({ fileBudgetMs: args.fileTimeoutMs });
    pool.prestart();
    try {
      result = await scan(new NodeFileSource(args.dir), { maxFiles: args.maxFiles, inspector: pool.inspector });
    } finally {
      pool.dispose();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'ENOTDIR') {
      err(`devops-roadmap: cannot read directory: ${args.dir}\n`);
      return 2;
    }
    err(`devops-roadmap: scan failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  out(args.json ? formatJson(result) : formatTable(result));
  return 0;
}

if (require.main === module) {
  // More threads for file reads: the scan is I/O-bound (must be set before the first fs call).
  process.env.UV_THREADPOOL_SIZE ??= '8';
  // `devops-roadmap scan | head -1`: once the reader is gone, nobody is left to tell. End quietly with
  // 0 like other filters, instead of dying on an unhandled EPIPE with a stack trace. Any other write
  // error is one line and exit 1.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(escapeMessage(`devops-roadmap: cannot write the output: ${error.message}\n`));
    process.exit(1);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(escapeMessage(`devops-roadmap: ${error instanceof Error ? error.message : String(error)}\n`));
      process.exitCode = 1;
    },
  );
}
