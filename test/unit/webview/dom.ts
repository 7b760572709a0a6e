/**
 * A browser-like DOM (happy-dom) for the webview's views in plain Node: installed as the globals the
 * webview code and the UI toolkit expect. Imported first by each webview test, before any view.
 */

import { Window } from 'happy-dom';

export const window = new Window({ url: 'https://webview.test/', width: 1280, height: 800 });

const target = globalThis as unknown as Record<string, unknown>;
const source = window as unknown as Record<string, unknown>;
// Every DOM name the window has and Node lacks (Document, HTMLElement, customElements, …); Node's own
// globals (setTimeout, URL, performance, …) stay as they are.
const names = new Set<string>();
for (let o: object | null = window; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) for (const name of Object.getOwnPropertyNames(o)) names.add(name);
for (const name of names) {
  if (name in target || name === 'constructor') continue;
  const value = source[name];
  target[name] = typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...args: unknown[]) => unknown).bind(window) : value;
}
target.window = window;
// happy-dom's `window.Document` is a per-window subclass that its own `document` does not extend, so
// `document instanceof Document` (which the UI toolkit asks) is false; expose the class it does extend.
for (let p = Object.getPrototypeOf(window.document); p; p = Object.getPrototypeOf(p)) {
  if (p.constructor.name === 'Document') {
    target.Document = p.constructor;
    break;
  }
}
