import { poll, quickInput, quickInputBox, runCommand } from './helpers.mjs';

export const title = 'a failure reaches the user as one short notification with one action; details go to the log';

export async function run({ page }) {
  await runCommand(page, 'DevOps Roadmap: Export Skills Report');
  // The web workbench's save dialog is a quick input holding a path; /proc takes no new files.
  await poll(async () => (await quickInput(page).isVisible()) && (await quickInputBox(page).inputValue()).includes('/'), { message: 'the save dialog' });
  await quickInputBox(page).fill('/proc/devops-skills-report.md');
  await page.waitForTimeout(500); // the dialog lists the folder as the path is typed
  await page.locator('.quick-input-widget .monaco-button').filter({ hasText: /^OK$/ }).first().click();
  const toast = page.locator('.notification-toast').filter({ hasText: 'skills report could not be written' });
  await toast.first().waitFor({ state: 'visible' });
  if ((await toast.count()) !== 1) throw new Error(`${await toast.count()} notifications for one failure`);
  const text = await toast.first().innerText();
  if (/\n\s*at\s|Error:|EACCES|ENOENT/.test(text)) throw new Error(`the notification shows technical details: ${JSON.stringify(text)}`);
  const actions = toast.first().locator('.notification-list-item-buttons-container .monaco-button');
  if ((await actions.count()) !== 1) throw new Error(`${await actions.count()} actions on the notification`);
  await actions.first().click();
  await poll(async () => (await page.locator('.part.panel .monaco-editor').filter({ hasText: 'could not be written' }).count()) > 0, {
    message: 'the DevOps Roadmap log with the error',
  });
  const log = await page.locator('.part.panel .monaco-editor').filter({ hasText: 'could not be written' }).first().innerText();
  if (!/E(ACCES|NOENT|PERM|ROFS)|rror/.test(log)) throw new Error(`the log lacks the error's details: ${JSON.stringify(log.slice(0, 300))}`);
  await page.keyboard.press('Escape');
}
