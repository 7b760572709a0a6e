import { poll } from './helpers.mjs';

export const title = 'the activity bar entry "DevOps Roadmap" opens the Career Tree with its stages';

export async function run({ page, widenSideBar }) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="DevOps Roadmap"]');
  await icon.first().waitFor({ state: 'visible', timeout: 30_000 });
  await icon.first().click();
  await poll(
    async () =>
      (await page
        .locator('.part.sidebar')
        .getByText(/Career Tree/i)
        .count()) > 0,
    { message: 'the "Career Tree" view title in the side bar' },
  );
  await page.getByRole('treeitem').filter({ hasText: 'Junior DevOps Engineer' }).first().waitFor({ state: 'visible' });
  await widenSideBar().catch(() => {});
}
