/**
 * The scanner's fast paths must give the answers of the slow forms they replace (performance work,
 * docs/performance.md): hasTopKey's one-pass key set against its regex, the .gitignore literal
 * pre-check against the `ignore` package itself, and a worker's plan rebuilt from reader ids
 * against classify().
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import ignore from 'ignore';
import { IMPORT, importedModules } from '../../../src/scanner/detectors/mlops';
import { hasTopKey, hasTopKeyRegex } from '../../../src/scanner/detectors/util';
import { MAX_EVIDENCE, scan } from '../../../src/scanner/engine';
import { pathInfo } from '../../../src/scanner/paths';
import { DETECTORS, classify, planFromReaders } from '../../../src/scanner/detectors/registry';
import { TECH_CASES, PRACTICE_CASES } from './cases';
import type { FileSource } from '../../../src/scanner/types';
import { gitignoreLiterals, patternLiteral } from '../../../src/scanner/gitignore';

const KEYS = ['scrape_configs', 'groups', 'route', 'service', 'app', 'apiVersion', 'a.b', 'x-y', 'k', 'config', 'on', 'we$ird', 'sp ace', "q'uote"];

/** YAML-ish text: keys at and off column 0, quotes, blanks, colons and every kind of line break. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...KEYS, ...KEYS.map((k) => k.toUpperCase())),
      fc.constantFrom(':', ' ', '\t', '"', "'", '\n', '\r\n', '\r', '\u2028', '\u2029', '- ', '  ', '#', 'app.kubernetes.io/name', 'x', '-', '.', '_'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('scanner fast paths', () => {
  it('hasTopKey answers as its regex does', () => {
    fc.assert(
      fc.property(yamlish, fc.constantFrom(...KEYS), (text, key) => {
        assert.equal(hasTopKey(text, key), hasTopKeyRegex(text, key), JSON.stringify({ text, key }));
      }),
      { numRuns: 20000, seed: 42 },
    );
    for (const [text, key, want] of [
      ['scrape_configs:\n', 'scrape_configs', true],
      ['"scrape_configs" : x', 'scrape_configs', true],
      ["'groups':", 'groups', true],
      ['  groups:', 'groups', false],
      ['x\r\ngroups:', 'groups', true],
      ['x\rgroups:', 'groups', true],
      ['x\u2028groups:', 'groups', true],
      ['groupsx:', 'groups', false],
      ['app.kubernetes.io/name: x\n', 'app', false],
      ['"\'app: x', 'app', false],
    ] as const) {
      assert.equal(hasTopKey(text, key), want, JSON.stringify(text));
      assert.equal(hasTopKeyRegex(text, key), want, JSON.stringify(text));
    }
  });

  it('importedModules finds what the IMPORT regex finds', () => {
    const py = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'from',
            'import',
            ' ',
            '\t',
            '\n',
            '\r\n',
            '\r',
            '\u2028',
            '\u2029',
            'mlflow',
            'kfp.dsl',
            '.',
            '9',
            '_x',
            'airflow.models',
            ' as ',
            ',',
            '#',
            'importx',
            'fromage',
          ),
          fc.string({ maxLength: 3 }),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(py, (text) => {
        assert.deepEqual([...importedModules(text)].sort(), [...new Set([...text.matchAll(IMPORT)].map((m) => m[1]))].sort(), JSON.stringify(text));
      }),
      { numRuns: 20000, seed: 11 },
    );
  });

  it('a path without any literal of a .gitignore is neither ignored nor re-included by it', () => {
    const piece = fc.constantFrom(
      'foo',
      'Bar',
      'node_modules',
      'log',
      '.log',
      'a',
      'b',
      '*',
      '**',
      '/',
      '?',
      '[a-c]',
      '[!x]',
      '~',
      '$',
      '{a,b}',
      '\\#',
      '\\*',
      '(x)',
      '[',
      ']',
      '!',
      '\\',
      ' ',
      '.',
      '#',
      '-',
      '_',
      'İ',
      '\u212a',
      'ſ',
      'K',
      's',
      '\r',
      '\t',
    );
    const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const pathPiece = fc.constantFrom(
      'foo',
      'FOO',
      'bar',
      'BAR',
      'node_modules',
      'x.log',
      'x.LOG',
      'a',
      'b',
      'c',
      'İ',
      '\u212a',
      'ſ',
      'k',
      'S',
      '#',
      '!',
      ' ',
      '-',
      '_',
      '.x',
      '~',
      '$',
      '{a,b}',
      '(x)',
      '*',
    );
    const path = fc
      .array(
        fc.array(pathPiece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
        { minLength: 1, maxLength: 4 },
      )
      .map((p) => p.join('/'));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 5 }), fc.array(path, { minLength: 1, maxLength: 8 }), (lines, paths) => {
        const text = lines.join('\n');
        const literals = gitignoreLiterals(text);
        if (!literals) return;
        const ig = ignore({ allowRelativePaths: true }).add(text);
        for (const p of paths) {
          const lower = p.toLowerCase();
          if (literals.some((l) => lower.includes(l))) continue;
          for (const q of [p, `${p}/`]) {
            const r = ig.test(q);
            assert.ok(!r.ignored && !r.unignored, JSON.stringify({ text, q, literals }));
          }
        }
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.equal(patternLiteral('*.LOG'), '.log');
    assert.equal(patternLiteral('/build/**/[ab]cache-dir/'), 'cache-dir');
    assert.deepEqual(gitignoreLiterals('# comment\n\n   \nnode_modules/\n!keep.tf\n'), ['node_modules', 'keep.tf']);
    assert.equal(gitignoreLiterals('node_modules/\n*\n'), undefined);
    assert.equal(gitignoreLiterals('\t\n'), undefined);
    // Editor backups: `*~` and Emacs's `\#*\#` have literals of their own.
    assert.deepEqual(gitignoreLiterals('*~\n\\#*\\#\n!keep~\n'), ['~', '#', 'keep~']);
  });

  it('picks the evidence a full sort would pick (real files first, then fixtures, at most five, sorted)', async () => {
    const dir = fc.constantFrom('a', 'b/c', 'fixtures', 'x/testdata', 'src/test/resources', 'Z', 'é', 'a-b', 'a_b');
    const file = fc.tuple(dir, fc.nat({ max: 40 })).map(([d, n]) => `${d}/s${n}.sh`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(file, { maxLength: 30 }), async (paths) => {
        const source: FileSource = {
          root: '/r',
          list: async function* () {
            for (const path of paths) yield { path };
          },
          read: async () => new Uint8Array(),
          skipped: () => [],
        };
        const r = await scan(source);
        const bash = r.technologies.find((t) => t.id === 'bash');
        if (paths.length === 0) return assert.equal(bash, undefined);
        const sorted = [...paths].sort();
        const fixture = (f: string) => pathInfo(f).fixture;
        const chosen = sorted.filter((f) => !fixture(f)).slice(0, MAX_EVIDENCE);
        if (chosen.length < MAX_EVIDENCE) chosen.push(...sorted.filter(fixture).slice(0, MAX_EVIDENCE - chosen.length));
        assert.deepEqual(bash, { id: 'bash', evidence: chosen.sort(), fileCount: paths.length, fixtureOnly: paths.every(fixture) });
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it("a worker's plan from the reader ids is classify()'s: the same detectors with the same tags", () => {
    // Every path of the detector cases, under a few prefixes (charts, roles and fixtures change tags).
    const paths = new Set<string>();
    for (const c of [...TECH_CASES, ...PRACTICE_CASES])
      for (const tree of [c.pos, c.neg])
        for (const path of Object.keys(tree)) for (const prefix of ['', 'deploy/', 'charts/app/templates/', 'roles/web/tasks/']) paths.add(prefix + path);
    let compared = 0;
    for (const path of paths) {
      const plan = classify(path);
      if (!plan || plan.readers.length === 0) continue;
      assert.ok(plan.readerIds, path);
      assert.deepEqual(
        plan.readerIds.map((i) => DETECTORS[i]),
        plan.readers.map((r) => r.detector),
        path,
      );
      const rebuilt = planFromReaders(path, plan.readerIds);
      assert.deepEqual(rebuilt?.readers, plan.readers, path);
      assert.deepEqual(rebuilt?.p, plan.p, path);
      compared++;
    }
    assert.ok(compared > 300, `only ${compared} plans compared`);
    assert.equal(planFromReaders('Dockerfile', [9999, -1]), undefined, 'unknown ids are ignored');
  });
});
