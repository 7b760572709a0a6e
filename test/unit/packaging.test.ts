/**
 * What `npm run package` puts in the .vsix, by `.vscodeignore` (an allow-list): the entries the
 * manifest names and every file they load at run time, for the Node build and the web build, and
 * nothing of the sources, tests or source maps. vsce's own listing runs on a folder holding empty
 * stand-ins, so the test needs no build. (dist/scanWorker.js was once left out: the packaged
 * extension could not start its scanner's worker threads.)
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const entry = (file: string) => path.posix.normalize(file.replace(/^\.\//, ''));

/** Loaded at run time beside the entries (and who loads them). */
const LOADED = [
  'dist/scanner.js', // src/vscode/scannerEngine.ts, on the first scan
  'dist/scanWorker.js', // src/scanner/threads.ts: the detectors' worker threads
  'dist/folderWorker.js', // src/scanner/threadedSource.ts: local folders listed and read in a worker thread (VS Code)
  'dist/web/scanWorker.js', // src/vscode/scannerEngine.web.ts: the detectors' Web Worker
  'dist/webview.js', // src/vscode/detailsPanel.ts: the details webview
  'dist/webview.css',
  'dist/codicons/codicon.css',
  'dist/codicons/codicon.ttf',
  'data/roadmap.json', // src/vscode/roadmapService.ts
  'package.nls.json', // VS Code: the manifest's texts (%key% in package.json)
];
const NOT_SHIPPED = [
  'src/extension.ts',
  'dist/extension.js.map',
  'dist/web/extension.js.map',
  'out/integration/index.js',
  'test/unit/packaging.test.ts',
  'webview/main.ts',
  'scripts/web-build.mjs',
];

describe('the .vsix contents (.vscodeignore)', function () {
  this.timeout(60_000);
  let folder: string;
  let listed: string[];
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'devops-roadmap-package-'));
    for (const file of ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', manifest.icon])
      if (existsSync(path.join(ROOT, file))) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        copyFileSync(path.join(ROOT, file), path.join(folder, file));
      }
    for (const file of [entry(manifest.main), entry(manifest.browser), ...Object.values<string>(manifest.bin).map(entry), ...LOADED, ...NOT_SHIPPED]) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      if (!existsSync(path.join(folder, file))) writeFileSync(path.join(folder, file), '');
    }
    listed = (await listFiles({ cwd: folder, packageManager: PackageManager.None })).map((file) => file.split(path.sep).join('/'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('holds both entries: main (Node) and browser (vscode.dev, github.dev), and the CLI', () => {
    assert.equal(entry(manifest.browser), 'dist/web/extension.js');
    for (const file of [entry(manifest.main), entry(manifest.browser), ...Object.values<string>(manifest.bin).map(entry)]) assert.ok(listed.includes(file), `${file} is packaged`);
  });

  it('holds every file the entries load at run time', () => {
    for (const file of LOADED) assert.ok(listed.includes(file), `${file} is packaged`);
  });

  it('leaves out sources, tests, test bundles and source maps', () => {
    for (const file of NOT_SHIPPED) assert.ok(!listed.includes(file), `${file} is not packaged`);
  });
});
