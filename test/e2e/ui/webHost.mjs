// The web pass's own check (test/e2e/run.mjs runs it with the extension in code-server's web worker
// extension host, as on vscode.dev): the scan of the demo workspace, read through workspace.fs and
// judged in a Web Worker, fills the Detected view.
import { poll, runCommand } from './helpers.mjs';

export const title = 'on the web: "Show Detected Technologies" lists what the demo workspace shows (Terraform, Helm)';

export async function run({ page, shot }) {
  await runCommand(page, 'DevOps Roadmap: Show Detected Technologies');
  for (const name of ['Terraform', 'Helm'])
    await poll(async () => (await page.locator('.part.sidebar [role="treeitem"]').filter({ hasText: name }).count()) > 0, {
      timeout: 30_000,
      message: `a Detected row "${name}"`,
    });
  await shot('detected.png');
}
