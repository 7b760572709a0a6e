import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as nodePath from 'node:path';
import { main } from '../../../src/cli';
import type { ScanResult } from '../../../src/scanner/types';

const ROOT = nodePath.resolve(__dirname, '../../..');
const SAMPLE = nodePath.join(ROOT, 'test/fixtures/scanner/sample-repo');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    args,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('scanner CLI', () => {
  it('prints the spec JSON with --json (exactly the ScanResult fields, 2-space indent)', async () => {
    const { code, out, err } = await run(['scan', SAMPLE, '--json']);
    assert.equal(code, 0);
    assert.equal(err, '');
    const result = JSON.parse(out) as ScanResult;
    assert.deepEqual(Object.keys(result), ['root', 'filesSeen', 'filesRead', 'bytesRead', 'durationMs', 'truncated', 'skipped', 'technologies', 'practices']);
    assert.ok(out.startsWith('{\n  "root": '));
    assert.equal(result.root, SAMPLE);
    assert.deepEqual(
      result.technologies.map((t) => t.id),
      ['github-actions', 'terraform', 'docker', 'kubernetes', 'helm', 'trivy', 'makefile'],
    );
    assert.deepEqual(
      result.practices.map((p) => p.id),
      [
        'terraform-modules',
        'terraform-remote-state',
        'terraform-workspaces',
        'docker-multi-stage',
        'image-scanning',
        'k8s-autoscaling',
        'helm-chart-authoring',
        'ci-matrix',
        'ci-caching',
      ],
    );
    assert.deepEqual(result.technologies.find((t) => t.id === 'kubernetes')?.evidence, ['k8s/deployment.yaml']);
  });

  it('prints a readable table by default', async () => {
    const { code, out } = await run(['scan', SAMPLE]);
    assert.equal(code, 0);
    assert.match(out, /^TECHNOLOGY\s+GROUP\s+FILES\s+EVIDENCE$/m);
    assert.match(out, /^terraform\s+IaC and config\s+1\s+infra\/main\.tf$/m);
    assert.match(out, /^PRACTICE\s+EVIDENCE$/m);
  });

  it('exits 0 with --help, and 2 with a one-line message for bad arguments or a missing DIR', async () => {
    assert.equal((await run(['--help'])).code, 0);
    for (const args of [
      [],
      ['scna'],
      ['scan', '--bogus'],
      ['scan', 'a', 'b'],
      ['scan', SAMPLE, '--max-files', 'x'],
      ['scan', nodePath.join(SAMPLE, 'nope')],
      ['scan', nodePath.join(SAMPLE, 'Makefile')],
    ]) {
      const { code, out, err } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.equal(err.trim().split('\n').length, 1, err);
      assert.match(err, /^devops-roadmap: /);
    }
  });

  it('runs as a program through tsx (shebang entry, real exit codes)', function () {
    this.timeout(30000);
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'scan', SAMPLE, '--json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as ScanResult).filesSeen, 9);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'scan', '/definitely/not/here'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no such directory/);
  });
});
