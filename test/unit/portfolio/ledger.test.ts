import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { LEDGER_VERSION, ledgerFileName, parseLedger, recordScan, remoteUrlFromGitConfig, serializeLedger, type RepositoryRecord } from '../../../src/core/portfolio/ledger';
import { LedgerStore } from '../../../src/core/portfolio/store';
import { NodeLedgerFolder } from '../../../src/vscode/portfolio/nodeLedgerFolder';

const T1 = new Date('2026-01-10T10:00:00Z');
const T2 = new Date('2026-03-05T09:00:00Z');

function scanOf(ids: string[], practices: string[] = []) {
  return {
    technologies: ids.map((id) => ({ id, evidence: [`${id}.file`], fileCount: 1, fixtureOnly: false })),
    practices: practices.map((id) => ({ id, evidence: [`${id}.file`] })),
  };
}

function record(identity = 'https://github.com/acme/infra.git', at = T1): RepositoryRecord {
  return recordScan(undefined, { identity, root: '/src/infra', name: 'infra', findings: scanOf(['terraform'], ['terraform-modules']), authored: null, at });
}

/** The extension's own ledger folder on the real disk; `failWritesOf` makes a write crash half-way. */
class NodeFolder extends NodeLedgerFolder {
  failWritesOf?: RegExp;
  override async write(name: string, text: string) {
    if (this.failWritesOf?.test(name)) {
      // A crash half-way through: part of the text reaches the disk, then the write fails.
      await super.write(name, text.slice(0, 20));
      throw new Error('disk full');
    }
    await super.write(name, text);
  }
}

const dirs: string[] = [];
function folder(): NodeFolder {
  const dir = mkdtempSync(nodePath.join(tmpdir(), 'dr-ledger-'));
  dirs.push(dir);
  return new NodeFolder(nodePath.join(dir, 'portfolio'));
}

describe('portfolio ledger', () => {
  after(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  describe('records', () => {
    it('keeps first and last seen per id, and ids that left the repository with their old dates', () => {
      const first = record();
      const second = recordScan(first, { identity: first.identity, root: first.root, name: 'infra', findings: scanOf(['docker']), authored: null, at: T2 });
      assert.deepEqual(
        second.technologies.map((t) => [t.id, t.firstSeen, t.lastSeen]),
        [
          ['docker', T2.toISOString(), T2.toISOString()],
          ['terraform', T1.toISOString(), T1.toISOString()],
        ],
      );
      assert.equal(second.firstSeen, T1.toISOString());
      assert.equal(second.scannedAt, T2.toISOString());
    });

    it("stores others' commits and keeps git's last answer when a later scan could not ask", () => {
      const withGit = recordScan(undefined, {
        identity: 'x',
        root: '/x',
        name: 'x',
        findings: scanOf(['terraform']),
        authored: {
          email: 'me@example.com',
          files: { 'terraform.file': { yourCommits: 3, totalCommits: 5, firstYours: '2025-01-01T00:00:00Z', lastYours: '2026-01-01T00:00:00Z' } },
        },
        at: T1,
      });
      assert.deepEqual(withGit.authored?.files['terraform.file'], { yourCommits: 3, otherCommits: 2, firstYours: '2025-01-01T00:00:00Z', lastYours: '2026-01-01T00:00:00Z' });
      const without = recordScan(withGit, { identity: 'x', root: '/x', name: 'x', findings: scanOf(['terraform']), authored: null, at: T2 });
      assert.deepEqual(without.authored, withGit.authored);
    });

    it('stores paths and counts, never file contents', () => {
      const text = serializeLedger(record());
      assert.deepEqual(Object.keys(JSON.parse(text).repository).sort(), ['authored', 'firstSeen', 'identity', 'name', 'practices', 'root', 'scannedAt', 'technologies']);
    });

    it('takes the identity from the origin remote, without credentials', () => {
      const config =
        '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/up/x.git\n[remote "origin"]\n\turl = https://me:ghp_SECRET@github.com/acme/infra.git\n';
      assert.equal(remoteUrlFromGitConfig(config), 'https://github.com/acme/infra.git');
      assert.equal(remoteUrlFromGitConfig('[remote "fork"]\n url = git@github.com:me/x.git\n'), 'git@github.com:me/x.git');
      assert.equal(remoteUrlFromGitConfig('[core]\n\tbare = false\n'), undefined);
      assert.match(ledgerFileName('https://github.com/acme/infra.git', 'Infra Repo'), /^infra-repo-[0-9a-f]{8}\.json$/);
      assert.notEqual(ledgerFileName('a', 'infra'), ledgerFileName('b', 'infra'));
    });
  });

  describe('parse', () => {
    it('reads what it writes', () => {
      const r = record();
      assert.deepEqual(parseLedger(serializeLedger(r)), { ok: true, record: r });
    });

    it('names the problem of a corrupt or wrong-shaped file', () => {
      assert.match((parseLedger('{"version": 1, "repos') as { reason: string }).reason, /^it is not JSON/);
      assert.equal((parseLedger('[]') as { reason: string }).reason, 'it is not a portfolio ledger file (no "version" and "repository")');
      const bad = JSON.parse(serializeLedger(record()));
      bad.repository.technologies[0].fileCount = -1;
      assert.equal((parseLedger(JSON.stringify(bad)) as { reason: string }).reason, 'repository.technologies[0].fileCount is not a count (a whole number, 0 or more)');
      bad.repository.technologies[0].fileCount = 1;
      bad.repository.scannedAt = 'yesterday';
      assert.equal((parseLedger(JSON.stringify(bad)) as { reason: string }).reason, 'repository.scannedAt is not a date ("yesterday")');
    });

    it('refuses a file from a newer version instead of misreading it', () => {
      const text = JSON.stringify({ version: LEDGER_VERSION + 1, repository: record() });
      assert.match((parseLedger(text) as { reason: string }).reason, /newer version of the extension/);
    });

    it('migrates an older version step by step', () => {
      // Version 1 as a later release would see it: its step 1 → 2 renames `scannedAt` to `lastScan`.
      const v1 = serializeLedger(record());
      const toV2 = { 1: (r: unknown) => ({ ...(r as object), lastScan: (r as RepositoryRecord).scannedAt }) };
      const parsed = parseLedger(v1, toV2, 2);
      assert.equal(parsed.ok && parsed.migratedFrom, 1);
      assert.equal((parseLedger(v1, {}, 2) as { reason: string }).reason, 'there is no migration from ledger version 1');
    });
  });

  describe('store', () => {
    it('writes one file per repository and reads them back in a new store', async () => {
      const dir = folder();
      const store = new LedgerStore(dir, { warn: () => assert.fail('no warning expected') });
      await store.put(record('https://github.com/acme/infra.git'));
      await store.put(record('/home/me/scratch'));
      assert.equal((await dir.list()).length, 2);
      const again = new LedgerStore(dir, { warn: () => assert.fail('no warning expected') });
      assert.deepEqual(
        (await again.load()).map((r) => r.identity),
        ['/home/me/scratch', 'https://github.com/acme/infra.git'],
      );
    });

    it('a write that fails half-way leaves the previous file whole (temp file + rename)', async () => {
      const dir = folder();
      const store = new LedgerStore(dir, { warn: () => undefined });
      await store.put(record());
      const [name] = await dir.list();
      const before = await dir.read(name);
      dir.failWritesOf = /\.tmp-/;
      await assert.rejects(
        store.put(recordScan(record(), { identity: record().identity, root: '/src/infra', name: 'infra', findings: scanOf(['docker']), authored: null, at: T2 })),
        /disk full/,
      );
      assert.deepEqual(await dir.list(), [name], 'the half-written temp file is gone');
      assert.equal(await dir.read(name), before);
      dir.failWritesOf = undefined;
      assert.equal((await new LedgerStore(dir, { warn: () => undefined }).load())[0].technologies.length, 1);
    });

    it('sets a corrupt file aside with a warning and keeps reading the others', async () => {
      const dir = folder();
      await new LedgerStore(dir, { warn: () => undefined }).put(record());
      await dir.write('broken-00000000.json', '{"version": 1, "repository": {"identity": ');
      const warnings: string[] = [];
      const store = new LedgerStore(dir, { warn: (m) => warnings.push(m), now: () => T2 });
      assert.equal((await store.load()).length, 1);
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0],
        /^Portfolio file broken-00000000\.json could not be read \(it is not JSON .*\)\. It was kept as broken-00000000\.json\.corrupt-2026-03-05T09-00-00-000Z, not deleted\.$/,
      );
      const names = await dir.list();
      assert.ok(names.includes('broken-00000000.json.corrupt-2026-03-05T09-00-00-000Z'));
      assert.equal(await dir.read('broken-00000000.json.corrupt-2026-03-05T09-00-00-000Z'), '{"version": 1, "repository": {"identity": ');
      // A second load does not warn again: the aside file is not a ledger file.
      const quiet: string[] = [];
      await new LedgerStore(dir, { warn: (m) => quiet.push(m) }).load();
      assert.deepEqual(quiet, []);
    });

    it('sets a newer version aside rather than overwriting it', async () => {
      const dir = folder();
      const newer = JSON.stringify({ version: LEDGER_VERSION + 1, repository: { whatever: true } });
      await dir.write('future-00000000.json', newer);
      const warnings: string[] = [];
      assert.deepEqual(await new LedgerStore(dir, { warn: (m) => warnings.push(m) }).load(), []);
      assert.match(warnings[0], /newer version/);
      const aside = (await dir.list()).find((n) => n.startsWith('future-00000000.json.corrupt-'));
      assert.ok(aside);
      assert.equal(await dir.read(aside), newer);
    });

    it('forgets one repository, and deletes everything on request', async () => {
      const dir = folder();
      const store = new LedgerStore(dir, { warn: () => undefined });
      await store.put(record('a'));
      await store.put(record('b'));
      assert.equal(await store.forget('a'), true);
      assert.equal(await store.forget('a'), false);
      assert.deepEqual(
        (await new LedgerStore(dir, { warn: () => undefined }).load()).map((r) => r.identity),
        ['b'],
      );
      await dir.write('x.json.corrupt-1', '{');
      assert.equal(await store.clear(), 1);
      assert.deepEqual(await dir.list(), []);
    });
  });
});
