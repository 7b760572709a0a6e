import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { buildShippedCli } from './helpers';

/**
 * The scanner under a hostile tree, in a child process so its peak memory is its own: 200,000 empty
 * files, a 50 MB file in a name the detectors read, a non-UTF-8 file name, and real evidence among
 * them. The scan must finish, report the skips with reasons, find the evidence, and stay under the
 * 150 MB memory budget of the performance issue.
 */
describe('scanner under a hostile tree (child process)', function () {
  this.timeout(180_000);
  let root: string;

  before(() => {
    root = mkdtempSync(nodePath.join(tmpdir(), 'dr-stress-'));
    for (let d = 0; d < 200; d++) {
      const dir = nodePath.join(root, 'empty', `d${d}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 1000; f++) writeFileSync(nodePath.join(dir, `f${f}.yaml`), '');
    }
    // A 50 MB ConfigMap: its head shows Kubernetes, the rest is too large to parse.
    mkdirSync(nodePath.join(root, 'k8s'));
    const fd = openSync(nodePath.join(root, 'k8s', 'huge.yaml'), 'w');
    writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n');
    const chunk = Buffer.alloc(1024 * 1024, '  k: v\n');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    writeFileSync(Buffer.concat([Buffer.from(nodePath.join(root, 'bad-')), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]), 'a: 1\n');
    writeFileSync(nodePath.join(root, 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('finishes, reports skips with reasons, finds the evidence, and stays under 150 MB', () => {
    // The CLI as it ships (bundled, minified), so the memory figure is the product's, not tsx's.
    const cliDir = mkdtempSync(nodePath.join(tmpdir(), 'dr-stress-cli-'));
    const cli = buildShippedCli(cliDir);
    const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS)); require(${JSON.stringify(cli)}).main(['scan', process.argv[1], '--json', '--max-files', '300000']).then((code) => { process.exitCode = code; });`;
    const child = spawnSync(process.execPath, ['-e', wrapper, root], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    rmSync(cliDir, { recursive: true, force: true });
    assert.equal(child.status, 0, child.stderr);
    const r = JSON.parse(child.stdout);
    const maxRssKb = Number(/MAXRSS (\d+)/.exec(child.stderr)?.[1]);
    assert.ok(r.filesSeen >= 200_000, `saw ${r.filesSeen} files`);
    assert.equal(r.truncated, false);
    assert.deepEqual(r.technologies.map((t: { id: string }) => t.id).sort(), ['kubernetes', 'terraform']);
    const reasons = new Map(r.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]));
    assert.equal(reasons.get('k8s/huge.yaml'), 'too-large');
    assert.ok([...reasons.values()].includes('invalid-name'));
    assert.ok(r.bytesRead < 5 * 1024 * 1024, `read ${r.bytesRead} bytes: the 50 MB file must not be read whole`);
    assert.ok(maxRssKb > 0 && maxRssKb < 150 * 1024, `peak RSS ${Math.round(maxRssKb / 1024)} MB`);
    console.log(`      ${r.filesSeen} files, ${r.filesRead} read, ${r.bytesRead} bytes, peak RSS ${Math.round(maxRssKb / 1024)} MB, ${Math.round(r.durationMs)} ms`);
  });
});
