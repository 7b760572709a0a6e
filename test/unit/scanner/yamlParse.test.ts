import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseWithYaml, parseYaml, yamlLib, yamlParsers } from '../../../src/scanner/yamlLib';
import { scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { cleanTrees, makeTree, stable, type Tree } from './helpers';
import { PRACTICE_CASES, TECH_CASES } from './cases';

/** The answer the detectors were given before js-yaml: the `yaml` package alone, document by document. */
const reference = parseWithYaml;

const same = (text: string) => assert.deepStrictEqual(parseYaml(text), reference(text), text.slice(0, 200));

function yamlFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) yamlFilesUnder(full, out);
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

describe('YAML parsing (js-yaml first, `yaml` where it must)', () => {
  it('gives the same documents as `yaml` alone for every YAML case of the detector tests and the demo workspace', () => {
    const texts = [...TECH_CASES, ...PRACTICE_CASES]
      .flatMap((c) => [c.pos, c.neg])
      .flatMap((tree) =>
        Object.entries(tree)
          .filter(([p, t]) => /\.ya?ml$/.test(p) && typeof t === 'string')
          .map(([, t]) => t as string),
      );
    for (const file of yamlFilesUnder(path.resolve(__dirname, '../../../demo/workspace'))) texts.push(readFileSync(file, 'utf8'));
    assert.ok(texts.length > 50, `only ${texts.length} YAML texts`);
    for (const text of texts) same(text);
  });

  it('keeps what YAML 1.2 says: dates and yes/no stay strings, 0o17 is octal, a repeated key keeps the last value', () => {
    same('date: 2024-01-02\nok: yes\nmode: 0o17\nhex: 0x1F\nv: 1.10\nn: ~\nt: true\n');
    assert.deepStrictEqual(parseYaml('a: 1\na: 2\n').docs, [{ a: 2 }]);
    assert.deepStrictEqual(parseYaml('d: 2024-01-02\n').docs, [{ d: '2024-01-02' }]);
  });

  it('keeps the documents around a broken one, as before', () => {
    const text = 'a: 1\n---\nb: [unclosed\n---\nc: 3\n';
    same(text);
    assert.deepStrictEqual(parseYaml(text), { docs: [{ a: 1 }, { c: 3 }], failures: 1 });
  });

  it('reads a text js-yaml refuses one document at a time, as `yaml` does, without asking `yaml`', () => {
    const texts = [
      // A Go template of a config (grafana/loki's operator): the template's own document, then a templated one.
      '{{- /*gotype: x.Options*/ -}}\n---\nauth_enabled: true\ncommon:\n  storage:\n    {{- with .S3 }}\n    s3: {{ .Bucket }}\n    {{- end }}\n',
      'a: 1\n--- !tag\nb: [oops\n---\nc: 3\n',
      '--- {a: 1}\n--- [unclosed\n---\n- x\n',
      'a: 1\r\n---\r\nb: {c\r\n---\r\nd: 2\r\n',
      'a: |\n  text\n---\nb: [\n...\n---\nc: 1\n',
      'x: [\n---x: not a marker\n---\ny: 2\n',
      '%YAML 1.2\n---\na: [\n---\nb: 1\n',
      '---\n---\nbad: [\n---\n',
      `a: &x 1\nb: [${Array(120).fill('*x').join(', ')}]\n---\nc: [\n`,
      'ok: 1\n---\n? complex\n: key\n---\nbroken: "\n',
    ];
    for (const text of texts) same(text);
    // None of them needed the `yaml` package for its broken documents (it counts them failed on its own).
    assert.deepStrictEqual(parseYaml(texts[0]), { docs: [], failures: 2 });
    assert.deepStrictEqual(parseYaml(texts[1]), { docs: [{ a: 1 }, { c: 3 }], failures: 1 });
  });

  it('bounds aliases: a "billion laughs" document is refused, never expanded, however its aliases are spelled', () => {
    // Aliases the text check does not see (names it does not expect) are caught after the fast parse.
    const odd = ['a: &(a) ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      odd.push(
        `k${i}: &(${i}) [${Array(10)
          .fill(i === 1 ? '*(a)' : `*(${i - 1})`)
          .join(',')}]`,
      );
    assert.deepStrictEqual(parseYaml(odd.join('\n') + '\n'), { docs: [], failures: 1 });
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const result = parseYaml(lol.join('\n') + '\n');
    assert.deepStrictEqual(result, { docs: [], failures: 1 });
  });

  it('reads anchors, merge keys and shell `&&` as `yaml` does', () => {
    same('run: make && make test\nargs: ["a && b"]\n');
    same('base: &base\n  a: 1\nother:\n  <<: *base\n  b: 2\n');
    same('x: &only 5\ny: [&k v, w]\n');
    same('- &item a\n- *item\n');
    // `yaml` refuses an anchor used more than 100 times, even a scalar one.
    same(`a: &x 1\nb: [${Array(150).fill('*x').join(', ')}]\n`);
    same('script: |\n  case $x in\n  *) exit 1 ;;\n  esac\n');
    // Aliases written where the text check skips them: on a comment line, inside a plain word.
    same('# a: *commented\nmodels: ["gemini-*flash*", "copilot/*"]\nb: c\n');
    same(`# a: *commented\nx: &k 1\nlist: [${Array(150).fill('*k').join(', ')}]\n`);
    same('#\n  # *a\nq: [*a]\n');
    same('key:\n  - *undefinedAnchor\n');
    same('"a":*b\n');
    same('{"a":*b}\n');
    same('x: &b 1\ny: {"a":*b}\n');
    // Scalar aliases in every place a node may be, as keys too; and one anchor used 101 times in a text of few other stars.
    same('port: &p 8080\nservice:\n  port: *p\n  targets: [*p, *p]\n  map: {a: *p}\n*p : as-key\n');
    same('a: &s "quoted"\nb: &t |\n  block\nc: [*s, *t]\n---\nd: *s\n');
    same(`a: &x 1\nb: [${Array(101).fill('*x').join(', ')}]\n`);
    same(`a: &x 1\nb: [${Array(100).fill('*x').join(', ')}]\n`);
    same(`a: &x 1\nb: [${Array(99).fill('*x').join(', ')}]\n`);
    same(`a: &x 1\nb: [${Array(98).fill('*x').join(', ')}]\n`);
    same('base: &base {a: 1}\nother: *base\n');
  });

  it('reads shared collections (Compose and GitLab CI anchors) with js-yaml, as `yaml` reads them, and bounds what they stand for', () => {
    const compose = [
      'x-logging: &logging',
      '  driver: json-file',
      '  options: {max-size: 10m, max-file: "3"}',
      'services:',
      ...['api', 'web', 'worker', 'db', 'cache'].flatMap((s) => [`  ${s}:`, `    image: ${s}:1`, '    logging: *logging']),
    ].join('\n');
    const gitlab = '.job: &job\n  image: node:20\n  tags: [docker]\ntest:\n  <<: *job\n  script: [npm test]\nlint:\n  <<: *job\n  script: [npm run lint]\n';
    for (const text of [compose, gitlab]) same(text);
    // Neither needs the `yaml` package (its calls counted, not replaced).
    const lib = yamlLib();
    const parseAll = lib.parseAllDocuments;
    let calls = 0;
    Object.assign(lib, { parseAllDocuments: (...args: Parameters<typeof parseAll>) => (calls++, parseAll(...args)) });
    try {
      parseYaml(compose);
      parseYaml(gitlab);
    } finally {
      Object.assign(lib, { parseAllDocuments: parseAll });
    }
    assert.equal(calls, 0);
    const services = (parseYaml(compose).docs[0] as { services: Record<string, { logging: unknown }> }).services;
    assert.deepStrictEqual(services.db.logging, { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
    // An aliased collection holding aliases is `yaml`'s to judge (it weighs uses times the aliases inside).
    same('a: &a [x, y]\nb: &b [*a, *a]\nc: [*b, *b]\n');
    same(`a: &a [x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(11).fill('*b').join(', ')}]\n`);
    // Ten levels of ten shared lists stand for 10^10 nodes: refused, as `yaml` refuses them.
    const laughs = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    assert.deepStrictEqual(parseYaml(laughs.join('\n')), { docs: [], failures: 1 });
  });

  it('counts a document that contains itself (`a: &a [*a]`) as broken, from either parser, instead of handing the detectors a cycle', () => {
    for (const text of ['a: &a [*a]\n', 'a: &a {b: *a}\n', '&a [*a]\n', `x: &a [*a]\nb: [${Array(120).fill('1').join(', ')}]\n${'# *a\n'.repeat(120)}`]) {
      assert.deepStrictEqual(parseYaml(text), { docs: [], failures: 1 }, text);
      assert.deepStrictEqual(reference(text), { docs: [], failures: 1 }, text);
    }
    assert.deepStrictEqual(parseYaml('a: 1\n---\nb: &b [*b]\n---\nc: 2\n'), { docs: [{ a: 1 }, { c: 2 }], failures: 1 });
  });

  it('reads templated keys and explicit complex keys as `yaml` does, not as "[object Object]"', () => {
    for (const text of ['labels:\n  cell: {{cell}}\n', '? [a, b]\n: c\n', 'x:\n  - ? k\n    : v\n']) {
      same(text);
      assert.ok(!JSON.stringify(parseYaml(text).docs).includes('[object Object]'), text);
    }
  });

  it('reads custom tags (CloudFormation `!Ref`) as `yaml` does', () => {
    same('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n      Tags: !GetAtt [X, Arn]\n');
    for (const value of ['!Ref', '!Num 5', '!Bool true', '!Sub\n    - a\n    - b', '!Map\n    k: v', '!Quoted "x"', '!!str 5', '!<!Ref> y', '!Rain::Embed file.txt'])
      same(`a:\n  b: ${value}\n  c: 1\n`);
  });

  it('agrees with `yaml` on generated block documents', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
    const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constantFrom('null', '~', 'yes', '1.5', '"q"', "'s'", '2020-01-01', 'a b', '0x10', '.inf'), key);
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, value, { maxKeys: 4 }), { minLength: 1, maxLength: 3 }), (docs) => {
        same(docs.map((d) => yamlLib().stringify(d)).join('---\n'));
      }),
      { numRuns: 300 },
    );
  });

  describe('whole scans, js-yaml first against `yaml` alone', () => {
    after(() => {
      yamlParsers.use = 'both';
      cleanTrees();
    });

    /** Every tree of the detector cases in one folder each, the demo workspace and the sample repository. */
    function trees(): string[] {
      const all: Tree = {};
      for (const [i, c] of [...TECH_CASES, ...PRACTICE_CASES].entries())
        for (const [side, tree] of [
          ['pos', c.pos],
          ['neg', c.neg],
        ] as const)
          for (const [file, text] of Object.entries(tree)) all[`${i}-${c.id}-${side}/${file}`] = text;
      return [makeTree(all), path.resolve(__dirname, '../../../demo/workspace'), path.resolve(__dirname, '../../fixtures/scanner/sample-repo')];
    }

    it('gives the same JSON on every tree of the tests', async () => {
      for (const root of trees()) {
        yamlParsers.use = 'yaml-only';
        const slow = stable(await scan(new NodeFileSource(root)));
        yamlParsers.use = 'both';
        const fast = stable(await scan(new NodeFileSource(root)));
        assert.deepStrictEqual(fast, slow, root);
        assert.ok(fast.technologies.length > 0, root);
      }
    });
  });
});
