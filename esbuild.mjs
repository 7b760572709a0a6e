// Builds the two bundles: the extension host (Node, CommonJS, `vscode` external) with the CLI beside
// it, and the webview (browser, ES module). `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { webBuilds } from './scripts/web-build.mjs';

const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

const common = { bundle: true, minify: true, sourcemap: production ? false : 'linked', logLevel: 'info', legalComments: 'none' };

const builds = [
  {
    ...common,
    // The scanner engine is a bundle of its own, loaded on the first scan (src/vscode/scannerEngine.ts);
    // its detectors run in worker threads started from scanWorker.js (src/scanner/workerPool.ts), and
    // VS Code lists and reads local folders in a thread started from folderWorker.js (src/scanner/threadedSource.ts).
    entryPoints: {
      extension: 'src/extension.ts',
      cli: 'src/cli.ts',
      scanner: 'src/scanner/index.ts',
      scanWorker: 'src/scanner/worker.ts',
      folderWorker: 'src/scanner/folderWorker.ts',
    },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    metafile: true,
  },
  {
    ...common,
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
  },
  // The `browser` entry for vscode.dev and github.dev, and its scanner's Web Worker (dist/web/).
  ...webBuilds(common),
];

async function copyAssets() {
  // Codicons are the webview's icons; they ship as a font + css from the package.
  await mkdir('dist/codicons', { recursive: true });
  await copyFile('node_modules/@vscode/codicons/dist/codicon.css', 'dist/codicons/codicon.css');
  await copyFile('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/codicons/codicon.ttf');
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  await copyAssets();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await copyAssets();
}
