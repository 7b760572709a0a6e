import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { ScanIndex, scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { ThreadedNodeSource } from '../../../src/scanner/threadedSource';
import { buildListWorkerBundle, cleanTrees, makeTree, stable } from './helpers';

const tree = {
  '.gitignore': 'build/\n*~\n',
  'build/Dockerfile': 'FROM x\n',
  Dockerfile: 'FROM golang AS b\nFROM alpine\nCOPY --from=b /x /x\n',
  'Dockerfile~': 'FROM backup\n',
  'infra/main.tf': 'terraform {\n  backend "s3" {}\n}\n',
  'app/.gitignore': 'secret/\n',
  'app/secret/Jenkinsfile': 'pipeline {}\n',
  'app/node_modules/x/Dockerfile': 'FROM vendored\n',
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'charts/web/charts/dep/Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 1.0.0\n',
  'generated/k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
};

describe('a local folder listed in a worker thread (ThreadedNodeSource, what VS Code scans through)', function () {
  this.timeout(30_000);
  let dir: string;
  let script: string;
  before(() => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-list-'));
    script = buildListWorkerBundle(dir);
  });
  after(() => {
    cleanTrees();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds what the CLI finds: same .gitignore rules, vendored folders, sub-charts and skipped entries', async () => {
    const root = makeTree(tree);
    symlinkSync('/etc/hostname', nodePath.join(root, 'Dockerfile.out'));
    execFileSync('mkfifo', [nodePath.join(root, 'docker-compose.yml')]);
    const threaded = await scan(new ThreadedNodeSource(root, { script }));
    const cli = await scan(new NodeFileSource(root));
    assert.deepEqual(stable(threaded), stable(cli));
    assert.deepEqual([...new Set(threaded.skipped.map((s) => s.reason))].sort(), ['special-file', 'symlink-outside-root']);
    assert.equal(threaded.technologies.find((t) => t.id === 'docker')?.evidence.join(), 'Dockerfile');
  });

  it('leaves out what the exclude globs name (files.exclude, devopsRoadmap.scan.exclude): a matching folder is not entered', async () => {
    const root = makeTree(tree);
    const source = new ThreadedNodeSource(root, { script, exclude: ['generated/**', '**/*.tf'] });
    const index = await ScanIndex.create(source);
    const r = index.result();
    assert.ok(!r.technologies.some((t) => t.id === 'kubernetes' || t.id === 'terraform'), JSON.stringify(r.technologies.map((t) => t.id)));
    assert.ok(r.technologies.some((t) => t.id === 'docker'));
    // A file created later under an excluded folder, or ignored by a .gitignore, adds nothing.
    assert.equal(await source.ignores('generated/k8s/new.yaml'), true);
    assert.equal(await source.ignores('infra/other.tf'), true);
    assert.equal(await source.ignores('app/secret/Dockerfile'), true);
    assert.equal(await source.ignores('app/Dockerfile'), false);
  });

  it('hands over large folders in batches, in the order the CLI lists them', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`d${i % 7}/f${String(i).padStart(4, '0')}.txt`] = '';
    const root = makeTree(files);
    const paths: string[] = [];
    let batches = 0;
    for await (const batch of new ThreadedNodeSource(root, { script }).listBatches()) {
      batches++;
      paths.push(...batch.map((e) => e.path));
    }
    const expected: string[] = [];
    for await (const e of new NodeFileSource(root).list()) expected.push(e.path);
    assert.deepEqual(paths, expected);
    assert.ok(batches >= 3, `${batches} batches for 3,000 files`);
  });

  it('rejects with the folder error for a missing folder, and stops its worker when the scan is cancelled', async () => {
    await assert.rejects(scan(new ThreadedNodeSource(nodePath.join(dir, 'missing'), { script })), (error: { code?: string }) => error.code === 'ENOENT');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scan(new ThreadedNodeSource(makeTree(tree), { script }), { signal: controller.signal }), { name: 'AbortError' });
    const late = new AbortController();
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`d${i % 50}/Dockerfile.${i}`] = 'FROM x\n';
    const source = new ThreadedNodeSource(makeTree(files), { script });
    const iterator = source.listBatches(late.signal)[Symbol.asyncIterator]();
    await iterator.next();
    late.abort();
    await assert.rejects(iterator.next(), { name: 'AbortError' });
  });

  it('fails the scan with a clear message when its worker bundle is missing, instead of hanging', async () => {
    await assert.rejects(scan(new ThreadedNodeSource(makeTree(tree), { script: nodePath.join(dir, 'nope.js') })), /listing worker|Cannot find module/);
  });
});
