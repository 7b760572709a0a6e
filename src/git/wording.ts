/**
 * Authorship in words, for the details page and the report: "you: 14 commits, last 3 weeks ago · 20
 * in this repository". Pure, no `vscode`, no process.
 */

import * as l10n from '@vscode/l10n';
import type { FileAuthorship } from './authorship';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 commit", "14 commits". */
function commits(n: number): string {
  return n === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', n);
}

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
export function relativeTime(iso: string, now: Date): string | undefined {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const ms = now.getTime() - then;
  if (ms < MINUTE) return l10n.t('just now');
  const ago = (n: number, one: string, many: string) => (n === 1 ? one : many);
  if (ms < HOUR) {
    const n = Math.floor(ms / MINUTE);
    return ago(n, l10n.t('1 minute ago'), l10n.t('{0} minutes ago', n));
  }
  if (ms < DAY) {
    const n = Math.floor(ms / HOUR);
    return ago(n, l10n.t('1 hour ago'), l10n.t('{0} hours ago', n));
  }
  const days = Math.floor(ms / DAY);
  if (days < 7) return ago(days, l10n.t('1 day ago'), l10n.t('{0} days ago', days));
  if (days < 30) {
    const n = Math.floor(days / 7);
    return ago(n, l10n.t('1 week ago'), l10n.t('{0} weeks ago', n));
  }
  if (days < 365) {
    const n = Math.max(1, Math.floor(days / 30.44));
    return ago(n, l10n.t('1 month ago'), l10n.t('{0} months ago', n));
  }
  const n = Math.floor(days / 365.25) || 1;
  return ago(n, l10n.t('1 year ago'), l10n.t('{0} years ago', n));
}

/**
 * One line for a file: "you: 14 commits, last 3 weeks ago · 20 in this repository",
 * "not yours: 3 commits in this repository", or "no commits in this repository".
 */
export function describeAuthorship(entry: FileAuthorship, now: Date): string {
  if (entry.yourCommits > 0) {
    const when = entry.lastYours ? relativeTime(entry.lastYours, now) : undefined;
    const yours = when ? l10n.t('you: {0}, last {1}', commits(entry.yourCommits), when) : l10n.t('you: {0}', commits(entry.yourCommits));
    return l10n.t('{0} · {1} in this repository', yours, entry.totalCommits);
  }
  if (entry.totalCommits > 0) return l10n.t('not yours: {0} in this repository', commits(entry.totalCommits));
  return l10n.t('no commits in this repository');
}

/**
 * Authorship said once per file, in plain words, for the views: "written by you: 14 commits, last 3
 * weeks ago", "written by you and others: 3 of 20 commits yours, last 2 days ago", "written by
 * others", "not committed yet".
 */
export function authorshipInWords(entry: FileAuthorship, now: Date): string {
  if (entry.yourCommits > 0) {
    const when = entry.lastYours ? relativeTime(entry.lastYours, now) : undefined;
    const said =
      entry.totalCommits > entry.yourCommits
        ? l10n.t('written by you and others: {0} of {1} yours', entry.yourCommits, commits(entry.totalCommits))
        : l10n.t('written by you: {0}', commits(entry.yourCommits));
    return when ? l10n.t('{0}, last {1}', said, when) : said;
  }
  return entry.totalCommits > 0 ? l10n.t('written by others') : l10n.t('not committed yet');
}
