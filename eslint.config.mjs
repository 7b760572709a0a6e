import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** Only src/vscode/ (the shell) may import `vscode`; everything else runs in plain Node or a browser. */
const NO_VSCODE = { name: 'vscode', message: 'The core runs in plain Node; only src/vscode/ may import vscode.' };

/** A relative import of one of `rooms` (`../shared/protocol`, `./vscode/log`, `../../git`). */
const intoRooms = (rooms, message) => ({ regex: `^(\\.{1,2}/)+(${rooms.join('|')})(/|$)`, caseSensitive: true, message });

function rooms() {
  const restrict = (files, patterns, paths = [NO_VSCODE]) => ({ files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } });
  return [
    restrict(
      ['src/core/**'],
      [intoRooms(['shared', 'vscode', 'git', 'scanner'], 'src/core/ imports nothing outside it: the shell hands it what it needs (a scan result fits core/detection.ts).')],
    ),
    restrict(
      ['src/scanner/**'],
      [intoRooms(['core', 'shared', 'vscode', 'git'], 'src/scanner/ imports nothing outside it.')],
      [NO_VSCODE, ...['node:child_process', 'child_process'].map((name) => ({ name, message: 'The scanner starts no process (git authorship lives in src/git/).' }))],
    ),
    restrict(['src/shared/**'], [intoRooms(['scanner', 'vscode', 'git'], 'src/shared/ may import only src/core/.')]),
    restrict(['src/git/**'], [intoRooms(['core', 'shared', 'vscode', 'scanner'], 'src/git/ stands alone: the shell and the CLI load it.')]),
    restrict(['src/cli.ts', 'src/cliProfile.ts', 'src/cliJob.ts'], [intoRooms(['shared', 'vscode'], 'The CLI uses the core, the scanner and git only.')]),
    restrict(['src/vscode/**'], [{ regex: '^(\\.{1,2}/)+webview(/|$)', caseSensitive: true, message: 'The shell talks to the webview only through src/shared/protocol.ts.' }], []),
    restrict(
      ['webview/**'],
      [{ regex: '^(\\.{1,2}/)+src/(?!shared/)', caseSensitive: true, message: 'The webview may import only src/shared/ (the protocol and the page types it re-exports).' }],
    ),
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-host/**', 'test-results/**', 'test/fixtures/**', 'bench/.trees/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        window: 'readonly',
        document: 'readonly',
        require: 'readonly',
        module: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The rooms and which way they depend (README, "Architecture"):
  //   vscode → core, scanner, git, shared · shared → core · cli → core, scanner, git · webview → shared.
  // Never the other way: a wrong arrow fails `npm run lint`. A file matches one block below, and each
  // block but the shell's repeats the `vscode` rule (a later block would replace, not add to, its options).
  ...rooms(),
  {
    // Regexes (eslint-plugin-regexp). Backtracking stalled scans (a 125-byte docker-compose.yml took
    // 26 s, a requirements.txt line of spaces 94 s): every regex in src/ must run in linear time. The
    // other rules are the plugin's recommended correctness checks that src/ passes (not its style rules).
    files: ['src/**'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      ...Object.fromEntries(
        [
          'no-dupe-disjunctions',
          'no-misleading-capturing-group',
          'no-useless-quantifier',
          'no-lazy-ends',
          'no-optional-assertion',
          'no-empty-alternative',
          'no-contradiction-with-assertion',
          'no-useless-assertions',
          'no-invalid-regexp',
          'no-dupe-characters-character-class',
          'no-empty-character-class',
          'no-useless-backreference',
          'no-potentially-useless-backreference',
          'no-zero-quantifier',
          'no-useless-dollar-replacements',
          'no-misleading-unicode-character',
          'optimal-lookaround-quantifier',
          'no-obscure-range',
          'no-empty-lookarounds-assertion',
          'no-empty-group',
          'no-empty-capturing-group',
        ].map((rule) => [`regexp/${rule}`, 'error']),
      ),
    },
  },
);
