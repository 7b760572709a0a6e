import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { buildShippedCli } from './scanner/helpers';
import { formatTable, main } from '../../src/cli';
import { escapeControl } from '../../src/core/format';
import type { ScanResult } from '../../src/scanner/types';

const ROOT = nodePath.resolve(__dirname, '../..');
const SAMPLE = nodePath.join(ROOT, 'test/fixtures/scanner/sample-repo');

/** Every character a terminal or a bidi-aware viewer would act on instead of showing. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** File names that set the terminal title, clear the screen, forge a table row and reverse text. */
const TITLE = 'evil\x1b]0;pwned\x07.yaml';
const CLEAR = 'x\x1b[2J\x1b[H.tf';
const FORGED = 'a.tf\nterraform      IaC and config  1      forged.tf';
const BIDI = 'gpj.\u202eexe.tf';
const C1 = 'c1\u009b31m\u2028\u2066.yaml';

function result(): ScanResult {
  return {
    root: '/tmp/repo\x1b[31m',
    filesSeen: 5,
    filesRead: 5,
    bytesRead: 10,
    durationMs: 1,
    truncated: false,
    skipped: [],
    technologies: [
      { id: 'terraform', evidence: [CLEAR, FORGED, BIDI], fileCount: 3, fixtureOnly: false },
      { id: 'kubernetes', evidence: [TITLE, C1], fileCount: 2, fixtureOnly: false },
    ],
    practices: [{ id: 'terraform-modules', evidence: [FORGED, TITLE] }],
  };
}

describe('CLI output hygiene', () => {
  it('shows control characters in file names as visible escapes in the table', () => {
    const out = formatTable(result());
    assert.ok(!RAW_CONTROL.test(out), `raw control character in ${JSON.stringify(out)}`);
    assert.ok(out.includes('evil\\x1b]0;pwned\\x07.yaml'), out);
    assert.ok(out.includes('x\\x1b[2J\\x1b[H.tf'), out);
    assert.ok(out.includes('gpj.\\u202eexe.tf'), out);
    assert.ok(out.includes('c1\\x9b31m\\u2028\\u2066.yaml'), out);
    assert.ok(out.includes('Scanned /tmp/repo\\x1b[31m'), out);
    // A newline in a name does not forge a row: one row per technology and per practice.
    const lines = out.split('\n');
    assert.equal(lines.filter((l) => /^terraform\s/.test(l)).length, 1, out);
    assert.equal(lines.filter((l) => /^terraform-modules\s/.test(l)).length, 1, out);
    assert.ok(out.includes('a.tf\\nterraform'), out);
  });

  it('escapes every kind of control character, visibly and distinctly', () => {
    assert.equal(escapeControl('a\nb\rc\td\x00e\x7ff\u0085g\u202eh\u2069i\u2029j'), 'a\\nb\\rc\\td\\x00e\\x7ff\\x85g\\u202eh\\u2069i\\u2029j');
    assert.equal(escapeControl('plain name/é ü 日本.yaml'), 'plain name/é ü 日本.yaml');
  });

  it('scans a tree with hostile names: the table shows them escaped, the JSON keeps them exactly', async () => {
    const root = mkdtempSync(nodePath.join(tmpdir(), 'dr-cli-names-'));
    try {
      const names = ['a\nterraform  IaC and config  9  forged', 'b\x1b]0;pwned\x07', 'c\u202eexe', 'd\u009b2J\u2028'];
      for (const name of names) {
        mkdirSync(nodePath.join(root, name));
        writeFileSync(nodePath.join(root, name, 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
      }
      let table = '';
      assert.equal(await main(['scan', root], (s) => (table += s)), 0);
      assert.ok(!RAW_CONTROL.test(table), JSON.stringify(table));
      assert.equal(table.split('\n').filter((l) => /^terraform\s/.test(l)).length, 1, table);
      for (const shown of ['a\\nterraform', 'b\\x1b]0;pwned\\x07', 'c\\u202eexe', 'd\\x9b2J\\u2028']) assert.ok(table.includes(shown), `${shown} in ${table}`);

      let json = '';
      assert.equal(await main(['scan', root, '--json'], (s) => (json += s)), 0);
      assert.ok(!RAW_CONTROL.test(json.replace(/\n/g, '')), 'no raw control character in the JSON text either');
      const parsed = JSON.parse(json) as ScanResult;
      assert.deepEqual(
        parsed.technologies
          .find((t) => t.id === 'terraform')
          ?.evidence.slice()
          .sort(),
        names.map((n) => `${n}/main.tf`).sort(),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('escapes a hostile directory name in its error message', async () => {
    let err = '';
    const code = await main(
      ['scan', '/no/such/dir\x1b]0;pwned\x07\nforged line'],
      () => undefined,
      (s) => (err += s),
    );
    assert.equal(code, 2);
    assert.ok(!RAW_CONTROL.test(err), JSON.stringify(err));
    assert.equal(err.split('\n').length, 2, 'one line and its newline');
    assert.ok(err.includes('\\x1b]0;pwned\\x07\\nforged line'), err);
  });
});

describe('CLI as a shipped bundle in a pipe', function () {
  this.timeout(60_000);
  let dir: string;
  let cli: string;

  before(() => {
    dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-cli-pipe-'));
    cli = buildShippedCli(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the bundle with its stdout a pipe whose reader is gone before the first write (`… | true`). */
  function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
  }

  for (const args of [['scan', SAMPLE], ['scan', SAMPLE, '--json'], ['--help']]) {
    it(`ends quietly with exit code 0 when the reader of stdout is gone (${args.slice(2).join(' ') || args[0]})`, async () => {
      const { code, signal, stderr } = await runIntoClosedPipe(args);
      assert.equal(stderr, '', 'no stack trace, no message');
      assert.equal(signal, null);
      assert.equal(code, 0);
    });
  }
});
