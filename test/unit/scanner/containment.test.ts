import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { ScanIndex, scan } from '../../../src/scanner/engine';
import { NodeFileSource, readInside } from '../../../src/scanner/fileSource';
import { normalizePath, staysInside } from '../../../src/scanner/paths';
import type { FileEntry, FileSource, ScanResult } from '../../../src/scanner/types';
import { cleanTrees, ids, makeTree } from './helpers';

/** Every path a result names, evidence and skipped entries alike. */
function pathsOf(r: ScanResult): string[] {
  return [...r.technologies.flatMap((t) => t.evidence), ...r.practices.flatMap((p) => p.evidence), ...r.skipped.map((s) => s.path)];
}

function assertNoPathLeaves(r: ScanResult): void {
  for (const path of pathsOf(r).filter((p) => !r.skipped.some((s) => s.path === p && s.reason === 'outside-root'))) {
    assert.ok(!path.startsWith('/') && !path.split('/').includes('..'), `a result path leaves the root: ${path}`);
  }
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('scanner: reads stay inside the folder', () => {
  after(cleanTrees);

  it('never rewrites a name: a file called ..\\..\\etc\\Jenkinsfile is one name inside the root, not a way out', async () => {
    const parent = makeTree({ 'etc/Jenkinsfile': 'pipeline { agent any }\n' });
    const root = nodePath.join(parent, 'a', 'repo');
    mkdirSync(root, { recursive: true });
    writeFileSync(nodePath.join(root, '..\\..\\etc\\Jenkinsfile'), 'pipeline { agent any }\n');
    writeFileSync(nodePath.join(root, 'main.tf'), 'resource "a" "b" {}\n');
    const r = await scan(new NodeFileSource(root));
    assert.deepEqual(ids(r).t, ['terraform']);
    assertNoPathLeaves(r);
    assert.equal(normalizePath('..\\..\\etc\\Jenkinsfile'), '..\\..\\etc\\Jenkinsfile');
  });

  it('refuses a listed path with .. segments without reading it, and says so', async () => {
    const outside = makeTree({ 'secret/prometheus.yml': 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' });
    const root = nodePath.join(outside, 'repo');
    mkdirSync(root);
    writeFileSync(nodePath.join(root, 'Dockerfile'), 'FROM x\n');
    const reads: string[] = [];
    const real = new NodeFileSource(root);
    // A source that lists what findFiles might hand over for a hostile name.
    const source: FileSource = {
      root,
      async *list(): AsyncIterable<FileEntry> {
        yield { path: '../secret/prometheus.yml' };
        yield { path: 'Dockerfile' };
      },
      read: (path, max) => {
        reads.push(path);
        return real.read(path, max);
      },
      skipped: () => [],
    };
    const r = await scan(source);
    assert.deepEqual(ids(r).t, ['docker']);
    assert.deepEqual(reads, ['Dockerfile']);
    assert.deepEqual(r.skipped, [{ path: '../secret/prometheus.yml', reason: 'outside-root' }]);
  });

  it('refuses a watcher event for a path out of the root (no .gitignore or file outside is read)', async () => {
    const outside = makeTree({ 'secret/prometheus.yml': 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' });
    const root = nodePath.join(outside, 'repo');
    mkdirSync(root);
    const index = await ScanIndex.create(new NodeFileSource(root));
    assert.equal(await index.updateFile('../secret/prometheus.yml'), true);
    assert.deepEqual(ids(index.result()).t, []);
    assert.deepEqual(index.result().skipped, [{ path: '../secret/prometheus.yml', reason: 'outside-root' }]);
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a/./b', 'a//b', '', 'x\0y']) assert.equal(staysInside(bad), false, bad);
    for (const good of ['a', 'a/b.yml', '..a', 'a..', '..\\x', '.github/workflows/ci.yml']) assert.equal(staysInside(good), true, good);
  });

  it('checks symlinks at read time: a file swapped for a link out of the root after listing is not read', async () => {
    const outside = makeTree({ Dockerfile: 'FROM outside AS a\nFROM b\nCOPY --from=a /x /x\n' });
    const root = makeTree({ Dockerfile: 'FROM inside\n' });
    const index = await ScanIndex.create(new NodeFileSource(root));
    assert.deepEqual(ids(index.result()).t, ['docker']);
    rmSync(nodePath.join(root, 'Dockerfile'));
    symlinkSync(nodePath.join(outside, 'Dockerfile'), nodePath.join(root, 'Dockerfile'));
    await index.updateFile('Dockerfile');
    const r = index.result();
    assert.deepEqual(ids(r).p, [], 'the outside Dockerfile (multi-stage) was read');
    assert.deepEqual(r.skipped, [{ path: 'Dockerfile', reason: 'symlink-outside-root' }]);
  });

  it('checks folders at read time too: a folder swapped for a link out of the root is not read through', async () => {
    const outside = makeTree({ 'k8s/deploy.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\n' });
    const root = makeTree({ 'k8s/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' });
    const index = await ScanIndex.create(new NodeFileSource(root));
    renameSync(nodePath.join(root, 'k8s'), nodePath.join(root, 'old'));
    symlinkSync(nodePath.join(outside, 'k8s'), nodePath.join(root, 'k8s'));
    await index.updateFile('k8s/deploy.yaml');
    assert.ok(!ids(index.result()).p.includes('k8s-network-policy'));
    assert.deepEqual(index.result().skipped, [{ path: 'k8s/deploy.yaml', reason: 'symlink-outside-root' }]);
    await assert.rejects(readInside(root, 'k8s/deploy.yaml', 1024), { skipReason: 'symlink-outside-root' });
    assert.equal(new TextDecoder().decode(await readInside(root, 'old/deploy.yaml', 1024)).slice(0, 14), 'apiVersion: v1');
  });

  describe('special files', () => {
    it('lists a FIFO as special-file and never opens it', async () => {
      const root = makeTree({ 'main.tf': 'resource "a" "b" {}\n' });
      mkfifo(nodePath.join(root, 'docker-compose.yml'));
      const r = await scan(new NodeFileSource(root));
      assert.deepEqual(ids(r).t, ['terraform']);
      assert.deepEqual(r.skipped, [{ path: 'docker-compose.yml', reason: 'special-file' }]);
    });

    it('does not block on a file replaced by a FIFO between listing and reading', async () => {
      const root = makeTree({ 'prometheus.yml': 'global: {}\nscrape_configs: []\n', 'main.tf': 'resource "a" "b" {}\n' });
      const index = await ScanIndex.create(new NodeFileSource(root));
      rmSync(nodePath.join(root, 'prometheus.yml'));
      mkfifo(nodePath.join(root, 'prometheus.yml'));
      await index.updateFile('prometheus.yml');
      assert.deepEqual(index.result().skipped, [{ path: 'prometheus.yml', reason: 'special-file' }]);
      // The asynchronous read (the VS Code source) refuses it too, without holding a pool thread.
      await assert.rejects(Promise.all([1, 2, 3, 4, 5].map(() => readInside(root, 'prometheus.yml', 1024))), { skipReason: 'special-file' });
      assert.equal((await readInside(root, 'main.tf', 1024)).length, 20);
    });
  });
});
