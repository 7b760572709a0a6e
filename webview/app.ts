/**
 * Draws the pages the host sends, keeping what a keyboard or screen-reader user holds on to:
 * lit-html updates the DOM in place (a button that was clicked is the same button after the
 * redraw, so it keeps focus), a navigation moves focus to the new page's heading, and a small
 * polite live region says only what changed. No `acquireVsCodeApi` here: `main.ts` wires it, and
 * unit tests drive this module in a DOM of their own.
 */

import * as l10n from '@vscode/l10n';
import { html, render, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import type { MarkChoice, Page, WebviewMessage } from '../src/shared/protocol';
import { describeChange, pageKey } from './changes';
import { button } from './components';
import { renderNode, type NodeActions } from './views/node';
import { renderOverview } from './views/overview';
import { renderProgress } from './views/progress';
import { renderJob } from './views/plan';

export interface App {
  /** Draws a page: a new page takes focus to its heading, the same page updated says what changed. */
  show(page: Page): void;
  /** Enables or disables the Back and Forward buttons. */
  setHistory(history: HistoryState): void;
  readonly page: Page | undefined;
}

export interface HistoryState {
  canGoBack: boolean;
  canGoForward: boolean;
}

export function actionsFor(post: (message: WebviewMessage) => void): NodeActions {
  return {
    navigate: (id: string) => post({ type: 'navigate', id }),
    overview: () => post({ type: 'showOverview' }),
    openEvidence: (folder: string, path: string) => post({ type: 'openEvidence', folder, path }),
    setMark: (skillId: string, mark: MarkChoice) => post({ type: 'setMark', skillId, mark }),
    editNote: (skillId: string) => post({ type: 'editNote', skillId }),
    setPosition: (role: 'current' | 'target', id: string | null) => post({ type: 'setPosition', role, id }),
    progress: () => post({ type: 'showProgress' }),
    showAllEvidence: (skillId: string) => post({ type: 'showAllEvidence', skillId }),
    openLink: (url: string) => post({ type: 'openLink', url }),
    editHoursPerWeek: () => post({ type: 'editHoursPerWeek' }),
    compareJobAdvert: () => post({ type: 'compareJobAdvert' }),
  };
}

/** Back and Forward, above every page (Alt+←/→ are the host's keybindings, so they work from the tree too). */
function historyBar(history: HistoryState, post: (message: WebviewMessage) => void): TemplateResult {
  return html`<nav class="history-bar" aria-label=${l10n.t('Page history')}>
    ${button(l10n.t('Back'), () => post({ type: 'goBack' }), { icon: 'arrow-left', appearance: 'icon', title: l10n.t('Back (Alt+Left)'), disabled: !history.canGoBack, testId: 'back' })}
    ${button(l10n.t('Forward'), () => post({ type: 'goForward' }), { icon: 'arrow-right', appearance: 'icon', title: l10n.t('Forward (Alt+Right)'), disabled: !history.canGoForward, testId: 'forward' })}
  </nav>`;
}

/** The mouse's back and forward buttons (3 and 4), as in a browser; the default would navigate the frame. */
const MOUSE_HISTORY: Record<number, WebviewMessage['type']> = { 3: 'goBack', 4: 'goForward' };

function view(page: Page, actions: NodeActions): TemplateResult {
  switch (page.page) {
    case 'node':
      return renderNode(page, actions);
    case 'overview':
      // The overview picture is built as DOM by its module: rebuilt only when the page's data changes.
      return html`${guard([JSON.stringify(page)], () => renderOverview(page, actions.navigate))}`;
    case 'progress':
      return renderProgress(page, actions);
    case 'job':
      return renderJob(page, actions);
    default:
      return html`<p class="missing">${l10n.t('“{0}” is no longer in the roadmap.', page.id)}</p>`;
  }
}

/** Where the focused element sits: its skill row, the rows after and before it, its section. */
interface FocusPlace {
  element: HTMLElement;
  mark: string | null;
  neighbours: string[];
  section: number;
}

function focusPlace(root: HTMLElement): FocusPlace | undefined {
  const active = root.ownerDocument.activeElement;
  if (!(active instanceof root.ownerDocument.defaultView!.HTMLElement) || !root.contains(active)) return undefined;
  const row = active.closest<HTMLElement>('li[data-skill-id]');
  const rows = row ? [...row.parentElement!.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el.matches('li[data-skill-id]')) : [];
  const at = row ? rows.indexOf(row) : -1;
  // The rows after it first (the list closes up), then the ones before it, nearest first.
  const neighbours = [...rows.slice(at + 1), ...rows.slice(0, Math.max(at, 0)).reverse()].map((r) => r.dataset.skillId!);
  const section = active.closest('section');
  return { element: active, mark: active.getAttribute('data-mark'), neighbours, section: section ? [...root.querySelectorAll('section')].indexOf(section) : -1 };
}

/**
 * The focused element went away with the redraw (a skill marked done leaves the list of what is
 * missing): focus the same button on the next row of its list, or its section's heading, never BODY.
 */
function refocus(root: HTMLElement, place: FocusPlace): void {
  const section = place.section >= 0 ? root.querySelectorAll('section')[place.section] : undefined;
  const scope = section ?? root;
  for (const id of place.neighbours) {
    const row = [...scope.querySelectorAll<HTMLElement>('li[data-skill-id]')].find((r) => r.dataset.skillId === id);
    if (!row) continue;
    const target = (place.mark && row.querySelector<HTMLElement>(`[data-mark="${place.mark}"]`)) || row.querySelector<HTMLElement>('vscode-link, vscode-button');
    if (target) {
      target.focus();
      return;
    }
  }
  const heading = scope.querySelector<HTMLElement>('h2, h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/**
 * `root` receives the page; `announcer` is a live region (role=status) that stays in the document,
 * so that changing its text is announced.
 */
export function createApp(root: HTMLElement, announcer: HTMLElement, post: (message: WebviewMessage) => void): App {
  // A page asked for from inside the panel (a link, Back, Alt+←) takes focus to its heading; one
  // opened from the tree or a command while the panel is in the background does not pull focus.
  let askedHere = false;
  const NAVIGATIONS: readonly WebviewMessage['type'][] = ['navigate', 'showOverview', 'showProgress', 'goBack', 'goForward'];
  const send = (message: WebviewMessage) => {
    if (NAVIGATIONS.includes(message.type)) askedHere = true;
    post(message);
  };
  const actions = actionsFor(send);
  let current: Page | undefined;
  let history: HistoryState = { canGoBack: false, canGoForward: false };
  const draw = (page: Page) => render(html`${historyBar(history, send)}${view(page, actions)}`, root);

  root.ownerDocument.defaultView?.addEventListener('mouseup', (event: MouseEvent) => {
    const type = MOUSE_HISTORY[event.button];
    if (!type) return;
    event.preventDefault();
    send({ type } as WebviewMessage);
  });
  // Alt+←/→ reach the host's keybindings (VS Code forwards every key from a webview); in a browser
  // tab (vscode.dev) the page's own default would be the tab's history: keep that from happening.
  root.ownerDocument.defaultView?.addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      askedHere = true;
    }
  });

  const announce = (text: string) => {
    // The same sentence twice in a row is announced again only if the text node changes.
    announcer.textContent = '';
    if (text) announcer.textContent = text;
  };

  return {
    get page() {
      return current;
    },
    setHistory(next: HistoryState) {
      history = next;
      if (current) draw(current);
    },
    show(page: Page) {
      const before = current;
      const navigated = before !== undefined && pageKey(before) !== pageKey(page);
      const place = navigated ? undefined : focusPlace(root);
      draw(page);
      current = page;
      if (place && !place.element.isConnected) refocus(root, place);
      if (navigated) {
        announce('');
        const heading = root.querySelector<HTMLElement>('h1');
        if (heading && (askedHere || root.ownerDocument.hasFocus())) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
        root.ownerDocument.defaultView?.scrollTo?.(0, 0);
      } else if (before) {
        announce(describeChange(before, page));
      }
      if (navigated) askedHere = false;
    },
  };
}
