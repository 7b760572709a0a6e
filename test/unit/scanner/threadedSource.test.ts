import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import nodeFs from 'node:fs';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { ScanIndex, scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { ThreadedNodeSource } from '../../../src/scanner/threadedSource';
import { buildFolderWorkerBundle, cleanTrees, makeTree, stable } from './helpers';

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

describe('a local folder listed and read in a worker thread (ThreadedNodeSource, what VS Code scans through)', function () {
  this.timeout(30_000);
  let dir: string;
  let script: string;
  before(() => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-list-'));
    script = buildFolderWorkerBundle(dir);
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

  it("reads a full scan's files in its worker (this thread opens none of them), in chunks, with the CLI's result", async () => {
    const files: Record<string, string> = { ...tree };
    // Enough files for several chunks of answers, some of them larger than a chunk's byte budget.
    for (let i = 0; i < 150; i++) files[`svc${i % 9}/k8s/deploy${i}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s${i}}\n`;
    for (let i = 0; i < 6; i++) files[`big/values${i}.yaml`] = `replicaCount: 1\n${'# padding line\n'.repeat(20_000)}`;
    files['assets/logo.yaml'] = 'binary\0yaml';
    const root = makeTree(files);
    symlinkSync('/etc/hostname', nodePath.join(root, 'Dockerfile.out'));
    symlinkSync('Dockerfile', nodePath.join(root, 'Dockerfile.link'));
    execFileSync('mkfifo', [nodePath.join(root, 'docker-compose.yml')]);
    const opened: string[] = [];
    // Every open of this thread is recorded (the calls are the real ones).
    const { openSync, promises } = nodeFs;
    const open = promises.open;
    nodeFs.openSync = ((path: string, flags: number, mode?: number) => (opened.push(path), openSync(path, flags, mode))) as typeof openSync;
    promises.open = ((path: string, flags?: string | number, mode?: number) => (opened.push(path), open(path, flags, mode))) as typeof open;
    let threaded;
    try {
      threaded = await scan(new ThreadedNodeSource(root, { script }));
    } finally {
      nodeFs.openSync = openSync;
      promises.open = open;
    }
    assert.deepEqual(opened, []);
    assert.deepEqual(stable(threaded), stable(await scan(new NodeFileSource(root))));
    assert.equal(threaded.technologies.find((t) => t.id === 'kubernetes')?.fileCount, 151);
    // Stopped at a file limit, the scan still gets every read it asked for.
    assert.deepEqual(stable(await scan(new ThreadedNodeSource(root, { script }), { maxFiles: 40 })), stable(await scan(new NodeFileSource(root), { maxFiles: 40 })));
  });

  it('reads a file changed after the scan in this thread, the worker gone', async () => {
    const root = makeTree(tree);
    const source = new ThreadedNodeSource(root, { script });
    const index = await ScanIndex.create(source);
    assert.ok(!index.result().technologies.some((t) => t.id === 'jenkins'));
    writeFileSync(nodePath.join(root, 'Jenkinsfile'), "pipeline {\n  agent any\n  stages { stage('b') { steps { sh 'make' } } }\n}\n");
    await index.updateFile('Jenkinsfile');
    assert.deepEqual(index.result().technologies.find((t) => t.id === 'jenkins')?.evidence, ['Jenkinsfile']);
  });

  it('makes the reads in this thread when the folder worker dies with reads unanswered: the scan loses no file', async () => {
    // The real worker, except that it answers no read and ends once the listing is done.
    const dying = nodePath.join(dir, 'dyingFolderWorker.js');
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
let done = false, dropped = false;
const end = () => { if (done && dropped) setTimeout(() => process.exit(3), 20); };
parentPort.postMessage = (m, t) => {
  if (m.type === 'read') { dropped = true; return end(); }
  post(m, t);
  if (m.type === 'done') { done = true; end(); }
};
require(${JSON.stringify(script)});`,
    );
    const root = makeTree(tree);
    assert.deepEqual(stable(await scan(new ThreadedNodeSource(root, { script: dying }))), stable(await scan(new NodeFileSource(root))));
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

  it('rejects with the folder error for a missing folder, and stops listing when the scan is cancelled', async () => {
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
