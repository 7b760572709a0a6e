import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitFor, workspaceFolder } from './helpers';

/**
 * Runs only in the e2e launcher's web pass, where code-server runs the extension's `browser` entry in
 * its web worker extension host (`remote.extensionKind: web`), as vscode.dev and github.dev do.
 */
describe('web worker host (vscode.dev, github.dev)', function () {
  before(function () {
    if (typeof process !== 'undefined') this.skip();
  });

  it('runs the browser entry, in a host without Node', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    assert.strictEqual(extension.packageJSON.browser, './dist/web/extension.js');
    assert.strictEqual(typeof process, 'undefined');
  });

  it('scans the demo workspace through workspace.fs, the detectors in a Web Worker under the time budget', async () => {
    const { scan } = await api();
    await scan.rescan();
    const result = scan.scans()[0]?.result;
    assert.ok(result, 'the folder was scanned');
    const ids = result.technologies.map((t) => t.id);
    for (const id of ['terraform', 'helm', 'github-actions']) assert.ok(ids.includes(id), `${id} found (found: ${ids.join(', ')})`);
    assert.strictEqual(await scan.detectorsRunIn(), 'workers');
  });

  it('says beside an evidence file that authorship needs git, instead of running it', async () => {
    const { scan, authorship } = await api();
    await scan.rescan();
    await authorship.refresh();
    const said = await waitFor('the authorship note', () => authorship.describe(workspaceFolder().name, 'infra/main.tf'));
    assert.match(said, /needs git.*VS Code for the Web/);
  });
});
