// The web build (esbuild.mjs runs it beside the Node one): the extension's `browser` entry for the web
// worker extension host of vscode.dev and github.dev, and the Web Worker its scanner's detectors run in.
// Same sources as the Node build; a module `x.ts` with a sibling `x.web.ts` resolves to the sibling
// (src/vscode/platform.ts says how to use that). test/unit/webBundle.test.ts builds these options and
// fails if a Node built-in gets in.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** `./x` (or `../a/x`) → `x.web.ts` when that file exists, unless the importer is that twin itself. */
export const webTwins = {
  name: 'web-twins',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const twin = `${path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '')}.web.ts`;
      if (twin === args.importer || !existsSync(twin)) return undefined;
      return { path: twin };
    });
  },
};

/** esbuild options of the web bundles, given the options every bundle shares. */
export function webBuilds(common) {
  const web = { ...common, platform: 'browser', target: 'es2022', outdir: 'dist/web', metafile: true, plugins: [webTwins] };
  return [
    // VS Code loads a web extension's `browser` entry as a CommonJS module in its worker.
    { ...web, entryPoints: { extension: 'src/extension.ts' }, format: 'cjs', external: ['vscode'] },
    // A classic worker script, started from a blob URL (src/vscode/scannerEngine.web.ts).
    { ...web, entryPoints: { scanWorker: 'src/scanner/worker.web.ts' }, format: 'iife' },
  ];
}
