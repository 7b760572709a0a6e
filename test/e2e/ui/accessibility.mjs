// axe-core inside the details webview: a stage, a specialisation, a ladder level, a skill, a
// certification, the Overview and My Progress, each in a light, a dark and a high-contrast theme.
// One check per page, each failing on any violation; every result (violations or none) is written
// to test-results/axe.json as [{ page, theme, violations }] after each check, so the file is whole
// even when a check fails half way.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFrame, pickQuickRow, poll, quickInput, runCommand, typeInQuickPick } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Colour themes: the `workbench.colorTheme` id, the label "Preferences: Color Theme" lists it under
 * (theme-defaults' package.nls.json), and the class VS Code puts on a webview's body in it.
 */
const THEMES = [
  { name: 'light', colorTheme: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vscode-light' },
  { name: 'dark', colorTheme: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vscode-dark' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
];

/** Every page's results so far, in the order they ran. */
const results = [];

const search = (text) => async (page) => {
  await runCommand(page, 'DevOps Roadmap: Search the Roadmap');
  await typeInQuickPick(page, text, 'Search the DevOps Roadmap');
  await pickQuickRow(page, text, { exact: true });
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

const bodyClass = (frame) => frame.evaluate(() => document.body.className);

/**
 * Picks a colour theme the way a person does ("Preferences: Color Theme"). Writing the user
 * settings file is not enough here: code-server's web client does not watch that file.
 */
async function pickTheme(page, theme) {
  // Exactly this command, not "… Browse Color Themes …".
  await runCommand(page, 'Preferences: Color Theme', { exact: true });
  await typeInQuickPick(page, theme.label, 'Select Color Theme');
  // Exactly this theme: "Dark High Contrast" is not "Light High Contrast", "Dark Modern" not "Dark+".
  await pickQuickRow(page, theme.label, { exact: true });
  await poll(async () => !(await quickInput(page).isVisible()), { timeout: 10_000, message: 'the theme picker to close' });
  lastTheme = theme;
}

async function useTheme(page, frame, theme) {
  if (!(await bodyClass(frame)).split(/\s+/).includes(theme.bodyClass)) await pickTheme(page, theme);
  await poll(async () => (await bodyClass(frame)).split(/\s+/).includes(theme.bodyClass), {
    timeout: 15_000,
    message: `the webview in the ${theme.colorTheme} theme (body.${theme.bodyClass})`,
  });
  // The theme's colours arrive with the class; give the page one frame to restyle.
  await frame.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
}

/** The workbench's theme when the first check began (the last check puts it back), and the last one picked. */
let startTheme;
let lastTheme;

/** Opens a page; once more after Escape if the command palette did not take the typing (seen right after a window reload). */
async function openPage(page, open) {
  try {
    await open(page);
  } catch {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    await open(page);
  }
}

function check({ page: name, open, heading, selector }) {
  return {
    title: `axe finds no accessibility violation on the ${name} page in the light, dark and high-contrast themes`,
    async run(ui) {
      const { page, logFile } = ui;
      await openPage(page, open);
      const frame = heading
        ? await findFrame(page, '[data-testid="details-title"]', { predicate: (t) => t.trim() === heading, message: `the details page "${heading}"` })
        : await findFrame(page, selector, { message: `the ${name} page` });
      const failures = [];
      const now = await bodyClass(frame);
      startTheme ??= THEMES.find((t) => now.split(/\s+/).includes(t.bodyClass));
      // The theme in use first: two switches per page instead of three.
      const themes = [...THEMES].sort((a, b) => Number(now.includes(b.bodyClass)) - Number(now.includes(a.bodyClass)));
      try {
        for (const theme of themes) {
          await useTheme(page, frame, theme);
          const violations = await axeIn(frame);
          results.push({ page: name, theme: theme.name, violations });
          for (const v of violations) failures.push(`${theme.name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      } finally {
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
  async run({ page, logFile }) {
    // Back to the theme the checks began in, for anything that runs after them.
    if (startTheme && lastTheme && lastTheme !== startTheme) await pickTheme(page, startTheme);
    const refused = (await readFile(logFile, 'utf8')).split('\n').filter((line) => /Content Security Policy/.test(line));
    if (refused.length) throw new Error(`${refused.length} violation(s) in ${path.basename(logFile)}:\n${refused.map((l) => l.slice(0, 300)).join('\n')}`);
  },
};
