/**
 * The shared pass over objects with `apiVersion` + `kind` (Kubernetes resources and look-alikes).
 * Every YAML file is offered; a cheap regex on the text decides whether it is worth parsing. Each
 * family contributes an ObjectRule (Argo CD and Flux from gitops, PrometheusRule from observability,
 * …), so a manifest is parsed once and looked at by all of them.
 *
 * Helm templates (`<chart>/templates/**` when `<chart>/Chart.yaml` exists) are not raw Kubernetes:
 * their `kubernetes` evidence carries `unless: <chart>/Chart.yaml`. Their objects are still found
 * (by a line regex, since `{{ }}` breaks YAML) so an app-of-apps chart still shows Argo CD, etc.
 */
import type { PathInfo } from '../paths';
import { scanImages } from './tools';
import { type Cond, type Detector, defineDetector, type FileContext, type KubeObject, WHOLE } from './types';
import { yamlLib } from '../yamlLib';
import { chartSignals } from './charts';
import { get, hasTopKey, isJson, isObj, isYaml, onlyPolicies, yamlMaps } from './util';

export type ObjectRule = (o: KubeObject, f: FileContext) => void;

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

const chartFile = (chartDir: string): string => (chartDir ? `${chartDir}/Chart.yaml` : 'Chart.yaml');

const JINJA_YAML = /\.ya?ml\.j2$/;

export function makeObjectsDetector(rules: readonly ObjectRule[]): Detector<string | undefined> {
  return defineDetector({
    family: 'containers',
    match(p) {
      // Jinja templates of manifests (Ansible's `deployment.yaml.j2`) are read line by line, like Helm templates.
      if (isYaml(p) || JINJA_YAML.test(p.name)) return { read: WHOLE, tag: chartDirOf(p) };
      if (isJson(p)) return { read: WHOLE };
      return undefined;
    },
    detect(f, chartDir) {
      const text = f.text;
      if (!text.includes('apiVersion') || !text.includes('kind')) return; // both tests below need these literals
      if (f.p.ext === '.json' ? !(text.includes('"apiVersion"') && text.includes('"kind"')) : !(/^[ \t-]*apiVersion[ \t]*:/m.test(text) && /^[ \t-]*kind[ \t]*:/m.test(text)))
        return;
      const objects = f.objects();
      if (objects.length === 0) return;
      const cond: Cond | undefined = chartDir !== undefined ? { unless: chartFile(chartDir) } : undefined;
      let kube = false;
      for (const o of objects) {
        if (isKubeObject(o)) {
          kube = true;
          f.tech('kubernetes', cond);
        }
        for (const rule of rules) rule(o, f);
      }
      // Images named in a policy's patch or rule are not run by this repository.
      if (kube && !onlyPolicies(text)) scanImages(f);
    },
  });
}

/** Helm: Chart.yaml (and the charts an umbrella chart depends on), chart templates (authoring). */
export const helm = defineDetector<string>({
  family: 'containers',
  match(p) {
    if (p.base === 'Chart.yaml' || p.base === 'Chart.yml') return { hits: [{ key: 't:helm' }], read: WHOLE };
    const chartDir = chartDirOf(p);
    if (chartDir !== undefined && (isYaml(p) || p.ext === '.tpl')) {
      // Counted only when the chart's Chart.yaml exists beside templates/.
      const requires = chartFile(chartDir);
      return {
        hits: [
          { key: 't:helm', requires },
          { key: 'p:helm-chart-authoring', requires },
        ],
      };
    }
    return undefined;
  },
  detect(f) {
    // An umbrella chart: `dependencies: [{ name, repository, alias }]` installs those charts.
    if (!hasTopKey(f.text, 'dependencies')) return;
    for (const doc of yamlMaps(f)) {
      const deps = doc.dependencies;
      if (!Array.isArray(deps)) continue;
      for (const dep of deps) {
        const name = get(dep, 'name');
        const repository = get(dep, 'repository');
        if (typeof name === 'string') chartSignals(f, name, typeof repository === 'string' ? repository : '');
      }
    }
  },
});

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
  try {
    const doc = yamlLib().parseDocument(chunk, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
    if (doc.errors.length > 0) return undefined;
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return isObj(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
