/**
 * Where the Overview's boxes and edges go: a layered top-down graph laid out by dagre, with edges
 * routed orthogonally through the gaps between layers, so no edge crosses a box. Pure (no DOM):
 * text widths come from a `measure` function, a canvas in the webview and an estimate in tests.
 */

import dagre from '@dagrejs/dagre';
import type { OverviewNode } from '../../src/shared/protocol';

export interface Point {
  x: number;
  y: number;
}

export interface BoxLayout {
  id: string;
  /** Top-left corner and size, in picture units (1 unit = 1 CSS pixel at 100% zoom). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title wrapped to the box. */
  lines: string[];
  /** Layer from the top, 0 for the first stage. */
  layer: number;
}

export interface EdgeLayout {
  from: string;
  to: string;
  /** Corners of the route: each segment is horizontal or vertical. */
  points: Point[];
}

export interface OverviewLayout {
  width: number;
  height: number;
  /** In reading order (layer by layer, left to right): the Tab order of the picture. */
  boxes: BoxLayout[];
  edges: EdgeLayout[];
}

/** Width of `text` in CSS pixels at `fontSize`, bold or not. */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** Sizes of the picture in CSS pixels at 100% zoom; every text is at least 14 px there. */
export const BOX = {
  width: 176,
  padding: 9,
  titleSize: 15,
  titleLine: 19,
  metaSize: 14,
  metaLine: 20,
  barHeight: 8,
  maxTitleLines: 3,
  /** A strip at the top of a box for its "You are here" or "Target" badge. */
  badge: 24,
} as const;

/** The smallest text of the picture at 100% zoom: what the first view keeps readable. */
export const SMALLEST_TEXT = BOX.metaSize;

const GAP = { nodes: 16, layers: 44, edges: 10, margin: 16 } as const;

/** A width estimate for plain Node (tests): generous, so wrapping errs on the safe side. */
export const estimateWidth: Measure = (text, fontSize, bold) => text.length * fontSize * (bold ? 0.62 : 0.56);

/** Greedy word wrap to `maxWidth`; a last line that would overflow the allowed lines ends in "…". */
export function wrapTitle(title: string, measure: Measure, maxWidth = BOX.width - 2 * BOX.padding, maxLines: number = BOX.maxTitleLines): string[] {
  const fits = (text: string) => measure(text, BOX.titleSize, true) <= maxWidth;
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  let tail = lines.slice(maxLines - 1).join(' ');
  while (tail.length > 1 && !fits(`${tail}…`)) tail = tail.slice(0, -1).trimEnd();
  return [...lines.slice(0, maxLines - 1), `${tail}…`];
}

/** Height of a box with `titleLines` lines: its badge strip, the title, a salary line, the progress bar line. */
export function boxHeight(titleLines: number, badged = false): number {
  return (badged ? BOX.badge : 0) + BOX.padding * 2 + titleLines * BOX.titleLine + BOX.metaLine * 2 + 2;
}

/**
 * Lays the picture out: dagre ranks the layers and orders each to keep crossings few; trunk edges
 * weigh more, so the career trunk stays one column. Then each layer is packed to the left in that
 * order (dagre's own x spreads the tree to about 1,300 px; packed it is about 1,000, so a panel
 * beside the side bar shows it at a readable size), and edges are routed orthogonally.
 * `badged` boxes get a strip for their "You are here" or "Target" badge.
 */
export function layoutOverview(nodes: readonly OverviewNode[], measure: Measure = estimateWidth, badged: ReadonlySet<string> = new Set()): OverviewLayout {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', align: 'UR', nodesep: GAP.nodes, ranksep: GAP.layers, edgesep: GAP.edges, marginx: GAP.margin, marginy: GAP.margin });
  graph.setDefaultEdgeLabel(() => ({}));
  const wrapped = new Map(nodes.map((n) => [n.id, wrapTitle(n.title, measure)] as const));
  for (const node of nodes) graph.setNode(node.id, { width: BOX.width, height: boxHeight(wrapped.get(node.id)!.length, badged.has(node.id)) });
  const group = new Map(nodes.map((n) => [n.id, n.group] as const));
  for (const node of nodes) {
    for (const next of node.next) {
      if (group.has(next)) graph.setEdge(node.id, next, { weight: group.get(next) === 'trunk' ? 8 : 1 });
    }
  }
  dagre.layout(graph);

  const centres = new Map(nodes.map((n) => [n.id, graph.node(n.id) as { x: number; y: number; width: number; height: number }] as const));
  const layerYs = [...new Set([...centres.values()].map((c) => Math.round(c.y)))].sort((a, b) => a - b);
  const layerOf = (y: number) => layerYs.findIndex((ly) => Math.abs(ly - y) < 1);
  const boxes: BoxLayout[] = nodes.map((n) => {
    const c = centres.get(n.id)!;
    // x mirrored: dagre's 'UR' alignment keeps the trunk straight on the right; it reads better on the left.
    return { id: n.id, x: -c.x, y: c.y - c.height / 2, width: c.width, height: c.height, lines: wrapped.get(n.id)!, layer: layerOf(Math.round(c.y)) };
  });
  // The places dagre keeps free in a layer for an edge that passes through it (its dummy nodes).
  const passes = graph.edges().map((e) => ({
    from: e.v,
    to: e.w,
    through: ((graph.edge(e) as { points?: Point[] }).points ?? [])
      .slice(1, -1)
      .map((p) => ({ x: -p.x, layer: layerOf(Math.round(p.y)) }))
      .filter((p) => p.layer >= 0),
  }));
  const width =
    pack(
      boxes,
      passes.flatMap((e) => e.through),
    ) + GAP.margin;
  const height = (graph.graph() as { height?: number }).height ?? 0;
  boxes.sort((a, b) => a.layer - b.layer || a.x - b.x);
  return { width, height, boxes, edges: routeEdges(passes, boxes) };
}

/**
 * Packs every layer to the left, keeping its order (by x): boxes GAP.nodes apart, passing edges
 * GAP.edges apart. Sets each box's x to its left edge and each pass's x to its line; returns the
 * right edge of the widest layer.
 */
function pack(boxes: BoxLayout[], through: { x: number; layer: number }[]): number {
  type Item = { x: number; width: number; set: (x: number) => void; isBox: boolean };
  const layers = new Map<number, Item[]>();
  const add = (layer: number, item: Item) => layers.set(layer, [...(layers.get(layer) ?? []), item]);
  for (const b of boxes) add(b.layer, { x: b.x, width: b.width, isBox: true, set: (x) => (b.x = x) });
  for (const p of through) add(p.layer, { x: p.x, width: 0, isBox: false, set: (x) => (p.x = x) });
  let right = 0;
  for (const items of layers.values()) {
    let edge = GAP.margin;
    let last: Item | undefined;
    for (const item of items.sort((a, b) => a.x - b.x)) {
      const gap = !last ? 0 : last.isBox && item.isBox ? GAP.nodes : GAP.edges;
      const left = edge + gap;
      item.set(left);
      edge = left + item.width;
      last = item;
    }
    right = Math.max(right, edge);
  }
  return right;
}

/**
 * Orthogonal routes: down from the source's bottom, across in the gap below its layer, down through
 * the places dagre kept free in the layers between (its dummy nodes), into the target's top. Edges
 * of different sources cross a gap on different heights, so a shared line never hides who leads where.
 */
function routeEdges(passes: readonly { from: string; to: string; through: { x: number; layer: number }[] }[], boxes: readonly BoxLayout[]): EdgeLayout[] {
  const byId = new Map(boxes.map((b) => [b.id, b] as const));
  const layers = Math.max(0, ...boxes.map((b) => b.layer)) + 1;
  const top = Array.from({ length: layers }, (_, l) => Math.min(...boxes.filter((b) => b.layer === l).map((b) => b.y)));
  const bottom = Array.from({ length: layers }, (_, l) => Math.max(...boxes.filter((b) => b.layer === l).map((b) => b.y + b.height)));

  // Which sources cross each gap, left to right: each gets its own lane in that gap.
  const crossing = Array.from({ length: layers }, () => new Set<string>());
  for (const e of passes) for (let l = byId.get(e.from)!.layer; l < byId.get(e.to)!.layer; l++) crossing[l].add(e.from);
  const lane = (gap: number, source: string) => {
    const sources = [...crossing[gap]].sort((a, b) => byId.get(a)!.x - byId.get(b)!.x);
    return bottom[gap] + ((top[gap + 1] - bottom[gap]) * (sources.indexOf(source) + 1)) / (sources.length + 1);
  };

  return passes.map(({ from, to, through }) => {
    const source = byId.get(from)!;
    const target = byId.get(to)!;
    // One x per layer the edge passes: the source's centre, its places in the layers between, the target's centre.
    const xs = [source.x + source.width / 2];
    for (let l = source.layer + 1; l < target.layer; l++) xs.push(through.find((p) => p.layer === l)?.x ?? xs.at(-1)!);
    xs.push(target.x + target.width / 2);
    const points: Point[] = [{ x: xs[0], y: source.y + source.height }];
    for (let i = 1; i < xs.length; i++) {
      const y = lane(source.layer + i - 1, from);
      points.push({ x: xs[i - 1], y }, { x: xs[i], y });
    }
    points.push({ x: xs.at(-1)!, y: target.y });
    return { from, to, points: simplify(points) };
  });
}

/** Drops repeated points and the middle of three points on one line. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out.at(-2);
    if (last && before && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01)))
      out.pop();
    out.push(p);
  }
  return out;
}

/** An SVG path through orthogonal corners, each corner rounded by up to `radius`. */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const parts = [`M ${points[0].x} ${points[0].y}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const towards = (p: Point, q: Point, d: number) => {
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) * d) / len, y: p.y + ((q.y - p.y) * d) / len };
    };
    const inPoint = towards(b, a, r);
    const outPoint = towards(b, c, r);
    parts.push(`L ${inPoint.x} ${inPoint.y}`, `Q ${b.x} ${b.y} ${outPoint.x} ${outPoint.y}`);
  }
  const end = points.at(-1)!;
  parts.push(`L ${end.x} ${end.y}`);
  return parts.join(' ');
}
