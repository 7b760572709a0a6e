import { appendFile } from 'node:fs/promises';
import { poll, runCommand, findFrame } from './helpers.mjs';

export const title = '"DevOps Roadmap: Show Overview" draws the career tree (svg with more than 5 nodes)';

export async function run({ page, shot, logFile }) {
  await runCommand(page, 'DevOps Roadmap: Show Overview');
  const frame = await findFrame(page, '[data-testid="overview"] svg', { message: 'the overview svg' });
  const nodes = await poll(
    async () => {
      const n = await frame.locator('[data-testid="overview"] svg [data-node-id]').count();
      return n > 5 ? n : 0;
    },
    { message: 'more than 5 [data-node-id] elements in the overview' },
  );
  await appendFile(logFile, `[check] overview nodes: ${nodes}\n`);
  await shot('overview.png');
}
