// Sources the bench times in its own process, bundled and minified the way dist/ is, then loaded.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

/** Bundles `exports` (lines such as "export { scan } from './src/scanner/engine';") to out/bench/<name>.cjs and loads it. */
export function loadBundle(repo, name, exports) {
  const outfile = path.join(repo, 'out', 'bench', `${name}.cjs`);
  esbuild.buildSync({
    stdin: { contents: exports.join('\n'), resolveDir: repo, loader: 'ts', sourcefile: `bench-${name}.ts` },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}
