import type { ChartView } from '../../src/shared/protocol';
import { svg, h } from '../dom';

const WIDTH = 640;
const LABEL_WIDTH = 210;
const ROW = 26;

const symbol = (currency: string) => (currency === 'GBP' ? '£' : '$');
const short = (currency: string, n: number) => `${symbol(currency)}${Math.round(n / 1000)}K`;

/** "Nice" axis steps so the ticks read as round salaries. */
function ticks(max: number): number[] {
  const step = [10_000, 20_000, 25_000, 50_000, 100_000].find((s) => max / s <= 8) ?? 200_000;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** A range chart: one bar per role from its minimum to its maximum salary, in theme colours. */
export function salaryChart(chart: ChartView, onSelect: (id: string) => void): HTMLElement {
  const top = Math.max(...chart.points.map((p) => (p.max ?? p.min) * (p.openEnded ? 1.15 : 1)));
  const scaleMax = ticks(top).at(-1)! < top ? ticks(top).at(-1)! + (ticks(top)[1] ?? 10_000) : ticks(top).at(-1)!;
  const x = (v: number) => LABEL_WIDTH + ((WIDTH - LABEL_WIDTH - 16) * v) / scaleMax;
  const height = chart.points.length * ROW + 30;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': chart.title, class: 'chart' });
  for (const t of ticks(scaleMax)) {
    root.append(svg('line', { x1: x(t), x2: x(t), y1: 0, y2: height - 22, class: 'chart-grid' }));
    root.append(svg('text', { x: x(t), y: height - 6, class: 'chart-axis', 'text-anchor': 'middle' }, short(chart.currency, t)));
  }
  chart.points.forEach((p, i) => {
    const y = i * ROW + 4;
    const high = p.max ?? p.min;
    const row = svg('g', { class: p.current ? 'chart-row current' : 'chart-row', 'data-point-id': p.id });
    const label = `${p.label}: ${short(chart.currency, p.min)} to ${short(chart.currency, high)}${p.openEnded ? ' and more' : ''}`;
    row.append(
      svg('title', {}, label),
      svg('text', { x: LABEL_WIDTH - 8, y: y + 14, class: 'chart-label', 'text-anchor': 'end' }, p.label.length > 30 ? `${p.label.slice(0, 29)}…` : p.label),
      svg('rect', { x: x(p.min), y: y + 3, width: Math.max(4, x(high) - x(p.min)), height: ROW - 10, rx: 3, class: 'chart-bar' }),
    );
    if (p.openEnded) row.append(svg('path', { d: `M ${x(high)} ${y + 3} l 10 ${(ROW - 10) / 2} l -10 ${(ROW - 10) / 2} z`, class: 'chart-bar open' }));
    row.setAttribute('tabindex', '0');
    row.setAttribute('role', 'button');
    row.setAttribute('aria-label', label);
    row.addEventListener('click', () => onSelect(p.id));
    row.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') onSelect(p.id);
    });
    root.append(row);
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, chart.title), root);
}
