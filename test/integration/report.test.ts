import * as assert from 'assert';
import * as vscode from 'vscode';
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { readFileSync } from 'fs';
import { api, waitFor, workspaceFolder } from './helpers';

/** Whether VS Code's Markdown preview of a file named `name` is open in a tab. */
function previewOpen(name: string): boolean {
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/i.test(t.input.viewType) && t.label.includes(name)),
  );
}

function git(cwd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync('git', args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
}

describe('Authorship, export and import', () => {
  it("counts only the user's commits on evidence files of a git repository", async () => {
    const { scan, authorship } = await api();
    const root = workspaceFolder().uri.fsPath;
    git(root, ['init', '-q']);
    git(root, ['config', 'user.email', 'me@example.com']);
    git(root, ['config', 'user.name', 'Me']);
    const other = { GIT_AUTHOR_EMAIL: 'colleague@example.com', GIT_AUTHOR_NAME: 'Colleague', GIT_COMMITTER_EMAIL: 'colleague@example.com', GIT_COMMITTER_NAME: 'Colleague' };
    git(root, ['add', 'Dockerfile']);
    git(root, ['commit', '-q', '-m', 'colleague adds the Dockerfile'], other);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'I add the rest']);
    git(root, ['commit', '-q', '--allow-empty', '-m', 'unrelated']);
    await scan.rescan();
    // Wait for the answer about these commits: a refresh begun before them (an earlier suite's rescan)
    // can land first with the history as it was while its git ran.
    await waitFor('authorship of the Terraform files', () => /^you:/.test(authorship.describe(workspaceFolder().name, 'infra/main.tf') ?? ''));
    // The launcher's git spy saw the extension's read-only git log (the untrusted run relies on it seeing such calls).
    assert.ok(process.env.GIT_SPY_LOG, 'the launcher provides a git spy');
    const spyLog = process.env.GIT_SPY_LOG;
    await waitFor('the git spy to log the read-only git log', () => /core\.fsmonitor=false .*log/.test(readFileSync(spyLog, 'utf8')));
    assert.match(authorship.describe(workspaceFolder().name, 'infra/main.tf')!, /^you: 1 commit/);
    assert.match(authorship.describe(workspaceFolder().name, 'Dockerfile')!, /^not yours: 1 commit/);
  });

  it('exports a Markdown and a JSON report with the expected sections, and opens it', async () => {
    const { actions } = await api();
    await actions.setCurrentStage('stage-junior');
    await actions.setTargetRole('platform-engineering');
    await actions.setMark('linux-fundamentals', 'done');
    const target = vscode.Uri.file(path.join(os.tmpdir(), `skills-${Date.now()}.md`));
    await vscode.commands.executeCommand('devopsRoadmap.exportReport', target);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const headings = markdown.split('\n').filter((l) => /^##? /.test(l));
    assert.deepStrictEqual(headings.slice(0, 7), [
      '# DevOps Skills Report',
      '## Position',
      '## Practiced skills',
      '## Marked skills',
      '## Gaps',
      '## Role fit',
      '## Detected technologies',
    ]);
    assert.match(markdown, /Junior DevOps Engineer/);
    assert.match(markdown, /infra\/main\.tf/);
    assert.match(markdown, /you: 1 commit/);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target.with({ path: target.path.replace(/\.md$/, '.json') }))));
    assert.strictEqual(json.format, 'devops-roadmap-report');
    assert.strictEqual(json.currentStage.id, 'stage-junior');
    await waitFor('the report to open in the Markdown preview', () => previewOpen(path.basename(target.fsPath)));
  });

  it('offers the home folder (never the workspace), writes both files and names both in its notification', async () => {
    const home = process.env.HOME;
    assert.ok(home, 'the launcher gives the host a HOME');
    const exported = Promise.resolve(vscode.commands.executeCommand<{ markdown: vscode.Uri; json: vscode.Uri; message: string } | undefined>('devopsRoadmap.exportReport'));
    let settled = false;
    void exported.finally(() => (settled = true));
    // The save dialog is VS Code's own (a quick input here): accept what it offers.
    await waitFor('the save dialog to take its default', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    const result = await exported;
    assert.ok(result, 'the export wrote a report');
    assert.strictEqual(path.dirname(result.markdown.fsPath), home, `offered ${result.markdown.fsPath}`);
    assert.ok(!result.markdown.fsPath.startsWith(workspaceFolder().uri.fsPath), 'not in the workspace');
    assert.match(path.basename(result.markdown.fsPath), /^devops-skills-report-\d{4}-\d{2}-\d{2}\.md$/);
    for (const file of [result.markdown, result.json]) assert.ok((await vscode.workspace.fs.stat(file)).size > 0, `${file.fsPath} written`);
    assert.ok(result.message.includes(path.basename(result.markdown.fsPath)) && result.message.includes(path.basename(result.json.fsPath)), result.message);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.markdown));
    assert.ok(!markdown.includes('&amp;'), 'no HTML entity in the raw Markdown');
    await waitFor('the Markdown preview', () => previewOpen(path.basename(result.markdown.fsPath)));
  });

  it('imports progress from a report JSON and keeps what was there', async () => {
    const { store } = await api();
    const source = vscode.Uri.file(path.join(os.tmpdir(), `import-${Date.now()}.json`));
    const report = {
      format: 'devops-roadmap-report',
      version: 1,
      generatedAt: new Date().toISOString(),
      marks: [
        { skillId: 'bash-scripting', mark: 'learning', note: 'bash every day', updated: new Date().toISOString() },
        { skillId: 'x', mark: 'mastered' },
      ],
    };
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(JSON.stringify(report)));
    const ok = await vscode.commands.executeCommand<boolean>('devopsRoadmap.importProgress', source);
    assert.strictEqual(ok, true);
    const saved = await store.read();
    assert.strictEqual(saved.marks['bash-scripting']?.mark, 'learning');
    assert.strictEqual(saved.marks['bash-scripting']?.note, 'bash every day');
    assert.strictEqual(saved.marks['linux-fundamentals']?.mark, 'done', 'the earlier mark is kept');
  });

  it('refuses a file that is not a report, changing nothing', async () => {
    const { store } = await api();
    const before = JSON.stringify(await store.read());
    const source = vscode.Uri.file(path.join(os.tmpdir(), `bad-${Date.now()}.json`));
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode('{"format":"something-else"'));
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('devopsRoadmap.importProgress', source), false);
    assert.strictEqual(JSON.stringify(await store.read()), before);
  });
});
