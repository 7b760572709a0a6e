/**
 * The Overview's pan and zoom as plain arithmetic (no DOM), so fitting, zooming at the pointer and
 * keeping a focused box in sight are unit-tested. A view maps picture units to screen pixels:
 * screen = picture × scale + (x, y).
 */

import { SMALLEST_TEXT } from './overviewLayout';

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

export const ZOOM = { min: 0.25, max: 3, step: 1.25 } as const;
/** The first view never draws text smaller than 12 CSS pixels. */
export const READABLE_SCALE = 12 / SMALLEST_TEXT;
const MARGIN = 12;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The whole picture in the viewport, centred. */
export function fitView(picture: Size, viewport: Size): View {
  const scale = clamp(Math.min((viewport.width - 2 * MARGIN) / picture.width, (viewport.height - 2 * MARGIN) / picture.height), ZOOM.min, ZOOM.max);
  return { scale, x: (viewport.width - picture.width * scale) / 2, y: (viewport.height - picture.height * scale) / 2 };
}

/**
 * The first view: the whole picture when that keeps text readable (up to 125%, so a large panel is
 * filled without a poster-sized tree), else readable text from the top-left, the rest a pan away.
 */
export function firstView(picture: Size, viewport: Size): View {
  const scale = clamp(fitView(picture, viewport).scale, READABLE_SCALE, 1.25);
  // Centred when it fits; else from the top-left (the picture has a margin of its own).
  const place = (room: number, size: number) => Math.max(0, (room - size * scale) / 2);
  return { scale, x: place(viewport.width, picture.width), y: place(viewport.height, picture.height) };
}

/** Zooms by `factor`, keeping the picture point under `at` (viewport pixels) where it is. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clamp(view.scale * factor, ZOOM.min, ZOOM.max);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The least pan that brings `box` (picture units) fully into the viewport, so Tab never focuses an unseen box. */
export function reveal(view: View, box: Rect, viewport: Size): View {
  const shift = (start: number, size: number, room: number) => {
    const from = start * view.scale;
    const to = from + size * view.scale;
    if (to - from > room - 2 * MARGIN) return MARGIN - from;
    if (from < MARGIN) return MARGIN - from;
    if (to > room - MARGIN) return room - MARGIN - to;
    return 0;
  };
  const left = box.x + view.x / view.scale;
  const top = box.y + view.y / view.scale;
  return panBy(view, shift(left, box.width, viewport.width), shift(top, box.height, viewport.height));
}
