/** What every CLI command (scan, profile, job) prints and refuses alike: its tables, its JSON, its usage errors. */
import { escapeControl } from './core/format';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Aligned columns; every cell is escaped first, so a name can neither run escape sequences nor forge a row. */
export function table(rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map(escapeControl));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A bad argument: the command prints its message on one line and exits 2. */
export class UsageError extends Error {}

/**
 * What JSON.stringify leaves raw but a terminal or a bidi-aware viewer would act on: DEL, C1
 * controls, the line and paragraph separators and the bidi controls. Written as `\uXXXX`, the JSON
 * value is the same and the output shows them instead of obeying them.
 */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The CLI's JSON: 2-space indent, a final newline, and nothing a terminal would act on. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
