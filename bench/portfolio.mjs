// The portfolio's budgets, for bench/run.mjs: a generated portfolio of 200 repository records,
// written as ledger files the way the extension writes them; then (1) loading the ledger (every
// file read and parsed by LedgerStore, as at startup) and (2) judging every skill's level with its
// why from all 200 records, each timed over several runs in this process; and (3) what adding a
// 1,000-file repository costs beyond its one scan (recording it and writing its ledger file).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { loadBundle } from './bundle.mjs';

function bundle(repo) {
  return loadBundle(repo, 'portfolio', [
    "export { recordScan, parseLedger } from './src/core/portfolio/ledger';",
    "export { LedgerStore } from './src/core/portfolio/store';",
    "export { NodeLedgerFolder } from './src/vscode/portfolio/nodeLedgerFolder';",
    "export { skillLevels } from './src/core/portfolio/levels';",
    "export { portfolioLevels } from './src/core/portfolio/profile';",
    "export { loadRoadmap } from './src/core/roadmap';",
    "export { scan } from './src/scanner/engine';",
    "export { NodeFileSource } from './src/scanner/fileSource';",
  ]);
}

/** A small seeded generator, so every run measures the same portfolio. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function generateRecords(pf, index, count) {
  const rand = random(15);
  const techs = [...new Set(index.roadmap.skills.flatMap((s) => s.evidence.technologies))];
  const practices = [...new Set(index.roadmap.skills.flatMap((s) => s.evidence.practices))];
  const pick = (list, n) => Array.from({ length: n }, () => list[Math.floor(rand() * list.length)]).filter((x, i, a) => a.indexOf(x) === i);
  const records = [];
  for (let i = 0; i < count; i++) {
    const ids = [...pick(techs, 3 + Math.floor(rand() * 10)), ...pick(practices, Math.floor(rand() * 8))];
    const files = {};
    const findings = { technologies: [], practices: [] };
    for (const id of ids) {
      const evidence = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, k) => `${id}/dir-${k}/file-${i}-${k}.yaml`);
      for (const f of evidence) {
        const yours = rand() < 0.6 ? Math.floor(rand() * 40) : 0;
        const day = Math.floor(rand() * 2000);
        files[f] = {
          yourCommits: yours,
          totalCommits: yours + Math.floor(rand() * 30),
          firstYours: yours ? new Date(Date.UTC(2020, 0, 1 + day)).toISOString() : undefined,
          lastYours: yours ? new Date(Date.UTC(2020, 0, 1 + day + Math.floor(rand() * 300))).toISOString() : undefined,
        };
      }
      if (practices.includes(id)) findings.practices.push({ id, evidence });
      else findings.technologies.push({ id, evidence, fileCount: evidence.length + Math.floor(rand() * 50), fixtureOnly: rand() < 0.05 });
    }
    const root = `/home/me/src/repo-${String(i).padStart(3, '0')}`;
    records.push(
      pf.recordScan(undefined, {
        identity: rand() < 0.8 ? `git@github.com:me/repo-${i}.git` : root,
        root,
        name: `repo-${i}`,
        findings,
        authored: rand() < 0.9 ? { email: 'me@example.com', files } : null,
        at: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
      }),
    );
  }
  return records;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A 1,000-file repository: Terraform, workflows, manifests, Dockerfiles and plain source. */
function writeRepository(dir) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 1000; i++) {
    const kind = i % 10;
    const file =
      kind === 0
        ? [`infra/mod-${i}/main.tf`, `module "m${i}" {\n  source = "./modules/x"\n}\n`]
        : kind === 1
          ? [`k8s/app-${i}.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a${i}\nspec: {}\n`]
          : kind === 2
            ? [`services/s${i}/Dockerfile`, 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\n']
            : [`src/pkg${i % 37}/file-${i}.ts`, `export const x${i} = ${i};\n`];
    const abs = path.join(dir, file[0]);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, file[1]);
  }
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n');
}

export async function benchPortfolio(repo, runs = 15) {
  const pf = bundle(repo);
  const index = pf.loadRoadmap(JSON.parse(readFileSync(path.join(repo, 'data', 'roadmap.json'), 'utf8')));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dr-bench-portfolio-'));
  try {
    const records = generateRecords(pf, index, 200);
    // The extension's own ledger folder on the local disk (src/vscode/portfolio/nodeLedgerFolder.ts).
    const folder = new pf.NodeLedgerFolder(path.join(tmp, 'portfolio'));
    const writer = new pf.LedgerStore(folder, { warn: (m) => console.warn(m) });
    for (const r of records) await writer.put(r);
    const files = readdirSync(folder.dir);
    const bytes = files.reduce((n, f) => n + readFileSync(path.join(folder.dir, f)).length, 0);

    const loadMs = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const loaded = await new pf.LedgerStore(folder, { warn: (m) => console.warn(m) }).load();
      loadMs.push(performance.now() - t);
      if (loaded.length !== 200) throw new Error(`loaded ${loaded.length} records, expected 200`);
    }

    // Where the load time goes: reading the files, and parsing and checking them.
    const readMs = [];
    const parseMs = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const names = await folder.list();
      const texts = await Promise.all(names.map((n) => folder.read(n)));
      readMs.push(performance.now() - t);
      t = performance.now();
      for (const text of texts) pf.parseLedger(text);
      parseMs.push(performance.now() - t);
    }

    const levelsMs = [];
    let counts = {};
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const levels = pf.portfolioLevels(index, records, {}, { now: new Date('2026-11-30T12:00:00Z') });
      levelsMs.push(performance.now() - t);
      counts = {};
      for (const l of levels.values()) counts[l.level] = (counts[l.level] ?? 0) + 1;
    }

    // Adding a 1,000-file repository: its scan, then what the portfolio adds on top of it.
    const repoDir = path.join(tmp, 'thousand');
    writeRepository(repoDir);
    const addScanMs = [];
    const addRecordMs = [];
    for (let i = 0; i < Math.min(runs, 7); i++) {
      const t = performance.now();
      const result = await pf.scan(new pf.NodeFileSource(repoDir));
      addScanMs.push(performance.now() - t);
      const t2 = performance.now();
      await writer.put(pf.recordScan(writer.get(repoDir), { identity: repoDir, root: repoDir, name: 'thousand', findings: result, authored: null, at: new Date() }));
      addRecordMs.push(performance.now() - t2);
    }
    return {
      records: 200,
      files: files.length,
      ledgerBytes: bytes,
      skills: index.roadmap.skills.length,
      levelCounts: counts,
      loadMs,
      loadMedian: median(loadMs.slice(1)),
      loadFirst: loadMs[0],
      readMedian: median(readMs.slice(1)),
      parseMedian: median(parseMs.slice(1)),
      levelsMs,
      levelsMedian: median(levelsMs.slice(1)),
      levelsFirst: levelsMs[0],
      addScanMedian: median(addScanMs),
      addRecordMedian: median(addRecordMs),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// `node bench/portfolio.mjs`: the portfolio's figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const r = await benchPortfolio(repo);
  console.log(JSON.stringify({ ...r, loadMs: undefined, levelsMs: undefined }, null, 2));
}
