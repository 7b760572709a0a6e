/**
 * The registry: every family's detectors plus the shared Kubernetes-object pass built from every
 * family's object rules. `classify(path)` is the engine's (and the file watcher's) cheap path test.
 *
 * To add a detector: write `match` (path only, no I/O) and `detect` (content) in the family's
 * module, add it to that module's `detectors` array (or its object rule), and add a positive and a
 * negative test in test/unit/scanner/detectors.test.ts.
 */
import { inSkippedDir, isProse, pathInfo, type PathInfo } from '../paths';
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
import type { Detector, Hit, Interest } from './types';

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
  helm as Detector,
  ...containers.detectors,
  makeObjectsDetector(OBJECT_RULES) as Detector,
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
  /** Bytes to read (0 when no detector needs the content). */
  read: number;
  /** True when every reader only probes (binary or unreadable content is then not reported). */
  probe: boolean;
}

/**
 * What the engine should do with a file, decided from its path alone; undefined when the file
 * cannot matter (vendored folder, documentation, or no detector interested).
 */
export function classify(path: string, detectors: readonly Detector[] = DETECTORS): Plan | undefined {
  if (inSkippedDir(path)) return undefined;
  const p = pathInfo(path);
  if (isProse(p)) return undefined;
  let hits: Hit[] | undefined;
  let readers: Plan['readers'] | undefined;
  let read = 0;
  let probe = true;
  for (const detector of detectors) {
    const interest: Interest | undefined = detector.match(p);
    if (!interest) continue;
    if (interest.hits?.length) (hits ??= []).push(...interest.hits);
    if (interest.read && detector.detect) {
      (readers ??= []).push({ detector, tag: interest.tag });
      read = Math.max(read, interest.read);
      if (!interest.probe) probe = false;
    }
  }
  if (!hits && !readers) return undefined;
  return { p, hits: hits ?? [], readers: readers ?? [], read, probe: readers ? probe : false };
}

/** Cheap: may this path contribute evidence? For file watchers, before any read. */
export function isCandidate(path: string): boolean {
  return classify(path) !== undefined;
}
