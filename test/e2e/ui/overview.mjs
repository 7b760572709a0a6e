import { appendFile } from 'node:fs/promises';
import { poll, pickQuickRow, runCommand, typeInQuickPick, findFrame } from './helpers.mjs';

export const title =
  '"DevOps Roadmap: Show Overview" draws every role as a box with text of 12 px or more, marks where you are and your path, and Enter on a box opens its page (a specialisation whose chart keeps its UK ladder in USD)';

/** Smallest rendered size of the picture's text, in CSS pixels: font size times the picture's zoom. */
const smallestText = (frame) =>
  frame.evaluate(() => {
    const sizes = [...document.querySelectorAll('.ov-picture text')].map((t) => parseFloat(window.getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0));
    const viewport = document.querySelector('.ov-viewport').getBoundingClientRect();
    const layout = performance.getEntriesByName('devops-roadmap:overview-layout').at(-1)?.duration;
    return { min: Math.min(...sizes), texts: sizes.length, viewport: `${Math.round(viewport.width)}×${Math.round(viewport.height)}`, layoutMs: layout };
  });

export async function run({ page, shot, logFile }) {
  // Where you are and where you aim for, so the picture shows its "you are here" and the path.
  await runCommand(page, 'DevOps Roadmap: Set My Current Stage…');
  await typeInQuickPick(page, 'DevOps Engineer (Mid)', 'Which stage are you at?');
  await pickQuickRow(page, 'DevOps Engineer (Mid)');
  await runCommand(page, 'DevOps Roadmap: Set My Target Role…');
  await typeInQuickPick(page, 'Staff SRE', 'Which role do you aim for?');
  await pickQuickRow(page, 'Staff SRE');

  await runCommand(page, 'DevOps Roadmap: Show Overview');
  const frame = await findFrame(page, '[data-testid="overview"] svg [data-node-id]', { message: 'the overview picture' });
  const boxes = frame.locator('[data-testid="overview"] svg [data-node-id][role="button"]');
  const count = await poll(async () => ((await boxes.count()) >= 15 ? boxes.count() : 0), { message: '15 boxes (5 stages, 7 specialisations, 3 tracks) in the overview' });
  await poll(async () => (await frame.locator('[data-node-id="stage-mid"]').getAttribute('aria-label'))?.startsWith('You are here'), {
    message: 'the Mid stage marked "you are here"',
  });
  const lit = await frame.locator('[data-edge].on-path').count();
  if (lit < 2) throw new Error(`the path to the target has ${lit} highlighted edges, expected 2 (Mid → Senior → SRE)`);

  // Measured in Chromium after the first view has settled to the panel's size.
  const text = await poll(async () => {
    const m = await smallestText(frame);
    return m.texts > 0 && Number.isFinite(m.min) ? m : undefined;
  });
  await appendFile(
    logFile,
    `[check] overview: ${count} boxes, smallest text ${text.min.toFixed(2)} px over ${text.texts} texts, viewport ${text.viewport}, layout ${text.layoutMs?.toFixed(1)} ms\n`,
  );
  if (text.min < 12) throw new Error(`the overview's smallest text is ${text.min.toFixed(2)} px at 100% zoom; expected at least 12 px`);
  await shot('overview.png');

  // The keyboard: focus a box, Enter opens its page.
  await frame.locator('[data-node-id="site-reliability-engineering"]').focus();
  await page.keyboard.press('Enter');
  const details = await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.includes('Site Reliability'), message: 'the SRE page after Enter on its box' });
  const chart = details.locator('[data-testid="salary-chart"]');
  await chart.waitFor({ state: 'visible' });
  const bars = await chart.locator('.chart-row').count();
  const caption = await chart.locator('figcaption').innerText();
  await appendFile(logFile, `[check] SRE chart: ${bars} bars; caption "${caption.replace(/\s+/g, ' ')}"\n`);
  if (bars !== 7) throw new Error(`the SRE chart draws ${bars} bars; expected 7 (three trunk stages in $, four ladder levels in £)`);
  if (!caption.includes('UK figures only')) throw new Error(`the SRE chart's caption does not say "UK figures only": ${caption}`);
  await chart.scrollIntoViewIfNeeded();
  await shot('specialisation.png');
}
