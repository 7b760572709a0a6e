// What the UI checks (test/e2e/ui/*.mjs) share: polling, the quick input, commands by title and
// finding a webview's frame. Playwright pages only; no test logic.
export async function poll(fn, { timeout = 20_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}${last ? ` (last error: ${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const quickInput = (page) => page.locator('.quick-input-widget');
export const quickInputBox = (page) => page.locator('.quick-input-widget .quick-input-box input');
export const quickRows = (page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * Waits until the quick input shows a row containing `text` (with `exact`, a row whose label is
 * `text` itself: a level of "… (SRE)" is not "(SRE)", "Dark+" is not "Dark Modern"), then picks the
 * first such row.
 */
export async function pickQuickRow(page, text, { timeout = 20_000, exact = false } = {}) {
  const rows = exact ? quickRows(page).filter({ has: page.locator('.label-name', { hasText: exactly(text) }) }) : quickRows(page).filter({ hasText: text });
  await poll(async () => (await rows.count()) > 0, { timeout, message: `a quick-pick row ${exact ? 'labelled' : 'containing'} "${text}"` });
  // The list is still filtering while rows appear: Enter then runs whatever was first a moment ago.
  // Click the matching row itself, which is what a person aims at.
  await rows.first().click();
}

/** F1, `>title`, Enter. */
/** The last command run through the palette, so a quick pick that never opened can ask for it again. */
let lastCommand;

export async function runCommand(page, title, { exact = false } = {}) {
  lastCommand = { title, exact };
  // F1 while an earlier quick pick is still closing lands in that widget; wait until it is gone.
  await poll(async () => !(await quickInput(page).isVisible()), { timeout: 10_000, message: 'the previous quick input to close' });
  // The palette shows a command as "Category: Title"; exact matches the label as a whole.
  const command = exact ? title : title.split(': ').pop();
  // Right after a window reload the palette can open before it knows the extensions' commands, and
  // it does not refresh an open list: close it and ask again, as a person would.
  for (let attempt = 1; ; attempt++) {
    await page
      .locator('.monaco-workbench')
      .click({ position: { x: 700, y: 5 }, force: true })
      .catch(() => {});
    await page.keyboard.press('F1');
    // F1 can be lost while the window lays itself out (a CI run once waited 20 s for a palette that
    // never opened): press it again, as a person would.
    const opened = await quickInputBox(page)
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) {
      if (attempt >= 3) throw new Error(`the command palette did not open for F1 (3 tries), to run "${title}"`);
      continue;
    }
    await quickInputBox(page).fill(`>${title}`);
    try {
      await pickQuickRow(page, command, { timeout: attempt < 3 ? 8_000 : 20_000, exact });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await poll(async () => !(await quickInput(page).isVisible()), { timeout: 10_000, message: 'the command palette to close' });
      await page.waitForTimeout(1000);
    }
  }
}

/**
 * After a command opened its own quick pick: waits for it (no longer the `>` command list), types
 * `text`. `expect` is text of the extension's own quick pick (its title or placeholder): right after a
 * command runs, the closing command palette is still visible with an empty value and would
 * otherwise take the typing.
 */
export async function typeInQuickPick(page, text, expect) {
  let state = '';
  const opened = async () => {
    const visible = await quickInput(page).isVisible();
    const value = visible ? await quickInputBox(page).inputValue() : '';
    const label = visible
      ? `${await page
          .locator('.quick-input-widget .quick-input-title')
          .innerText()
          .catch(() => '')} ${(await quickInputBox(page).getAttribute('placeholder')) ?? ''}`
      : '';
    state = `visible: ${visible}, value: ${JSON.stringify(value)}, title/placeholder: ${JSON.stringify(label.trim())}`;
    return visible && !value.startsWith('>') && label.includes(expect);
  };
  // Now and then the palette closes on its pick and the command's quick pick never shows, or it shows
  // and closes at once as a page the check before opened takes the focus (seen in CI-like runs, in a
  // different check each time); a person runs the command again, and so do we.
  for (let attempt = 1; ; attempt++) {
    try {
      await poll(opened, { timeout: attempt === 1 && lastCommand ? 10_000 : 20_000, message: `the extension's quick pick "${expect}"` });
      await quickInputBox(page).fill(text, { timeout: attempt === 1 && lastCommand ? 5_000 : 20_000 });
      break;
    } catch (err) {
      if (attempt >= 2 || !lastCommand) throw new Error(`${err.message.split('\n')[0]} (last seen ${state})`, { cause: err });
      await page.keyboard.press('Escape');
      await runCommand(page, lastCommand.title, { exact: lastCommand.exact });
    }
  }
  // Search shows your position and recent picks until the typed query's results arrive from the
  // extension host; a row picked meanwhile is redrawn with another item under the pointer. The list
  // keeps recycled rows in the DOM (scrolled out, still "visible" to Playwright), so look at the first.
  const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row[data-index="0"]');
  await poll(async () => (await first.count()) > 0 && !/Your position|Recent|your current stage|Set my current stage/.test(await first.innerText().catch(() => 'Recent')), {
    message: `the results for "${text}" (not the list shown before typing)`,
  });
}

/** The (webview) frame that has `selector`, optionally with text matching `predicate`. */
export async function findFrame(page, selector, { predicate, timeout = 20_000, message } = {}) {
  return poll(
    async () => {
      for (const frame of page.frames()) {
        try {
          const loc = frame.locator(selector);
          if ((await loc.count()) === 0) continue;
          if (!predicate || predicate(await loc.first().innerText())) return frame;
        } catch {
          /* detached while looking */
        }
      }
      return undefined;
    },
    { timeout, message: message ?? `a frame with ${selector}` },
  );
}
