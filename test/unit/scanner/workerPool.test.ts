import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { ScanIndex, scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { WorkerPool } from '../../../src/scanner/workerPool';
import { classify } from '../../../src/scanner/detectors/registry';
import { inspectInThread } from '../../../src/scanner/inspect';
import { buildWorkerBundle, cleanTrees, ids, makeTree, stable } from './helpers';

const tree = {
  Dockerfile: 'FROM golang AS b\nFROM alpine\nCOPY --from=b /x /x\n',
  'infra/main.tf': 'module "vpc" {\n  source = "./vpc"\n}\nterraform {\n  backend "s3" {}\n}\n',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        go: [1, 2]\n    steps:\n      - uses: actions/cache@v4\n',
  'k8s/np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\n',
  'stuck/values.yaml': 'x: 1\n',
};

describe('scanner worker pool (real worker threads)', function () {
  this.timeout(30_000);
  let dir: string;
  let script: string;

  before(async () => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-worker-'));
    script = buildWorkerBundle(dir);
  });
  after(() => {
    cleanTrees();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.DEVOPS_ROADMAP_TEST_STALL_ON;
  });

  it('finds exactly what the in-thread engine finds, skips included', async () => {
    const root = makeTree({
      ...tree,
      'bin.yaml': new Uint8Array([0x61, 0, 0x62]),
      'empty/values.yaml': '',
      'big/Jenkinsfile': 'pipeline { agent any }\n' + '// x\n'.repeat(100_000),
      'k8s/huge.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n' + '  k: v\n'.repeat(60_000),
    });
    symlinkSync('/etc/hostname', nodePath.join(root, 'Dockerfile.out'));
    execFileSync('mkfifo', [nodePath.join(root, 'docker-compose.yml')]);
    const pool = new WorkerPool({ script });
    try {
      const inThread = await scan(new NodeFileSource(root));
      const inWorkers = await scan(new NodeFileSource(root), { inspector: pool.inspector });
      assert.deepEqual({ ...stable(inWorkers), root: '' }, { ...stable(inThread), root: '' });
      assert.ok(ids(inWorkers).p.includes('docker-multi-stage') && ids(inWorkers).p.includes('k8s-network-policy'));
      assert.deepEqual([...new Set(inWorkers.skipped.map((k) => k.reason))].sort(), ['binary', 'special-file', 'symlink-outside-root', 'too-large']);
    } finally {
      pool.dispose();
    }
  });

  it('sends files in batches, and answers each file with what the in-thread detectors find', async () => {
    const pool = new WorkerPool({ script });
    try {
      const files = Object.entries(tree).flatMap(([path, text]) => [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ path: `r${i}/${path}`, data: new TextEncoder().encode(text) })));
      const outcomes = await Promise.all(files.map((f) => pool.inspector(f.path, f.data, true)));
      for (const [i, f] of files.entries()) {
        const plan = classify(f.path);
        assert.ok(plan);
        assert.deepEqual(outcomes[i], inspectInThread(plan, f.data, true), f.path);
      }
      // 40 files in far fewer messages: one round trip between threads costs more than judging a small file.
      assert.ok(pool.batches <= 4, `${pool.batches} batches for ${files.length} files`);
    } finally {
      pool.dispose();
    }
  });

  describe('a file that never finishes', () => {
    before(() => {
      // The worker spins for ever on files of this name: a detector that never returns.
      process.env.DEVOPS_ROADMAP_TEST_STALL_ON = 'values.yaml';
    });
    after(() => {
      delete process.env.DEVOPS_ROADMAP_TEST_STALL_ON;
    });

    it('is abandoned after its budget, reported as timeout, and everything else is kept', async () => {
      const root = makeTree(tree);
      const pool = new WorkerPool({ script, fileBudgetMs: 300 });
      try {
        const r = await scan(new NodeFileSource(root), { inspector: pool.inspector });
        assert.deepEqual(r.skipped, [{ path: 'stuck/values.yaml', reason: 'timeout' }]);
        assert.deepEqual(ids(r).t, ['github-actions', 'terraform', 'docker', 'kubernetes']);
        assert.ok(ids(r).p.includes('terraform-remote-state') && ids(r).p.includes('ci-matrix'));
        assert.equal(pool.timeouts, 1);
        // The stuck worker was replaced, and the replacement serves incremental updates.
        const index = await ScanIndex.create(new NodeFileSource(root), { inspector: pool.inspector });
        assert.equal(await index.updateFile('Dockerfile'), false);
        assert.ok(pool.started >= 2);
      } finally {
        pool.dispose();
      }
    });

    it('abandons only the stuck file of a batch: the others are judged again one by one and kept', async () => {
      const pool = new WorkerPool({ script, fileBudgetMs: 300 });
      try {
        const paths = ['a/Dockerfile', 'b/main.tf', 'stuck/values.yaml', 'c/Dockerfile', 'd/main.tf'];
        const text = (p: string) => (p.endsWith('main.tf') ? tree['infra/main.tf'] : p.endsWith('Dockerfile') ? tree.Dockerfile : 'x: 1\n');
        const outcomes = await Promise.all(paths.map((p) => pool.inspector(p, new TextEncoder().encode(text(p)), true)));
        assert.deepEqual(
          outcomes.map((o) => (o === 'timeout' ? o : o.hits.map((h) => h.key).find((k) => k.startsWith('p:')))),
          ['p:docker-multi-stage', 'p:terraform-modules', 'timeout', 'p:docker-multi-stage', 'p:terraform-modules'],
        );
        assert.equal(pool.timeouts, 1);
      } finally {
        pool.dispose();
      }
    });

    it("cancels one scan without losing another scan's files that shared its batch", async () => {
      const pool = new WorkerPool({ script, fileBudgetMs: 60_000 });
      try {
        const controller = new AbortController();
        const data = () => new TextEncoder().encode(tree.Dockerfile);
        const cancelled = [
          pool.inspector('x/values.yaml', new TextEncoder().encode('x: 1\n'), true, controller.signal),
          pool.inspector('x/Dockerfile', data(), true, controller.signal),
        ];
        const kept = pool.inspector('y/Dockerfile', data(), true);
        await new Promise((resolve) => setTimeout(resolve, 400));
        controller.abort();
        for (const c of cancelled) await assert.rejects(c, { name: 'AbortError' });
        const outcome = await kept;
        assert.ok(outcome !== 'timeout' && outcome.hits.some((h) => h.key === 'p:docker-multi-stage'));
      } finally {
        pool.dispose();
      }
    });

    it('cancels at once: an abort while a worker is stuck rejects and terminates it', async () => {
      const root = makeTree({ 'values.yaml': 'x: 1\n' });
      const pool = new WorkerPool({ script, fileBudgetMs: 60_000 });
      try {
        const controller = new AbortController();
        const scanning = scan(new NodeFileSource(root), { inspector: pool.inspector, signal: controller.signal });
        // Give the worker time to start and pick the file up, then cancel.
        await new Promise((resolve) => setTimeout(resolve, 400));
        const abortedAt = performance.now();
        controller.abort();
        await assert.rejects(scanning, { name: 'AbortError' });
        // Well before the 60 s budget: the abort did not wait for the file.
        assert.ok(performance.now() - abortedAt < 5_000);
      } finally {
        pool.dispose();
      }
    });
  });

  it('fails the scan with a clear message when the worker bundle is missing, instead of hanging', async () => {
    const pool = new WorkerPool({ script: nodePath.join(dir, 'missing.js') });
    try {
      const root = makeTree({ 'main.tf': 'resource "a" "b" {}\n' });
      await assert.rejects(scan(new NodeFileSource(root), { inspector: pool.inspector }), /scanner worker could not start/);
    } finally {
      pool.dispose();
    }
  });

  it('prestart boots the workers before the first file, and the scan then uses them', async () => {
    const pool = new WorkerPool({ script, size: 1 });
    try {
      pool.prestart();
      assert.equal(pool.started, 1);
      pool.prestart();
      assert.equal(pool.started, 1, 'a second prestart starts nothing more');
      const root = makeTree(tree);
      const inWorkers = await scan(new NodeFileSource(root), { inspector: pool.inspector });
      assert.deepEqual({ ...stable(inWorkers), root: '' }, { ...stable(await scan(new NodeFileSource(root))), root: '' });
      assert.equal(pool.started, 1);
    } finally {
      pool.dispose();
    }
  });

  it('a prestarted worker whose bundle is missing still fails the scan clearly, instead of hanging', async () => {
    const pool = new WorkerPool({ script: nodePath.join(dir, 'missing.js') });
    try {
      pool.prestart();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await assert.rejects(scan(new NodeFileSource(makeTree({ 'main.tf': 'resource "a" "b" {}\n' })), { inspector: pool.inspector }), /scanner worker could not start/);
    } finally {
      pool.dispose();
    }
  });

  it('refuses work after dispose instead of hanging', async () => {
    const pool = new WorkerPool({ script });
    pool.dispose();
    await assert.rejects(pool.inspector('Dockerfile', new TextEncoder().encode('FROM x\n'), true), /disposed/);
  });
});
