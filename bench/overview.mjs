// The Overview's budget, for bench/run.mjs: laying out the whole career tree (dagre, the packing
// and the edge routing of webview/views/overviewLayout.ts) from the page the host builds, timed over
// several runs in this process. The webview does this on every draw of the Overview.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadBundle } from './bundle.mjs';

function bundle(repo) {
  return loadBundle(repo, 'overview', [
    "export { layoutOverview } from './webview/views/overviewLayout';",
    "export { buildOverview } from './src/core/pages';",
    "export { EvidenceIndex } from './src/core/progress';",
    "export { loadRoadmap } from './src/core/roadmap';",
  ]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** First and median time to lay out the whole tree, and the picture's size at 100% zoom. */
export function benchOverview(repo, runs = 15) {
  const o = bundle(repo);
  const index = o.loadRoadmap(JSON.parse(readFileSync(path.join(repo, 'data', 'roadmap.json'), 'utf8')));
  const page = o.buildOverview({ index, evidence: new o.EvidenceIndex([]), marks: {}, currency: 'USD', position: { currentStage: 'stage-mid', targetRole: 'sre-staff' } });
  const badged = new Set(['stage-mid', 'site-reliability-engineering']);
  const ms = [];
  let layout;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    layout = o.layoutOverview(page.nodes, undefined, badged);
    ms.push(performance.now() - t);
  }
  return { boxes: layout.boxes.length, edges: layout.edges.length, width: layout.width, height: layout.height, firstMs: ms[0], medianMs: median(ms) };
}
