/**
 * What the Overview draws, as SVG and HTML from its page and layout: the boxes (buttons named by
 * what they show, then the rest in words), the edges with the path to the target on top, the
 * legend and the hover card. No listeners here; `overview.ts` makes it move and respond.
 */

import * as l10n from '@vscode/l10n';
import type { OverviewNode, OverviewPage } from '../../src/shared/protocol';
import { h, svg } from '../dom';
import { BOX, estimateWidth, roundedPath, type BoxLayout, type Measure, type OverviewLayout } from './overviewLayout';

/** Functions, so each word is read when drawn (after the bundle is configured). */
const KIND: Record<OverviewNode['group'], () => string> = {
  trunk: () => l10n.t('career stage'),
  branch: () => l10n.t('specialisation'),
  track: () => l10n.t('career track'),
};

/** Text widths in the webview's own font, so titles wrap where the browser will break them. */
export function canvasMeasure(): Measure {
  const context = typeof document !== 'undefined' ? document.createElement('canvas').getContext?.('2d') : null;
  if (!context) return estimateWidth;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text, size, bold) => {
    context.font = `${bold ? 600 : 400} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

function skillsText(node: OverviewNode): string {
  return node.skills
    ? l10n.t('{0} of {1} skills practiced or done ({2}%)', node.skills.have, node.skills.total, Math.round(node.progress * 100))
    : l10n.t('no skill list of its own');
}

/** What a box shows, in the order it shows it: its badge, title, salary line and skill count. */
function visibleText(node: OverviewNode, page: OverviewPage, lines: readonly string[]): string[] {
  return [badgeOf(node, page), lines.join(' '), salaryLine(node), node.skills ? `${node.skills.have}/${node.skills.total}` : l10n.t('No skill list')].filter(
    (t): t is string => !!t,
  );
}

function salaryLine(node: OverviewNode): string {
  // "UK figures only" reads "UK only" in a box; a translated note is shown whole.
  return node.salary ? `${node.salary}${node.salaryNote ? ` · ${node.salaryNote.replace(' figures', '')}` : ''}` : l10n.t('No salary figures');
}

/**
 * The box's accessible name: what it shows first (so a voice user can say what they see, and axe's
 * label-content-name-mismatch holds), then everything the hover card adds, in words.
 */
function nameOf(node: OverviewNode, page: OverviewPage, lines: readonly string[]): string {
  const details = [
    KIND[node.group](),
    node.salaryNote,
    node.years,
    skillsText(node),
    page.target?.id === node.id && page.target.title !== node.title && l10n.t('your target: {0}', page.target.title),
  ].filter(Boolean);
  return `${visibleText(node, page, lines).join(' ')}. ${details.join(', ')}`;
}

function badgeOf(node: OverviewNode, page: OverviewPage): string | undefined {
  if (page.current === node.id) return page.target?.id === node.id ? l10n.t('You are here · Target') : l10n.t('You are here');
  if (page.target?.id === node.id) return l10n.t('Target');
  return undefined;
}

export function drawBox(node: OverviewNode, box: BoxLayout, page: OverviewPage, onPath: boolean, measure: Measure): SVGElement {
  const classes = ['ov-node', `group-${node.group}`, page.current === node.id && 'current', page.target?.id === node.id && 'target', onPath && 'on-path'].filter(Boolean).join(' ');
  const g = svg('g', {
    class: classes,
    'data-node-id': node.id,
    transform: `translate(${box.x} ${box.y})`,
    role: 'button',
    tabindex: 0,
    'aria-label': nameOf(node, page, box.lines),
  });
  // The focus ring sits outside the box, so focus never looks like the path's or the badge's border.
  g.append(svg('rect', { class: 'ov-focus-ring', x: -5, y: -5, width: box.width + 10, height: box.height + 10, rx: 9 }));
  g.append(svg('rect', { class: 'ov-box', width: box.width, height: box.height, rx: 6 }));
  const badge = badgeOf(node, page);
  if (badge) {
    g.append(
      svg('path', { class: 'ov-badge', d: `M 1 ${BOX.badge} V 7 Q 1 1 7 1 H ${box.width - 7} Q ${box.width - 1} 1 ${box.width - 1} 7 V ${BOX.badge} Z` }),
      svg('text', { class: 'ov-badge-text', x: BOX.padding, y: BOX.metaSize + 4 }, `${badge} `),
    );
  }
  let y = (badge ? BOX.badge : 0) + BOX.padding + BOX.titleSize;
  const title = svg('text', { class: 'ov-title', x: BOX.padding, y });
  // Each line and each text ends in a space (not drawn: SVG drops it), so assistive technology
  // reads words, not "ReliabilityEngineering$100K–200K".
  box.lines.forEach((line, i) => title.append(svg('tspan', { x: BOX.padding, dy: i === 0 ? 0 : BOX.titleLine }, `${line} `)));
  g.append(title);
  y += (box.lines.length - 1) * BOX.titleLine + BOX.metaLine + 2;
  // A long line ("$110K–170K · US only") in a wide font is fitted to the box rather than cut.
  const room = box.width - 2 * BOX.padding;
  const squeeze = measure(salaryLine(node), BOX.metaSize, false) > room ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' } : {};
  g.append(svg('text', { class: 'ov-meta', x: BOX.padding, y, ...squeeze }, `${salaryLine(node)} `));
  y += BOX.metaLine;
  if (node.skills) {
    const barWidth = box.width - 2 * BOX.padding - 58;
    g.append(
      svg('rect', { class: 'ov-bar-track', x: BOX.padding, y: y - BOX.barHeight, width: barWidth, height: BOX.barHeight, rx: 2 }),
      svg('rect', { class: 'ov-bar-fill', x: BOX.padding, y: y - BOX.barHeight, width: barWidth * node.progress, height: BOX.barHeight, rx: 2 }),
      svg('text', { class: 'ov-meta', x: box.width - BOX.padding, y, 'text-anchor': 'end' }, `${node.skills.have}/${node.skills.total}`),
    );
  } else {
    g.append(svg('text', { class: 'ov-meta faint', x: BOX.padding, y }, l10n.t('No skill list')));
  }
  return g;
}

export function drawEdges(layout: OverviewLayout, page: OverviewPage): SVGElement {
  const onPath = new Set(page.path.slice(1).map((id, i) => `${page.path[i]}>${id}`));
  const group = svg('g', { class: 'ov-edges', 'aria-hidden': 'true' });
  const defs = svg('defs');
  for (const kind of ['plain', 'path']) {
    defs.append(
      svg(
        'marker',
        { id: `ov-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `ov-arrow ${kind}` }),
      ),
    );
  }
  group.append(defs);
  const highlighted: SVGElement[] = [];
  for (const edge of layout.edges) {
    const lit = onPath.has(`${edge.from}>${edge.to}`);
    const path = svg('path', {
      d: roundedPath(edge.points),
      class: lit ? 'ov-edge on-path' : 'ov-edge',
      'marker-end': `url(#ov-arrow-${lit ? 'path' : 'plain'})`,
      'data-edge': `${edge.from}>${edge.to}`,
    });
    if (lit) highlighted.push(path);
    else group.append(path);
  }
  group.append(...highlighted); // drawn last, so the path to the target lies on top
  return group;
}

export function legend(page: OverviewPage): HTMLElement {
  const swatch = (...children: SVGElement[]) => svg('svg', { class: 'ov-swatch', width: 28, height: 14, viewBox: '0 0 28 14', 'aria-hidden': 'true' }, ...children);
  const item = (sample: SVGElement, text: string) => h('li', {}, sample, text);
  return h(
    'ul',
    { class: 'ov-legend', 'aria-label': l10n.t('Legend') },
    item(
      swatch(svg('rect', { class: 'ov-bar-track', x: 1, y: 4, width: 26, height: 7, rx: 2 }), svg('rect', { class: 'ov-bar-fill', x: 1, y: 4, width: 16, height: 7, rx: 2 })),
      l10n.t('Skills you practice (found in your workspace) or marked done'),
    ),
    item(swatch(svg('rect', { class: 'ov-box sample group-trunk', x: 1, y: 1, width: 26, height: 12, rx: 3 })), l10n.t('Career stage')),
    item(swatch(svg('rect', { class: 'ov-box sample group-branch', x: 1, y: 1, width: 26, height: 12, rx: 3 })), l10n.t('Specialisation')),
    item(swatch(svg('rect', { class: 'ov-box sample group-track', x: 1, y: 1, width: 26, height: 12, rx: 3 })), l10n.t('Career track')),
    item(
      swatch(svg('rect', { class: 'ov-badge', x: 1, y: 2, width: 26, height: 10, rx: 2 })),
      page.current ? l10n.t('You are here') : l10n.t('You are here (set your current stage)'),
    ),
    item(
      swatch(svg('path', { class: 'ov-edge on-path', d: 'M 1 7 L 27 7' })),
      page.target ? l10n.t('Path to your target: {0}', page.target.title) : l10n.t('Path to your target (set a target role)'),
    ),
  );
}

/** The hover and focus card: salary, years and progress of one box. */
export function cardFor(node: OverviewNode, page: OverviewPage): HTMLElement[] {
  const lines = [
    h('strong', {}, node.title),
    h('span', { class: 'ov-card-kind' }, KIND[node.group]()),
    h(
      'span',
      {},
      node.salary ? (node.salaryNote ? l10n.t('Salary: {0} ({1})', node.salary, node.salaryNote) : l10n.t('Salary: {0}', node.salary)) : l10n.t('No salary figures in the sources'),
    ),
    node.years ? h('span', {}, l10n.t('Experience: {0}', node.years)) : null,
    h('span', {}, l10n.t('Progress: {0}', skillsText(node))),
    page.current === node.id ? h('span', {}, l10n.t('You are here')) : null,
    page.target?.id === node.id ? h('span', {}, l10n.t('Your target: {0}', page.target.title)) : null,
  ];
  return lines.filter((l): l is HTMLElement => l !== null);
}
