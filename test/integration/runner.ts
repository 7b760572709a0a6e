// Runs bundled suites with a given mocha and hands the counts to `report`. Shared by the Node entry
// (index.ts: `mocha` from node_modules, results to a file) and the web entry (webIndex.ts: mocha's
// browser build, results through the console), so no Node module is imported here.
import type Mocha from 'mocha';

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

/** Loads the suites into `mocha` and runs them; resolves when all pass, rejects otherwise (also when none ran). */
export function runWith(mocha: Mocha, suites: SuiteModule[], report: (results: IntegrationResults) => void): Promise<void> {
  for (const suite of suites) {
    // Mocha.Suite.constants: EVENT_FILE_PRE_REQUIRE, EVENT_FILE_REQUIRE, EVENT_FILE_POST_REQUIRE.
    mocha.suite.emit('pre-require', globalThis, suite.file, mocha);
    const exports = suite.load();
    mocha.suite.emit('require', exports, suite.file, mocha);
    mocha.suite.emit('post-require', globalThis, suite.file, mocha);
  }

  const results: IntegrationResults = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.durationMs = Date.now() - started;
      report(results);
      console.log(`[integration] ${results.passes} passed, ${results.failures} failed, ${results.pending} pending`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (results.passes === 0) reject(new Error('no integration tests ran'));
      else resolve();
    });
    // Mocha.Runner.constants: EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING.
    runner.on('pass', (test) => {
      results.passes++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on('fail', (test, err) => {
      results.failures++;
      results.tests.push({ title: test.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
}
