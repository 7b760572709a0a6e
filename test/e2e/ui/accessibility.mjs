// axe-core inside the details webview: a stage, a specialisation, a ladder level, a skill, a
// certification, the Overview and My Progress, each in a light, a dark and a high-contrast theme.
// One check per page, each failing on any violation; every result (violations or none) is written
// to test-results/axe.json as [{ page, theme, violations }] after each check, so the file is whole
// even when a check fails half way.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFrame, pickQuickRow, poll, runCommand, typeInQuickPick } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `workbench.colorTheme` values, and the class VS Code puts on a webview's body in that theme. */
const THEMES = [
  { name: 'light', colorTheme: 'Default Light Modern', bodyClass: 'vscode-light' },
  { name: 'dark', colorTheme: 'Default Dark Modern', bodyClass: 'vscode-dark' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast', bodyClass: 'vscode-high-contrast' },
];

/** Every page's results so far, in the order they ran. */
const results = [];

const search = (text) => async (page) => {
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, text, 'Search the DevOps Roadmap');
  await pickQuickRow(page, text);
};

const PAGES = [
  { page: 'stage', open: search('Junior DevOps Engineer'), heading: 'Junior DevOps Engineer' },
  { page: 'specialisation', open: search('Site Reliability Engineering (SRE)'), heading: 'Site Reliability Engineering (SRE)' },
  { page: 'ladder level', open: search('Senior SRE'), heading: 'Senior SRE' },
  { page: 'skill', open: search('Linux in depth'), heading: 'Linux in depth' },
  { page: 'certification', open: search('Certified Kubernetes Administrator (CKA)'), heading: 'Certified Kubernetes Administrator (CKA)' },
  { page: 'overview', open: (page) => runCommand(page, 'DevOps Roadmap: Show Overview'), selector: '[data-testid="overview"]' },
  { page: 'my progress', open: (page) => runCommand(page, 'DevOps Roadmap: Show My Progress'), selector: '[data-testid="progress-page"]' },
];

/** What a violation says, without axe's HTML snippets (the report stays readable). */
function summary(violation) {
  return {
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
  };
}

async function axeIn(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === 'object'))) await frame.evaluate(axeSource);
  // Evaluated through the DevTools protocol, so the webview's script policy does not apply to it.
  const violations = await frame.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map(summary);
}

async function useTheme({ setUserSettings }, frame, theme) {
  await setUserSettings({ 'workbench.colorTheme': theme.colorTheme });
  await poll(async () => (await frame.evaluate(() => document.body.className)).includes(theme.bodyClass), {
    timeout: 15_000,
    message: `the webview in the ${theme.colorTheme} theme (body.${theme.bodyClass})`,
  });
  // The theme's colours arrive with the class; give the page one frame to restyle.
  await frame.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
}

function check({ page: name, open, heading, selector }) {
  return {
    title: `axe finds no accessibility violation on the ${name} page in the light, dark and high-contrast themes`,
    async run(ui) {
      const { page, logFile } = ui;
      await open(page);
      const frame = heading
        ? await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.trim() === heading, message: `the details page "${heading}"` })
        : await findFrame(page, selector, { message: `the ${name} page` });
      const failures = [];
      try {
        for (const theme of THEMES) {
          await useTheme(ui, frame, theme);
          const violations = await axeIn(frame);
          results.push({ page: name, theme: theme.name, violations });
          for (const v of violations) failures.push(`${theme.name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      } finally {
        // The checks after this one (and people looking at screenshots) expect the default theme.
        await ui.setUserSettings({ 'workbench.colorTheme': 'Default Dark Modern' });
        await writeFile(path.join(path.dirname(logFile), 'axe.json'), JSON.stringify(results, null, 2) + '\n');
      }
      if (failures.length) throw new Error(`${failures.length} violation(s) on the ${name} page:\n${failures.join('\n')}`);
    },
  };
}

export const checks = PAGES.map(check);

/** Run after the pages above: every webview they opened loaded without a refused inline style or script. */
export const policyCheck = {
  title: 'the webviews log no Content Security Policy violation (no inline style or script refused)',
  async run({ logFile }) {
    const refused = (await readFile(logFile, 'utf8')).split('\n').filter((line) => /Content Security Policy/.test(line));
    if (refused.length) throw new Error(`${refused.length} violation(s) in ${path.basename(logFile)}:\n${refused.map((l) => l.slice(0, 300)).join('\n')}`);
  },
};
