/**
 * The portfolio ledger: one record per repository the user has scanned, kept across sessions so a
 * skill keeps its evidence after its repository is closed. A record holds ids, paths, counts and
 * dates, never file contents. Pure (no `vscode`, no `node:*`): the shell reads and writes the files
 * (see `store.ts`), the CLI builds records in memory.
 */

import type { ScanFindings } from '../detection';

/** The version written today. Older files are migrated step by step on read (`migrations`). */
export const LEDGER_VERSION = 1;

export interface LedgerTechnology {
  id: string;
  fileCount: number;
  /** At most a handful of relative paths, `/`-separated, as the scanner reports them. */
  evidence: string[];
  fixtureOnly: boolean;
  /** ISO times of the first and the latest scan that found it. */
  firstSeen: string;
  lastSeen: string;
}

export interface LedgerPractice {
  id: string;
  evidence: string[];
  firstSeen: string;
  lastSeen: string;
}

/** Who committed to one evidence file, as git told it at the last scan that could ask. */
export interface LedgerFileAuthorship {
  yourCommits: number;
  otherCommits: number;
  firstYours?: string;
  lastYours?: string;
}

export interface LedgerAuthorship {
  /** The author email the commits were matched against (`git config user.email`), if any. */
  email?: string;
  /** When git was last asked. */
  readAt: string;
  /** By evidence path; a path missing here has no known authorship. */
  files: Record<string, LedgerFileAuthorship>;
}

export interface RepositoryRecord {
  /** The git remote URL without credentials when there is one, else the folder (path or URI). */
  identity: string;
  /** Where the repository was last scanned: a local path or a URI string. */
  root: string;
  name: string;
  firstSeen: string;
  scannedAt: string;
  /** Technologies and practices ever found here, each with when it was first and last seen. */
  technologies: LedgerTechnology[];
  practices: LedgerPractice[];
  /** Null when git was never asked (untrusted workspace, setting off, not a repository). */
  authored: LedgerAuthorship | null;
}

export interface LedgerFile {
  version: number;
  repository: RepositoryRecord;
}

/** `migrations[n]` turns the `repository` of a version-n file into that of version n + 1. */
export type LedgerMigrations = Readonly<Record<number, (repository: unknown) => unknown>>;

/** No older shape exists yet; a later version adds its step here and keeps reading version 1 files. */
export const LEDGER_MIGRATIONS: LedgerMigrations = {};

export type ParsedLedger = { ok: true; record: RepositoryRecord; migratedFrom?: number } | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Reading, with errors that name the field
// ---------------------------------------------------------------------------------------------

class Invalid extends Error {}

function fail(path: string, what: string): never {
  throw new Invalid(`${path} ${what}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: Record<string, unknown>, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') fail(`${path}.${key}`, 'is not a non-empty string');
  return v;
}

/** The ISO form the ledger writes; checked by shape first, since Date.parse on every date was most of a load. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

function time(obj: Record<string, unknown>, key: string, path: string): string {
  const v = str(obj, key, path);
  if (!ISO_TIME.test(v) && Number.isNaN(Date.parse(v))) fail(`${path}.${key}`, `is not a date (${JSON.stringify(v.slice(0, 40))})`);
  return v;
}

function optionalTime(obj: Record<string, unknown>, key: string, path: string): string | undefined {
  return obj[key] === undefined ? undefined : time(obj, key, path);
}

function count(obj: Record<string, unknown>, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${path}.${key}`, 'is not a count (a whole number, 0 or more)');
  return v;
}

function paths(obj: Record<string, unknown>, key: string, path: string): string[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.some((p) => typeof p !== 'string')) fail(`${path}.${key}`, 'is not a list of paths');
  return v as string[];
}

function list<T>(obj: Record<string, unknown>, key: string, path: string, item: (value: Record<string, unknown>, path: string) => T): T[] {
  const v = obj[key];
  if (!Array.isArray(v)) fail(`${path}.${key}`, 'is not a list');
  return v.map((entry, i) => {
    if (!isObject(entry)) fail(`${path}.${key}[${i}]`, 'is not an object');
    return item(entry, `${path}.${key}[${i}]`);
  });
}

function readAuthored(value: unknown, path: string): LedgerAuthorship | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) fail(path, 'is neither null nor an object');
  const files: Record<string, LedgerFileAuthorship> = Object.create(null);
  if (!isObject(value.files)) fail(`${path}.files`, 'is not an object');
  for (const [file, entry] of Object.entries(value.files)) {
    const at = `${path}.files[${JSON.stringify(file)}]`;
    if (!isObject(entry)) fail(at, 'is not an object');
    files[file] = {
      yourCommits: count(entry, 'yourCommits', at),
      otherCommits: count(entry, 'otherCommits', at),
      firstYours: optionalTime(entry, 'firstYours', at),
      lastYours: optionalTime(entry, 'lastYours', at),
    };
  }
  if (value.email !== undefined && typeof value.email !== 'string') fail(`${path}.email`, 'is not a string');
  return { email: value.email as string | undefined, readAt: time(value, 'readAt', path), files };
}

function readRecord(value: unknown): RepositoryRecord {
  const at = 'repository';
  if (!isObject(value)) fail(at, 'is not an object');
  return {
    identity: str(value, 'identity', at),
    root: str(value, 'root', at),
    name: str(value, 'name', at),
    firstSeen: time(value, 'firstSeen', at),
    scannedAt: time(value, 'scannedAt', at),
    technologies: list(value, 'technologies', at, (t, p) => ({
      id: str(t, 'id', p),
      fileCount: count(t, 'fileCount', p),
      evidence: paths(t, 'evidence', p),
      fixtureOnly: t.fixtureOnly === true,
      firstSeen: time(t, 'firstSeen', p),
      lastSeen: time(t, 'lastSeen', p),
    })),
    practices: list(value, 'practices', at, (t, p) => ({
      id: str(t, 'id', p),
      evidence: paths(t, 'evidence', p),
      firstSeen: time(t, 'firstSeen', p),
      lastSeen: time(t, 'lastSeen', p),
    })),
    authored: readAuthored(value.authored, `${at}.authored`),
  };
}

/**
 * Reads one ledger file's text. An older version is migrated step by step; a newer one, broken
 * JSON or a wrong shape is refused with a reason that names the problem (the caller sets the file
 * aside, it never deletes it).
 */
export function parseLedger(text: string, migrations: LedgerMigrations = LEDGER_MIGRATIONS, current = LEDGER_VERSION): ParsedLedger {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(json) || typeof json.version !== 'number' || !Number.isInteger(json.version) || !('repository' in json)) {
    return { ok: false, reason: 'it is not a portfolio ledger file (no "version" and "repository")' };
  }
  if (json.version > current) return { ok: false, reason: `it was written by a newer version of the extension (ledger version ${json.version}, this one reads up to ${current})` };
  let repository: unknown = json.repository;
  for (let v = json.version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: `there is no migration from ledger version ${v}` };
    try {
      repository = step(repository);
    } catch (error) {
      return { ok: false, reason: `the migration from ledger version ${v} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  try {
    const record = readRecord(repository);
    return json.version === current ? { ok: true, record } : { ok: true, record, migratedFrom: json.version };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    throw error;
  }
}

export function serializeLedger(record: RepositoryRecord): string {
  return JSON.stringify({ version: LEDGER_VERSION, repository: record } satisfies LedgerFile) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

/**
 * The remote URL of `origin` (else the first remote) in a `.git/config` text, with any user name
 * or token removed: `https://user:token@host/x.git` must never reach the ledger.
 */
export function remoteUrlFromGitConfig(text: string): string | undefined {
  let section = '';
  let first: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      section = line;
      continue;
    }
    const m = /^url\s*=\s*(\S+)/.exec(line);
    if (!m || !section.startsWith('[remote ')) continue;
    const url = withoutCredentials(m[1].replace(/^"|"$/g, ''));
    if (section === '[remote "origin"]') return url;
    first ??= url;
  }
  return first;
}

function withoutCredentials(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme === -1) return url; // scp-like `git@host:org/repo.git`: the user is a login name, not a secret
  const rest = url.slice(scheme + 3);
  const at = rest.lastIndexOf('@', rest.indexOf('/') === -1 ? rest.length : rest.indexOf('/'));
  return at === -1 ? url : url.slice(0, scheme + 3) + rest.slice(at + 1);
}

/** 32-bit FNV-1a as 8 hex digits: a stable, dependency-free file-name suffix (not security). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** `infra-1a2b3c4d.json`: readable, and two repositories of one name still get two files. */
export function ledgerFileName(identity: string, name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'repository';
  return `${slug}-${fnv1a(identity)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Recording a scan
// ---------------------------------------------------------------------------------------------

export interface ScanToRecord {
  identity: string;
  root: string;
  name: string;
  findings: ScanFindings;
  /** Git's answer for the evidence files, or null when git was not asked. */
  authored: { email?: string; files: Readonly<Record<string, { yourCommits: number; totalCommits: number; firstYours?: string; lastYours?: string }>> } | null;
  at: Date;
}

/**
 * Folds a scan into the repository's record: ids found now are last seen now (first seen when new),
 * ids no longer found keep their dates (the history of what you practised there), and authorship
 * read now replaces the old entry of each file it covers; a scan without git keeps what git said before.
 */
export function recordScan(previous: RepositoryRecord | undefined, scan: ScanToRecord): RepositoryRecord {
  const now = scan.at.toISOString();
  const techs = new Map((previous?.technologies ?? []).map((t) => [t.id, t] as const));
  for (const t of scan.findings.technologies) {
    techs.set(t.id, { id: t.id, fileCount: t.fileCount, evidence: [...t.evidence], fixtureOnly: t.fixtureOnly, firstSeen: techs.get(t.id)?.firstSeen ?? now, lastSeen: now });
  }
  const practices = new Map((previous?.practices ?? []).map((p) => [p.id, p] as const));
  for (const p of scan.findings.practices) {
    practices.set(p.id, { id: p.id, evidence: [...p.evidence], firstSeen: practices.get(p.id)?.firstSeen ?? now, lastSeen: now });
  }
  let authored = previous?.authored ?? null;
  if (scan.authored) {
    const files: Record<string, LedgerFileAuthorship> = Object.assign(Object.create(null), authored?.files ?? {});
    for (const [path, a] of Object.entries(scan.authored.files)) {
      files[path] = { yourCommits: a.yourCommits, otherCommits: Math.max(0, a.totalCommits - a.yourCommits), firstYours: a.firstYours, lastYours: a.lastYours };
    }
    authored = { email: scan.authored.email, readAt: now, files };
  }
  return {
    identity: scan.identity,
    root: scan.root,
    name: scan.name,
    firstSeen: previous?.firstSeen ?? now,
    scannedAt: now,
    technologies: [...techs.values()].sort((a, b) => a.id.localeCompare(b.id)),
    practices: [...practices.values()].sort((a, b) => a.id.localeCompare(b.id)),
    authored,
  };
}
