import { pickQuickRow, runCommand, typeInQuickPick, findFrame } from './helpers.mjs';

export const title = '"DevOps Roadmap: Open Stage…" Junior shows title, salaries and skills in the details webview';

export async function run({ page, shot }) {
  await runCommand(page, 'DevOps Roadmap: Open Stage…');
  await typeInQuickPick(page, 'Junior DevOps Engineer', 'Open a stage');
  await pickQuickRow(page, 'Junior DevOps Engineer');
  const frame = await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.includes('Junior'), message: 'a details title containing "Junior"' });
  const salary = await frame.locator('[data-testid="salary"]').first().innerText();
  for (const amount of ['£40,000', '$65,000']) {
    if (!salary.includes(amount)) throw new Error(`salary "${salary.replace(/\s+/g, ' ')}" lacks ${amount}`);
  }
  const skills = await frame.locator('[data-testid="skills"] li').count();
  if (skills === 0) throw new Error('no [data-testid="skills"] li items');
  await shot('details.png');
}
