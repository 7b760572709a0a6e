/**
 * The Overview: the whole career tree as one layered picture that fills the panel. Boxes are
 * buttons (Tab reaches each, Enter or Space opens it), the picture pans and zooms with the mouse
 * (drag, wheel), the keyboard (+, −, arrow keys) and a Fit button. Positions come from
 * `overviewLayout.ts`, the pan and zoom arithmetic from `overviewCamera.ts`, the SVG from
 * `overviewDraw.ts`; this module wires them to the mouse, the keyboard and the panel's size.
 * No style attributes (the CSP allows none): classes, SVG attributes and CSSOM properties.
 */

import * as l10n from '@vscode/l10n';
import type { OverviewPage } from '../../src/shared/protocol';
import { h, svg } from '../dom';
import { firstView, fitView, panBy, reveal, zoomAt, ZOOM, type Size, type View } from './overviewCamera';
import { canvasMeasure, cardFor, drawBox, drawEdges, legend } from './overviewDraw';
import { layoutOverview, type BoxLayout } from './overviewLayout';

const PAN_STEP = 80;

/** Where the picture was left: kept across redraws (a mark elsewhere redraws the page), never across sessions. */
let remembered: { view: View; moved: boolean } | undefined;

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
      'aria-label': l10n.t('Career tree: {0} roles, from the first stage down; each box opens its page', page.nodes.length),
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
        button(l10n.t('Zoom out'), '−', zoomOut, 'overview-zoom-out'),
        zoomLabel,
        button(l10n.t('Zoom in'), '+', zoomIn, 'overview-zoom-in'),
        button(l10n.t('Fit the whole tree in view'), l10n.t('Fit'), fit, 'overview-fit'),
      ),
    ),
    legend(page),
    viewport,
    h(
      'p',
      { class: 'ov-keys' },
      l10n.t('Tab moves between boxes and Enter opens one. + and − zoom, the arrow keys move the picture, Fit shows all of it; or drag and use the mouse wheel.'),
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
