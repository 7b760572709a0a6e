// Entry point of the integration suites in the web worker extension host (what vscode.dev and
// github.dev run: no Node). test/e2e/build-integration.mjs bundles it, for the browser, with the
// suites that make sense on the web; the e2e launcher's web pass loads it as `extensionTestsPath`.
// mocha is its browser build (it defines the global `mocha`), and the counts go out through the
// console, which the launcher reads: there is no file system to write them to here.
import 'mocha/mocha';
import { runWith, type SuiteModule } from './runner';

/** The console line that carries the results as JSON (read by test/e2e/run.mjs). */
export const RESULTS_PREFIX = '[integration-results] ';

export function runSuites(suites: SuiteModule[], options: { grep?: string } = {}): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  if (options.grep) mocha.grep(options.grep);
  return runWith(mocha, suites, (results) => console.log(`${RESULTS_PREFIX}${JSON.stringify(results)}`));
}
