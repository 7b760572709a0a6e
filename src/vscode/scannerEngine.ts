import * as path from 'node:path';
import type * as Engine from '../scanner/index';

let engine: typeof Engine | undefined;

/**
 * The scanner engine ships as its own bundle (`dist/scanner.js`, built by esbuild.mjs) and is
 * loaded on the first scan: it carries the YAML parser, which the tree, the search and the details
 * panel never need, so activation stays small and fast.
 */
export function scannerEngine(): typeof Engine {
  // A computed path, so esbuild leaves this require alone instead of inlining the engine.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require(path.join(__dirname, 'scanner.js')) as typeof Engine;
  return engine;
}
