import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import type { ScanOptions, ScanResult } from '../../../src/scanner/types';

export type Tree = Record<string, string | Uint8Array>;

const made: string[] = [];

/** Writes a tree of files under a fresh temp folder and returns its path. */
export function makeTree(files: Tree): string {
  const root = mkdtempSync(nodePath.join(tmpdir(), 'dr-scan-'));
  made.push(root);
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Tree): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = nodePath.join(root, ...path.split('/'));
    mkdirSync(nodePath.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export function cleanTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

export async function scanTree(files: Tree, options: ScanOptions = {}): Promise<ScanResult> {
  return scan(new NodeFileSource(makeTree(files)), options);
}

/** The result without its timing, for equality checks. */
export function stable(result: ScanResult): Omit<ScanResult, 'durationMs'> {
  const { durationMs: _ignored, ...rest } = result;
  return rest;
}

export const ids = (r: ScanResult) => ({ t: r.technologies.map((t) => t.id), p: r.practices.map((p) => p.id) });

/**
 * Builds the CLI as it ships into `dir`: dist/cli.js with the detectors' worker bundle beside it
 * (minified, as esbuild.mjs builds them). Returns the path of cli.js.
 */
export function buildShippedCli(dir: string): string {
  buildSync({ ...BUNDLE, entryPoints: ['src/cli.ts'], outfile: nodePath.join(dir, 'cli.js') });
  return nodePath.join(nodePath.dirname(buildWorkerBundle(dir)), 'cli.js');
}

/** Bundles `entry` into `dir/name` as dist/ ships it; returns its path. */
function bundleInto(dir: string, entry: string, name: string): string {
  const outfile = nodePath.join(dir, name);
  buildSync({ ...BUNDLE, entryPoints: [entry], outfile });
  return outfile;
}

/** Builds the detectors' worker bundle (dist/scanWorker.js as shipped) into `dir`; returns its path. */
export const buildWorkerBundle = (dir: string): string => bundleInto(dir, 'src/scanner/worker.ts', 'scanWorker.js');

/** The folder worker (src/scanner/folderWorker.ts) bundled into `dir`, as dist/folderWorker.js is. */
export const buildFolderWorkerBundle = (dir: string): string => bundleInto(dir, 'src/scanner/folderWorker.ts', 'folderWorker.js');

const BUNDLE = { bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' } as const;
