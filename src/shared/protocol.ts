/**
 * The one message protocol between the extension host and the details webview. Both sides import
 * these types; each side checks every incoming message with the parser for its direction, and an
 * unknown or malformed message is dropped (and logged by the caller). No `vscode`, no DOM here.
 *
 * The host sends ready-made pages (view models), so the webview holds no roadmap logic and trusts
 * nothing it could not render harmlessly: every string is inserted as text, never as HTML.
 */

import type { Page } from '../core/pageModel';

/** The pages the host sends are the core's view models (src/core/pageModel.ts), re-exported for both sides. */
export type {
  Block,
  ChartPoint,
  ChartView,
  EvidenceView,
  FitView,
  GapView,
  LinkView,
  MissingPage,
  MoneyView,
  NodePage,
  OverviewNode,
  OverviewPage,
  Page,
  ProgressPage,
  SkillStatus,
  SkillView,
} from '../core/pageModel';

// ---- host → webview -------------------------------------------------------------------------

export type HostMessage = { type: 'show'; page: Page };

// ---- webview → host -------------------------------------------------------------------------

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'navigate'; id: string }
  | { type: 'showOverview' }
  | { type: 'openEvidence'; folder: string; path: string }
  | { type: 'rendered'; ms: number }
  | { type: 'showProgress' }
  | { type: 'setMark'; skillId: string; mark: MarkChoice }
  | { type: 'editNote'; skillId: string }
  | { type: 'setPosition'; role: 'current' | 'target'; id: string | null };

export type MarkChoice = 'done' | 'learning' | 'skipped' | 'clear';
const MARK_CHOICES: readonly MarkChoice[] = ['done', 'learning', 'skipped', 'clear'];

/** Longest id or path the host accepts from the webview; anything longer is hostile or broken. */
export const MAX_FIELD_LENGTH = 1024;

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD_LENGTH;
}

/**
 * What keybindings pass as a command's argument (package.json `args`) to mean "the Career Tree's
 * selected row". It is not an id: a message naming it would act on whatever row is selected.
 */
export const SELECTION = 'selection';

/** The shape of every id in data/roadmap.json: kebab-case, as its schema requires. */
const ROADMAP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 200;

/** An id the host may act on: shaped like a roadmap id, and not the keybindings' selection sentinel. */
export function isConcreteId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ROADMAP_ID.test(value) && value !== SELECTION;
}

/**
 * Checks a message that arrived from the webview. Returns the typed message, or a reason it was
 * refused (for the log). Extra fields are dropped, so nothing unexpected travels further.
 */
export function parseWebviewMessage(raw: unknown): { ok: true; message: WebviewMessage } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'showOverview':
      return { ok: true, message: { type: 'showOverview' } };
    case 'showProgress':
      return { ok: true, message: { type: 'showProgress' } };
    case 'setMark':
      if (!isConcreteId(m.skillId)) return { ok: false, reason: `setMark without a concrete roadmap id${sentinelNote(m.skillId)}` };
      return MARK_CHOICES.includes(m.mark as MarkChoice)
        ? { ok: true, message: { type: 'setMark', skillId: m.skillId, mark: m.mark as MarkChoice } }
        : { ok: false, reason: 'setMark without a valid mark' };
    case 'editNote':
      return isConcreteId(m.skillId)
        ? { ok: true, message: { type: 'editNote', skillId: m.skillId } }
        : { ok: false, reason: `editNote without a concrete roadmap id${sentinelNote(m.skillId)}` };
    case 'setPosition':
      if (m.role !== 'current' && m.role !== 'target') return { ok: false, reason: 'setPosition without a valid role' };
      return m.id === null || isConcreteId(m.id)
        ? { ok: true, message: { type: 'setPosition', role: m.role, id: m.id } }
        : { ok: false, reason: `setPosition without a concrete roadmap id or null${sentinelNote(m.id)}` };
    case 'navigate':
      return isConcreteId(m.id) ? { ok: true, message: { type: 'navigate', id: m.id } } : { ok: false, reason: `navigate without a concrete roadmap id${sentinelNote(m.id)}` };
    case 'openEvidence':
      return isShortString(m.folder) && isShortString(m.path)
        ? { ok: true, message: { type: 'openEvidence', folder: m.folder, path: m.path } }
        : { ok: false, reason: 'openEvidence without a valid folder and path' };
    case 'rendered':
      return typeof m.ms === 'number' && Number.isFinite(m.ms) && m.ms >= 0
        ? { ok: true, message: { type: 'rendered', ms: m.ms } }
        : { ok: false, reason: 'rendered without a valid duration' };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(m.type)).slice(0, 60)}` };
  }
}

function sentinelNote(id: unknown): string {
  return id === SELECTION ? ` ("${SELECTION}" stands for the tree's selection, not for a record)` : '';
}

/** Checks a message from the host, on the webview side. Only the envelope is checked: pages come from our own host. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'show' && typeof m.page === 'object' && m.page !== null) {
    const page = (m.page as { page?: unknown }).page;
    if (page === 'node' || page === 'overview' || page === 'progress' || page === 'missing') return m as HostMessage;
  }
  return undefined;
}
