// Entry point of the integration suites inside a real extension host (code-server via
// test/e2e/run.mjs, or VS Code desktop via test/e2e/electron.mjs). VS Code loads the module given as
// `extensionTestsPath` and awaits its `run()`; rejecting means "tests failed".
//
// The suites are bundled by esbuild (test/e2e/build-integration.mjs) into out/integration/index.js.
// That build generates the entry: it re-exports `run` as `runSuites([...every *.test.ts...])`, each
// suite loaded lazily so that mocha's `describe`/`it` globals exist when its top-level code runs.
// Unbundled (e.g. compiled by tsc), `run()` below finds the compiled `*.test.js` files beside it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { runWith, type IntegrationResults, type SuiteModule } from './runner';

export type { IntegrationResults, SuiteModule } from './runner';

/** Runs the given suites with mocha; resolves when all pass, rejects otherwise (also when none ran). */
export function runSuites(suites: SuiteModule[]): Promise<void> {
  // The bundle carries an inline source map: stack traces then point at the .ts files.
  process.setSourceMapsEnabled?.(true);
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    grep: process.env.DEVOPS_ROADMAP_TEST_GREP || undefined,
  });
  return runWith(mocha, suites, writeResults);
}

/** The launcher passes a file path in DEVOPS_ROADMAP_TEST_RESULTS; the counts go there as JSON. */
function writeResults(results: IntegrationResults): void {
  const file = process.env.DEVOPS_ROADMAP_TEST_RESULTS;
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
  } catch (err) {
    console.error(`[integration] could not write ${file}: ${String(err)}`);
  }
}

/** Unbundled use: every compiled `*.test.js` beside this file. */
export function run(): Promise<void> {
  const suites = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS output of tsc
    .map((name) => ({ file: path.join(__dirname, name), load: () => require(path.join(__dirname, name)) }));
  return runSuites(suites);
}
