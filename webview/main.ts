/**
 * The details webview: restores the last page from `getState` at once (so hiding and showing the
 * panel costs nothing), says `ready`, and draws every page the host sends (see `app.ts`). It keeps
 * no roadmap logic: pages arrive ready-made, and every user action becomes a typed message to the host.
 */

import './style.css';
import { dispatch, parseHostMessage, type HostMessageHandlers, type Page, type WebviewMessage } from '../src/shared/protocol';
import { createApp } from './app';
import { configureL10n } from './l10n';

interface VsCodeApi {
  /** Typed by the protocol's table: only its messages, with their fields, can be posted. */
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

configureL10n();
const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage) => vscode.postMessage(message);

/** The live region that says what changed; made here so it is in the document before anything changes. */
function announcer(): HTMLElement {
  const existing = document.getElementById('announcer');
  if (existing) return existing;
  const region = document.createElement('div');
  region.id = 'announcer';
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.append(region);
  return region;
}

const root = document.getElementById('app')!;
const app = createApp(root, announcer(), post);
let firstRender = true;

function show(page: Page): void {
  if (firstRender) {
    root.replaceChildren(); // the skeleton the HTML held until now
    root.removeAttribute('aria-busy');
  }
  app.show(page);
  vscode.setState({ id: page.page === 'node' || page.page === 'missing' ? page.id : page.page, page });
  if (firstRender) {
    firstRender = false;
    // Measured after layout, so the host's figure includes the first paint's work.
    requestAnimationFrame(() => post({ type: 'rendered', ms: performance.now() }));
  }
}

/** One handler per host message of the protocol's table. */
const handlers: HostMessageHandlers = {
  show: (message) => show(message.page),
  history: (message) => app.setHistory(message),
};

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (message) void dispatch(handlers, message);
});

/** The page the host embedded in the HTML: drawn at once, without waiting for a message. */
function embeddedPage(): Page | undefined {
  const text = document.getElementById('initial-page')?.textContent;
  if (!text) return undefined;
  try {
    const message = parseHostMessage({ type: 'show', page: JSON.parse(text) });
    return message?.type === 'show' ? message.page : undefined;
  } catch {
    return undefined;
  }
}

const first = embeddedPage() ?? (vscode.getState() as { page?: Page } | undefined)?.page;
if (first) show(first);
post({ type: 'ready' });
