/**
 * The only module that imports the UI toolkit. `@vscode/webview-ui-toolkit` is archived upstream; a
 * later swap to `@vscode-elements/elements` changes this file and nothing else.
 */

import { provideVSCodeDesignSystem, vsCodeBadge, vsCodeButton, vsCodeDivider, vsCodeLink, vsCodeTag } from '@vscode/webview-ui-toolkit';
import { h } from './dom';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeBadge(), vsCodeTag(), vsCodeDivider(), vsCodeLink());

export function button(label: string, onClick: () => void, options: { icon?: string; appearance?: 'primary' | 'secondary' | 'icon'; title?: string } = {}): HTMLElement {
  const el = h('vscode-button', { appearance: options.appearance ?? 'secondary', title: options.title ?? label, 'aria-label': options.title ?? label });
  if (options.icon) el.append(h('span', { slot: options.appearance === 'icon' ? undefined : 'start', class: `codicon codicon-${options.icon}` }));
  if (options.appearance !== 'icon') el.append(label);
  el.addEventListener('click', onClick);
  return el;
}

export function badge(text: string): HTMLElement {
  return h('vscode-badge', {}, text);
}

export function tag(text: string): HTMLElement {
  return h('vscode-tag', {}, text);
}

export function divider(): HTMLElement {
  return h('vscode-divider', { role: 'separator' });
}

/** A link that runs `onClick` instead of navigating; keyboard-activatable like any link. */
export function link(text: string, onClick: () => void, title?: string): HTMLElement {
  const el = h('vscode-link', { href: '#', title: title ?? text }, text);
  el.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return el;
}
