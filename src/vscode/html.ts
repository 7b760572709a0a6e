/**
 * The details webview's HTML. No `vscode` import, so a unit test can render it and check the
 * policy: scripts only by a fresh nonce, no inline handlers, no remote sources.
 */

import * as l10n from '@vscode/l10n';

export interface WebviewHtmlInput {
  /** `webview.cspSource`: the only origin styles, fonts and images may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
  /** Fresh per render; exposed for tests. */
  nonce?: string;
  /**
   * The first page, embedded as a JSON data block (never executed, so the script policy does not
   * apply) so the webview draws without waiting for a message round trip.
   */
  initialPage?: unknown;
  /** `vscode.l10n.bundle`: the webview's translations (webview/l10n.ts), a JSON data block like the page. */
  l10nBundle?: unknown;
  /** The display language (`vscode.env.language`), so a screen reader reads the page in it. */
  language?: string;
}

/** JSON that cannot close its <script> element or open a comment, whatever its strings hold. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** 18 random bytes in base64. Web Crypto, so the same code runs in Node and in the web worker host. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Styles by the nonce too: the UI toolkit probes `:focus-visible` support with a <style> element
  // that carries the nonce it reads from the csp-nonce meta below (refused without it, with an error).
  return ["default-src 'none'", `img-src ${cspSource} data:`, `style-src ${cspSource} 'nonce-${nonce}'`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

/**
 * What the panel shows until its first page is drawn (the host may still be loading the roadmap): the
 * page's outline in grey, at once, in the HTML itself, so a new panel is never blank.
 */
const SKELETON = `<div class="skeleton" aria-hidden="true"><div class="sk sk-crumb"></div><div class="sk sk-eyebrow"></div><div class="sk sk-title"></div><div class="sk sk-line"></div><div class="sk sk-line sk-short"></div><div class="sk sk-block"></div></div>`;

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// The page's own words through @vscode/l10n, which activation gives the bundle (`vscode.l10n.t` would
// bring in `vscode`, which the unit tests of this file do not have).
const loading = () => `<p class="loading">${escapeAttr(l10n.t('Loading…'))}</p>`;

export function renderWebviewHtml(input: WebviewHtmlInput): string {
  const nonce = input.nonce ?? createNonce();
  return `<!DOCTYPE html>
<html lang="${escapeAttr(input.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" href="${escapeAttr(input.codiconsUri)}">
<link rel="stylesheet" href="${escapeAttr(input.styleUri)}">
<title>${escapeAttr(l10n.t('DevOps Roadmap'))}</title>
</head>
<body>
<main id="app" aria-busy="true">${SKELETON}${loading()}</main>
${input.initialPage === undefined ? '' : `<script type="application/json" id="initial-page">${jsonForHtml(input.initialPage)}</script>\n`}${input.l10nBundle === undefined ? '' : `<script type="application/json" id="l10n-bundle">${jsonForHtml(input.l10nBundle)}</script>\n`}<script type="module" nonce="${nonce}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>`;
}
