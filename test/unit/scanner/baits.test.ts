import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { BAITS } from '../../../bench/baits.mjs';
import { scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { WorkerPool } from '../../../src/scanner/workerPool';
import { buildWorkerBundle, cleanTrees, makeTree, writeTree } from './helpers';

/**
 * Every bait of the scanner-safety issue in one tree, beside real files: the scan ends, finds the
 * real Terraform, workflow and Dockerfile, and says why it passed over each bait it could not use.
 */
describe('scanner: a tree holding every bait at once', function () {
  this.timeout(60_000);
  let dir: string;
  let script: string;

  before(() => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-baits-'));
    script = buildWorkerBundle(dir);
    process.env.DEVOPS_ROADMAP_TEST_STALL_ON = 'stall-bait.yaml';
  });
  after(() => {
    delete process.env.DEVOPS_ROADMAP_TEST_STALL_ON;
    rmSync(dir, { recursive: true, force: true });
    cleanTrees();
  });

  it('keeps the real evidence and names a reason for every bait it skipped', async () => {
    const outside = makeTree({ Jenkinsfile: 'pipeline { agent any }\n', 'secret/Dockerfile': 'FROM secret AS a\nFROM b\nCOPY --from=a /x /x\n' });
    const root = nodePath.join(outside, 'repo');
    mkdirSync(root);
    writeTree(root, {
      'infra/main.tf': 'terraform {\n  backend "s3" {}\n}\nmodule "vpc" {\n  source = "./vpc"\n}\n',
      '.github/workflows/real.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      'app/Dockerfile': 'FROM alpine\n',
      [`${Array.from({ length: 150 }, (_, i) => `d${i}`).join('/')}/Makefile`]: 'all:\n\ttrue\n',
      'k8s/stall-bait.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    });
    // The regex baits, each in a folder of its own (their names collide).
    Object.values(BAITS).forEach(({ file, content }, i) => writeTree(root, { [`baits/${i}/${file}`]: content }));
    writeFileSync(nodePath.join(root, '..\\Jenkinsfile'), 'pipeline { agent any }\n');
    symlinkSync(nodePath.join(outside, 'secret'), nodePath.join(root, 'linked'));
    symlinkSync(nodePath.join(outside, 'secret', 'Dockerfile'), nodePath.join(root, 'Dockerfile'));
    execFileSync('mkfifo', [nodePath.join(root, 'docker-compose.yml')]);

    const pool = new WorkerPool({ script, fileBudgetMs: 2000 });
    try {
      const r = await scan(new NodeFileSource(root), { inspector: pool.inspector });
      const tech = Object.fromEntries(r.technologies.map((t) => [t.id, t.evidence]));
      assert.ok(tech.terraform?.includes('infra/main.tf'), 'the real Terraform');
      assert.ok(tech['github-actions']?.includes('.github/workflows/real.yml'), 'the real workflow');
      assert.ok(tech.docker?.includes('app/Dockerfile'), 'the real Dockerfile');
      assert.ok(tech.makefile?.[0].endsWith('/d149/Makefile'), 'the Makefile 150 folders down');
      for (const path of Object.values(tech).flat()) assert.ok(!path.split('/').includes('..') && !path.startsWith('..'), `evidence out of the root: ${path}`);
      assert.deepEqual(tech.jenkins, ['baits/11/Jenkinsfile'], 'the Jenkinsfile outside the root was not read');
      assert.ok(!r.practices.some((p) => p.id === 'docker-multi-stage'), 'the outside Dockerfile was not read');
      const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
      assert.equal(reasons['k8s/stall-bait.yaml'], 'timeout');
      assert.equal(reasons['docker-compose.yml'], 'special-file');
      assert.equal(reasons.Dockerfile, 'symlink-outside-root');
      assert.equal(reasons.linked, 'symlink-outside-root');
      // Every bait the scan passed over has its reason; none is lost. (Whether the regex baits run in
      // linear time is adversarial.test.ts's question: on a loaded machine the YAML parser alone can
      // take a second on a 256 KB flood of blank lines, so the budget is not asserted here.)
      const baitPaths = new Set(r.skipped.map((s) => s.path));
      for (const s of r.skipped) assert.ok(s.reason, s.path);
      assert.ok(baitPaths.has('k8s/stall-bait.yaml') && baitPaths.has('docker-compose.yml') && baitPaths.has('Dockerfile'));
    } finally {
      pool.dispose();
    }
  });
});
