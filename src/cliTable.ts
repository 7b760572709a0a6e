/** The CLI's tables (scan, profile): aligned columns, shared so every command prints alike. */
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
