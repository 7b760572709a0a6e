/**
 * The message table of src/shared/protocol.ts: every message has a handler (checked at compile time
 * by `npm run typecheck`, which covers this file), every message parses back to itself, and
 * anything the table does not declare is refused.
 */

import { strict as assert } from 'node:assert';
import type { DetailsPanel } from '../../src/vscode/detailsPanel';
import {
  HOST_MESSAGES,
  WEBVIEW_MESSAGES,
  dispatch,
  parseHostMessage,
  parseWebviewMessage,
  type HostMessageHandlers,
  type WebviewMessage,
  type WebviewMessageHandlers,
  type WebviewMessageType,
} from '../../src/shared/protocol';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ---- compile time ----------------------------------------------------------------------------

// The host's handlers cover exactly the table's messages (a type-only import: vscode is not loaded).
const _panelCoversTable: Equal<keyof DetailsPanel['handlers'], WebviewMessageType> = true;
const _tableIsTheUnion: Equal<WebviewMessageType, keyof typeof WEBVIEW_MESSAGES> = true;
// The message types carry the fields the table checks, with the checked types.
const _setPosition: Equal<Extract<WebviewMessage, { type: 'setPosition' }>, { type: 'setPosition'; role: 'current' | 'target'; id: string | null }> = true;

const noop = () => undefined;

// @ts-expect-error a handlers object without `rendered` does not compile
const _missing: WebviewMessageHandlers = {
  ready: noop,
  navigate: noop,
  showOverview: noop,
  showProgress: noop,
  openEvidence: noop,
  setMark: noop,
  editNote: noop,
  setPosition: noop,
};

const _extra: HostMessageHandlers = {
  show: noop,
  history: noop,
  // @ts-expect-error nor does a handler for a message the table does not declare
  runCommand: noop,
};

// @ts-expect-error the webview cannot post a message the table does not declare
const _unknownPost: WebviewMessage = { type: 'runCommand', command: 'workbench.action.terminal.new' };
// @ts-expect-error nor a declared one without its fields
const _incompletePost: WebviewMessage = { type: 'setMark', skillId: 'linux-fundamentals' };

// ---- run time --------------------------------------------------------------------------------

/** One valid message of every type; a type left out does not compile. */
const SAMPLES: { [K in WebviewMessageType]: Extract<WebviewMessage, { type: K }> } = {
  ready: { type: 'ready' },
  navigate: { type: 'navigate', id: 'stage-junior' },
  showOverview: { type: 'showOverview' },
  showProgress: { type: 'showProgress' },
  openEvidence: { type: 'openEvidence', folder: 'app', path: 'infra/main.tf' },
  rendered: { type: 'rendered', ms: 12.5 },
  setMark: { type: 'setMark', skillId: 'linux-fundamentals', mark: 'done' },
  editNote: { type: 'editNote', skillId: 'linux-fundamentals' },
  setPosition: { type: 'setPosition', role: 'target', id: 'site-reliability-engineering' },
  goBack: { type: 'goBack' },
  goForward: { type: 'goForward' },
  showAllEvidence: { type: 'showAllEvidence', skillId: 'terraform-proficiency' },
  openLink: { type: 'openLink', url: 'https://docs.docker.com/build/building/multi-stage' },
  editHoursPerWeek: { type: 'editHoursPerWeek' },
  compareJobAdvert: { type: 'compareJobAdvert' },
};

describe('the webview message table', () => {
  it('has a sample here for every entry, and nothing more', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), Object.keys(WEBVIEW_MESSAGES).sort());
  });

  for (const [type, sample] of Object.entries(SAMPLES)) {
    it(`parses ${type} back to itself and dispatches it to its handler alone`, async () => {
      const parsed = parseWebviewMessage({ ...sample, extra: 'dropped' });
      assert.deepEqual(parsed, { ok: true, message: sample });
      const called: string[] = [];
      const record = (name: string) => (message: WebviewMessage) => void called.push(`${name}:${message.type}`);
      const handlers: WebviewMessageHandlers = {
        ready: record('ready'),
        navigate: record('navigate'),
        showOverview: record('showOverview'),
        showProgress: record('showProgress'),
        openEvidence: record('openEvidence'),
        rendered: record('rendered'),
        setMark: record('setMark'),
        editNote: record('editNote'),
        setPosition: record('setPosition'),
        goBack: record('goBack'),
        goForward: record('goForward'),
        showAllEvidence: record('showAllEvidence'),
        openLink: record('openLink'),
        editHoursPerWeek: record('editHoursPerWeek'),
        compareJobAdvert: record('compareJobAdvert'),
      };
      if (parsed.ok) await dispatch(handlers, parsed.message);
      assert.deepEqual(called, [`${type}:${type}`]);
    });

    for (const name of Object.keys(WEBVIEW_MESSAGES[type as WebviewMessageType])) {
      it(`refuses ${type} without its ${name}, naming the message`, () => {
        const raw: Record<string, unknown> = { ...sample };
        delete raw[name];
        const parsed = parseWebviewMessage(raw);
        assert.equal(parsed.ok, false);
        if (!parsed.ok) assert.match(parsed.reason, new RegExp(`^${type} without `));
      });
    }
  }

  // Names an object has without declaring them: the table's prototype must not count as entries.
  for (const type of ['runCommand', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf', 'show', '', 'READY']) {
    it(`refuses the unknown type ${JSON.stringify(type)}`, () => {
      const parsed = parseWebviewMessage({ type, id: 'stage-junior' });
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, /^unknown message type /);
    });
  }

  it('refuses a message whose type or fields are inherited rather than its own', () => {
    assert.equal(parseWebviewMessage(Object.create({ type: 'ready' })).ok, false);
    assert.equal(parseWebviewMessage(Object.assign(Object.create({ id: 'stage-junior' }), { type: 'navigate' })).ok, false);
  });

  it('keeps a refusal on one line, whatever the type holds', () => {
    const parsed = parseWebviewMessage({ type: 'x\nforged log line'.repeat(20) });
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.ok(!/[\r\n]/.test(parsed.reason));
      assert.ok(parsed.reason.length < 100);
    }
  });
});

describe('openLink: only https links reach the host', () => {
  for (const url of [
    'http://docs.docker.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'command:workbench.action.terminal.new',
    'https://user:secret@example.com/',
    'not a url',
    `https://example.com/${'a'.repeat(1100)}`,
  ]) {
    it(`refuses ${JSON.stringify(url.slice(0, 40))}`, () => {
      const parsed = parseWebviewMessage({ type: 'openLink', url });
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.reason, /^openLink without an https link/);
    });
  }
});

describe('the host message table', () => {
  it('has the show message, whose page envelope is checked and extra fields dropped', () => {
    assert.deepEqual(Object.keys(HOST_MESSAGES), ['show', 'history']);
    const page = { page: 'missing', id: 'x' };
    assert.deepEqual(parseHostMessage({ type: 'show', page, extra: 1 }), { type: 'show', page });
  });

  it('has the history message, with two booleans', () => {
    assert.deepEqual(parseHostMessage({ type: 'history', canGoBack: true, canGoForward: false }), { type: 'history', canGoBack: true, canGoForward: false });
    assert.equal(parseHostMessage({ type: 'history', canGoBack: 'yes', canGoForward: false }), undefined);
    assert.equal(parseHostMessage({ type: 'history', canGoBack: true }), undefined);
  });

  for (const [what, raw] of [
    ['an unknown type', { type: 'eval', page: { page: 'missing', id: 'x' } }],
    ['a page of an unknown kind', { type: 'show', page: { page: 'script' } }],
    ['no page', { type: 'show' }],
    ['a null page', { type: 'show', page: null }],
    ['not an object', 'show'],
    ['null', null],
  ] as const) {
    it(`refuses ${what}`, () => assert.equal(parseHostMessage(raw), undefined));
  }
});
