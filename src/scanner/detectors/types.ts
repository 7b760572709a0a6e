/**
 * The detector contract. A detector is a small module with two halves:
 *   - `match(p)`: a cheap path test. It returns `undefined` (this file does not matter to me) or an
 *     Interest: evidence that the path alone proves, and whether (and how much of) the content it
 *     needs to look at.
 *   - `detect(file, tag)`: content checks on the text the engine read once for all interested
 *     detectors. Parsed forms (YAML documents, JSON) are cached on the FileContext, so a file is
 *     parsed at most once however many detectors look at it.
 */
import type { PracticeId, TechnologyId } from '../ids';
import type { PathInfo } from '../paths';

export type SignalId = TechnologyId | PracticeId;

/** A hit's key: `t:<technology id>` or `p:<practice id>`, typed so that a misspelt id does not compile. */
export type HitKey = `t:${TechnologyId}` | `p:${PracticeId}`;

/** One piece of evidence a file contributes. */
export interface Hit {
  key: HitKey;
  /** Counted only while this relative path exists in the tree (e.g. the chart's `Chart.yaml`). */
  requires?: string;
  /** Counted only while this relative path does NOT exist in the tree. */
  unless?: string;
}

export interface Interest<T = unknown> {
  /** Evidence the path alone proves (kept even if the content cannot be read). */
  hits?: Hit[];
  /** Bytes of content wanted: 0/undefined = none; the engine caps it at `maxBytesPerFile`. */
  read?: number;
  /** Passed back to `detect`, so the path test's conclusions need not be recomputed. */
  tag?: T;
  /** A speculative read (e.g. a shebang check): binary or unreadable content is not reported as skipped. */
  probe?: boolean;
}

/** Everything a detector's content check may use. */
export interface FileContext {
  readonly p: PathInfo;
  /** Decoded text (UTF-8, BOM stripped): the whole file, or its head when `complete` is false. */
  readonly text: string;
  /** True when `text` is the whole file. */
  readonly complete: boolean;
  /** All YAML documents as plain JS values (documents that failed to parse are left out). Cached. */
  yaml(): unknown[];
  /** The file as JSON, or undefined when it is not valid JSON. Cached. */
  json(): unknown;
  /** YAML documents (or a JSON object) that carry string `apiVersion` and `kind`. Cached. */
  objects(): KubeObject[];
  /** Marks the file 'too-large' when the detector needed the whole content and only has the head; returns true when complete. */
  needWhole(): boolean;
  /** Records that content this detector needed could not be parsed. */
  parseError(): void;
  tech(id: TechnologyId, cond?: Cond): void;
  practice(id: PracticeId, cond?: Cond): void;
}

export interface Cond {
  requires?: string;
  unless?: string;
}

/** An object with `apiVersion` and `kind`: a Kubernetes resource or a look-alike (Backstage, …). */
export interface KubeObject {
  apiVersion: string;
  /** The API group, lower-cased ('' for the core group, `skaffold` for `skaffold/v4beta1`). */
  group: string;
  kind: string;
  /** The parsed document, when it was parsed; absent for Helm templates matched by regex. */
  doc?: Record<string, unknown>;
  /** Whether the object has a `metadata` mapping. */
  hasMetadata: boolean;
  /** The document's source text (Helm templates) or '' when parsed. */
  source: string;
}

export interface Detector<T = unknown> {
  /** The family name, for documentation and debugging. */
  readonly family: string;
  match(p: PathInfo): Interest<T> | undefined;
  detect?(file: FileContext, tag: T | undefined): void;
}

/**
 * Declares a detector. The tag's type is inferred from what `match` returns (or given:
 * `defineDetector<CiTag>({ … })`), `detect` receives it typed, and the result goes into a family's
 * `detectors` array without a cast.
 */
export function defineDetector<T = undefined>(detector: Detector<T>): Detector<T> {
  return detector;
}

export const tech = (id: TechnologyId, cond?: Cond): Hit => ({ key: `t:${id}`, ...cond });
export const practice = (id: PracticeId, cond?: Cond): Hit => ({ key: `p:${id}`, ...cond });

/** Default content budget for config files: detectors may want all of it. */
export const WHOLE = Number.POSITIVE_INFINITY;
/** Content budget for source code: imports live at the top. */
export const HEAD = 16 * 1024;
