/**
 * The salary chart: one bar per role from its lowest to its highest figure. Series in one currency
 * share an axis; a series in another currency (the ladders have UK figures only) gets an axis of its
 * own, titled with its currency and its note, so a pound bar never reads as dollars. The picture is
 * an image for assistive technology (nothing focusable inside it); the figures and the links to each
 * role follow as a real table.
 */

import * as l10n from '@vscode/l10n';
import type { ChartPoint, ChartSeries, ChartView } from '../../src/shared/protocol';
import { h, svg } from '../dom';

const WIDTH = 640;
const LABEL_WIDTH = 200;
const ROW = 26;
const HEADING = 22;
const AXIS = 40;

const SYMBOL: Record<string, string> = { GBP: '£', USD: '$' };
/** A currency's name in words (asked when drawn: the translation is read after this module loads). */
const nameOf = (currency: string) => (currency === 'GBP' ? l10n.t('pounds (GBP)') : currency === 'USD' ? l10n.t('US dollars (USD)') : currency);
const short = (currency: string, n: number) => `${SYMBOL[currency] ?? ''}${Math.round(n / 1000)}K`;
const full = (currency: string, n: number) => `${SYMBOL[currency] ?? ''}${n.toLocaleString('en-GB')}`;
const rangeText = (currency: string, p: ChartPoint, format = short) =>
  `${format(currency, p.min)}${p.max !== undefined ? ` – ${format(currency, p.max)}` : ''}${p.openEnded ? '+' : ''}`;

/** "Nice" axis steps so the ticks read as round salaries. */
function ticks(max: number): number[] {
  const step = [10_000, 20_000, 25_000, 50_000, 100_000].find((s) => max / s <= 8) ?? 200_000;
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return out;
}

/** Series grouped by currency, in the order they come: each group is drawn over one axis. */
function byCurrency(series: readonly ChartSeries[]): ChartSeries[][] {
  const groups = new Map<string, ChartSeries[]>();
  for (const s of series) groups.set(s.currency, [...(groups.get(s.currency) ?? []), s]);
  return [...groups.values()];
}

function drawGroup(root: SVGElement, group: ChartSeries[], chart: ChartView, top: number, onSelect: (id: string) => void): number {
  const currency = group[0].currency;
  const points = group.flatMap((s) => s.points);
  const scale = ticks(Math.max(...points.map((p) => (p.max ?? p.min) * (p.openEnded ? 1.1 : 1))));
  const scaleMax = scale.at(-1)!;
  const x = (v: number) => LABEL_WIDTH + ((WIDTH - LABEL_WIDTH - 30) * v) / scaleMax;
  const titled = chart.series.length > 1;
  const rows = points.length * ROW + (titled ? group.length * HEADING : 0);
  for (const t of scale) root.append(svg('line', { x1: x(t), x2: x(t), y1: top, y2: top + rows, class: 'chart-grid' }));
  let y = top;
  for (const series of group) {
    if (titled) {
      root.append(svg('text', { x: 0, y: y + 16, class: 'chart-axis-title' }, series.label));
      y += HEADING;
    }
    for (const p of series.points) {
      const high = p.max ?? p.min;
      const row = svg('g', { class: `chart-row chart-series-${chart.series.indexOf(series)}${p.current ? ' current' : ''}`, 'data-point-id': p.id });
      row.append(
        svg('text', { x: LABEL_WIDTH - 8, y: y + 17, class: 'chart-label', 'text-anchor': 'end' }, p.label.length > 30 ? `${p.label.slice(0, 29)}…` : p.label),
        svg('rect', { x: x(p.min), y: y + 5, width: Math.max(4, x(high) - x(p.min)), height: ROW - 10, rx: 3, class: 'chart-bar' }),
      );
      if (p.openEnded) row.append(svg('path', { d: `M ${x(high)} ${y + 5} l 10 ${(ROW - 10) / 2} l -10 ${(ROW - 10) / 2} z`, class: 'chart-bar open' }));
      // The mouse may click a bar; keyboards and screen readers use the table's links below.
      row.addEventListener('click', () => onSelect(p.id));
      root.append(row);
      y += ROW;
    }
  }
  for (const t of scale) root.append(svg('text', { x: x(t), y: y + 14, class: 'chart-axis', 'text-anchor': 'middle' }, short(currency, t)));
  const note = group.find((s) => s.note)?.note;
  root.append(
    svg(
      'text',
      { x: WIDTH - 16, y: y + 32, class: 'chart-axis-title', 'text-anchor': 'end', 'data-axis': currency },
      note ? l10n.t('Salary in {0} · {1}', nameOf(currency), note) : l10n.t('Salary in {0}', nameOf(currency)),
    ),
  );
  return y + AXIS;
}

/** What the caption says beyond the title: which series is in which currency, and what is missing. */
function captionNotes(chart: ChartView): string[] {
  const notes: string[] = [];
  const currencies = new Set(chart.series.map((s) => s.currency));
  if (currencies.size > 1)
    notes.push(
      l10n.t(
        'Two currencies, each on its own axis: {0}.',
        chart.series.map((s) => (s.note ? l10n.t('{0} in {1}, {2}', s.label, nameOf(s.currency), s.note) : l10n.t('{0} in {1}', s.label, nameOf(s.currency)))).join('; '),
      ),
    );
  else if (chart.series.some((s) => s.note))
    notes.push(l10n.t('{0}: the sources give these roles in {1} only.', chart.series.find((s) => s.note)!.note!, nameOf(chart.series[0].currency)));
  for (const s of chart.series) if (s.missing.length > 0) notes.push(l10n.t('No {0} figure for {1}.', SYMBOL[s.currency] ?? s.currency, s.missing.join(', ')));
  return notes;
}

function figuresTable(chart: ChartView, onSelect: (id: string) => void): HTMLElement {
  const body = chart.series.flatMap((s) => [
    h('tr', {}, h('th', { colspan: 2, scope: 'colgroup', class: 'chart-table-series' }, `${s.label}${s.note ? ` (${s.note})` : ''}`)),
    ...s.points.map((p) => {
      const name = p.current
        ? h('span', { 'aria-current': 'page' }, p.label)
        : (() => {
            const b = h('button', { type: 'button', class: 'link-button' }, p.label);
            b.addEventListener('click', () => onSelect(p.id));
            return b;
          })();
      return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, rangeText(s.currency, p, full)));
    }),
  ]);
  return h(
    'table',
    { class: 'chart-table' },
    h('caption', {}, l10n.t('The figures')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, l10n.t('Role')), h('th', { scope: 'col' }, l10n.t('Salary')))),
    h('tbody', {}, ...body),
  );
}

/** The chart as a figure: caption, the picture (an image), the table of figures with links. */
export function salaryChart(chart: ChartView, onSelect: (id: string) => void): HTMLElement {
  const groups = byCurrency(chart.series);
  const root = svg('svg', { class: 'chart', role: 'img' });
  let y = 4;
  for (const group of groups) y = drawGroup(root, group, chart, y, onSelect) + 8;
  root.setAttribute('viewBox', `0 0 ${WIDTH} ${y}`);
  const summary = chart.series.map((s) => `${s.label}: ${s.points.map((p) => `${p.label} ${rangeText(s.currency, p)}`).join(', ')}${s.note ? ` (${s.note})` : ''}`).join('. ');
  root.setAttribute('aria-label', `${chart.title}. ${summary}`);
  const notes = captionNotes(chart);
  return h(
    'figure',
    { class: 'chart-figure', 'data-testid': 'salary-chart' },
    h('figcaption', {}, h('strong', {}, chart.title), ...notes.map((n) => h('span', { class: 'chart-note' }, n))),
    root,
    figuresTable(chart, onSelect),
  );
}
