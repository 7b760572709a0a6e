import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

function detailsTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('devopsRoadmap.details'));
}

describe('Details panel', () => {
  it('opens a stage in one panel whose webview renders', async () => {
    const { details } = await api();
    await vscode.commands.executeCommand('devopsRoadmap.openDetails', 'stage-junior');
    await waitFor('the details tab', () => detailsTab());
    assert.strictEqual(details.visibleId, 'stage-junior');
    await waitFor('the webview to report its first render', () => details.lastFirstRenderMs !== undefined, 30_000);
    assert.match(detailsTab()!.label, /Junior/);
  });

  it('reuses the same panel for the next page', async () => {
    await vscode.commands.executeCommand('devopsRoadmap.openDetails', 'stage-mid');
    await waitFor('the tab title to follow', () => /Mid|DevOps Engineer/.test(detailsTab()?.label ?? ''));
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.strictEqual(tabs.length, 1);
  });

  it('shows the overview page', async () => {
    const { details } = await api();
    await vscode.commands.executeCommand('devopsRoadmap.showOverview');
    assert.strictEqual(details.visibleId, 'overview');
    await waitFor('the overview title', () => detailsTab()?.label === 'DevOps Career Overview');
  });

  it('ignores hostile messages from the webview and never opens a file outside the workspace', async () => {
    const { details } = await api();
    const receive = (details as unknown as { receive(raw: unknown): Promise<void> }).receive.bind(details);
    const before = vscode.window.visibleTextEditors.length;
    for (const raw of [
      { type: 'openEvidence', folder: vscode.workspace.workspaceFolders![0].name, path: '../../../../etc/passwd' },
      { type: 'openEvidence', folder: vscode.workspace.workspaceFolders![0].name, path: '/etc/passwd' },
      { type: 'openEvidence', folder: 'not-a-folder', path: 'main.tf' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'navigate', id: 'x'.repeat(100_000) },
      null,
      42,
    ]) {
      await receive(raw);
    }
    assert.strictEqual(vscode.window.visibleTextEditors.length, before);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/etc/passwd')));
    assert.strictEqual(details.visibleId, 'overview', 'a hostile navigate did not change the page');
  });
});
