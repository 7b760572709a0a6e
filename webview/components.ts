/**
 * The only module that imports the UI toolkit. `@vscode/webview-ui-toolkit` is archived upstream; a
 * later swap to `@vscode-elements/elements` changes this file and nothing else.
 *
 * Each component is a lit-html template, so a re-render updates the toolkit element in place: a
 * button keeps its focus when its page is redrawn after a click.
 */

import { provideVSCodeDesignSystem, vsCodeBadge, vsCodeButton, vsCodeDivider, vsCodeLink, vsCodeTag } from '@vscode/webview-ui-toolkit';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeBadge(), vsCodeTag(), vsCodeDivider(), vsCodeLink());

export interface ButtonOptions {
  icon?: string;
  appearance?: 'primary' | 'secondary' | 'icon';
  /** The tooltip and the accessible name; it must contain the visible label (WCAG 2.5.3). */
  title?: string;
  /** A toggle: announced as pressed or not. */
  pressed?: boolean;
  /** `data-mark`, for the mark buttons. */
  mark?: string;
  testId?: string;
}

export function button(label: string, onClick: () => void, options: ButtonOptions = {}): TemplateResult {
  const name = options.title ?? label;
  const icon = options.icon
    ? html`<span slot=${ifDefined(options.appearance === 'icon' ? undefined : 'start')} class="codicon codicon-${options.icon}" aria-hidden="true"></span>`
    : nothing;
  return html`<vscode-button
    appearance=${options.appearance ?? 'secondary'}
    title=${name}
    aria-label=${name}
    aria-pressed=${ifDefined(options.pressed === undefined ? undefined : String(options.pressed))}
    data-mark=${ifDefined(options.mark)}
    data-testid=${ifDefined(options.testId)}
    @click=${onClick}
    >${icon}${options.appearance === 'icon' ? nothing : label}</vscode-button
  >`;
}

export function badge(text: string): TemplateResult {
  return html`<vscode-badge>${text}</vscode-badge>`;
}

export function tag(text: string): TemplateResult {
  return html`<vscode-tag>${text}</vscode-tag>`;
}

export function divider(): TemplateResult {
  return html`<vscode-divider role="separator"></vscode-divider>`;
}

/** A link that runs `onClick` instead of navigating; keyboard-activatable like any link. */
export function link(text: string, onClick: () => void, options: { title?: string; testId?: string } = {}): TemplateResult {
  const follow = (event: Event) => {
    event.preventDefault();
    onClick();
  };
  return html`<vscode-link href="#" title=${options.title ?? text} data-testid=${ifDefined(options.testId)} @click=${follow}>${text}</vscode-link>`;
}
