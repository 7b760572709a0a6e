/**
 * `devops-roadmap job FILE [DIR...] [--json]`: a job advert against the skills your repositories
 * show, from a terminal. The same comparison as the "Compare with a Job Advert" page (core/plan):
 * each requirement line with its skills and status, and the lines that name no skill. Status comes
 * from the DIRs' scans; without DIRs every requirement is "missing". Marks live in VS Code, so
 * the CLI never says "marked".
 */
import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { scan } from './scanner/engine';
import { WorkerPool } from './scanner/workerPool';
import { NodeFileSource } from './scanner/fileSource';
import { readRoadmapFile } from './core/roadmapFile';
import { EvidenceIndex } from './core/progress';
import { escapeControl } from './core/format';
import { UsageError, formatJson } from './cliShared';
import { advertJson, compareAdvert, createAdvertMatcher, type AdvertReport } from './core/plan';
import type { FolderFindings } from './core/detection';

export const JOB_USAGE = `Usage: devops-roadmap job FILE [DIR...] [--json]

Compares a job advert with the skills your repositories show: each requirement line with the
roadmap skills it names and whether a DIR shows them (evidenced) or not (missing), and the lines
that name no skill (benefits, soft skills), listed as they are.

  FILE     the advert as a text file, or - to read it from standard input
  DIR...   repositories to compare with (default: none, so every requirement is missing)
  --json   print {"requirements": [{"text", "skills", "status"}], "unmatched": [text]}
  -h, --help  show this help
`;

/** Largest advert read; a longer file is refused rather than cut silently. */
export const MAX_ADVERT_BYTES = 1024 * 1024;

export interface JobIo {
  out: (s: string) => void;
  /** Writes one message line to stderr (control characters already made visible by the caller). */
  err: (s: string) => void;
  /** Standard input, for FILE `-`. */
  stdin?: () => string;
}

interface JobArgs {
  file: string;
  dirs: string[];
  json: boolean;
}

function parseJobArgs(argv: readonly string[]): JobArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  let file: string | undefined;
  const dirs: string[] = [];
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}' (try: devops-roadmap job FILE [DIR...] [--json])`);
    else if (file === undefined) file = arg;
    else dirs.push(arg);
  }
  if (file === undefined) throw new UsageError('job needs the advert: devops-roadmap job FILE [DIR...] [--json]');
  return { file, dirs, json };
}

function readAdvert(file: string, stdin: (() => string) | undefined): string {
  if (file === '-') return (stdin ?? (() => readFileSync(0, 'utf8')))();
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`not a file: ${file}`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : 'cannot read file'}: ${file}`);
  }
  if (size > MAX_ADVERT_BYTES) throw new UsageError(`${file} is ${size} bytes; an advert of at most ${MAX_ADVERT_BYTES} bytes is read`);
  return readFileSync(file, 'utf8');
}

function checkDir(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as { code?: string }).code === 'ENOENT' ? 'no such directory' : 'cannot read directory'}: ${dir}`);
  }
}

/** "repo/" → "repo", so evidence reads "repo/main.tf"; a lone "/" stays. */
function trimSlashes(dir: string): string {
  let end = dir.length;
  while (end > 1 && (dir[end - 1] === '/' || dir[end - 1] === '\\')) end--;
  return dir.slice(0, end);
}

const STATUS_LABEL = { evidenced: 'EVIDENCED', marked: 'MARKED', missing: 'MISSING' } as const;

/** The page's content as text: requirements with their skills and evidence, then the lines not mapped. */
export function formatAdvert(report: AdvertReport, source: string, dirs: readonly string[]): string {
  const e = escapeControl;
  const count = (s: string) => report.requirements.filter((r) => r.status === s).length;
  const lines = [
    `Job advert ${e(source)}: ${report.requirements.length} requirements (${count('evidenced')} evidenced, ${count('marked')} marked, ${count('missing')} missing), ${report.unmatched.length} lines not mapped to a skill`,
    dirs.length > 0 ? `Compared with: ${dirs.map(e).join(', ')}` : 'No DIR given: every requirement shows as missing. Name your repositories to compare with their evidence.',
    '',
  ];
  for (const r of report.requirements) {
    lines.push(`${STATUS_LABEL[r.status].padEnd(9)}  ${e(r.text)}${r.skills.length > 1 ? `  (${r.needs === 'any' ? 'one of these is enough' : 'needs all of these'})` : ''}`);
    for (const s of r.skills) {
      const where = s.status === 'evidenced' ? `evidenced in ${s.evidence.map((ev) => `${e(ev.folder)}/${e(ev.path)}`).join(', ')}` : s.status;
      lines.push(`           - ${e(s.title)} (${s.id}): ${where}`);
    }
  }
  if (report.requirements.length === 0) lines.push('No line names a skill of the roadmap.');
  lines.push('');
  if (report.unmatched.length > 0) {
    lines.push(`Not mapped to a skill (${report.unmatched.length}):`);
    for (const text of report.unmatched) lines.push(`  ${e(text)}`);
  }
  if (report.truncated) lines.push('', 'The advert is long: only its first lines were read.');
  return lines.join('\n').trimEnd() + '\n';
}

/** Runs `job`; resolves to the exit code (0 done, 2 bad arguments or unreadable input, 1 a scan failed). */
export async function runJob(argv: readonly string[], io: JobIo): Promise<number> {
  let args: JobArgs | 'help';
  let text: string;
  try {
    args = parseJobArgs(argv);
    if (args === 'help') {
      io.out(JOB_USAGE);
      return 0;
    }
    for (const dir of args.dirs) checkDir(dir);
    text = readAdvert(args.file, io.stdin);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`devops-roadmap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const scans: FolderFindings[] = [];
  if (args.dirs.length > 0) {
    const pool = new WorkerPool();
    try {
      for (const dir of args.dirs) scans.push({ folder: trimSlashes(dir), result: await scan(new NodeFileSource(nodePath.resolve(dir)), { inspector: pool.inspector }) });
    } catch (error) {
      io.err(`devops-roadmap: scan failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      pool.dispose();
    }
  }
  // The data ships beside the bundle (dist/../data), as it does beside src/ in a checkout.
  const index = readRoadmapFile(nodePath.join(__dirname, '..', 'data', 'roadmap.json'));
  const report = compareAdvert(index, createAdvertMatcher(index), text, new EvidenceIndex(scans), {});
  io.out(args.json ? formatJson(advertJson(report)) : formatAdvert(report, args.file === '-' ? 'from standard input' : args.file, args.dirs));
  return 0;
}
