/**
 * The one message protocol between the extension host and the details webview. Each message is
 * declared once, in a table (name → the checks of its fields): the message types, the parsers of
 * both directions and the handler types that must cover every message are derived from it. Each
 * side checks every incoming message with the parser for its direction, and an unknown or malformed
 * message is dropped (and logged by the caller). No `vscode`, no DOM here.
 *
 * The host sends ready-made pages (view models), so the webview holds no roadmap logic and trusts
 * nothing it could not render harmlessly: every string is inserted as text, never as HTML.
 */

import type { Page } from '../core/pageModel';

/** The pages the host sends are the core's view models (src/core/pageModel.ts), re-exported for both sides. */
export type {
  Block,
  ChartPoint,
  ChartSeries,
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
  CertificationView,
  JobPage,
  PacingView,
  PlanView,
  ProjectView,
  RequirementView,
  ResourceView,
} from '../core/pageModel';

// ---- fields: what a message may carry, and how it is checked ----------------------------------

/** One field of a message: its check, and what the log says it should have been. */
export interface Field<T> {
  /** Completes "<type> without …" in the reason a message is refused. */
  readonly expected: string;
  readonly check: (value: unknown) => value is T;
}

function field<T>(expected: string, check: (value: unknown) => value is T): Field<T> {
  return { expected, check };
}

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

export type MarkChoice = 'done' | 'learning' | 'skipped' | 'clear';
const MARK_CHOICES: readonly MarkChoice[] = ['done', 'learning', 'skipped', 'clear'];
const ROLES = ['current', 'target'] as const;

function oneOf<T extends string>(what: string, values: readonly T[]): Field<T> {
  return field(`a valid ${what}`, (value): value is T => (values as readonly unknown[]).includes(value));
}

const PAGE_KINDS: readonly unknown[] = ['node', 'overview', 'progress', 'missing', 'job'] satisfies Page['page'][];

/** A learning link the webview may ask to open: https, no credentials, of a sane length. The host also checks it is in the data. */
export function isHttpsLink(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const concreteId = field('a concrete roadmap id', isConcreteId);
const FIELDS = {
  concreteId,
  concreteIdOrNull: field('a concrete roadmap id or null', (value): value is string | null => value === null || isConcreteId(value)),
  folder: field('a valid folder', isShortString),
  path: field('a valid path', isShortString),
  link: field('an https link', isHttpsLink),
  duration: field('a valid duration', (value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0),
  mark: oneOf('mark', MARK_CHOICES),
  role: oneOf('role', ROLES),
  flag: field('a boolean', (value): value is boolean => typeof value === 'boolean'),
  /** Only the envelope of a page is checked: pages come from our own host. */
  page: field('a page', (value): value is Page => typeof value === 'object' && value !== null && PAGE_KINDS.includes((value as { page?: unknown }).page)),
};

// ---- the tables: every message, once --------------------------------------------------------

type Fields = Readonly<Record<string, Field<unknown>>>;
type MessageTable = Readonly<Record<string, Fields>>;

/**
 * Webview → host. Fields are checked in the order written here; the first that fails names the
 * reason. Every id the host acts on must be a concrete roadmap id (never the "selection" sentinel).
 */
export const WEBVIEW_MESSAGES = {
  ready: {},
  navigate: { id: FIELDS.concreteId },
  showOverview: {},
  showProgress: {},
  openEvidence: { folder: FIELDS.folder, path: FIELDS.path },
  rendered: { ms: FIELDS.duration },
  setMark: { skillId: FIELDS.concreteId, mark: FIELDS.mark },
  editNote: { skillId: FIELDS.concreteId },
  setPosition: { role: FIELDS.role, id: FIELDS.concreteIdOrNull },
  /** The panel's own history: the Back and Forward buttons and mouse buttons (Alt+←/→ are keybindings). */
  goBack: {},
  goForward: {},
  /** "Show all N files" of a skill: the host lists every evidence file in a quick pick. */
  showAllEvidence: { skillId: FIELDS.concreteId },
  /** A learning link (skill or certification page), opened in the browser if the data lists it. */
  openLink: { url: FIELDS.link },
  /** "Change…" beside the pacing estimate: asks for the hours a week. */
  editHoursPerWeek: {},
  /** "Compare another advert…" on the job page. */
  compareJobAdvert: {},
} as const satisfies MessageTable;

/** Host → webview. */
export const HOST_MESSAGES = {
  show: { page: FIELDS.page },
  /** Whether the panel can go back or forward, after every page and on `ready`. */
  history: { canGoBack: FIELDS.flag, canGoForward: FIELDS.flag },
} as const satisfies MessageTable;

// ---- what the tables give: types, parsers, handlers ------------------------------------------

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FieldValues<F extends Fields> = { -readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never };
/** The messages a table declares, as a union discriminated by `type`. */
export type MessageOf<T extends MessageTable> = { [K in keyof T & string]: Simplify<{ type: K } & FieldValues<T[K]>> }[keyof T & string];

export type WebviewMessage = MessageOf<typeof WEBVIEW_MESSAGES>;
export type WebviewMessageType = WebviewMessage['type'];
export type HostMessage = MessageOf<typeof HOST_MESSAGES>;
export type HostMessageType = HostMessage['type'];

/** One handler per message of a union: leaving one out (or adding one the table lacks) does not compile. */
export type Handlers<M extends { type: string }> = { readonly [K in M['type']]: (message: Extract<M, { type: K }>) => void | Promise<void> };
/** What the host (DetailsPanel) implements: one handler for every webview message. */
export type WebviewMessageHandlers = Handlers<WebviewMessage>;
/** What the webview implements: one handler for every host message. */
export type HostMessageHandlers = Handlers<HostMessage>;

/** Calls the handler for a parsed message. */
export function dispatch<M extends { type: string }>(handlers: Handlers<M>, message: M): void | Promise<void> {
  const handler = handlers[message.type as M['type']] as (message: M) => void | Promise<void>;
  return handler(message);
}

export type Parsed<M> = { ok: true; message: M } | { ok: false; reason: string };

function own(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/**
 * Checks a message against a table. Returns the typed message (extra fields dropped, so nothing
 * unexpected travels further), or a one-line reason it was refused (for the log).
 */
function parseWith<T extends MessageTable>(table: T, raw: unknown): Parsed<MessageOf<T>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const type = own(raw, 'type');
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(table, type)) {
    return { ok: false, reason: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
  const message: Record<string, unknown> = { type };
  for (const [name, check] of Object.entries(table[type])) {
    const value = own(raw, name);
    if (!check.check(value)) return { ok: false, reason: `${type} without ${check.expected}${sentinelNote(value)}` };
    message[name] = value;
  }
  return { ok: true, message: message as MessageOf<T> };
}

function sentinelNote(id: unknown): string {
  return id === SELECTION ? ` ("${SELECTION}" stands for the tree's selection, not for a record)` : '';
}

/** Checks a message that arrived from the webview, on the host side. */
export function parseWebviewMessage(raw: unknown): Parsed<WebviewMessage> {
  return parseWith(WEBVIEW_MESSAGES, raw);
}

/** Checks a message from the host, on the webview side. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  const parsed = parseWith(HOST_MESSAGES, raw);
  return parsed.ok ? parsed.message : undefined;
}
