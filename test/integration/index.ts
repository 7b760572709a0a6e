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

export interface SuiteModule {
  /** File name, for mocha's reports. */
  file: string;
  /** Loads (requires) the suite; it registers its describe/it blocks. */
  load: () => unknown;
}

export interface IntegrationResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

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
  const constants = Mocha.Suite.constants;
  for (const suite of suites) {
    mocha.suite.emit(constants.EVENT_FILE_PRE_REQUIRE, globalThis, suite.file, mocha);
    const exports = suite.load();
    mocha.suite.emit(constants.EVENT_FILE_REQUIRE, exports, suite.file, mocha);
    mocha.suite.emit(constants.EVENT_FILE_POST_REQUIRE, globalThis, suite.file, mocha);
  }

  const results: IntegrationResults = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.durationMs = Date.now() - started;
      writeResults(results);
      console.log(`[integration] ${results.passes} passed, ${results.failures} failed, ${results.pending} pending`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (results.passes === 0) reject(new Error('no integration tests ran'));
      else resolve();
    });
    const events = Mocha.Runner.constants;
    runner.on(events.EVENT_TEST_PASS, (test) => {
      results.passes++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on(events.EVENT_TEST_FAIL, (test, err) => {
      results.failures++;
      results.tests.push({ title: test.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
    });
    runner.on(events.EVENT_TEST_PENDING, (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
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
