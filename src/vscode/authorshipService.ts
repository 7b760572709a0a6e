import * as vscode from 'vscode';
import { readAuthorship, type FileAuthorship } from '../git/authorship';
import { mayReadAuthorship } from '../git/policy';
import { authorshipInWords, describeAuthorship } from '../git/wording';
import type { ScanService } from './scanService';
import { log } from './log';
import { Disposable } from './lifecycle';
import { capabilities } from './platform';

/** The git of VS Code's own `git.path` setting (a path or a list of paths), else `git` from PATH. */
export function configuredGit(): string | undefined {
  const setting = vscode.workspace.getConfiguration('git').get<string | string[] | null>('path');
  const first = Array.isArray(setting) ? setting[0] : setting;
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

/**
 * "you: 14 commits, last 3 weeks ago" beside each evidence file. Runs git read-only (see
 * git/authorship.ts) once per folder after each scan, and never in an untrusted workspace,
 * when the setting is off, or for non-local folders: then no process is spawned at all. In the web
 * build no process can start: each evidence file then says so instead.
 */
export class AuthorshipService extends Disposable {
  private readonly byFile = new Map<string, FileAuthorship>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private generation = 0;
  /** Set when authorship is wanted but this host cannot run git. */
  private unavailable: string | undefined;

  constructor(private readonly scan: ScanService) {
    super();
    this.register(scan.onDidChange(() => void this.refresh()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsRoadmap.authorship')) void this.refresh();
      }),
    );
  }

  /** The description of a file's authorship, if known. */
  describe(folder: string, path: string, now = new Date()): string | undefined {
    const entry = this.byFile.get(`${folder}/${path}`);
    return entry ? describeAuthorship(entry, now) : this.unavailable;
  }

  /** A file's authorship in plain words for the views ("written by you: 3 commits, last 2 days ago", "written by others"), if known. */
  inWords(folder: string, path: string, now = new Date()): string | undefined {
    const entry = this.byFile.get(`${folder}/${path}`);
    return entry ? authorshipInWords(entry, now) : undefined;
  }

  /** What git said of a folder's evidence files at the last refresh (the portfolio records it), or undefined when it was not asked. */
  filesOf(folder: string): Record<string, FileAuthorship> | undefined {
    const prefix = `${folder}/`;
    const files = [...this.byFile].filter(([key]) => key.startsWith(prefix));
    return files.length > 0 ? Object.fromEntries(files.map(([key, entry]) => [key.slice(prefix.length), entry])) : undefined;
  }

  /** Every known description, keyed `<folder>/<path>` (for the report). */
  all(now = new Date()): Record<string, string> {
    return Object.fromEntries([...this.byFile].map(([key, entry]) => [key, describeAuthorship(entry, now)]));
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const enabled = vscode.workspace.getConfiguration('devopsRoadmap').get<boolean>('authorship.enabled', true);
    const next = new Map<string, FileAuthorship>();
    // Shown beside evidence files where authorship would be, in a host that cannot run git (the web).
    this.unavailable = enabled && !capabilities.processes ? vscode.l10n.t('authorship needs git: not available in VS Code for the Web') : undefined;
    for (const s of capabilities.processes ? this.scan.scans() : []) {
      if (!mayReadAuthorship({ trusted: vscode.workspace.isTrusted, enabled, scheme: s.uri.scheme })) continue;
      const files = [...new Set([...s.result.technologies, ...s.result.practices].flatMap((t) => t.evidence))];
      if (files.length === 0) continue;
      const result = await readAuthorship(s.uri.fsPath, files, { git: configuredGit() });
      if (!result.available) {
        if (result.reason !== 'not-a-repository') log().info(`Authorship not read for ${s.folder}: ${result.message}`);
        continue;
      }
      for (const [path, entry] of Object.entries(result.files)) next.set(`${s.folder}/${path}`, entry);
    }
    if (generation !== this.generation) return; // a newer refresh started meanwhile
    this.byFile.clear();
    for (const [k, v] of next) this.byFile.set(k, v);
    this.changed.fire();
  }
}
