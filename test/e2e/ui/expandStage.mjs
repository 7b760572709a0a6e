import { poll } from './helpers.mjs';

export const title = 'expanding "Junior DevOps Engineer" shows its skills';

export async function run({ page, shot }) {
  const row = page.getByRole('treeitem', { name: /^Junior DevOps Engineer/ }).first();
  await row.waitFor({ state: 'visible' });
  const before = await page.getByRole('treeitem').count();
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    const twistie = row.locator('.monaco-tl-twistie');
    if (await twistie.count()) await twistie.click();
    else {
      await row.click();
      await page.keyboard.press('ArrowRight');
    }
  }
  await poll(async () => (await row.getAttribute('aria-expanded')) === 'true', { message: 'the stage row to expand' });
  await poll(async () => (await page.getByRole('treeitem').count()) > before, { message: `more than ${before} tree rows` });
  await shot('tree.png');
}
