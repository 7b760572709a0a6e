/**
 * `devops-roadmap profile DIR... [--json] [--author EMAIL]`: judges several folders together, as the
 * portfolio does in VS Code, and prints each skill's level with its why. The user runs it on their
 * own folders, so git is asked (read-only, through src/git/) whose commits the evidence files hold.
 * Nothing is stored: the records live only for this run.
 */
import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { scan } from './scanner/engine';
import { WorkerPool } from './scanner/workerPool';
import { NodeFileSource } from './scanner/fileSource';
import type { ScanResult } from './scanner/types';
import { readAuthorship } from './git/authorship';
import { loadRoadmap } from './core/roadmap';
import { UsageError, formatJson, table } from './cliShared';
import { recordScan, type RepositoryRecord } from './core/portfolio/ledger';
import { buildProfile, type Profile } from './core/portfolio/profile';

export const PROFILE_USAGE = `Usage: devops-roadmap profile DIR... [--json] [--author EMAIL]

Scans the folders together and prints the level of every skill they show (aware, practiced,
proficient, expert) with the facts behind it.

  DIR...          one or more repositories
  --json          print {"repositories": [...], "skills": [...]} instead of a table
  --author EMAIL  whose commits count as yours (default: each folder's git config user.email)
  -h, --help      show this help
`;

export interface ProfileArgs {
  dirs: string[];
  json: boolean;
  author?: string;
}

export function parseProfileArgs(argv: readonly string[]): ProfileArgs | 'help' {
  const rest = [...argv];
  if (rest.includes('--help') || rest.includes('-h')) return 'help';
  const dirs: string[] = [];
  let json = false;
  let author: string | undefined;
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--json') json = true;
    else if (arg === '--author' || arg.startsWith('--author=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest.shift();
      if (!value || !value.includes('@')) throw new UsageError(`--author needs an email address, got '${value ?? ''}'`);
      author = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else dirs.push(nodePath.resolve(arg));
  }
  if (dirs.length === 0) throw new UsageError('profile needs at least one DIR');
  return { dirs: [...new Set(dirs)], json, author };
}

function evidenceFiles(result: ScanResult): string[] {
  return [...new Set([...result.technologies, ...result.practices].flatMap((f) => f.evidence))];
}

export function formatProfileTable(profile: Profile): string {
  const lines = [`Portfolio of ${profile.repositories.length} ${profile.repositories.length === 1 ? 'repository' : 'repositories'}`, ''];
  const repos = [['REPOSITORY', 'YOUR COMMITS', 'SHOWS']];
  for (const r of profile.repositories) {
    const commits = r.authored ? `${r.authored.yourCommits} of ${r.authored.yourCommits + r.authored.otherCommits}` : 'unknown';
    repos.push([r.root, commits, [...r.technologies, ...r.practices].join(', ') || 'nothing detected']);
  }
  lines.push(table(repos), '');
  if (profile.skills.length === 0) lines.push('No skill of the roadmap shows in these folders.');
  else {
    const rows = [['SKILL', 'LEVEL', 'WHY']];
    for (const s of profile.skills) rows.push([s.title, s.level + (s.rusty ? ' (rusty)' : ''), s.why]);
    lines.push(table(rows));
  }
  return lines.join('\n') + '\n';
}

/** Runs `profile`; resolves to the exit code (0 ran, 1 failed, 2 bad arguments or folders). */
export async function profileMain(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, now = new Date()): Promise<number> {
  let args: ProfileArgs | 'help';
  try {
    args = parseProfileArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`devops-roadmap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    out(PROFILE_USAGE);
    return 0;
  }
  for (const dir of args.dirs) {
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      err(`devops-roadmap: not a directory: ${dir}\n`);
      return 2;
    }
  }
  const records: RepositoryRecord[] = [];
  const pool = new WorkerPool();
  try {
    for (const dir of args.dirs) {
      const result = await scan(new NodeFileSource(dir), { inspector: pool.inspector });
      const git = await readAuthorship(dir, evidenceFiles(result), { author: args.author });
      if (!git.available && git.reason !== 'not-a-repository') err(`devops-roadmap: authorship not read for ${dir}: ${git.message}\n`);
      records.push(
        recordScan(undefined, {
          identity: dir,
          root: dir,
          name: nodePath.basename(dir),
          findings: result,
          authored: git.available ? { email: git.email, files: git.files } : null,
          at: now,
        }),
      );
    }
  } catch (error) {
    err(`devops-roadmap: scan failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    pool.dispose();
  }
  const index = loadRoadmap(JSON.parse(readFileSync(nodePath.join(__dirname, '..', 'data', 'roadmap.json'), 'utf8')));
  const profile = buildProfile(index, records, {}, { now });
  out(args.json ? formatJson(profile) : formatProfileTable(profile));
  return 0;
}
