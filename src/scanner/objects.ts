/**
 * Kubernetes-style objects in a file's text, shared by the engine's file context and the detectors:
 * the cheap object reader (`apiVersion` / `kind` / `metadata` at column 0 of each document), the
 * split of `group/version`, what counts as a Kubernetes resource, and a Helm chart's folder.
 */
import type { KubeObject } from './detectors/types';
import type { PathInfo } from './paths';
import { parseYaml } from './yamlLib';

/** API groups of objects that are not Kubernetes resources even though they look like one. */
const NOT_KUBE_GROUPS = new Set([
  'backstage.io',
  'scaffolder.backstage.io',
  'cli.kyverno.io',
  'chainsaw.kyverno.io',
  'kustomize.config.k8s.io',
  'config.kubernetes.io',
  'skaffold',
  'openslo',
  'sloth.slok.dev',
  'n9',
]);
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'policy', 'autoscaling', 'extensions']);
const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

/** Splits `group/version` (core group: `v1` → ''). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash).toLowerCase(), version: apiVersion.slice(slash + 1) };
}

/** A Kubernetes resource: a known API group/version, a kind, and metadata. */
export function isKubeObject(o: KubeObject): boolean {
  const { group, version } = splitApiVersion(o.apiVersion);
  if (!VERSION.test(version) || NOT_KUBE_GROUPS.has(group)) return false;
  if (!BUILTIN_GROUPS.has(group) && !group.includes('.')) return false;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(o.kind)) return false;
  if (group === '' && o.kind === 'Config') return false; // a kubeconfig
  return o.hasMetadata;
}

/** `<chart>` for `<chart>/templates/…`, original case, or undefined outside a templates folder. */
export function chartDirOf(p: PathInfo): string | undefined {
  const idx = p.dirs.lastIndexOf('templates');
  if (idx < 0) return undefined;
  return p.path.split('/').slice(0, idx).join('/');
}

/**
 * The object reader: `apiVersion` / `kind` / `metadata` at column 0 of each `---` document, which is
 * how manifests are written. Far cheaper than parsing every manifest; a document is parsed (lazily,
 * once) only when a rule asks for `doc`. Works on Helm templates too, where `{{ }}` breaks YAML
 * (their `doc` is then undefined and rules fall back to the source text).
 */
export function regexObjects(text: string): KubeObject[] {
  const out: KubeObject[] = [];
  if (!text.includes('apiVersion')) return out;
  for (const chunk of text.split(/^---[ \t]*(?:#.*)?$/m)) {
    const api = /^apiVersion[ \t]*:[ \t]*["']?([\w./-]+)/m.exec(chunk);
    if (!api) continue;
    const kind = /^kind[ \t]*:[ \t]*["']?([A-Za-z0-9]+)/m.exec(chunk);
    if (!kind) continue;
    let parsed: { value: Record<string, unknown> | undefined } | undefined;
    out.push({
      apiVersion: api[1],
      group: splitApiVersion(api[1]).group,
      kind: kind[1],
      hasMetadata: /^metadata[ \t]*:/m.test(chunk),
      source: chunk,
      get doc() {
        if (!parsed) parsed = { value: parseChunk(chunk) };
        return parsed.value;
      },
    });
  }
  return out;
}

function parseChunk(chunk: string): Record<string, unknown> | undefined {
  if (chunk.includes('{{')) return undefined;
  const { docs, failures } = parseYaml(chunk);
  const value = docs[0];
  return failures === 0 && docs.length === 1 && typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
