// Bundles the integration suites into out/integration/index.js for the extension host.
// No glob at run time: the entry is generated here from the `test/integration/*.test.ts` files and
// imports each suite lazily (esbuild keeps `require()` of a bundled ES module lazy), so mocha's
// globals exist before a suite's top-level `describe` runs. `vscode` and `mocha` stay external
// (the host provides `vscode`; `mocha` resolves from the repo's node_modules).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const integrationDir = path.join(repoRoot, 'test', 'integration');
export const integrationBundle = path.join(repoRoot, 'out', 'integration', 'index.js');

/** The suite files, sorted (smoke first if present, so a broken host shows up at once). */
export function integrationSuites() {
  return readdirSync(integrationDir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort((a, b) => (a === 'smoke.test.ts' ? -1 : b === 'smoke.test.ts' ? 1 : a.localeCompare(b)));
}

export async function buildIntegration({ quiet = false } = {}) {
  const suites = integrationSuites();
  const contents = [
    "import { runSuites } from './index';",
    "export { runSuites } from './index';",
    'export function run() {',
    '  return runSuites([',
    ...suites.map((name) => `    { file: ${JSON.stringify(path.join(integrationDir, name))}, load: () => require(${JSON.stringify(`./${name}`)}) },`),
    '  ]);',
    '}',
  ].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: integrationDir, sourcefile: 'integration-entry.generated.ts', loader: 'ts' },
    bundle: true,
    outfile: integrationBundle,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: quiet ? 'warning' : 'info',
  });
  return { bundle: integrationBundle, suites };
}

/** The suites of the web pass: what a person on vscode.dev or github.dev can do (no git, no processes, no stall hook). */
export const WEB_SUITES = ['smoke.test.ts', 'careerTree.test.ts', 'details.test.ts', 'progress.test.ts', 'scanner.test.ts', 'web.test.ts'];
export const webIntegrationBundle = path.join(repoRoot, 'out', 'integration-web', 'index.js');

/**
 * mocha's browser build (`mocha/mocha.js`), run as the browser script it is: its UMD header would
 * see this bundle's CommonJS `module` and replace the bundle's exports with mocha's instance, so it
 * runs in a function where `module`, `exports` and `define` are undefined and sets `globalThis.mocha`.
 */
const mochaAsBrowserScript = {
  name: 'mocha-as-browser-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/**
 * The web pass's bundle: the same suites, bundled for the web worker extension host (no Node there:
 * mocha's browser build, chai's assert for Node's). `DEVOPS_ROADMAP_TEST_GREP` is baked in, as the
 * host has no environment to read it from.
 */
export async function buildWebIntegration({ quiet = false } = {}) {
  const suites = WEB_SUITES.filter((name) => integrationSuites().includes(name));
  const contents = [
    "import { runSuites } from './webIndex';",
    'export function run() {',
    '  return runSuites([',
    ...suites.map((name) => `    { file: ${JSON.stringify(path.join(integrationDir, name))}, load: () => require(${JSON.stringify(`./${name}`)}) },`),
    `  ], { grep: ${JSON.stringify(process.env.DEVOPS_ROADMAP_TEST_GREP ?? '')} });`,
    '}',
  ].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: integrationDir, sourcefile: 'integration-web-entry.generated.ts', loader: 'ts' },
    bundle: true,
    outfile: webIntegrationBundle,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { assert: path.join(integrationDir, 'web', 'assert.mjs') },
    plugins: [mochaAsBrowserScript],
    sourcemap: 'inline',
    logLevel: quiet ? 'warning' : 'info',
  });
  return { bundle: webIntegrationBundle, suites };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { bundle, suites } of [await buildIntegration(), await buildWebIntegration()]) console.log(`${path.relative(repoRoot, bundle)}: ${suites.join(', ')}`);
}
