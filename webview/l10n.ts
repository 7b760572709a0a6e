/**
 * The webview's words in the editor's language: `@vscode/l10n` reads the bundle the host embedded
 * in the page (html.ts; `vscode.l10n.bundle`, absent in English, so the words stay as written).
 * Views write `l10n.t('…')` with `import * as l10n from '@vscode/l10n'`; `npm run l10n:export`
 * collects those together with the shell's `vscode.l10n.t` calls.
 */
import * as l10n from '@vscode/l10n';

/** The id of the page's JSON block that carries the bundle (html.ts writes it). */
export const L10N_BUNDLE_ID = 'l10n-bundle';

/** Reads the bundle from the page, once, before anything is drawn; a missing or broken one keeps English. */
export function configureL10n(doc: Document = document): void {
  const text = doc.getElementById(L10N_BUNDLE_ID)?.textContent;
  if (!text) return;
  try {
    const contents: unknown = JSON.parse(text);
    if (contents && typeof contents === 'object' && !Array.isArray(contents)) l10n.config({ contents: contents as Record<string, string> });
  } catch {
    // Not JSON: the host wrote something else; English it is.
  }
}
