/**
 * Draws the pages the host sends, keeping what a keyboard or screen-reader user holds on to:
 * lit-html updates the DOM in place (a button that was clicked is the same button after the
 * redraw, so it keeps focus), a navigation moves focus to the new page's heading, and a small
 * polite live region says only what changed. No `acquireVsCodeApi` here: `main.ts` wires it, and
 * unit tests drive this module in a DOM of their own.
 */

import { html, render, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import type { MarkChoice, Page, WebviewMessage } from '../src/shared/protocol';
import { describeChange, pageKey } from './changes';
import { renderNode, type NodeActions } from './views/node';
import { renderOverview } from './views/overview';
import { renderProgress } from './views/progress';

export interface App {
  /** Draws a page: a new page takes focus to its heading, the same page updated says what changed. */
  show(page: Page): void;
  readonly page: Page | undefined;
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
  };
}

function view(page: Page, actions: NodeActions): TemplateResult {
  switch (page.page) {
    case 'node':
      return renderNode(page, actions);
    case 'overview':
      // The overview picture is built as DOM by its module: rebuilt only when the page's data changes.
      return html`${guard([JSON.stringify(page)], () => renderOverview(page, actions.navigate))}`;
    case 'progress':
      return renderProgress(page, actions.navigate, actions.overview);
    default:
      return html`<p class="missing">“${page.id}” is no longer in the roadmap.</p>`;
  }
}

/**
 * `root` receives the page; `announcer` is a live region (role=status) that stays in the document,
 * so that changing its text is announced.
 */
export function createApp(root: HTMLElement, announcer: HTMLElement, post: (message: WebviewMessage) => void): App {
  const actions = actionsFor(post);
  let current: Page | undefined;

  const announce = (text: string) => {
    // The same sentence twice in a row is announced again only if the text node changes.
    announcer.textContent = '';
    if (text) announcer.textContent = text;
  };

  return {
    get page() {
      return current;
    },
    show(page: Page) {
      const before = current;
      const navigated = before !== undefined && pageKey(before) !== pageKey(page);
      render(view(page, actions), root);
      current = page;
      if (navigated) {
        announce('');
        const heading = root.querySelector<HTMLElement>('h1');
        // Only while the panel has focus: a page opened from the tree must not pull focus from it.
        if (heading && root.ownerDocument.hasFocus()) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
        root.ownerDocument.defaultView?.scrollTo?.(0, 0);
      } else if (before) {
        announce(describeChange(before, page));
      }
    },
  };
}
