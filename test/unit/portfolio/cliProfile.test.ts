import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { main } from '../../../src/cli';

const ME = 'me@example.com';
const COLLEAGUE = 'colleague@example.com';
const made: string[] = [];

function git(root: string, args: string[], who = ME, date = '2026-03-10T12:00:00Z'): void {
  execFileSync('git', ['-C', root, ...args], {
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: who,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: who,
      GIT_COMMITTER_DATE: date,
    },
  });
}

function repo(name: string, commits: { who: string; date: string; files: Record<string, string> }[]): string {
  const root = nodePath.join(mkdtempSync(nodePath.join(tmpdir(), 'dr-profile-')), name);
  made.push(nodePath.dirname(root));
  mkdirSync(root);
  git(root, ['init', '-q']);
  git(root, ['config', 'user.email', ME]);
  for (const c of commits) {
    for (const [path, text] of Object.entries(c.files)) {
      mkdirSync(nodePath.dirname(nodePath.join(root, path)), { recursive: true });
      writeFileSync(nodePath.join(root, path), text);
    }
    git(root, ['add', '-A'], c.who, c.date);
    git(root, ['commit', '-q', '--no-gpg-sign', '-m', 'change'], c.who, c.date);
  }
  return root;
}

const MODULE = 'module "vpc" {\n  source = "./modules/vpc"\n}\n';
const BACKEND = 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('devops-roadmap profile', () => {
  let mine: string;
  let theirs: string;
  before(() => {
    mine = repo('infra', [
      { who: ME, date: '2026-02-01T10:00:00Z', files: { 'main.tf': MODULE, 'modules/vpc/main.tf': 'resource "aws_vpc" "x" {}\n' } },
      { who: ME, date: '2026-03-10T10:00:00Z', files: { 'backend.tf': BACKEND } },
    ]);
    theirs = repo('platform', [{ who: COLLEAGUE, date: '2025-06-01T10:00:00Z', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n', Dockerfile: 'FROM alpine:3.20\n' } }]);
  });
  after(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('prints the JSON shape of the issue, judging both folders together', async () => {
    const { code, out, err } = await run(['profile', mine, theirs, '--json']);
    assert.equal(code, 0, err);
    const profile = JSON.parse(out);
    assert.deepEqual(Object.keys(profile), ['repositories', 'skills']);
    assert.deepEqual(
      profile.repositories.map((r: Record<string, unknown>) => Object.keys(r)),
      [
        ['root', 'name', 'scannedAt', 'technologies', 'practices', 'authored'],
        ['root', 'name', 'scannedAt', 'technologies', 'practices', 'authored'],
      ],
    );
    assert.equal(profile.repositories[0].root, mine);
    assert.equal(profile.repositories[0].authored.email, ME);
    assert.ok(profile.repositories[0].practices.includes('terraform-modules'));
    const terraform = profile.skills.find((s: { id: string }) => s.id === 'terraform-proficiency');
    assert.deepEqual(Object.keys(terraform), ['id', 'title', 'level', 'why', 'repositories', 'evidence', 'lastAuthored', 'rusty']);
    assert.equal(terraform.level, 'practiced');
    // Your repository first: it is what earns the level; the colleague's counts as seen, not written.
    assert.deepEqual(terraform.repositories, [mine, theirs]);
    assert.match(terraform.why, /^Practiced: Terraform modules and Terraform remote state in 1 repository, \d+ of your commits, last in March 2026\.$/);
    assert.equal(terraform.lastAuthored, '2026-03-10T10:00:00Z');
    assert.equal(terraform.rusty, false);
    assert.ok(terraform.evidence.some((e: { repository: string }) => e.repository === theirs));
    assert.deepEqual(Object.keys(terraform.evidence[0]), ['repository', 'path', 'id']);
    // Docker is only in the colleague's repository: aware.
    const containers = profile.skills.find((s: { why: string }) => /Docker/.test(s.why));
    assert.equal(containers.level, 'aware');
  });

  it("--author makes another person's commits the ones that count", async () => {
    const { out } = await run(['profile', mine, theirs, '--json', '--author', COLLEAGUE]);
    const terraform = JSON.parse(out).skills.find((s: { id: string }) => s.id === 'terraform-proficiency');
    assert.deepEqual(terraform.repositories, [theirs, mine]);
    assert.equal(terraform.lastAuthored, '2025-06-01T10:00:00Z');
  });

  it('prints a table by default, and refuses bad arguments with exit 2', async () => {
    const { code, out } = await run(['profile', mine, theirs]);
    assert.equal(code, 0);
    assert.match(out, /^Portfolio of 2 repositories\n/);
    assert.match(out, /Terraform proficiency +practiced +Practiced: Terraform modules/);
    assert.equal((await run(['profile'])).code, 2);
    assert.equal((await run(['profile', mine, '--author'])).code, 2);
    assert.match((await run(['profile', nodePath.join(mine, 'nope')])).err, /not a directory/);
  });
});
