/**
 * The registry: every family's detectors plus the shared Kubernetes-object pass built from every
 * family's object rules. `classify(path)` is the engine's (and the file watcher's) cheap path test.
 *
 * To add a detector: write `match` (path only, no I/O) and `detect` (content) in the family's
 * module, add it to that module's `detectors` array (or its object rule), and add a positive and a
 * negative test in test/unit/scanner/detectors.test.ts.
 */
import { DEFAULT_SKIP_DIRS, isProse, pathInfo, type PathInfo } from '../paths';
import * as ci from './ci';
import * as containers from './containers';
import * as gitops from './gitops';
import * as iac from './iac';
import { type ObjectRule, helm, makeObjectsDetector } from './kube';
import * as manifests from './manifests';
import * as mlops from './mlops';
import * as observability from './observability';
import * as other from './other';
import * as security from './security';
import { helmValues } from './values';
import type { Detector, Hit, Interest } from './types';
import { anyOf } from './util';

export const OBJECT_RULES: readonly ObjectRule[] = [
  ci.ciObjects,
  containers.containerObjects,
  gitops.gitopsObjects,
  observability.observabilityObjects,
  security.securityObjects,
  mlops.mlopsObjects,
  other.otherObjects,
];

export const DETECTORS: readonly Detector[] = [
  ...ci.detectors,
  ...iac.detectors,
  helm,
  ...containers.detectors,
  helmValues,
  makeObjectsDetector(OBJECT_RULES),
  ...gitops.detectors,
  ...observability.detectors,
  ...security.detectors,
  ...mlops.detectors,
  ...other.detectors,
  ...manifests.detectors,
];

export interface Plan {
  p: PathInfo;
  /** Evidence from the path alone. */
  hits: Hit[];
  /** Detectors that want the content, with their tags. */
  readers: { detector: Detector; tag: unknown }[];
  /**
   * The readers' places in DETECTORS, when the plan comes from that registry: what crosses to a
   * worker, which then asks only those detectors again (planFromReaders) instead of classifying
   * the path anew against all of them.
   */
  readerIds?: number[];
  /** Bytes to read (0 when no detector needs the content). */
  read: number;
  /** True when every reader only probes (binary or unreadable content is then not reported). */
  probe: boolean;
}

/**
 * Extensions no detector looks at (source code, media, archives, prose). A fast path only: the
 * registry test checks that classify() answers the same with and without it.
 */
const IGNORED_EXTS = new Set([
  '.go',
  '.c',
  '.h',
  '.cc',
  '.cpp',
  '.hpp',
  '.cxx',
  '.hh',
  '.rs',
  '.swift',
  '.m',
  '.mm',
  '.cs',
  '.vb',
  '.php',
  '.dart',
  '.ex',
  '.exs',
  '.erl',
  '.hrl',
  '.hs',
  '.clj',
  '.cljs',
  '.lua',
  '.r',
  '.pl',
  '.pm',
  '.jsx',
  '.tsx',
  '.vue',
  '.svelte',
  '.css',
  '.scss',
  '.sass',
  '.less',
  '.styl',
  '.sql',
  '.proto',
  '.graphql',
  '.gql',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.ico',
  '.webp',
  '.bmp',
  '.tif',
  '.tiff',
  '.psd',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
  '.mp4',
  '.mp3',
  '.wav',
  '.ogg',
  '.webm',
  '.mov',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.7z',
  '.tar',
  '.jar',
  '.war',
  '.ear',
  '.class',
  '.so',
  '.dll',
  '.dylib',
  '.exe',
  '.o',
  '.a',
  '.obj',
  '.lib',
  '.pyc',
  '.pyo',
  '.whl',
  '.wasm',
  '.bin',
  '.dat',
  '.db',
  '.sqlite',
  '.pdf',
  '.csv',
  '.tsv',
  '.parquet',
  '.log',
  '.snap',
  '.map',
  '.sum',
  '.pem',
  '.crt',
  '.key',
  '.pub',
  '.gpg',
  '.asc',
  '.md',
  '.markdown',
  '.mdx',
  '.rst',
  '.adoc',
  '.html',
  '.htm',
  '.xsd',
  '.xsl',
  '.po',
  '.pot',
  '.mo',
  '.resx',
  '.strings',
  '.patch',
  '.diff',
  '.ipynb_checkpoints',
]);
const SCRIPT_EXTS = new Set(['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts']);
const SKIP_RE = new RegExp(`(?:^|/)${anyOf(DEFAULT_SKIP_DIRS)}/`);

/** True when no detector can care about this path; decided from the lower-cased name and extension only. */
function quickReject(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return false; // no extension (Makefile, Jenkinsfile, …) or a dot-file
  const ext = path.slice(dot).toLowerCase();
  if (IGNORED_EXTS.has(ext)) return true;
  if (ext === '.txt') return !/requirements|constraints/i.test(path.slice(slash + 1));
  if (ext === '.java' || ext === '.kt' || ext === '.scala') return !/simulation\.\w+$/i.test(path);
  if (SCRIPT_EXTS.has(ext)) {
    const name = path.slice(slash + 1).toLowerCase();
    return !name.startsWith('serverless.') && !other.LOAD_HINT.test(path.toLowerCase());
  }
  return false;
}

/**
 * What the engine should do with a file, decided from its path alone; undefined when the file
 * cannot matter (vendored folder, documentation, or no detector interested).
 */
export function classify(path: string, detectors: readonly Detector[] = DETECTORS): Plan | undefined {
  if (detectors === DETECTORS && quickReject(path)) return undefined;
  return classifySlow(path, detectors);
}

/** classify() without the extension fast path (the reference the fast path is tested against). */
export function classifySlow(path: string, detectors: readonly Detector[] = DETECTORS): Plan | undefined {
  if (SKIP_RE.test(path)) return undefined;
  const p = pathInfo(path);
  if (isProse(p)) return undefined;
  let hits: Hit[] | undefined;
  let readers: Plan['readers'] | undefined;
  let readerIds: number[] | undefined;
  let read = 0;
  let probe = true;
  const registry = detectors === DETECTORS;
  for (let i = 0; i < detectors.length; i++) {
    const detector = detectors[i];
    const interest: Interest | undefined = detector.match(p);
    if (!interest) continue;
    if (interest.hits?.length) (hits ??= []).push(...interest.hits);
    if (interest.read && detector.detect) {
      (readers ??= []).push({ detector, tag: interest.tag });
      if (registry) (readerIds ??= []).push(i);
      read = Math.max(read, interest.read);
      if (!interest.probe) probe = false;
    }
  }
  if (!hits && !readers) return undefined;
  return { p, hits: hits ?? [], readers: readers ?? [], ...(readerIds ? { readerIds } : {}), read, probe: readers ? probe : false };
}

/**
 * The readers of a path's plan from their places in DETECTORS (Plan.readerIds, sent by the
 * engine's thread): each of those detectors matched again for its tag, no other asked. In a
 * scanner worker this replaced classify(), which asked all of them (on argoproj/argo-cd, 2,542
 * files: about 100 ms of a cold worker's time, now 25-35 ms). Unknown ids are ignored.
 */
export function planFromReaders(path: string, ids: readonly number[]): Plan | undefined {
  const p = pathInfo(path);
  const readers: Plan['readers'] = [];
  for (const id of ids) {
    const detector = DETECTORS[id];
    const interest = detector?.detect ? detector.match(p) : undefined;
    if (interest?.read) readers.push({ detector, tag: interest.tag });
  }
  return readers.length > 0 ? { p, hits: [], readers, read: 0, probe: false } : undefined;
}

/** Cheap: may this path contribute evidence? For file watchers, before any read. */
export function isCandidate(path: string): boolean {
  return classify(path) !== undefined;
}
