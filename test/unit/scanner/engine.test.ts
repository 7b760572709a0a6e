import * as assert from 'node:assert/strict';
import { chmodSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { ScanIndex, isCandidate, scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import type { FileEntry, FileSource, SkippedEntry } from '../../../src/scanner/types';
import { cleanTrees, ids, makeTree, scanTree, stable, writeTree } from './helpers';

const dockerfile = 'FROM golang AS b\nFROM alpine\nCOPY --from=b /x /x\n';

describe('scanner engine', () => {
  after(cleanTrees);

  describe('.gitignore', () => {
    it('honours root and nested .gitignore files, with negation in the deeper one', async () => {
      const r = await scanTree({
        '.gitignore': 'build/\n*.tf\n',
        'build/Dockerfile': dockerfile,
        'infra/main.tf': 'resource "a" "b" {}\n',
        'app/.gitignore': '!keep.tf\nsecret/\n',
        'app/keep.tf': 'resource "a" "b" {}\n',
        'app/secret/Jenkinsfile': 'pipeline {}\n',
        Makefile: 'all:\n',
      });
      assert.deepEqual(ids(r).t, ['terraform', 'makefile']);
      assert.deepEqual(r.technologies.find((t) => t.id === 'terraform')?.evidence, ['app/keep.tf']);
    });

    it('can be turned off', async () => {
      const root = makeTree({ '.gitignore': 'Dockerfile\n', Dockerfile: 'FROM x\n' });
      assert.deepEqual(ids(await scan(new NodeFileSource(root))).t, []);
      assert.deepEqual(ids(await scan(new NodeFileSource(root, { gitignore: false }))).t, ['docker']);
    });

    it('NodeFileSource.ignores answers like list() does', async () => {
      const root = makeTree({ '.gitignore': 'out/\n', 'a/.gitignore': '*.log\n', 'a/x.log': '', 'out/Dockerfile': '', 'a/Dockerfile': '' });
      const source = new NodeFileSource(root);
      assert.equal(await source.ignores('out/Dockerfile'), true);
      assert.equal(await source.ignores('a/x.log'), true);
      assert.equal(await source.ignores('a/Dockerfile'), false);
      assert.equal(await source.ignores('node_modules/x/Dockerfile'), true);
    });
  });

  describe('limits', () => {
    it('stops at maxFiles with truncated: true and a file-limit entry', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 30; i++) files[`d${String(i).padStart(2, '0')}/f.txt`] = 'x';
      files['zz/Dockerfile'] = 'FROM x\n';
      const r = await scanTree(files, { maxFiles: 10 });
      assert.equal(r.truncated, true);
      assert.equal(r.filesSeen, 10);
      assert.deepEqual(r.skipped, [{ path: 'd10/f.txt', reason: 'file-limit' }]);
      assert.deepEqual(r.technologies, []);
    });

    it('reads at most maxBytesPerFile and reports a too-large file it needed whole', async () => {
      const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "' + 'x'.repeat(10_000) + '"\n';
      const r = await scanTree({ 'k8s/big.yaml': big, Jenkinsfile: 'pipeline {}\n'.repeat(2000) }, { maxBytesPerFile: 1024 });
      assert.ok(r.skipped.some((s) => s.path === 'k8s/big.yaml' && s.reason === 'too-large'));
      assert.ok(r.bytesRead <= 2 * 1024);
      // The head still shows what the file is, and a big Jenkinsfile is still Jenkins.
      assert.ok(ids(r).t.includes('kubernetes') && ids(r).t.includes('jenkins'));
    });

    it('handles a 10 MB single-line file without hanging', async () => {
      const line = 'apiVersion: v1 kind: x ' + 'a'.repeat(10 * 1024 * 1024);
      const started = Date.now();
      const r = await scanTree({ 'data/huge.yaml': line, 'data/huge.json': `{"panels": "${'p'.repeat(10 * 1024 * 1024)}"` });
      assert.ok(Date.now() - started < 5000);
      assert.ok(r.bytesRead <= 2 * 256 * 1024 + 2);
      assert.deepEqual(r.technologies, []);
    });

    it('has no depth limit: a file 200 folders down is found', async () => {
      const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join('/');
      const r = await scanTree({ [`${deep}/Dockerfile`]: 'FROM x\n', 'd0/d1/Makefile': 'all:\n' });
      assert.deepEqual(r.skipped, []);
      assert.deepEqual(ids(r).t, ['docker', 'makefile']);
      assert.equal(r.technologies[0].evidence[0], `${deep}/Dockerfile`);
    });
  });

  describe('cancellation', () => {
    it('rejects with an AbortError when aborted before the scan', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(scan(new NodeFileSource(makeTree({ Dockerfile: 'FROM x\n' })), { signal: controller.signal }), { name: 'AbortError' });
    });

    it('rejects with an AbortError when aborted during the walk', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 600; i++) files[`d${i}/k.yaml`] = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n';
      const root = makeTree(files);
      const controller = new AbortController();
      const promise = scan(new NodeFileSource(root), { signal: controller.signal, onProgress: () => controller.abort() });
      await assert.rejects(promise, { name: 'AbortError' });
    });
  });

  it('is deterministic: two scans give the same JSON apart from durationMs', async () => {
    const root = makeTree({
      'b/Dockerfile': dockerfile,
      'a/Dockerfile': dockerfile,
      'c/main.tf': 'module "x" {\n  source = "y"\n}\n',
      'k8s/a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n',
      'bad.yaml': 'a: [\n',
      'bin.yaml': Buffer.from([0x61, 0, 0x62]),
    });
    const one = await scan(new NodeFileSource(root));
    const two = await scan(new NodeFileSource(root));
    assert.equal(JSON.stringify(stable(one)), JSON.stringify(stable(two)));
    assert.deepEqual(one.technologies.map((t) => t.evidence).flat(), [...one.technologies.map((t) => t.evidence).flat()]);
    for (const t of one.technologies) assert.deepEqual(t.evidence, [...t.evidence].sort());
    assert.deepEqual(
      one.skipped,
      [...one.skipped].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
  });

  it('lists at most 5 evidence paths per id, sorted, with the full fileCount', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`infra/m${i}.tf`] = 'resource "a" "b" {}\n';
    const r = await scanTree(files);
    const tf = r.technologies.find((t) => t.id === 'terraform');
    assert.equal(tf?.fileCount, 12);
    assert.deepEqual(tf?.evidence, ['infra/m0.tf', 'infra/m1.tf', 'infra/m10.tf', 'infra/m11.tf', 'infra/m2.tf']);
  });

  describe('symlinks', () => {
    it('does not follow a symlink loop or a symlink out of the root', async () => {
      const outside = makeTree({ Dockerfile: 'FROM x\n', 'main.tf': 'resource "a" "b" {}\n' });
      const root = makeTree({ 'a/b/Makefile': 'all:\n' });
      symlinkSync(nodePath.join(root, 'a'), nodePath.join(root, 'a', 'b', 'loop'));
      symlinkSync(outside, nodePath.join(root, 'out'));
      symlinkSync(nodePath.join(outside, 'Dockerfile'), nodePath.join(root, 'Dockerfile'));
      symlinkSync(nodePath.join(root, 'missing'), nodePath.join(root, 'broken'));
      const r = await scan(new NodeFileSource(root));
      assert.deepEqual(ids(r).t, ['makefile']);
      const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
      assert.equal(reasons['a/b/loop'], 'symlink-loop');
      assert.equal(reasons.out, 'symlink-outside-root');
      assert.equal(reasons.Dockerfile, 'symlink-outside-root');
      assert.equal(reasons.broken, 'unreadable');
    });

    it('reads a symlinked file that stays inside the root', async () => {
      const root = makeTree({ 'docker/Dockerfile.prod': dockerfile });
      symlinkSync('docker/Dockerfile.prod', nodePath.join(root, 'Dockerfile'));
      const r = await scan(new NodeFileSource(root));
      assert.equal(r.technologies.find((t) => t.id === 'docker')?.fileCount, 2);
    });
  });

  describe('unreadable entries', () => {
    const eacces = (path: string) => Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });

    it('skips an unreadable folder and file with a reason (simulated: root ignores chmod)', async () => {
      const root = makeTree({ 'locked/Dockerfile': 'FROM x\n', 'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n', Makefile: 'all:\n' });
      const source = new NodeFileSource(root, {
        fs: {
          readdir: (p) => {
            if (p.endsWith(`${nodePath.sep}locked`)) throw eacces(p);
            return readdirSync(p, { withFileTypes: true });
          },
          readHead: (p) => {
            throw eacces(p);
          },
        },
      });
      const r = await scan(source);
      assert.deepEqual(r.skipped, [
        { path: 'Makefile', reason: 'unreadable' },
        { path: 'k8s/secret.yaml', reason: 'unreadable' },
        { path: 'locked', reason: 'unreadable' },
      ]);
      // Evidence from the path alone survives an unreadable file.
      assert.deepEqual(ids(r).t, ['makefile']);
    });

    it('skips chmod 000 entries for real when not running as root', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads through chmod 000; the simulated test above covers it
      const root = makeTree({ 'locked/Dockerfile': 'FROM x\n', 'k8s/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n' });
      chmodSync(nodePath.join(root, 'locked'), 0);
      chmodSync(nodePath.join(root, 'k8s', 's.yaml'), 0);
      try {
        const r = await scan(new NodeFileSource(root));
        assert.ok(r.skipped.some((s) => s.path === 'locked' && s.reason === 'unreadable'));
        assert.ok(r.skipped.some((s) => s.path === 'k8s/s.yaml' && s.reason === 'unreadable'));
      } finally {
        chmodSync(nodePath.join(root, 'locked'), 0o755);
      }
    });

    it('reports a file name that is not valid UTF-8 as invalid-name', async () => {
      const root = makeTree({ Makefile: 'all:\n' });
      writeFileSync(Buffer.concat([Buffer.from(root + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]), 'a: 1\n');
      const r = await scan(new NodeFileSource(root));
      assert.equal(r.skipped.length, 1);
      assert.equal(r.skipped[0].reason, 'invalid-name');
    });
  });

  describe('bad content never throws', () => {
    it('reports malformed YAML, JSON and HCL and binary YAML as skipped', async () => {
      const r = await scanTree({
        'monitoring/broken.rules.yml': 'groups:\n  - name: app\n    rules:\n      - alert: [unclosed\n        expr: up == 0\n',
        'k8s/broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n',
        'dash/broken.json': '{"schemaVersion": 39, "panels": [',
        'infra/broken.tf': 'resource "a" "b" {\n  x = "y"\n',
        'k8s/binary.yaml': Buffer.concat([Buffer.from('apiVersion: v1\n'), Buffer.alloc(64), Buffer.from([0xff, 0x00, 0x01])]),
        'aliases.yaml':
          'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ngroups:\n  - rules:\n      - alert: x\n        expr: y\n',
      });
      const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
      assert.equal(reasons['monitoring/broken.rules.yml'], 'parse-error');
      // Manifests are read by their document headers, not parsed: a broken one is still Kubernetes.
      assert.equal(reasons['k8s/broken.yaml'], undefined);
      assert.ok(ids(r).t.includes('kubernetes'));
      assert.equal(reasons['dash/broken.json'], 'parse-error');
      assert.equal(reasons['infra/broken.tf'], 'parse-error');
      assert.equal(reasons['k8s/binary.yaml'], 'binary');
      assert.equal(reasons['aliases.yaml'], 'parse-error');
      // A broken .tf is still Terraform by its name.
      assert.ok(ids(r).t.includes('terraform'));
    });
  });

  describe('isCandidate', () => {
    it('accepts files a detector may read and rejects the rest without I/O', () => {
      for (const p of ['Dockerfile', 'a/b/main.tf', '.github/workflows/ci.yml', 'x/values.yaml', 'Makefile', 'requirements.txt', 'go.mod', 'load/script.js', 'dags/etl.py'])
        assert.ok(isCandidate(p), p);
      for (const p of ['src/main.go', 'README.md', 'docs/deploy.yaml', 'node_modules/a/Dockerfile', 'img/logo.png', 'src/app.ts', 'notes.txt']) assert.ok(!isCandidate(p), p);
    });
  });

  describe('ScanIndex (incremental)', () => {
    async function fullScanOf(root: string) {
      return stable(await scan(new NodeFileSource(root)));
    }

    it('updateFile / removeFile give the same result as a full rescan', async () => {
      const root = makeTree({ 'k8s/web.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n', Makefile: 'all:\n', 'src/app.go': 'package main\n' });
      const index = await ScanIndex.create(new NodeFileSource(root));
      assert.deepEqual(stable(index.result()), await fullScanOf(root));

      // A new file.
      writeTree(root, {
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'charts/web/templates/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
      });
      assert.equal(await index.updateFile('charts/web/templates/d.yaml'), true); // no Chart.yaml known yet: kubernetes
      assert.equal(await index.updateFile('charts/web/Chart.yaml'), true); // now it is a Helm template
      assert.deepEqual(stable(index.result()), await fullScanOf(root));

      // A changed file.
      writeTree(root, { 'k8s/web.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\n' });
      assert.equal(await index.updateFile('k8s/web.yaml'), true);
      assert.deepEqual(stable(index.result()), await fullScanOf(root));

      // An irrelevant change.
      writeTree(root, { 'src/app.go': 'package main\n// x\n' });
      assert.equal(await index.updateFile('src/app.go'), false);

      // A removed file, then a removed folder.
      rmSync(nodePath.join(root, 'charts', 'web', 'Chart.yaml'));
      assert.equal(index.removeFile('charts/web/Chart.yaml'), true);
      assert.deepEqual(stable(index.result()), await fullScanOf(root));
      rmSync(nodePath.join(root, 'k8s'), { recursive: true });
      assert.equal(index.removeFile('k8s'), true);
      assert.deepEqual(stable(index.result()), await fullScanOf(root));
      assert.equal(index.removeFile('not/there.yaml'), false);
    });

    it('treats an update of a vanished or ignored file as a removal', async () => {
      const root = makeTree({ '.gitignore': 'gen/\n', Dockerfile: 'FROM x\n' });
      const index = await ScanIndex.create(new NodeFileSource(root));
      rmSync(nodePath.join(root, 'Dockerfile'));
      assert.equal(await index.updateFile('Dockerfile'), true);
      writeTree(root, { 'gen/Dockerfile': 'FROM x\n' });
      assert.equal(await index.updateFile('gen/Dockerfile'), false);
      assert.deepEqual(stable(index.result()), await fullScanOf(root));
    });
  });

  it('works over any FileSource (no Node fs), reading candidates only once', async () => {
    const files: Record<string, string> = { Dockerfile: dockerfile, 'src/a.go': 'package a', 'k8s/a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n' };
    const reads: string[] = [];
    const source: FileSource = {
      root: 'memory:/',
      async *list(): AsyncIterable<FileEntry> {
        for (const path of Object.keys(files)) yield { path };
      },
      async read(path: string, maxBytes: number) {
        reads.push(path);
        return new TextEncoder().encode(files[path]).subarray(0, maxBytes);
      },
      skipped: (): SkippedEntry[] => [],
    };
    const r = await scan(source);
    assert.equal(r.root, 'memory:/');
    assert.deepEqual(reads.sort(), ['Dockerfile', 'k8s/a.yaml']);
    assert.equal(r.filesSeen, 3);
    assert.equal(r.filesRead, 2);
    assert.deepEqual(ids(r).t, ['docker', 'kubernetes']);
    assert.deepEqual(ids(r).p, ['docker-multi-stage']);
  });

  it('keeps listing and reading while the detectors are busy, so reading overlaps their work', async () => {
    // 100 Dockerfiles; the detectors (a stand-in for the worker pool) answer nothing until asked to.
    const files = Array.from({ length: 100 }, (_, i) => `s${String(i).padStart(3, '0')}/Dockerfile`);
    let reads = 0;
    const source: FileSource = {
      root: 'memory:/',
      async *list(): AsyncIterable<FileEntry> {
        for (const path of files) yield { path };
      },
      async read(_path: string, maxBytes: number) {
        reads++;
        return new TextEncoder().encode(dockerfile).subarray(0, maxBytes);
      },
      skipped: (): SkippedEntry[] => [],
    };
    const held: (() => void)[] = [];
    let released = false;
    let readWhileHeld = 0;
    const docker = { hits: [{ key: 't:docker' as const }], failed: false, tooLarge: false };
    const result = scan(source, {
      inspector: () =>
        new Promise((resolve) => {
          if (released) return resolve(docker);
          held.push(() => resolve(docker));
          // The first answer comes only once the walk has gone as far as it goes on its own.
          if (held.length === 1)
            setTimeout(() => {
              readWhileHeld = reads;
              released = true;
              for (const release of held.splice(0)) release();
            }, 100);
        }),
    });
    const r = await result;
    assert.equal(readWhileHeld, 100, 'every file was read before the detectors answered the first');
    assert.equal(r.technologies.find((t) => t.id === 'docker')?.fileCount, 100);
  });

  describe('onFound: the result so far, while a full scan runs', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    /** A source that lists `first`, then waits for `gate` before listing `rest`. */
    function gatedSource(first: Record<string, string>, rest: Record<string, string>, gate: Promise<void>): FileSource {
      const all: Record<string, string> = { ...first, ...rest };
      return {
        root: 'memory:/',
        async *list(): AsyncIterable<FileEntry> {
          for (const path of Object.keys(first)) yield { path };
          await gate;
          for (const path of Object.keys(rest)) yield { path };
        },
        read: async (path: string, maxBytes: number) => new TextEncoder().encode(all[path]).subarray(0, maxBytes),
        skipped: (): SkippedEntry[] => [],
      };
    }

    it('tells of a technology as soon as one file shows it, before the folder is listed', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const seen: string[][] = [];
      const result = scan(gatedSource({ Dockerfile: dockerfile }, { 'infra/main.tf': 'resource "a" "b" {}\n' }, gate), {
        onFound(partial) {
          seen.push(partial().technologies.map((t) => t.id));
          open();
        },
      });
      const r = await result;
      assert.deepEqual(seen[0], ['docker'], 'the first partial result came while the listing waited, with the Dockerfile alone');
      // A .tf file's Terraform is held back until the listing ends (a Pulumi.yaml beside it would take it back).
      assert.deepEqual(seen.at(-1), ['terraform', 'docker']);
      assert.deepEqual(ids(r).t, ['terraform', 'docker']);
      assert.equal(r.technologies[0].fileCount, 1, 'the final result is not the memoised partial one');
    });

    it('never shows what a file listed later takes back (a chart template before its Chart.yaml)', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const partials: string[][] = [];
      const r = await scan(
        gatedSource({ 'chart/templates/deploy.yaml': deployment, Dockerfile: dockerfile }, { 'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n' }, gate),
        {
          onFound(partial) {
            partials.push(partial().technologies.map((t) => t.id));
            setTimeout(open, 10);
          },
        },
      );
      const final = ids(r).t;
      assert.ok(!final.includes('kubernetes'), 'a chart template is no raw Kubernetes');
      assert.ok(partials.length > 0);
      for (const ids of partials) for (const id of ids) assert.ok(final.includes(id), `${id} was shown before the scan ended but is not in its result`);
    });

    it('is not told of anything by an incremental update', async () => {
      const root = makeTree({ Dockerfile: dockerfile });
      let told = 0;
      const index = await ScanIndex.create(new NodeFileSource(root), { onFound: () => told++ });
      assert.equal(told, 1);
      writeFileSync(nodePath.join(root, 'main.tf'), 'resource "a" "b" {}\n');
      await index.updateFile('main.tf');
      assert.equal(told, 1);
    });
  });
});
