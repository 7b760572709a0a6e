import { poll, quickInputBox, pickQuickRow, runCommand, typeInQuickPick, findFrame } from './helpers.mjs';

export const title = 'a note on a skill survives a window reload';

export async function run({ page }) {
  const note = `Practised on the payments team ${Date.now()}`;
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
  await pickQuickRow(page, 'Linux in depth');
  await findFrame(page, '[data-mark="done"]', { message: 'the skill page' });
  await runCommand(page, 'DevOps Roadmap: Edit Skill Note…');
  await typeInQuickPick(page, 'Linux in depth', 'Which skill?');
  await pickQuickRow(page, 'Linux in depth');
  await poll(
    async () =>
      (
        await page
          .locator('.quick-input-widget .quick-input-title')
          .innerText()
          .catch(() => '')
      ).includes('Note on'),
    { message: 'the note input box' },
  );
  await quickInputBox(page).fill(note);
  await page.keyboard.press('Enter');
  await findFrame(page, '[data-testid="note"]', { predicate: (t) => t.includes(note), message: 'the note in the details webview' });
  // The web workbench writes extension state to IndexedDB on a short delay; a reload within the
  // same second can lose the last write (a code-server limit, not ours), so pause as a person would.
  await page.waitForTimeout(2500);
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, 'Linux in depth', 'Search the DevOps Roadmap');
  await pickQuickRow(page, 'Linux in depth');
  await findFrame(page, '[data-testid="note"]', { predicate: (t) => t.includes(note), message: 'the note after the reload', timeout: 30_000 });
}
