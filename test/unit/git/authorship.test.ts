import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { readAuthorship, type AuthorshipResult } from '../../../src/git/authorship';
import { describeAuthorship, relativeTime } from '../../../src/git/wording';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

const made: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-authorship-'));
  made.push(dir);
  return dir;
}

/** Runs git for test setup, isolated from the machine's own config, as `email` at `date`. */
function git(root: string, args: string[], who = ALICE, date = '2024-01-01T12:00:00Z'): string {
  return execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: who.split('@')[0],
      GIT_AUTHOR_EMAIL: who,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who.split('@')[0],
      GIT_COMMITTER_EMAIL: who,
      GIT_COMMITTER_DATE: date,
    },
  });
}

function write(root: string, path: string, content: string): void {
  const abs = nodePath.join(root, ...path.split('/'));
  mkdirSync(nodePath.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

function commit(root: string, who: string, date: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) write(root, path, content);
  git(root, ['add', '-A'], who, date);
  git(root, ['commit', '-q', '--no-gpg-sign', '-m', `change by ${who}`], who, date);
}

function newRepo(userEmail: string | null = ALICE): string {
  const root = tempDir();
  git(root, ['init', '-q']);
  if (userEmail) git(root, ['config', 'user.email', userEmail]);
  return root;
}

function ok(result: AuthorshipResult): Extract<AuthorshipResult, { available: true }> {
  assert.equal(result.available, true, result.available ? '' : `${result.reason}: ${result.message}`);
  return result as Extract<AuthorshipResult, { available: true }>;
}

/** Runs `fn` with extra process environment variables, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('git authorship of evidence files', () => {
  after(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  describe('a repository with two authors', () => {
    let root: string;
    before(() => {
      root = newRepo(ALICE);
      commit(root, ALICE, '2024-01-01T10:00:00Z', { Dockerfile: 'FROM node:20\n', 'ci/build.yml': 'a: 1\n' });
      commit(root, BOB, '2024-02-01T10:00:00Z', { Dockerfile: 'FROM node:22\n', 'infra/main.tf': 'x = 1\n' });
      commit(root, ALICE, '2024-03-05T10:00:00Z', { Dockerfile: 'FROM node:22-slim\n' });
      commit(root, BOB, '2024-04-01T10:00:00Z', { 'infra/main.tf': 'x = 2\n', 'ci/build.yml': 'a: 2\n' });
      commit(root, BOB, '2024-05-01T10:00:00Z', { 'old name.yml': 'k: v\n' });
      git(root, ['mv', 'old name.yml', 'new name.yml']);
      git(root, ['commit', '-q', '--no-gpg-sign', '-m', 'rename'], ALICE, '2024-06-01T10:00:00Z');
    });

    it('counts only the user’s commits as theirs, and all commits in total', async () => {
      const result = ok(await readAuthorship(root, ['Dockerfile', 'infra/main.tf', 'ci/build.yml']));
      assert.equal(result.email, ALICE);
      assert.deepEqual(result.files['Dockerfile'], {
        yourCommits: 2,
        lastYours: '2024-03-05T10:00:00Z',
        firstYours: '2024-01-01T10:00:00Z',
        totalCommits: 3,
        lastAny: '2024-03-05T10:00:00Z',
      });
      assert.deepEqual(result.files['infra/main.tf'], { yourCommits: 0, totalCommits: 2, lastAny: '2024-04-01T10:00:00Z' });
      assert.equal(result.files['ci/build.yml'].yourCommits, 1);
      assert.equal(result.files['ci/build.yml'].totalCommits, 2);
      assert.equal(result.files['ci/build.yml'].lastAny, '2024-04-01T10:00:00Z');
    });

    it('gives zeros for unknown files and for a name that was renamed away', async () => {
      write(root, 'untracked.yml', 'u: 1\n');
      const result = ok(await readAuthorship(root, ['no/such/file', 'untracked.yml', 'new name.yml', 'old name.yml']));
      assert.deepEqual(result.files['no/such/file'], { yourCommits: 0, totalCommits: 0 });
      assert.deepEqual(result.files['untracked.yml'], { yourCommits: 0, totalCommits: 0 });
      // The renamed file's history under its new name starts at the rename (no --follow).
      assert.equal(result.files['new name.yml'].yourCommits, 1);
      assert.equal(result.files['new name.yml'].totalCommits, 1);
      // The old name keeps its own history: created by Bob, removed by Alice's rename.
      assert.equal(result.files['old name.yml'].totalCommits, 2);
    });

    it('counts another author as "you" when asked (the CLI\'s --author), without reading user.email', async () => {
      const result = ok(await readAuthorship(root, ['infra/main.tf', 'Dockerfile'], { author: BOB }));
      assert.equal(result.email, BOB);
      assert.deepEqual(
        [result.files['infra/main.tf'].yourCommits, result.files['infra/main.tf'].firstYours, result.files['infra/main.tf'].lastYours],
        [2, '2024-02-01T10:00:00Z', '2024-04-01T10:00:00Z'],
      );
      assert.equal(result.files['Dockerfile'].yourCommits, 1);
    });

    it('matches the user email case-insensitively', async () => {
      git(root, ['config', 'user.email', 'Alice@EXAMPLE.com']);
      try {
        const result = ok(await readAuthorship(root, ['Dockerfile']));
        assert.equal(result.files['Dockerfile'].yourCommits, 2);
      } finally {
        git(root, ['config', 'user.email', ALICE]);
      }
    });

    it('leaves paths outside the root at zero instead of failing the whole run', async () => {
      const result = ok(await readAuthorship(root, ['../elsewhere', '/etc/passwd', 'Dockerfile']));
      assert.equal(result.files['../elsewhere'].totalCommits, 0);
      assert.equal(result.files['/etc/passwd'].totalCommits, 0);
      assert.equal(result.files['Dockerfile'].totalCommits, 3);
    });

    it('answers an empty list with no files', async () => {
      assert.deepEqual(ok(await readAuthorship(root, [])).files, {});
    });
  });

  it('handles paths with spaces, unicode and glob characters literally', async () => {
    const root = newRepo();
    commit(root, ALICE, '2024-01-01T10:00:00Z', {
      'deploy/my chart/values.yaml': 'a: 1\n',
      'docs/über-ñ.md': '# x\n',
      'weird/[a]*.yml': 'a: 1\n',
      'weird/ab.yml': 'a: 1\n',
      'tab\there.txt': 'x\n',
    });
    commit(root, BOB, '2024-01-02T10:00:00Z', { 'weird/ab.yml': 'a: 2\n', 'docs/über-ñ.md': '# y\n' });
    const files = ['deploy/my chart/values.yaml', 'docs/über-ñ.md', 'weird/[a]*.yml', 'tab\there.txt'];
    const result = ok(await readAuthorship(root, files));
    assert.equal(result.files['deploy/my chart/values.yaml'].yourCommits, 1);
    assert.equal(result.files['docs/über-ñ.md'].totalCommits, 2);
    assert.equal(result.files['docs/über-ñ.md'].yourCommits, 1);
    // A glob pathspec would also have matched weird/ab.yml (Bob's second commit).
    assert.equal(result.files['weird/[a]*.yml'].totalCommits, 1);
    assert.equal(result.files['tab\there.txt'].totalCommits, 1);
  });

  it('reads paths relative to a root below the top of the repository', async () => {
    const top = newRepo();
    commit(top, ALICE, '2024-01-01T10:00:00Z', { 'service/Dockerfile': 'FROM a\n', Dockerfile: 'FROM b\n' });
    commit(top, BOB, '2024-01-02T10:00:00Z', { 'service/Dockerfile': 'FROM c\n' });
    const result = ok(await readAuthorship(nodePath.join(top, 'service'), ['Dockerfile']));
    assert.deepEqual(result.files['Dockerfile'], {
      yourCommits: 1,
      lastYours: '2024-01-01T10:00:00Z',
      firstYours: '2024-01-01T10:00:00Z',
      totalCommits: 2,
      lastAny: '2024-01-02T10:00:00Z',
    });
  });

  it('splits a long file list into several git runs', async () => {
    const root = newRepo();
    const many: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) many[`files/some-longer-directory-name/file-${i}.yml`] = `${i}\n`;
    commit(root, ALICE, '2024-01-01T10:00:00Z', many);
    commit(root, BOB, '2024-01-02T10:00:00Z', { 'files/some-longer-directory-name/file-1199.yml': 'changed\n' });
    const result = ok(await readAuthorship(root, Object.keys(many)));
    assert.equal(Object.keys(result.files).length, 1200);
    assert.ok(Object.values(result.files).every((f) => f.yourCommits === 1));
    assert.equal(result.files['files/some-longer-directory-name/file-0.yml'].totalCommits, 1);
    assert.equal(result.files['files/some-longer-directory-name/file-1199.yml'].totalCommits, 2);
  });

  it('gives zeros in a repository without commits', async () => {
    const root = newRepo();
    write(root, 'Dockerfile', 'FROM x\n');
    const result = ok(await readAuthorship(root, ['Dockerfile']));
    assert.deepEqual(result.files['Dockerfile'], { yourCommits: 0, totalCommits: 0 });
  });

  it('has no email, and nothing of the user’s, when user.email is not set', async () => {
    const root = newRepo(null);
    commit(root, ALICE, '2024-01-01T10:00:00Z', { Dockerfile: 'FROM x\n' });
    const home = tempDir();
    const result = ok(await withEnv({ GIT_CONFIG_GLOBAL: nodePath.join(home, 'none'), GIT_CONFIG_NOSYSTEM: '1', HOME: home }, () => readAuthorship(root, ['Dockerfile'])));
    assert.equal(result.email, undefined);
    assert.deepEqual(result.files['Dockerfile'], { yourCommits: 0, totalCommits: 1, lastAny: '2024-01-01T10:00:00Z' });
  });

  it('reports a folder outside any repository', async () => {
    const plain = tempDir();
    write(plain, 'Dockerfile', 'FROM x\n');
    // Keep git from finding a repository above the temp folder.
    const result = await withEnv({ GIT_CEILING_DIRECTORIES: nodePath.dirname(plain) }, () => readAuthorship(plain, ['Dockerfile']));
    assert.equal(result.available, false);
    assert.equal(!result.available && result.reason, 'not-a-repository');
  });

  it('reports a root that does not exist as not a repository', async () => {
    const result = await readAuthorship(nodePath.join(tempDir(), 'gone'), ['Dockerfile']);
    assert.equal(!result.available && result.reason, 'not-a-repository');
  });

  it('reports a missing git binary without throwing', async () => {
    const result = await readAuthorship(newRepo(), ['Dockerfile'], { git: '/nonexistent/git' });
    assert.equal(result.available, false);
    assert.equal(!result.available && result.reason, 'no-git');
  });

  describe('a git that hangs', () => {
    let slowGit: string;
    before(() => {
      const dir = tempDir();
      slowGit = nodePath.join(dir, 'slow-git');
      // Not `exec`: the sleeping grandchild keeps the pipes open after the shell is killed.
      writeFileSync(slowGit, '#!/bin/sh\nsleep 4\necho late\n');
      chmodSync(slowGit, 0o755);
    });

    it('times out quickly and kills it', async () => {
      const started = Date.now();
      const result = await readAuthorship(tempDir(), ['Dockerfile'], { git: slowGit, timeoutMs: 200 });
      assert.equal(!result.available && result.reason, 'timeout');
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('stops on abort', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const result = await readAuthorship(tempDir(), ['Dockerfile'], { git: slowGit, signal: controller.signal });
      assert.equal(!result.available && result.reason, 'error');
      assert.match(!result.available ? result.message : '', /cancel/i);
      assert.ok(Date.now() - started < 2000);
    });

    it('does not start git when already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const result = await readAuthorship(tempDir(), ['Dockerfile'], { git: slowGit, signal: controller.signal });
      assert.equal(!result.available && result.reason, 'error');
    });
  });

  it('never runs the repository’s fsmonitor or hooks', async function () {
    const root = newRepo();
    commit(root, ALICE, '2024-01-01T10:00:00Z', { Dockerfile: 'FROM x\n' });
    const marker = nodePath.join(tempDir(), 'ran');
    const script = nodePath.join(tempDir(), 'fsmonitor.sh');
    writeFileSync(script, `#!/bin/sh\necho "$@" >> '${marker}'\nexit 1\n`);
    chmodSync(script, 0o755);
    git(root, ['config', 'core.fsmonitor', script]);
    const hooks = nodePath.join(root, '.git', 'hooks');
    for (const hook of ['post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc']) {
      writeFileSync(nodePath.join(hooks, hook), `#!/bin/sh\necho ${hook} >> '${marker}'\n`);
      chmodSync(nodePath.join(hooks, hook), 0o755);
    }

    // Control: a command that consults fsmonitor does run the script, so the trap is live.
    git(root, ['status', '--porcelain']);
    assert.ok(existsSync(marker), 'the fsmonitor trap should fire for git status');
    rmSync(marker);

    const result = ok(await readAuthorship(root, ['Dockerfile']));
    assert.equal(result.files['Dockerfile'].yourCommits, 1);
    assert.equal(existsSync(marker), false, 'readAuthorship ran a repository script');
  });
});

describe('describing authorship', () => {
  const now = new Date('2024-06-30T12:00:00Z');

  it('says how many commits are yours and when the last was', () => {
    assert.equal(
      describeAuthorship({ yourCommits: 14, lastYours: '2024-06-09T12:00:00Z', totalCommits: 20, lastAny: '2024-06-20T00:00:00Z' }, now),
      'you: 14 commits, last 3 weeks ago · 20 in this repository',
    );
    assert.equal(describeAuthorship({ yourCommits: 1, lastYours: '2024-06-30T11:00:00Z', totalCommits: 1 }, now), 'you: 1 commit, last 1 hour ago · 1 in this repository');
  });

  it('says when the commits are someone else’s, or when there are none', () => {
    assert.equal(describeAuthorship({ yourCommits: 0, totalCommits: 3, lastAny: '2024-01-01T00:00:00Z' }, now), 'not yours: 3 commits in this repository');
    assert.equal(describeAuthorship({ yourCommits: 0, totalCommits: 1 }, now), 'not yours: 1 commit in this repository');
    assert.equal(describeAuthorship({ yourCommits: 0, totalCommits: 0 }, now), 'no commits in this repository');
  });

  it('leaves out an unreadable date', () => {
    assert.equal(describeAuthorship({ yourCommits: 2, lastYours: 'garbage', totalCommits: 2 }, now), 'you: 2 commits · 2 in this repository');
  });

  it('words relative times in minutes, hours, days, weeks, months and years', () => {
    const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms).toISOString(), now);
    const min = 60_000;
    const day = 24 * 60 * min;
    assert.equal(ago(10_000), 'just now');
    assert.equal(ago(-5 * min), 'just now');
    assert.equal(ago(1 * min), '1 minute ago');
    assert.equal(ago(45 * min), '45 minutes ago');
    assert.equal(ago(5 * 60 * min), '5 hours ago');
    assert.equal(ago(1 * day), '1 day ago');
    assert.equal(ago(6 * day), '6 days ago');
    assert.equal(ago(7 * day), '1 week ago');
    assert.equal(ago(29 * day), '4 weeks ago');
    assert.equal(ago(30 * day), '1 month ago');
    assert.equal(ago(120 * day), '3 months ago');
    assert.equal(ago(364 * day), '11 months ago');
    assert.equal(ago(365 * day), '1 year ago');
    assert.equal(ago(3 * 366 * day), '3 years ago');
    assert.equal(relativeTime('not a date', now), undefined);
  });
});
