/**
 * What the "My Portfolio" view says about each repository, decided here so it is tested in plain
 * Node: the row's description ("not on disk · 14 of your commits · Terraform, Helm +2") and the
 * rows of what it shows. Pure.
 */

import * as l10n from '@vscode/l10n';
import type { RepositoryRecord } from './ledger';
import { monthYear } from './levels';

export interface RepositoryRow {
  identity: string;
  label: string;
  description: string;
  tooltip: string;
  onDisk: boolean;
}

export interface FindingRow {
  id: string;
  label: string;
  description: string;
  /** Found by the latest scan, or only by earlier ones. */
  current: boolean;
}

function yourCommits(record: RepositoryRecord): number | undefined {
  if (!record.authored) return undefined;
  let n = 0;
  for (const a of Object.values(record.authored.files)) n += a.yourCommits;
  return n;
}

export function repositoryRow(record: RepositoryRecord, where: { onDisk: boolean; open: boolean }, titleOf: (id: string) => string): RepositoryRow {
  const current = record.technologies.filter((t) => t.lastSeen === record.scannedAt && !t.fixtureOnly).map((t) => titleOf(t.id));
  const commits = yourCommits(record);
  const shows = current.length === 0 ? l10n.t('nothing detected') : current.length <= 2 ? current.join(', ') : `${current.slice(0, 2).join(', ')} +${current.length - 2}`;
  const parts = [
    !where.onDisk ? l10n.t('not on disk') : where.open ? l10n.t('open') : undefined,
    commits === undefined ? undefined : l10n.t('{0} of your commits', commits),
    shows,
  ].filter(Boolean);
  const tooltip = [
    record.root,
    record.identity !== record.root ? l10n.t('Remote: {0}', record.identity) : undefined,
    l10n.t('First scanned {0}, last {1}', monthYear(record.firstSeen), new Date(record.scannedAt).toISOString().slice(0, 10)),
    record.authored
      ? l10n.t('Authorship: commits by {0}', record.authored.email ?? l10n.t('your git user.email'))
      : l10n.t('Authorship: not read (untrusted workspace, setting off, or no git)'),
    where.onDisk ? undefined : l10n.t('Not on disk: its evidence is kept until you forget it.'),
  ]
    .filter(Boolean)
    .join('\n');
  return { identity: record.identity, label: record.name, description: parts.join(' · '), tooltip, onDisk: where.onDisk };
}

/** Technologies then practices; those the latest scan no longer found say when they were last seen. */
export function findingRows(record: RepositoryRecord, titleOf: (id: string) => string): FindingRow[] {
  const row = (id: string, lastSeen: string, what: string): FindingRow => {
    const current = lastSeen === record.scannedAt;
    return { id, label: titleOf(id), description: current ? what : l10n.t('no longer found, last seen {0}', monthYear(lastSeen)), current };
  };
  return [
    ...record.technologies.map((t) => row(t.id, t.lastSeen, fileCount(t.fileCount, t.fixtureOnly === true))),
    ...record.practices.map((p) => row(p.id, p.lastSeen, l10n.t('practice'))),
  ];
}

/** "3 files", "1 file (test fixtures only)". */
function fileCount(n: number, fixtureOnly: boolean): string {
  if (fixtureOnly) return n === 1 ? l10n.t('1 file (test fixtures only)') : l10n.t('{0} files (test fixtures only)', n);
  return n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n);
}
