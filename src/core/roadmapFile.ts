/**
 * Reads a roadmap file from disk, for the CLI and the tests. Apart from roadmap.ts because it needs
 * Node's `fs`: the extension reads the data through `vscode.workspace.fs` (RoadmapService), and its
 * web build must not carry a Node built-in.
 */
import { readFileSync } from 'node:fs';
import { loadRoadmap, type RoadmapIndex } from './roadmap';

export function readRoadmapFile(path: string): RoadmapIndex {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read roadmap data from ${path}: ${(err as Error).message}`, { cause: err });
  }
  return loadRoadmap(json);
}
