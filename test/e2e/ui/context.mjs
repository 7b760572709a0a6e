// What every UI check gets: the workbench page, `shot(name)` for the screenshots in test-results/,
// `widenSideBar()`, and the UI log file.
import path from 'node:path';

/**
 * @typedef {object} UiContext
 * @property {import('playwright-core').Page} page
 * @property {(name: string) => Promise<void>} shot a screenshot into test-results/
 * @property {() => Promise<void>} widenSideBar
 * @property {string} logFile test-results/ui.log
 */

/** @returns {UiContext} */
export function uiContext(page, resultsDir, logFile) {
  // Screenshots are for people (and the README): no hover tooltips, no mouse over a row.
  const shot = async (name) => {
    await page.mouse.move(1000, 700);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(resultsDir, name) });
  };
  /** Widens the side bar so that the tree's labels and descriptions fit (best effort). */
  const widenSideBar = async () => {
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (!sidebar || sidebar.width >= 480) return;
    const x = sidebar.x + sidebar.width;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x - 1, y);
    await page.mouse.down();
    await page.mouse.move(x + 200, y, { steps: 8 });
    await page.mouse.up();
  };
  return { page, shot, widenSideBar, logFile };
}
