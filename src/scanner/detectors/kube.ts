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
import { chartDirOf, isKubeObject } from '../objects';
import { scanImages } from './tools';
import { type Cond, type Detector, defineDetector, type FileContext, type KubeObject, WHOLE } from './types';
import { chartSignals } from './charts';
import { get, hasTopKey, isJson, isYaml, onlyPolicies, yamlMaps } from './util';

export type ObjectRule = (o: KubeObject, f: FileContext) => void;

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
