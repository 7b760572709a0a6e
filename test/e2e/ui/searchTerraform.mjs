import { poll, quickRows, pickQuickRow, runCommand, typeInQuickPick, findFrame } from './helpers.mjs';

export const title = '"DevOps Roadmap: Search the Roadmap" finds Terraform, reveals it in the tree and opens its details';

export async function run({ page, shot }) {
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, 'Terraform', 'Search the DevOps Roadmap');
  await poll(async () => (await quickRows(page).filter({ hasText: 'Terraform' }).count()) > 0, { message: 'a search result "Terraform"' });
  await shot('search.png');
  await pickQuickRow(page, 'Terraform');
  await poll(async () => (await page.locator('[role="treeitem"][aria-selected="true"]').filter({ hasText: 'Terraform' }).count()) > 0, {
    message: 'a selected tree row containing "Terraform"',
  });
  await findFrame(page, '[data-testid="details-title"]', { message: 'the details webview' });
}
