// The views in a 250 px side bar, as a person with a small window has them: search ranks a role's
// acronym first, and the Detected view's evidence rows keep their file names (the folder is the
// description, which gives way first). Leaves the side bar wide again for the checks after it.
import { poll, quickInputBox, quickRows, runCommand } from './helpers.mjs';

export const title = 'in a 250 px side bar: search offers your stage before typing and finds the SRE specialisation first for "sre"; Detected rows keep their file names';

/** Drags the side bar's edge until it is `width` px wide. */
async function sideBarWidth(page, width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) throw new Error('no side bar');
  const y = bar.y + bar.height / 2;
  await page.mouse.move(bar.x + bar.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, y, { steps: 8 });
  await page.mouse.up();
  return (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
}

/**
 * Search with nothing typed (your stage is offered), then "sre" (the specialisation first). Right
 * after a window reload a restored webview can take the focus and close the quick pick, as it would
 * for a person: then ask again.
 */
async function searchSre(page) {
  const firstRow = () =>
    quickRows(page)
      .first()
      .innerText()
      .catch(() => '');
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
      await poll(
        async () =>
          (await quickRows(page)
            .filter({ hasText: /your current stage|Set my current stage/ })
            .count()) > 0,
        {
          timeout: 10_000,
          message: 'the current stage (or the offer to set it) before anything is typed',
        },
      );
      await quickInputBox(page).fill('sre', { timeout: 5_000 });
      // VS Code sorts a quick pick's rows by label unless told not to: "SRE" and "Senior SRE" came first.
      await poll(async () => /Site Reliability Engineering/.test(await firstRow()), { timeout: 10_000, message: 'the SRE specialisation as the first row for "sre"' });
      await quickInputBox(page).press('Escape');
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

export async function run({ page, shot, widenSideBar }) {
  await searchSre(page);

  const width = await sideBarWidth(page, 250);
  if (Math.abs(width - 250) > 12) throw new Error(`the side bar is ${width} px wide, not about 250`);
  await runCommand(page, 'DevOps Roadmap: Show Detected Technologies');
  // The Detected pane's rows only: the Career Tree has a "Terraform proficiency" row too.
  const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /Detected in Workspace/i }) });
  const rows = pane.locator('[role="treeitem"]');
  const terraform = rows.filter({ hasText: /^\s*Terraform\s*\d+ files/ }).first();
  await terraform.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await terraform.getAttribute('aria-expanded')) !== 'true') await terraform.click();
  const file = rows.filter({ hasText: 'outputs.tf' }).first();
  await file.waitFor({ state: 'visible' });
  // The file name itself is whole; only the folder description may be cut.
  const label = (await file.locator('.label-name').first().innerText()).trim();
  if (label !== 'outputs.tf') throw new Error(`the evidence row's label is "${label}", not the file name`);
  const name = await file.locator('.label-name').first().boundingBox();
  const room = await file.locator('.monaco-icon-label-container, .monaco-icon-label').first().boundingBox();
  if (!name || !room || name.x + name.width > room.x + room.width + 1) throw new Error('the file name of an evidence row is cut off in a 250 px side bar');
  await poll(async () => (await rows.filter({ hasText: /Show all \d+ files/ }).count()) > 0, { message: 'a "Show all N files" row under Terraform' });
  await shot('sidebar-narrow.png');
  await widenSideBar();
}
