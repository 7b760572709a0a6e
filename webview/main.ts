/**
 * The details webview: restores the last page from `getState` at once (so hiding and showing the
 * panel costs nothing), says `ready`, and draws every page the host sends. It keeps no roadmap
 * logic: pages arrive ready-made, and every user action becomes a typed message to the host.
 */

import './style.css';
import { dispatch, parseHostMessage, type HostMessageHandlers, type MarkChoice, type Page, type WebviewMessage } from '../src/shared/protocol';
import { renderNode } from './views/node';
import { renderOverview } from './views/overview';
import { renderProgress } from './views/progress';
import { h } from './dom';

interface VsCodeApi {
  /** Typed by the protocol's table: only its messages, with their fields, can be posted. */
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let firstRender = true;

const post = (message: WebviewMessage) => vscode.postMessage(message);
const actions = {
  navigate: (id: string) => post({ type: 'navigate', id }),
  overview: () => post({ type: 'showOverview' }),
  openEvidence: (folder: string, path: string) => post({ type: 'openEvidence', folder, path }),
  setMark: (skillId: string, mark: MarkChoice) => post({ type: 'setMark', skillId, mark }),
  editNote: (skillId: string) => post({ type: 'editNote', skillId }),
  setPosition: (role: 'current' | 'target', id: string | null) => post({ type: 'setPosition', role, id }),
  progress: () => post({ type: 'showProgress' }),
};

function render(page: Page): void {
  const view =
    page.page === 'node'
      ? renderNode(page, actions)
      : page.page === 'overview'
        ? renderOverview(page, actions.navigate)
        : page.page === 'progress'
          ? renderProgress(page, actions.navigate, actions.overview)
          : h('p', { class: 'missing' }, `“${page.id}” is no longer in the roadmap.`);
  app.replaceChildren(view);
  vscode.setState({ id: page.page === 'overview' || page.page === 'progress' ? page.page : page.id, page });
  if (firstRender) {
    firstRender = false;
    // Measured after layout, so the host's figure includes the first paint's work.
    requestAnimationFrame(() => post({ type: 'rendered', ms: performance.now() }));
  }
}

/** One handler per host message of the protocol's table. */
const handlers: HostMessageHandlers = {
  show: (message) => render(message.page),
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
    return parseHostMessage({ type: 'show', page: JSON.parse(text) })?.page;
  } catch {
    return undefined;
  }
}

const first = embeddedPage() ?? (vscode.getState() as { page?: Page } | undefined)?.page;
if (first) render(first);
post({ type: 'ready' });
