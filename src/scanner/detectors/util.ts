/** Small helpers shared by the detector families. */
import type { PathInfo } from '../paths';
import type { FileContext, KubeObject } from './types';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `get(doc, 'spec', 'template')`: a nested value, or undefined at the first missing step. */
export function get(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (!isObj(v)) return undefined;
    v = v[k];
  }
  return v;
}

export const isYaml = (p: PathInfo): boolean => p.ext === '.yaml' || p.ext === '.yml';
export const isJson = (p: PathInfo): boolean => p.ext === '.json';

/** The YAML documents that are mappings. */
export function yamlMaps(f: FileContext): Obj[] {
  return f.yaml().filter(isObj);
}

/** True when some YAML mapping document (or the JSON object) satisfies `test`. */
export function someDoc(f: FileContext, test: (doc: Obj) => boolean): boolean {
  const docs = f.p.ext === '.json' ? [f.json()].filter(isObj) : yamlMaps(f);
  return docs.some(test);
}

/** Whether a top-level key appears at column 0 in YAML text: a cheap test before parsing. */
const topKeyCache = new Map<string, RegExp>();

export function hasTopKey(text: string, key: string): boolean {
  let re = topKeyCache.get(key);
  if (!re) topKeyCache.set(key, (re = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*:`, 'm')));
  return re.test(text);
}

/** The text an object came from, for regex checks (Helm templates keep their source; parsed objects use the file). */
export function objText(o: KubeObject, f: FileContext): string {
  return o.source || f.text;
}

/** True when the path has this lower-cased folder segment. */
export const inDir = (p: PathInfo, segment: string): boolean => p.dirs.includes(segment);

/** The last folder segment ('' at the root). */
export const parentDir = (p: PathInfo): string => (p.dirs.length ? p.dirs[p.dirs.length - 1] : '');

/** The relative path of the folder holding this file ('' at the root), original case. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins a folder and a name into a relative path. */
export const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
