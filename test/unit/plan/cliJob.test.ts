import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { main } from '../../../src/cli';
import { buildShippedCli } from '../scanner/helpers';

const ROOT = nodePath.resolve(__dirname, '../../..');
const ADVERT = nodePath.join(ROOT, 'test/fixtures/plan/advert.txt');
const REPO = nodePath.join(ROOT, 'test/fixtures/plan/infra-complete');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('CLI: devops-roadmap job', () => {
  it('prints the requirements as JSON with their status from the folders given', async () => {
    const { code, out, err } = await run('job', ADVERT, REPO, '--json');
    assert.equal(code, 0, err);
    const json = JSON.parse(out) as { requirements: { text: string; skills: string[]; status: string }[]; unmatched: string[] };
    assert.deepEqual(json.requirements[0], { text: 'Terraform: modules and remote state', skills: ['terraform-proficiency'], status: 'evidenced' });
    assert.deepEqual(
      json.requirements.map((r) => r.status),
      ['evidenced', 'missing', 'missing', 'missing'],
    );
    assert.deepEqual(json.unmatched, ['Senior Platform Engineer', 'Excellent communication skills', '25 days holiday', 'A learning budget']);
  });

  it('says "missing" for everything when no folder is given, and says why in the table', async () => {
    const { code, out } = await run('job', ADVERT);
    assert.equal(code, 0);
    assert.match(out, /No DIR given: every requirement shows as missing/);
    assert.match(out, /^MISSING {4}Terraform: modules and remote state$/m);
    assert.match(out, /Not mapped to a skill \(4\):\n {2}Senior Platform Engineer/);
  });

  it('shows the file that evidences a skill in the table', async () => {
    const { out } = await run('job', ADVERT, REPO);
    assert.match(out, /^EVIDENCED {2}Terraform: modules and remote state$/m);
    assert.match(out, /- Terraform proficiency \(terraform-proficiency\): evidenced in .*infra-complete\/main\.tf/);
  });

  it('refuses bad arguments with a clear message and exit code 2', async () => {
    assert.deepEqual(await run('job'), { code: 2, out: '', err: 'devops-roadmap: job needs the advert: devops-roadmap job FILE [DIR...] [--json]\n' });
    assert.deepEqual(await run('job', '/no/such/advert.txt'), { code: 2, out: '', err: 'devops-roadmap: no such file: /no/such/advert.txt\n' });
    assert.deepEqual(await run('job', ADVERT, '/no/such/dir'), { code: 2, out: '', err: 'devops-roadmap: no such directory: /no/such/dir\n' });
    assert.deepEqual(await run('job', REPO), { code: 2, out: '', err: `devops-roadmap: not a file: ${REPO}\n` });
    assert.equal((await run('job', ADVERT, '--yaml')).code, 2);
  });

  it('works as shipped: the bundle finds the data beside it', function () {
    this.timeout(120_000);
    const root = mkdtempSync(nodePath.join(tmpdir(), 'dr-cli-job-'));
    try {
      const cli = buildShippedCli(nodePath.join(root, 'dist'));
      mkdirSync(nodePath.join(root, 'data'));
      cpSync(nodePath.join(ROOT, 'data/roadmap.json'), nodePath.join(root, 'data/roadmap.json'));
      const result = spawnSync(process.execPath, [cli, 'job', ADVERT, REPO, '--json'], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as { requirements: { status: string }[] }).requirements[0].status, 'evidenced');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
