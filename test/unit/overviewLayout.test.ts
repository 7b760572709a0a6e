// The Overview's picture as numbers, in plain Node: where dagre and the packing put the boxes, how
// edges are routed, and the pan and zoom arithmetic. What a person would see go wrong: boxes on top
// of each other, a line drawn through a box, a trunk that zigzags, text too small on the first view.
import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { EvidenceIndex } from '../../src/core/progress';
import { buildOverview } from '../../src/core/pages';
import { BOX, layoutOverview, roundedPath, wrapTitle, estimateWidth, SMALLEST_TEXT, type BoxLayout } from '../../webview/views/overviewLayout';
import { firstView, fitView, reveal, zoomAt, READABLE_SCALE } from '../../webview/views/overviewCamera';

const index = readRoadmapFile('data/roadmap.json');
const page = buildOverview({ index, evidence: new EvidenceIndex([]), marks: {}, currency: 'USD' });
const layout = layoutOverview(page.nodes, estimateWidth, new Set(['stage-mid']));
const box = (id: string) => layout.boxes.find((b) => b.id === id)!;

/** Whether the open segment a–b runs through the inside of `r` (touching its border is fine). */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, r: BoxLayout): boolean {
  const inset = 0.5;
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > r.x + inset && x1 < r.x + r.width - inset && y2 > r.y + inset && y1 < r.y + r.height - inset;
}

describe('overview layout', () => {
  it('has one box per node, none overlapping, all inside the picture', () => {
    assert.equal(layout.boxes.length, page.nodes.length);
    for (const a of layout.boxes) {
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height, `${a.id} inside`);
      for (const b of layout.boxes) if (a !== b) assert.ok(!crosses({ x: a.x, y: a.y }, { x: a.x + a.width, y: a.y + a.height }, b), `${a.id} overlaps ${b.id}`);
    }
  });

  it('runs the career trunk straight down the left, one layer per stage', () => {
    const trunk = index.stages.map((s) => box(s.id));
    assert.deepEqual(
      trunk.map((b) => b.layer),
      [0, 1, 2, 3, 4],
    );
    assert.equal(new Set(trunk.map((b) => b.x)).size, 1, 'one column');
    assert.equal(Math.min(...layout.boxes.map((b) => b.x)), trunk[0].x, 'the leftmost column');
  });

  it('lists the boxes in reading order, layer by layer, left to right (the Tab order)', () => {
    for (let i = 1; i < layout.boxes.length; i++) {
      const [a, b] = [layout.boxes[i - 1], layout.boxes[i]];
      assert.ok(a.layer < b.layer || (a.layer === b.layer && a.x < b.x), `${a.id} before ${b.id}`);
    }
  });

  it('routes every edge orthogonally from its source to its target, through no other box', () => {
    const expected = page.nodes.flatMap((n) => n.next.map((to) => `${n.id}>${to}`)).sort();
    assert.deepEqual(layout.edges.map((e) => `${e.from}>${e.to}`).sort(), expected);
    for (const edge of layout.edges) {
      const [from, to] = [box(edge.from), box(edge.to)];
      const first = edge.points[0];
      const last = edge.points.at(-1)!;
      assert.equal(first.y, from.y + from.height, `${edge.from}>${edge.to} leaves the source's bottom`);
      assert.equal(last.y, to.y, `${edge.from}>${edge.to} enters the target's top`);
      for (let i = 1; i < edge.points.length; i++) {
        const [a, b] = [edge.points[i - 1], edge.points[i]];
        assert.ok(a.x === b.x || a.y === b.y, `${edge.from}>${edge.to} segment ${i} is horizontal or vertical`);
        for (const other of layout.boxes) assert.ok(!crosses(a, b, other), `${edge.from}>${edge.to} runs through ${other.id}`);
      }
    }
  });

  it('is narrow enough that the whole tree fits a 1,100 px panel at a readable size', () => {
    assert.ok(layout.width * READABLE_SCALE <= 1100 - 2 * 16, `${layout.width} px wide`);
  });

  it('gives a badged box a taller box for its strip', () => {
    const plain = layoutOverview(page.nodes);
    const mid = (l: typeof plain) => l.boxes.find((b) => b.id === 'stage-mid')!.height;
    assert.equal(mid(layout) - mid(plain), BOX.badge);
  });

  it('wraps titles to the box, ending a too-long title in an ellipsis', () => {
    const ninePixels = (text: string) => text.length * 9;
    assert.deepEqual(wrapTitle('Site Reliability Engineering (SRE)', ninePixels), ['Site Reliability', 'Engineering (SRE)']);
    const long = wrapTitle('word '.repeat(40).trim(), ninePixels);
    assert.equal(long.length, BOX.maxTitleLines);
    assert.ok(long.at(-1)!.endsWith('…'));
  });

  it('draws rounded corners only where a route turns', () => {
    assert.equal(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 20 },
        { x: 30, y: 20 },
      ]),
      'M 0 0 L 0 12 Q 0 20 8 20 L 30 20',
    );
  });
});

describe('overview pan and zoom', () => {
  const picture = { width: 1000, height: 700 };

  it('the first view fills a large panel without shrinking text below 12 px', () => {
    const big = firstView(picture, { width: 1400, height: 1000 });
    assert.ok(big.scale >= 1 && big.scale <= 1.25);
    const small = firstView(picture, { width: 600, height: 400 });
    assert.ok(small.scale * SMALLEST_TEXT >= 12, 'readable');
    assert.deepEqual([small.x, small.y], [0, 0], 'from the top-left, the rest a pan away');
    const justFits = firstView(picture, { width: 1000 * READABLE_SCALE + 2, height: 1000 });
    assert.equal(justFits.x, 1, 'a picture that fits is centred');
  });

  it('Fit shows the whole picture, centred, whatever the text size', () => {
    const view = fitView(picture, { width: 600, height: 400 });
    assert.ok(picture.width * view.scale <= 600 && picture.height * view.scale <= 400);
    assert.ok(Math.abs(view.x - (600 - picture.width * view.scale) / 2) < 1e-9);
  });

  it('zooming keeps the point under the pointer in place, within the limits', () => {
    const view = { scale: 1, x: 10, y: 20 };
    const zoomed = zoomAt(view, 2, { x: 110, y: 220 });
    // Picture point (100, 200) was at (110, 220) and stays there.
    assert.deepEqual([100 * zoomed.scale + zoomed.x, 200 * zoomed.scale + zoomed.y], [110, 220]);
    assert.equal(zoomAt(view, 100, { x: 0, y: 0 }).scale, 3);
  });

  it('focusing a box out of sight pans just enough to show it', () => {
    const view = reveal({ scale: 1, x: 0, y: 0 }, { x: 900, y: 40, width: 176, height: 100 }, { width: 800, height: 600 });
    assert.equal(900 + 176 + view.x, 800 - 12, 'its right edge just inside the margin');
    assert.equal(view.y, 0, 'no vertical move when it is already in sight');
  });
});
