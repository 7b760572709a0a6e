/**
 * The Overview: the whole career tree as one layered picture that fills the panel. Boxes are
 * buttons (Tab reaches each, Enter or Space opens it), the picture pans and zooms with the mouse
 * (drag, wheel), the keyboard (+, −, arrow keys) and a Fit button. Positions come from
 * `overviewLayout.ts`, the pan and zoom arithmetic from `overviewCamera.ts`; this module only draws.
 * No style attributes (the CSP allows none): classes, SVG attributes and CSSOM properties.
 */

import type { OverviewNode, OverviewPage } from '../../src/shared/protocol';
import { h, svg } from '../dom';
import { firstView, fitView, panBy, reveal, zoomAt, ZOOM, type Size, type View } from './overviewCamera';
import { BOX, estimateWidth, layoutOverview, roundedPath, type BoxLayout, type Measure, type OverviewLayout } from './overviewLayout';

const KIND: Record<OverviewNode['group'], string> = { trunk: 'career stage', branch: 'specialisation', track: 'career track' };
const PAN_STEP = 80;

/** Where the picture was left: kept across redraws (a mark elsewhere redraws the page), never across sessions. */
let remembered: { view: View; moved: boolean } | undefined;

/** Text widths in the webview's own font, so titles wrap where the browser will break them. */
function canvasMeasure(): Measure {
  const context = typeof document !== 'undefined' ? document.createElement('canvas').getContext?.('2d') : null;
  if (!context) return estimateWidth;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text, size, bold) => {
    context.font = `${bold ? 600 : 400} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

function skillsText(node: OverviewNode): string {
  return node.skills ? `${node.skills.have} of ${node.skills.total} skills practiced or done (${Math.round(node.progress * 100)}%)` : 'no skill list of its own';
}

/** What a box shows, in the order it shows it: its badge, title, salary line and skill count. */
function visibleText(node: OverviewNode, page: OverviewPage, lines: readonly string[]): string[] {
  return [badgeOf(node, page), lines.join(' '), salaryLine(node), node.skills ? `${node.skills.have}/${node.skills.total}` : 'No skill list'].filter((t): t is string => !!t);
}

function salaryLine(node: OverviewNode): string {
  return node.salary ? `${node.salary}${node.salaryNote ? ` · ${node.salaryNote.replace(' figures', '')}` : ''}` : 'No salary figures';
}

/**
 * The box's accessible name: what it shows first (so a voice user can say what they see, and axe's
 * label-content-name-mismatch holds), then everything the hover card adds, in words.
 */
function nameOf(node: OverviewNode, page: OverviewPage, lines: readonly string[]): string {
  const details = [
    KIND[node.group],
    node.salaryNote,
    node.years,
    skillsText(node),
    page.target?.id === node.id && page.target.title !== node.title && `your target: ${page.target.title}`,
  ].filter(Boolean);
  return `${visibleText(node, page, lines).join(' ')}. ${details.join(', ')}`;
}

function badgeOf(node: OverviewNode, page: OverviewPage): string | undefined {
  if (page.current === node.id) return page.target?.id === node.id ? 'You are here · Target' : 'You are here';
  if (page.target?.id === node.id) return 'Target';
  return undefined;
}

function drawBox(node: OverviewNode, box: BoxLayout, page: OverviewPage, onPath: boolean, measure: Measure): SVGElement {
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
    g.append(svg('text', { class: 'ov-meta faint', x: BOX.padding, y }, 'No skill list'));
  }
  return g;
}

function drawEdges(layout: OverviewLayout, page: OverviewPage): SVGElement {
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

function legend(page: OverviewPage): HTMLElement {
  const swatch = (...children: SVGElement[]) => svg('svg', { class: 'ov-swatch', width: 28, height: 14, viewBox: '0 0 28 14', 'aria-hidden': 'true' }, ...children);
  const item = (sample: SVGElement, text: string) => h('li', {}, sample, text);
  return h(
    'ul',
    { class: 'ov-legend', 'aria-label': 'Legend' },
    item(
      swatch(svg('rect', { class: 'ov-bar-track', x: 1, y: 4, width: 26, height: 7, rx: 2 }), svg('rect', { class: 'ov-bar-fill', x: 1, y: 4, width: 16, height: 7, rx: 2 })),
      'Skills you practice (found in your workspace) or marked done',
    ),
    item(swatch(svg('rect', { class: 'ov-box sample group-trunk', x: 1, y: 1, width: 26, height: 12, rx: 3 })), 'Career stage'),
    item(swatch(svg('rect', { class: 'ov-box sample group-branch', x: 1, y: 1, width: 26, height: 12, rx: 3 })), 'Specialisation'),
    item(swatch(svg('rect', { class: 'ov-box sample group-track', x: 1, y: 1, width: 26, height: 12, rx: 3 })), 'Career track'),
    item(swatch(svg('rect', { class: 'ov-badge', x: 1, y: 2, width: 26, height: 10, rx: 2 })), page.current ? 'You are here' : 'You are here (set your current stage)'),
    item(
      swatch(svg('path', { class: 'ov-edge on-path', d: 'M 1 7 L 27 7' })),
      page.target ? `Path to your target: ${page.target.title}` : 'Path to your target (set a target role)',
    ),
  );
}

/** The hover and focus card: salary, years and progress of one box. */
function cardFor(node: OverviewNode, page: OverviewPage): HTMLElement[] {
  const lines = [
    h('strong', {}, node.title),
    h('span', { class: 'ov-card-kind' }, KIND[node.group]),
    h('span', {}, node.salary ? `Salary: ${node.salary}${node.salaryNote ? ` (${node.salaryNote})` : ''}` : 'No salary figures in the sources'),
    node.years ? h('span', {}, `Experience: ${node.years}`) : null,
    h('span', {}, `Progress: ${skillsText(node)}`),
    page.current === node.id ? h('span', {}, 'You are here') : null,
    page.target?.id === node.id ? h('span', {}, `Your target: ${page.target.title}`) : null,
  ];
  return lines.filter((l): l is HTMLElement => l !== null);
}

/** The whole career tree as one picture: the trunk down the left, specialisations and tracks off it. */
export function renderOverview(page: OverviewPage, navigate: (id: string) => void): HTMLElement {
  const badged = new Set([page.current, page.target?.id].filter((id): id is string => id !== undefined));
  const started = performance.now();
  const measure = canvasMeasure();
  const layout = layoutOverview(page.nodes, measure, badged);
  // For the UI check's log and anyone profiling: how long the whole tree takes to lay out.
  performance.measure?.('devops-roadmap:overview-layout', { start: started });
  const nodes = new Map(page.nodes.map((n) => [n.id, n] as const));
  const onPath = new Set(page.path);

  const world = svg('g', { class: 'ov-world' });
  world.append(drawEdges(layout, page));
  const boxes = new Map<string, { el: SVGElement; box: BoxLayout }>();
  for (const box of layout.boxes) {
    const el = drawBox(nodes.get(box.id)!, box, page, onPath.has(box.id) && page.path.length > 1, measure);
    boxes.set(box.id, { el, box });
    world.append(el);
  }
  const picture = svg(
    'svg',
    {
      class: 'ov-picture',
      role: 'group',
      'aria-label': `Career tree: ${page.nodes.length} roles, from the first stage down; each box opens its page`,
      'data-testid': 'overview-picture',
    },
    world,
  );
  const card = h('div', { class: 'ov-card', 'aria-hidden': 'true', hidden: '' });
  const viewport = h('div', { class: 'ov-viewport' }, picture, card);

  const zoomLabel = h('span', { class: 'ov-zoom', 'aria-hidden': 'true' });
  const button = (label: string, text: string, action: () => void, testid: string) => {
    const b = h('button', { type: 'button', class: 'ov-button', 'aria-label': label, title: label, 'data-testid': testid }, text);
    b.addEventListener('click', action);
    return b;
  };

  // ---- the view: first fitted, then wherever the person takes it --------------------------------
  let view: View = remembered?.view ?? { scale: 1, x: 0, y: 0 };
  let moved = remembered?.moved ?? false;
  const size = (): Size => ({ width: viewport.clientWidth, height: viewport.clientHeight });
  const apply = (next: View, byPerson: boolean) => {
    view = next;
    if (byPerson) moved = true;
    remembered = { view, moved };
    world.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.scale})`);
    zoomLabel.textContent = `${Math.round(view.scale * 100)}%`;
  };
  const centre = () => ({ x: size().width / 2, y: size().height / 2 });
  const zoomIn = () => apply(zoomAt(view, ZOOM.step, centre()), true);
  const zoomOut = () => apply(zoomAt(view, 1 / ZOOM.step, centre()), true);
  const fit = () => apply(fitView(layout, size()), true);
  const settle = () => {
    const room = size();
    if (room.width > 0 && room.height > 0 && !moved) apply(firstView(layout, room), false);
  };
  apply(view, false);

  // ---- boxes: open, hover and focus cards ------------------------------------------------------
  let dragged = false;
  const showCard = (id: string) => {
    const { box } = boxes.get(id)!;
    card.replaceChildren(...cardFor(nodes.get(id)!, page));
    card.hidden = false;
    const room = size();
    const left = Math.min(Math.max(4, (box.x + box.width) * view.scale + view.x + 8), Math.max(4, room.width - 260));
    const top = Math.min(Math.max(4, box.y * view.scale + view.y), Math.max(4, room.height - 150));
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  };
  const hideCard = () => {
    card.hidden = true;
  };
  for (const [id, { el, box }] of boxes) {
    el.addEventListener('click', () => {
      if (!dragged) navigate(id);
    });
    el.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        navigate(id);
      }
    });
    el.addEventListener('focus', () => {
      apply(reveal(view, box, size()), moved);
      showCard(id);
    });
    el.addEventListener('blur', hideCard);
    el.addEventListener('pointerenter', () => showCard(id));
    el.addEventListener('pointerleave', hideCard);
  }

  // ---- mouse: drag to pan, wheel to zoom at the pointer ----------------------------------------
  let drag: { x: number; y: number; view: View; pointer: number } | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view, pointer: event.pointerId };
    dragged = false;
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) viewport.setPointerCapture?.(drag.pointer);
    dragged = true;
    viewport.classList.add('dragging');
    hideCard();
    apply(panBy(drag.view, dx, dy), true);
  });
  const endDrag = () => {
    drag = undefined;
    viewport.classList.remove('dragging');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const rect = viewport.getBoundingClientRect();
      const lines = event.deltaMode === 1 ? 16 : 1;
      apply(zoomAt(view, Math.exp(-event.deltaY * lines * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top }), true);
    },
    { passive: false },
  );

  // ---- keyboard, anywhere in the Overview: + and − zoom, arrows pan -----------------------------
  const article = h(
    'article',
    { class: 'overview', 'data-testid': 'overview' },
    h(
      'header',
      { class: 'ov-head' },
      h('h1', { 'data-testid': 'details-title' }, page.title),
      h(
        'div',
        { class: 'ov-tools' },
        button('Zoom out', '−', zoomOut, 'overview-zoom-out'),
        zoomLabel,
        button('Zoom in', '+', zoomIn, 'overview-zoom-in'),
        button('Fit the whole tree in view', 'Fit', fit, 'overview-fit'),
      ),
    ),
    legend(page),
    viewport,
    h(
      'p',
      { class: 'ov-keys' },
      'Tab moves between boxes and Enter opens one. + and − zoom, the arrow keys move the picture, Fit shows all of it; or drag and use the mouse wheel.',
    ),
  );
  article.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return; // the workbench's and the panel's own shortcuts
    const pans: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (event.key === '+' || event.key === '=') zoomIn();
    else if (event.key === '-' || event.key === '_') zoomOut();
    else if (pans[event.key]) apply(panBy(view, ...pans[event.key]), true);
    else return;
    event.preventDefault();
  });

  // Fill the panel and follow its size; until the person pans or zooms, the first view is kept fitted.
  if (typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(() => {
      if (!viewport.isConnected) observer.disconnect();
      else settle();
    });
    observer.observe(viewport);
  }
  queueMicrotask(settle);
  return article;
}
