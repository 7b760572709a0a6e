/** Small helpers shared by the detector families. */
import type { PathInfo } from '../paths';
import type { FileContext, KubeObject } from './types';

export type Obj = Record<string, unknown>;

/** A word as a literal inside a RegExp source. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `(?:w1|w2|…)` for a regex built from a word list: the words escaped and joined, then any raw
 * `patterns` (already regex source, such as `locust\w*`). A group of literal words cannot
 * backtrack super-linearly; keep raw patterns as simple (no nested quantifiers).
 */
export function anyOf(words: readonly string[], ...patterns: string[]): string {
  return `(?:${[...words.map(escapeRegExp), ...patterns].join('|')})`;
}

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

/**
 * Whether a top-level key appears at column 0 in YAML text: a cheap test before parsing.
 * Same answer as the regex `^["']?KEY["']?[ \t]*:` (multiline), which hasTopKeyRegex keeps as the
 * reference, but detectors ask a dozen keys of every YAML file, so the text is read once: the keys
 * written at column 0 are collected into a set (cached for the last text) and each question is a
 * set lookup. A plain key (letters, digits, `_ . -`) can only be the whole run of such characters
 * at a line start (after an optional quote), followed by an optional quote, blanks and a colon.
 * Other keys, and texts with line breaks other than `\n` / `\r\n`, fall back to the regex.
 */
const topKeyCache = new Map<string, RegExp>();
const PLAIN_KEY = /^[A-Za-z0-9_.-]+$/;

function topKeyRegex(key: string): RegExp {
  let re = topKeyCache.get(key);
  if (!re) topKeyCache.set(key, (re = new RegExp(`^["']?${escapeRegExp(key)}["']?[ \\t]*:`, 'm')));
  return re;
}

/** The regex form of hasTopKey (the reference the fast form is tested against). */
export function hasTopKeyRegex(text: string, key: string): boolean {
  return topKeyRegex(key).test(text);
}

function isKeyChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;
}

function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27;
}

/** The plain keys at column 0, or undefined when the text has `\r` alone, U+2028 or U+2029 as a line break. */
function collectTopKeys(text: string): Set<string> | undefined {
  if ((text.includes('\r') && /\r(?!\n)/.test(text)) || text.includes('\u2028') || text.includes('\u2029')) return undefined;
  const keys = new Set<string>();
  const n = text.length;
  // Line starts: 0 and after every \n (a line start after the \r of \r\n begins with \n: no key).
  for (let s = 0; s < n;) {
    let i = s;
    if (isQuote(text.charCodeAt(i))) i++;
    const from = i;
    while (i < n && isKeyChar(text.charCodeAt(i))) i++;
    if (i > from) {
      const to = i;
      if (i < n && isQuote(text.charCodeAt(i))) i++;
      while (i < n && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
      if (i < n && text.charCodeAt(i) === 0x3a) keys.add(text.slice(from, to));
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    s = nl + 1;
  }
  return keys;
}

let lastText: string | undefined;
let lastKeys: Set<string> | undefined;

export function hasTopKey(text: string, key: string): boolean {
  if (!PLAIN_KEY.test(key)) return topKeyRegex(key).test(text);
  if (text !== lastText) {
    lastKeys = collectTopKeys(text);
    lastText = text;
  }
  return lastKeys ? lastKeys.has(key) : topKeyRegex(key).test(text);
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

/** API groups of policy engines: their objects describe rules about other objects, not workloads. */
const POLICY_API = /^(?:kyverno\.io|[\w.-]+\.kyverno\.io|templates\.gatekeeper\.sh|constraints\.gatekeeper\.sh|mutations\.gatekeeper\.sh|admissionregistration\.k8s\.io)\//;

/** True when the file's column-0 `apiVersion`s are all policy-engine objects (and there is at least one). */
export function onlyPolicies(text: string): boolean {
  if (!text.includes('apiVersion')) return false;
  let any = false;
  for (const m of text.matchAll(/^apiVersion[ \t]*:[ \t]*["']?([\w./-]+)/gm)) {
    if (!POLICY_API.test(m[1])) return false;
    any = true;
  }
  return any;
}

/**
 * `fn(text)`, remembered for the last text seen under `key` (a regex, or any constant object).
 * Object rules run once per object, and objects without a source of their own (the items of a
 * JSON List) all look at the whole file: without this, a List of 1,000 items scans it 1,000 times.
 */
const lastByKey = new WeakMap<object, { text: string; value: unknown }>();

export function onceForText<T>(key: object, text: string, fn: (text: string) => T): T {
  const last = lastByKey.get(key);
  if (last && last.text === text) return last.value as T;
  const value = fn(text);
  lastByKey.set(key, { text, value });
  return value;
}

/** `re.test(text)` (`re` without the `g` flag), remembered for the last text (see onceForText). */
export function testOnce(re: RegExp, text: string): boolean {
  return onceForText(re, text, (t) => re.test(t));
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/** Where the line holding `from` ends: the next `\n` (or, with `dot`, any break `.` stops at), or the text's end. */
function lineEnd(text: string, from: number, dot: boolean): number {
  if (!dot) {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  }
  LINE_BREAK.lastIndex = from;
  const m = LINE_BREAK.exec(text);
  return m ? m.index : text.length;
}

/**
 * Whether `first` matches somewhere and `then` matches after it on the line where that match ends:
 * the answer of `/first[^\n]*then/` (or of `/first.*then/` with `dot`), in linear time. The regex
 * retries the rest of the line from every match of `first` on it, so a long line of `first`s is
 * quadratic; here the rest of a line is searched once, since a later match of `first` that ends on
 * the same line only sees part of it. Both regexes need the `g` flag (they are run from lastIndex).
 */
export function thenOnSameLine(text: string, first: RegExp, then: RegExp, dot = false): boolean {
  let searchedFrom = -1;
  let searchedTo = -1;
  first.lastIndex = 0;
  for (let m = first.exec(text); m; m = first.exec(text)) {
    first.lastIndex = m.index + 1;
    const from = m.index + m[0].length;
    if (from >= searchedFrom && from <= searchedTo) continue;
    const to = lineEnd(text, from, dot);
    // One character of context before `from`, so that `\b` and the like see what precedes it.
    const start = from > 0 ? from - 1 : 0;
    then.lastIndex = from - start;
    if (then.test(text.slice(start, to))) return true;
    searchedFrom = from;
    searchedTo = to;
  }
  return false;
}

const COMMENT_LINE = /^[ \t]*(?:#|\/\/)/;
const TRAILING_COMMENT = /[ \t]#/;

/**
 * The text without comments, for rules about what a script or pipeline runs: lines starting with
 * `#` or `//` are emptied (kept as empty lines, so line-anchored rules still see the same lines)
 * and a ` #…` tail is cut. A command named only in a comment is not run.
 */
export function withoutComments(text: string): string {
  return onceForText(TRAILING_COMMENT, text, stripComments);
}

function stripComments(text: string): string {
  if (!text.includes('#') && !text.includes('//')) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (COMMENT_LINE.test(line)) lines[i] = '';
    else if (line.includes('#')) {
      const at = line.search(TRAILING_COMMENT);
      if (at >= 0) lines[i] = line.slice(0, at);
    }
  }
  return lines.join('\n');
}
