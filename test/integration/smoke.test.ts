// Smoke: the extension is installed in the host, activates, and registers its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'devops-roadmap.devops-roadmap';

const COMMANDS = [
  'devopsRoadmap.search',
  'devopsRoadmap.openStage',
  'devopsRoadmap.rolesUsingTechnology',
  'devopsRoadmap.showOverview',
  'devopsRoadmap.refresh',
  'devopsRoadmap.collapseAll',
];

describe('smoke', () => {
  it(`the extension ${EXTENSION_ID} is present`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
      extension,
      `${EXTENSION_ID} is not loaded; extensions seen: ${vscode.extensions.all
        .map((e) => e.id)
        .filter((id) => !id.startsWith('vscode.'))
        .join(', ')}`,
    );
  });

  it('a workspace folder is open (the demo workspace)', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'no workspace folder is open');
  });

  // Before any other test opens a view or runs a command: only the startup event can activate it here.
  it('activates once startup has finished, with no view open, and shows the status bar item with its Markdown hover', async () => {
    const extension = vscode.extensions.getExtension<{ statusBar: { item: vscode.StatusBarItem } }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const deadline = Date.now() + 30_000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(extension.isActive, true, 'the extension did not activate on its own after startup');
    const { item } = extension.exports.statusBar;
    while (!item.text && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(item.text, /DevOps/);
    assert.ok(item.tooltip instanceof vscode.MarkdownString, 'the hover is Markdown');
    assert.match(item.tooltip.value, /\*\*Stage:\*\*|set my current stage/i);
    assert.match(item.tooltip.value, /\(command:devopsRoadmap\.(showProgress|setCurrentStage)\)/);
  });

  it('activates when devopsRoadmap.refresh runs', async () => {
    await vscode.commands.executeCommand('devopsRoadmap.refresh');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // Activation may still be settling when the command returns; wait for it with a deadline.
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(extension.isActive, true, 'the extension did not activate');
  });

  for (const command of COMMANDS) {
    it(`registers ${command}`, async () => {
      const registered = await vscode.commands.getCommands(true);
      assert.ok(registered.includes(command), `${command} is not registered`);
    });
  }
});
