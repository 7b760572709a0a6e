import * as assert from 'assert';
import * as vscode from 'vscode';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Skill } from '../../src/core/model';
import { LedgerStore } from '../../src/core/portfolio/store';
import { PortfolioLevels } from '../../src/core/portfolio/levels';
import { WorkspaceLedgerFolder } from '../../src/vscode/portfolio/workspaceLedgerFolder';
import { api, waitFor } from './helpers';

const ME = 'me@example.com';
const COLLEAGUE = 'colleague@example.com';

function git(cwd: string, args: string[], who = ME): void {
  const env = { GIT_AUTHOR_EMAIL: who, GIT_AUTHOR_NAME: who, GIT_COMMITTER_EMAIL: who, GIT_COMMITTER_NAME: who };
  execFileSync(process.env.DEVOPS_ROADMAP_REAL_GIT ?? 'git', args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
}

/** A repository outside the workspace whose Terraform is committed by `who`; the folder's user.email is always mine. */
function terraformRepo(parent: string, name: string, who: string, commits: number): string {
  const root = path.join(parent, name);
  mkdirSync(path.join(root, 'modules', 'net'), { recursive: true });
  git(root, ['init', '-q']);
  git(root, ['config', 'user.email', ME]);
  for (let i = 0; i < commits; i++) {
    writeFileSync(path.join(root, 'main.tf'), `module "net" {\n  source = "./modules/net"\n  cidr   = "10.${i}.0.0/16"\n}\n`);
    writeFileSync(path.join(root, 'modules', 'net', 'main.tf'), `resource "aws_vpc" "this" {\n  cidr_block = "10.${i}.0.0/16"\n}\n`);
    git(root, ['add', '-A'], who);
    git(root, ['commit', '-q', '--no-gpg-sign', '-m', `change ${i}`], who);
  }
  return root;
}

describe('My Portfolio', () => {
  let parent: string;
  let mine: string;
  let theirs: string;

  before(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'portfolio-'));
    mine = terraformRepo(parent, 'my-infra', ME, 3);
    theirs = terraformRepo(parent, 'team-infra', COLLEAGUE, 5);
    const { portfolio } = await api();
    assert.ok(portfolio, 'the portfolio runs in this host');
    await vscode.commands.executeCommand('devopsRoadmap.portfolio.deleteAll', { confirmed: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('devopsRoadmap.portfolio.deleteAll', { confirmed: true });
    rmSync(parent, { recursive: true, force: true });
  });

  async function terraform(): Promise<Skill> {
    const { roadmap } = await api();
    return (await roadmap.get()).index.get('terraform-proficiency') as Skill;
  }

  it('keeps the Terraform level of two closed repositories, from the ledger on disk, and the one you wrote counts more', async () => {
    const { portfolio, progress } = await api();
    // The parent folder is searched: both repositories below it are found and scanned.
    const added = (await vscode.commands.executeCommand('devopsRoadmap.portfolio.add', vscode.Uri.file(parent))) as string[];
    assert.strictEqual(added.length, 2);

    // Neither is open in this window. Read the ledger back from global storage, as a new window would.
    const stored = await new LedgerStore(new WorkspaceLedgerFolder(portfolio!.storageFolder), { warn: (m) => assert.fail(m) }).load();
    // The demo workspace, open here, is in the ledger too (it shows Terraform as well): judge the two alone.
    const both = stored.filter((r) => r.root === mine || r.root === theirs);
    assert.strictEqual(both.length, 2);
    const judge = async (records: typeof stored) =>
      new PortfolioLevels(records, {}, { now: new Date() }).of(await terraform(), (id) => (id === 'terraform-modules' ? 'Terraform modules' : id));
    const level = await judge(both);
    assert.strictEqual(level.level, 'practiced');
    assert.deepStrictEqual(level.facts.repositories, [mine, theirs], 'both repositories are evidence, yours first');
    assert.deepStrictEqual(level.facts.authoredRepositories, [mine]);
    assert.deepStrictEqual(level.facts.othersRepositories, [theirs]);
    assert.match(level.why, /^Practiced: Terraform modules in 1 repository, \d+ of your commits, last in /);
    // Counts more: the colleague's repository alone makes you only aware of Terraform; yours alone, practiced.
    assert.strictEqual((await judge(both.filter((r) => r.root === theirs))).evidenceLevel, 'aware');
    assert.strictEqual((await judge(both.filter((r) => r.root === mine))).evidenceLevel, 'practiced');

    // The views judge from the same ledger: both repositories are Terraform evidence on the Career Tree's level.
    await waitFor('the views to see both repositories', async () => {
      const repos = progress.levels?.of(await terraform()).facts.repositories ?? [];
      return repos.includes(mine) && repos.includes(theirs);
    });

    // Forgetting a repository takes its evidence out of the levels (and its file out of the ledger).
    assert.strictEqual(await vscode.commands.executeCommand('devopsRoadmap.portfolio.forget', vscode.Uri.file(theirs)), true);
    assert.ok(!progress.levels?.of(await terraform()).facts.repositories.includes(theirs));
    assert.ok(!portfolio!.repositories().some((r) => r.record.root === theirs));
    const after = await new LedgerStore(new WorkspaceLedgerFolder(portfolio!.storageFolder), { warn: (m) => assert.fail(m) }).load();
    assert.ok(!after.some((r) => r.root === theirs) && after.some((r) => r.root === mine));
  });

  it('shows a repository that left the disk as "not on disk" and keeps its evidence', async () => {
    const { portfolio, progress } = await api();
    const moved = `${mine}-moved`;
    renameSync(mine, moved);
    try {
      await vscode.commands.executeCommand('devopsRoadmap.portfolio.rescan');
      const repo = portfolio!.repositories().find((r) => r.record.root === mine);
      assert.ok(repo, 'still in the portfolio');
      assert.strictEqual(repo.onDisk, false);
      assert.ok(progress.levels?.of(await terraform()).facts.authoredRepositories.includes(mine), 'its evidence still counts');
    } finally {
      renameSync(moved, mine);
    }
  });

  it('exports a promotion packet with the skills table and open gaps', async () => {
    const { actions } = await api();
    await actions.setCurrentStage('stage-junior');
    const target = vscode.Uri.file(path.join(parent, 'packet.md'));
    await vscode.commands.executeCommand('devopsRoadmap.exportPromotionPacket', target);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const headings = markdown.split('\n').filter((l) => /^##? /.test(l));
    assert.deepStrictEqual(headings, [
      '# Promotion packet: Junior DevOps Engineer → DevOps Engineer (Mid)',
      '## Milestone: Independent ownership of systems',
      '## Signs you are ready for DevOps Engineer (Mid)',
      '## Skills',
      '## Gaps still open',
    ]);
    assert.match(markdown, /\| Terraform proficiency \| practiced \| Practiced: Terraform modules in/);
    assert.match(markdown, /my-infra: main\.tf \(your commits /);
  });
});
