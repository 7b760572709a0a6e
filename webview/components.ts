/**
 * The only module that imports the UI toolkit. `@vscode/webview-ui-toolkit` is archived upstream; a
 * later swap to `@vscode-elements/elements` changes this file and nothing else.
 *
 * Each component is a lit-html template, so a re-render updates the toolkit element in place: a
 * button keeps its focus when its page is redrawn after a click.
 */

import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeLink } from '@vscode/webview-ui-toolkit';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider(), vsCodeLink());

export interface ButtonOptions {
  icon?: string;
  appearance?: 'primary' | 'secondary' | 'icon';
  /** The tooltip and the accessible name; it must contain the visible label (WCAG 2.5.3). */
  title?: string;
  /** A toggle: announced as pressed or not. */
  pressed?: boolean;
  /** `data-mark`, for the mark buttons. */
  mark?: string;
  disabled?: boolean;
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
    ?disabled=${options.disabled ?? false}
    @click=${onClick}
    >${icon}${options.appearance === 'icon' ? nothing : label}</vscode-button
  >`;
}

/*
 * Badges and tags are plain spans in the theme's colours, not the toolkit's `vscode-badge` and
 * `vscode-tag`: their shared template carries an inline `style` attribute, which the webview's
 * policy (no 'unsafe-inline' styles) refuses, with an error in the console on every load.
 */

/** A status word in the theme's badge colours. */
export function badge(text: string): TemplateResult {
  return html`<span class="badge">${text}</span>`;
}

/** A small outlined label, e.g. the user's own mark beside "practiced". */
export function tag(text: string): TemplateResult {
  return html`<span class="tag">${text}</span>`;
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
