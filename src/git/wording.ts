/**
 * Authorship in words, for the details page and the report: "you: 14 commits, last 3 weeks ago · 20
 * in this repository". Pure, no `vscode`, no process.
 */

import type { FileAuthorship } from './authorship';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
export function relativeTime(iso: string, now: Date): string | undefined {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const ms = now.getTime() - then;
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${plural(Math.floor(ms / MINUTE), 'minute')} ago`;
  if (ms < DAY) return `${plural(Math.floor(ms / HOUR), 'hour')} ago`;
  const days = Math.floor(ms / DAY);
  if (days < 7) return `${plural(days, 'day')} ago`;
  if (days < 30) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (days < 365) return `${plural(Math.max(1, Math.floor(days / 30.44)), 'month')} ago`;
  return `${plural(Math.floor(days / 365.25) || 1, 'year')} ago`;
}

/**
 * One line for a file: "you: 14 commits, last 3 weeks ago · 20 in this repository",
 * "not yours: 3 commits in this repository", or "no commits in this repository".
 */
export function describeAuthorship(entry: FileAuthorship, now: Date): string {
  if (entry.yourCommits > 0) {
    const when = entry.lastYours ? relativeTime(entry.lastYours, now) : undefined;
    return `you: ${plural(entry.yourCommits, 'commit')}${when ? `, last ${when}` : ''} · ${entry.totalCommits} in this repository`;
  }
  if (entry.totalCommits > 0) return `not yours: ${plural(entry.totalCommits, 'commit')} in this repository`;
  return 'no commits in this repository';
}

/**
 * Authorship said once per file, in plain words, for the views: "written by you: 14 commits, last 3
 * weeks ago", "written by you and others: 3 of 20 commits yours, last 2 days ago", "written by
 * others", "not committed yet".
 */
export function authorshipInWords(entry: FileAuthorship, now: Date): string {
  if (entry.yourCommits > 0) {
    const when = entry.lastYours ? relativeTime(entry.lastYours, now) : undefined;
    const last = when ? `, last ${when}` : '';
    if (entry.totalCommits > entry.yourCommits) return `written by you and others: ${entry.yourCommits} of ${plural(entry.totalCommits, 'commit')} yours${last}`;
    return `written by you: ${plural(entry.yourCommits, 'commit')}${last}`;
  }
  return entry.totalCommits > 0 ? 'written by others' : 'not committed yet';
}
