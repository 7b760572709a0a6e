import { findFrame, pickQuickRow, poll, runCommand, typeInQuickPick } from './helpers.mjs';

export const title =
  'the details panel navigates like a browser: a link moves focus to the new heading and the Career Tree follows; Alt+Left and Forward go back and forth; Ctrl+F finds';

const heading = (frame) => frame.locator('[data-testid="details-title"]').innerText();

export async function run({ page }) {
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, 'Junior DevOps Engineer', 'Search the DevOps Roadmap');
  await pickQuickRow(page, 'Junior DevOps Engineer');
  const frame = await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.includes('Junior DevOps Engineer'), message: 'the Junior page' });

  await frame.locator('[data-testid="skills"] vscode-link', { hasText: 'Linux in depth' }).first().click();
  await poll(async () => (await heading(frame)) === 'Linux in depth', { message: 'the Linux in depth page' });
  await poll(async () => (await frame.evaluate(() => document.activeElement?.tagName)) === 'H1', { message: 'focus on the page heading, not on BODY' });
  await poll(async () => (await page.locator('[role="treeitem"][aria-selected="true"]').filter({ hasText: 'Linux in depth' }).count()) > 0, {
    message: 'the Career Tree to select "Linux in depth"',
  });

  await page.keyboard.press('Alt+ArrowLeft');
  await poll(async () => (await heading(frame)) === 'Junior DevOps Engineer', { message: 'Alt+Left to go back to the Junior page' });
  await frame.locator('[data-testid="forward"]').click();
  await poll(async () => (await heading(frame)) === 'Linux in depth', { message: 'Forward to return to Linux in depth' });

  await frame.locator('[data-testid="details-title"]').click();
  await page.keyboard.press('Control+f');
  await poll(async () => page.locator('.simple-find-part-wrapper .simple-find-part.visible').isVisible(), { message: 'the find widget over the details panel' });
  await page.keyboard.press('Escape');
}
