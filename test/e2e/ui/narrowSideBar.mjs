// The views in a 250 px side bar, as a person with a small window has them: search ranks a role's
// acronym first, and the Detected view's evidence rows keep their file names (the folder is the
// description, which gives way first). Leaves the side bar wide again for the checks after it.
import { poll, quickInputBox, quickRows, runCommand, typeInQuickPick } from './helpers.mjs';

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

export async function run({ page, shot, widenSideBar }) {
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  // Nothing typed yet: where you are (the current stage, or the offer to set it).
  await poll(
    async () =>
      (await quickRows(page)
        .filter({ hasText: /your current stage|Set my current stage/ })
        .count()) > 0,
    {
      message: 'the current stage (or the offer to set it) before anything is typed',
    },
  );
  await typeInQuickPick(page, 'sre', 'Search the DevOps Roadmap');
  // VS Code sorts a quick pick's rows by label unless told not to: "SRE" and "Senior SRE" came first.
  await poll(
    async () =>
      /Site Reliability Engineering/.test(
        await quickRows(page)
          .first()
          .innerText()
          .catch(() => ''),
      ),
    {
      message: 'the SRE specialisation as the first row for "sre"',
    },
  );
  await quickInputBox(page).press('Escape');

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
  const nameFits = await file.locator('.label-name').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  if (!nameFits) throw new Error('the file name of an evidence row is cut off in a 250 px side bar');
  await poll(async () => (await rows.filter({ hasText: /Show all \d+ files/ }).count()) > 0, { message: 'a "Show all N files" row under Terraform' });
  await shot('sidebar-narrow.png');
  await widenSideBar();
}
