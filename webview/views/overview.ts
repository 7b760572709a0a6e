import type { OverviewNode, OverviewPage } from '../../src/shared/protocol';
import { activatable, h, svg } from '../dom';

const NODE_W = 168;
const NODE_H = 54;
const GAP_X = 18;
const ROW_GAP = 70;

function wrap(title: string, max = 21): string[] {
  const words = title.split(/\s+/);
  const lines: string[] = [''];
  for (const word of words) {
    const current = lines[lines.length - 1];
    if (current && (current + ' ' + word).length > max) lines.push(word);
    else lines[lines.length - 1] = current ? `${current} ${word}` : word;
  }
  return lines.length > 2
    ? [
        lines[0],
        `${lines
          .slice(1)
          .join(' ')
          .slice(0, max - 1)}…`,
      ]
    : lines;
}

/** Progress in five steps, so the colour reads at a glance and in high contrast. */
const tier = (progress: number) => Math.min(4, Math.floor(progress * 4 + (progress > 0 ? 1 : 0)));

/** The whole career tree as one picture: the trunk across the top, branches and tracks below. */
export function renderOverview(page: OverviewPage, navigate: (id: string) => void): HTMLElement {
  const rows: OverviewNode[][] = [page.nodes.filter((n) => n.group === 'trunk'), page.nodes.filter((n) => n.group === 'branch'), page.nodes.filter((n) => n.group === 'track')];
  const widest = Math.max(...rows.map((r) => r.length));
  const width = widest * (NODE_W + GAP_X) + GAP_X;
  const height = rows.length * (NODE_H + ROW_GAP) + 10;
  const place = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const offset = (width - row.length * (NODE_W + GAP_X) + GAP_X) / 2;
    row.forEach((node, i) => place.set(node.id, { x: offset + i * (NODE_W + GAP_X), y: 20 + r * (NODE_H + ROW_GAP) }));
  });

  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Career tree: trunk stages, specialisations and tracks' });
  const edges = svg('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const node of page.nodes) {
    const from = place.get(node.id)!;
    for (const target of node.next) {
      const to = place.get(target);
      if (!to) continue;
      const sameRow = from.y === to.y;
      const d = sameRow
        ? `M ${from.x + NODE_W} ${from.y + NODE_H / 2} L ${to.x} ${to.y + NODE_H / 2}`
        : `M ${from.x + NODE_W / 2} ${from.y + NODE_H} C ${from.x + NODE_W / 2} ${from.y + NODE_H + ROW_GAP / 2}, ${to.x + NODE_W / 2} ${to.y - ROW_GAP / 2}, ${to.x + NODE_W / 2} ${to.y}`;
      edges.append(svg('path', { d, class: `edge ${sameRow ? 'trunk' : ''}` }));
    }
  }
  picture.append(edges);

  for (const node of page.nodes) {
    const { x, y } = place.get(node.id)!;
    const percent = Math.round(node.progress * 100);
    const g = activatable(
      svg('g', { class: `ov-node group-${node.group} tier-${tier(node.progress)}`, 'data-node-id': node.id, transform: `translate(${x} ${y})` }),
      `${node.title}${node.salary ? `, ${node.salary}` : ''}, ${percent}% of its skills practiced or done`,
      () => navigate(node.id),
    );
    g.append(svg('rect', { width: NODE_W, height: NODE_H, rx: 6, class: 'ov-box' }));
    g.append(svg('rect', { width: (NODE_W * percent) / 100, height: 4, y: NODE_H - 4, class: 'ov-progress' }));
    wrap(node.title).forEach((line, i) => g.append(svg('text', { x: 10, y: 18 + i * 15, class: 'ov-title' }, line)));
    if (node.salary) g.append(svg('text', { x: NODE_W - 8, y: NODE_H - 10, class: 'ov-salary', 'text-anchor': 'end' }, node.salary));
    picture.append(g);
  }

  const legend = h(
    'p',
    { class: 'legend' },
    'Top row: the career trunk. Middle: specialisations. Bottom: career tracks. The bar under each box shows how many of its skills you practice (found in your workspace) or marked done. Select a box for its details.',
  );
  return h('article', { class: 'overview', 'data-testid': 'overview' }, h('h1', { 'data-testid': 'details-title' }, page.title), legend, h('div', { class: 'ov-scroll' }, picture));
}
