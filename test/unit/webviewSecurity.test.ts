import { strict as assert } from 'node:assert';
import { renderWebviewHtml } from '../../src/vscode/html';
import { parseWebviewMessage, MAX_FIELD_LENGTH } from '../../src/shared/protocol';
import { isSafeRelativePath } from '../../src/shared/paths';
import { readFileSync } from 'node:fs';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://x/dist/webview.js',
  styleUri: 'https://x/dist/webview.css',
  codiconsUri: 'https://x/dist/codicons/codicon.css',
};

function policyOf(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(content, 'the page declares a Content-Security-Policy');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('details webview HTML', () => {
  it('allows scripts only by a nonce: no unsafe-inline, no unsafe-eval, no remote sources', () => {
    const html = renderWebviewHtml(input);
    const policy = policyOf(html);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    const scripts = policy.get('script-src')!;
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    for (const values of policy.values()) {
      for (const v of values) {
        assert.ok(!/unsafe-(inline|eval)/.test(v), `policy must not allow ${v}`);
        assert.ok(v === input.cspSource || v.startsWith("'") || v === 'data:', `unexpected source ${v}`);
      }
    }
  });

  it('uses a fresh nonce for every render and puts it on every script', () => {
    const a = renderWebviewHtml(input);
    const b = renderWebviewHtml(input);
    const nonceOf = (html: string) => /'nonce-([^']+)'/.exec(html)![1];
    assert.notEqual(nonceOf(a), nonceOf(b));
    const scripts = [...a.matchAll(/<script\b([^>]*)>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attrs] of scripts) assert.ok(attrs.includes(`nonce="${nonceOf(a)}"`), 'every script carries the nonce');
  });

  it('has no inline event handlers or inline scripts (a JSON data block is not a script)', () => {
    const html = renderWebviewHtml({ ...input, initialPage: { page: 'missing', id: 'x' } });
    assert.ok(!/\son[a-z]+=/i.test(html), 'no onclick= style handlers');
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
    assert.deepEqual(
      inline.map(([, attrs]) => attrs.trim()),
      ['type="application/json" id="initial-page"'],
    );
  });

  it('lets the UI toolkit add its one <style> probe by the same nonce (no inline style refused in the console), nothing inline by default', () => {
    const html = renderWebviewHtml({ ...input, nonce: 'AbCdEfGhIjKlMnOpQrSt' });
    assert.deepEqual(policyOf(html).get('style-src'), [input.cspSource, "'nonce-AbCdEfGhIjKlMnOpQrSt'"]);
    // @microsoft/fast-web-utilities getNonce() reads this meta to put the nonce on its <style>.
    assert.match(html, /<meta property="csp-nonce" content="AbCdEfGhIjKlMnOpQrSt">/);
  });

  it('embeds the first page so that no string in it can end the data block or open markup', () => {
    const hostile = '</script><script>alert(1)</script><!-- \u2028 & </SCRIPT>';
    const html = renderWebviewHtml({ ...input, initialPage: { page: 'missing', id: hostile } });
    const block = /<script type="application\/json" id="initial-page">([\s\S]*?)<\/script>/.exec(html)![1];
    assert.ok(!/[<>&]/.test(block), 'no raw <, > or & inside the block');
    assert.deepEqual(JSON.parse(block), { page: 'missing', id: hostile });
    assert.equal(html.match(/<script\b/g)!.length, 2, 'exactly the data block and the module script');
  });
});

describe('messages from the webview', () => {
  it('accepts the known messages and drops extra fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'navigate', id: 'stage-junior', extra: '<script>' }), { ok: true, message: { type: 'navigate', id: 'stage-junior' } });
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
  });

  const hostile: [string, unknown][] = [
    ['null', null],
    ['a string', 'navigate'],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['a wrong field type', { type: 'navigate', id: 42 }],
    ['an empty id', { type: 'navigate', id: '' }],
    ['a huge payload', { type: 'navigate', id: 'x'.repeat(MAX_FIELD_LENGTH + 1) }],
    ['a negative duration', { type: 'rendered', ms: -1 }],
    ['an infinite duration', { type: 'rendered', ms: Infinity }],
    ['an evidence request without a folder', { type: 'openEvidence', path: 'main.tf' }],
    ['a prototype trick', JSON.parse('{"__proto__": {"type": "ready"}}')],
  ];
  for (const [what, raw] of hostile) {
    it(`refuses ${what} with a reason`, () => {
      const parsed = parseWebviewMessage(raw);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.ok(parsed.reason.length > 0);
    });
  }

  // "selection" is what keybindings pass so that a command acts on the Career Tree's selected row
  // (or asks with a picker): from the webview it would act on whatever row happens to be selected.
  const notConcrete: [string, unknown][] = [
    ['marking the selection', { type: 'setMark', skillId: 'selection', mark: 'done' }],
    ['a note on the selection', { type: 'editNote', skillId: 'selection' }],
    ['the selection as the target role', { type: 'setPosition', role: 'target', id: 'selection' }],
    ['the selection as the current stage', { type: 'setPosition', role: 'current', id: 'selection' }],
    ['navigating to the selection', { type: 'navigate', id: 'selection' }],
    ['a title instead of an id', { type: 'setMark', skillId: 'Terraform proficiency', mark: 'done' }],
    ['a path as an id', { type: 'navigate', id: '../../etc/passwd' }],
    ['an id with a newline', { type: 'editNote', skillId: 'linux-fundamentals\nforged log line' }],
    ['an upper-case id', { type: 'setPosition', role: 'current', id: 'STAGE-JUNIOR' }],
  ];
  for (const [what, raw] of notConcrete) {
    it(`refuses ${what}: only concrete roadmap ids are acted on`, () => {
      const parsed = parseWebviewMessage(raw);
      assert.equal(parsed.ok, false, JSON.stringify(raw));
      if (!parsed.ok) {
        assert.match(parsed.reason, /concrete roadmap id/);
        assert.ok(!/[\r\n]/.test(parsed.reason), 'the log line stays one line');
      }
    });
  }

  it('accepts every id of the roadmap data in each message that names one, and clearing a position', () => {
    const ids = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, unknown>;
        if (typeof o.id === 'string') ids.add(o.id);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
    assert.ok(ids.size > 200);
    for (const id of ids) {
      assert.ok(parseWebviewMessage({ type: 'navigate', id }).ok, id);
      assert.ok(parseWebviewMessage({ type: 'setMark', skillId: id, mark: 'learning' }).ok, id);
      assert.ok(parseWebviewMessage({ type: 'editNote', skillId: id }).ok, id);
      assert.ok(parseWebviewMessage({ type: 'setPosition', role: 'target', id }).ok, id);
    }
    assert.deepEqual(parseWebviewMessage({ type: 'setPosition', role: 'current', id: null }), { ok: true, message: { type: 'setPosition', role: 'current', id: null } });
  });
});

describe('paths the webview asks the host to open', () => {
  for (const path of ['main.tf', 'infra/modules/vpc/main.tf', '.github/workflows/ci.yml', 'a b/c.yaml']) {
    it(`accepts ${path}`, () => assert.equal(isSafeRelativePath(path), true));
  }
  for (const path of [
    '../../etc/passwd',
    'infra/../../secret',
    '/etc/passwd',
    'C:/Windows/win.ini',
    'file:///etc/passwd',
    'vscode-remote://x/y',
    'a\\..\\b',
    'a//b',
    './x',
    '',
    'x\0y',
    'a/'.repeat(600),
  ]) {
    it(`refuses ${JSON.stringify(path).slice(0, 40)}`, () => assert.equal(isSafeRelativePath(path), false));
  }
});
