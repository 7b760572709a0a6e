import { poll, pickQuickRow, runCommand, typeInQuickPick, findFrame } from './helpers.mjs';

export const title = 'marking a skill done in the details webview updates the tree row and the status bar';

export async function run({ page, shot }) {
  await runCommand(page, 'DevOps Roadmap: Set My Current Stage…');
  await typeInQuickPick(page, 'Junior DevOps Engineer', 'Which stage are you at?');
  await pickQuickRow(page, 'Junior DevOps Engineer');
  const status = page.locator('.statusbar-item').filter({ hasText: /DevOps: Junior → Mid/ });
  await status.first().waitFor({ state: 'visible' });
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
  await pickQuickRow(page, 'Linux in depth');
  const frame = await findFrame(page, '[data-mark="done"]', { message: 'the mark buttons of a skill page' });
  await frame.locator('[data-mark="done"]').first().click();
  await poll(async () => (await frame.locator('[data-mark="done"][aria-pressed="true"]').count()) > 0, { message: 'the Done button to show pressed' });
  await poll(
    async () =>
      (await page
        .locator('[role="treeitem"]')
        .filter({ hasText: /Linux in depth.*done/ })
        .count()) > 0,
    { message: 'a tree row "Linux in depth … done"' },
  );
  await runCommand(page, 'DevOps Roadmap: Show My Progress');
  await findFrame(page, '[data-testid="progress-page"]', { message: 'the My Progress page' });
  await shot('progress.png');
}
