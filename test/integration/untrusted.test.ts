import * as assert from 'assert';
import * as vscode from 'vscode';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { api, waitFor, workspaceFolder } from './helpers';

/**
 * Runs only in the e2e launcher's untrusted pass (workspace trust on, folder not trusted), where
 * `git.path` names a logging git: the extension must scan as usual and start no process at all.
 */
describe('untrusted workspace', function () {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('scans and shows evidence, but never starts git', async () => {
    const spyLog = process.env.GIT_SPY_LOG;
    assert.ok(spyLog, 'the launcher provides a git spy');
    // Make the folder a git repository with the real git (not through the spy): authorship would apply.
    const git = process.env.DEVOPS_ROADMAP_REAL_GIT ?? '/usr/bin/git';
    const root = workspaceFolder().uri.fsPath;
    for (const args of [
      ['init', '-q'],
      ['config', 'user.email', 'me@example.com'],
      ['config', 'user.name', 'Me'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'init'],
    ]) {
      execFileSync(git, args, { cwd: root, stdio: 'ignore' });
    }
    const { scan, authorship, details } = await api();
    await scan.rescan();
    await waitFor('the scan', () => scan.state === 'done');
    assert.ok(
      scan.scans()[0].result.technologies.some((t) => t.id === 'terraform'),
      'the scanner works untrusted',
    );
    await authorship.refresh();
    await vscode.commands.executeCommand('devopsRoadmap.openDetails', 'stage-junior');
    await waitFor('the details page', () => details.visibleId === 'stage-junior');
    assert.strictEqual(authorship.describe(workspaceFolder().name, 'infra/main.tf'), undefined);
    assert.strictEqual(readFileSync(spyLog, 'utf8'), '', 'no git process was started');
  });
});
