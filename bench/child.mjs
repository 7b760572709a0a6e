// One measurement in a fresh process, for bench/run.mjs. Writes its result as JSON to OUT.
//
//   node bench/child.mjs inproc      DIR RUNS OUT   in-process scans and listings alternated with `rg --files DIR`
//   node bench/child.mjs ours        DIR OUT        one in-process scan (cold: a fresh process)
//   node bench/child.mjs peer        DIR OUT        one @specfy/stack-analyser run (cold: a fresh process)
//   node bench/child.mjs incremental DIR OUT        ScanIndex.updateFile + result() after one-file edits
//
// The scanner is the bundle bench/run.mjs builds from src/ (out/bench/engine.cjs), minified as the
// shipped dist/ bundles are.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const [mode, dir, ...rest] = process.argv.slice(2);
const out = rest[rest.length - 1];

const engine = () => require(path.join(repo, 'out', 'bench', 'engine.cjs'));
const ms = (start) => performance.now() - start;

function rgOnce(root) {
  const t = performance.now();
  const r = spawnSync('rg', ['--files', root], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg exited with ${r.status}`);
  return ms(t);
}

async function inproc() {
  const runs = Number(rest[0]);
  const { scan, NodeFileSource, ThreadedNodeSource, WorkerPool } = engine();
  // The workers' bundles of the production build (dist/), as the extension starts them.
  const folderWorker = path.join(repo, 'dist', 'folderWorker.js');
  const pool = new WorkerPool({ script: path.join(repo, 'dist', 'scanWorker.js') });
  pool.prestart();
  // Three ways to run the engine: all in this thread over the Node file source (the CLI's source);
  // over ThreadedNodeSource (the folder listed and read in its worker, the detectors here); and as
  // VS Code runs it on a local folder (ThreadedNodeSource, and the detectors in the worker pool).
  const scans = {
    scan: () => scan(new NodeFileSource(dir)),
    threaded: () => scan(new ThreadedNodeSource(dir, { script: folderWorker })),
    vscode: () => scan(new ThreadedNodeSource(dir, { script: folderWorker }), { inspector: pool.inspector }),
  };
  const samples = { scan: [], threaded: [], vscode: [], rg: [], list: [] };
  let filesSeen = 0;
  for (let i = 0; i < runs; i++) {
    const order = ['rg', 'scan', 'threaded', 'vscode', 'list'];
    if (i % 2 === 1) order.reverse();
    for (const which of order) {
      if (which === 'rg') samples.rg.push(rgOnce(dir));
      else if (which === 'list') {
        // The listing alone (the Node file source's walk, nothing read): what rg --files does.
        const t = performance.now();
        for await (const batch of new NodeFileSource(dir).listBatches()) void batch;
        samples.list.push(ms(t));
      } else {
        const t = performance.now();
        const r = await scans[which]();
        samples[which].push(ms(t));
        filesSeen = r.filesSeen;
      }
    }
  }
  pool.dispose();
  return { scanMs: samples.scan, threadedMs: samples.threaded, vscodeMs: samples.vscode, rgMs: samples.rg, listMs: samples.list, filesSeen };
}

async function ours() {
  const t0 = performance.now();
  const { scan, NodeFileSource } = engine();
  const loadMs = ms(t0);
  const t = performance.now();
  const r = await scan(new NodeFileSource(dir));
  return { ms: ms(t), loadMs, filesSeen: r.filesSeen, technologies: r.technologies.length, practices: r.practices.length };
}

async function peer() {
  const t0 = performance.now();
  const { analyser, FSProvider, flatten } = await import('@specfy/stack-analyser');
  await import('@specfy/stack-analyser/dist/autoload.js');
  const loadMs = ms(t0);
  const t = performance.now();
  const result = await analyser({ provider: new FSProvider({ path: dir }) });
  const flat = flatten(result);
  const elapsed = ms(t);
  const json = flat.toJson(dir);
  return { ms: elapsed, loadMs, techs: (json.techs ?? []).length, components: (json.childs ?? []).length };
}

/** A few files of the generated tree, one per kind the scanner treats differently. */
function pickFiles(root) {
  const ls = (rel) => readdirSync(path.join(root, rel)).sort();
  const service = ls('services').find((n) => ls(`services/${n}`).includes('k8s'));
  const docDir = ls('docs')[0];
  return [
    `services/${service}/k8s/deployment.yaml`, // Kubernetes manifest (the object pass)
    `.github/workflows/${ls('.github/workflows').find((n) => n.endsWith('.yml'))}`, // CI workflow
    `infra/terraform/modules/${ls('infra/terraform/modules')[0]}/main.tf`, // Terraform
    `services/${service}/Dockerfile`, // Dockerfile
    `docs/${docDir}/${ls(`docs/${docDir}`)[0]}`, // prose: not a candidate at all
  ];
}

async function incremental() {
  const { ScanIndex, NodeFileSource } = engine();
  const t = performance.now();
  const index = await ScanIndex.create(new NodeFileSource(dir));
  const createMs = ms(t);
  index.result();
  const files = pickFiles(dir);
  const samples = [];
  const originals = new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
  try {
    for (let round = 0; round < 3; round++) {
      for (const file of files) {
        const abs = path.join(dir, file);
        // The edit, then the restore: two changes per file and round, each timed to an updated result.
        for (const step of ['edit', 'restore']) {
          if (step === 'edit') appendFileSync(abs, `\n# bench edit ${round}\n`);
          else writeFileSync(abs, originals.get(file));
          const s = performance.now();
          await index.updateFile(file);
          index.result();
          samples.push({ file, step, ms: ms(s) });
        }
      }
    }
  } finally {
    for (const [file, data] of originals) writeFileSync(path.join(dir, file), data);
  }
  return { createMs, filesSeen: index.result().filesSeen, samples };
}

const modes = { inproc, ours, peer, incremental };
if (!modes[mode]) {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
const result = await modes[mode]();
writeFileSync(out, JSON.stringify(result));
