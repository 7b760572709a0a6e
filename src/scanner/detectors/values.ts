/**
 * Helm values (and other YAML) that configure a deployed tool under the tool's own keys: an
 * umbrella chart's `values.yaml` nests each dependency's configuration under its name
 * (`kube-prometheus-stack:`, `argocd-apps:`), a chart's own values sit at the top. Alert rules
 * and Alertmanager routes in kube-prometheus-stack's keys, Argo CD Applications in argocd-apps'
 * keys, OpenCost / Kubecost switched on, and a workload's autoscaling switched on.
 */
import { type FileContext, WHOLE, defineDetector } from './types';
import { type Obj, isObj, isYaml, yamlMaps } from './util';

/** Deepest level looked at, and most nodes visited per document (a values file is a few hundred). */
const MAX_DEPTH = 5;
const MAX_NODES = 20_000;

/** Calls `visit(key, value)` for every mapping entry down to MAX_DEPTH (through lists too). */
function walk(doc: Obj, visit: (key: string, value: unknown) => void): void {
  let budget = MAX_NODES;
  const go = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || budget <= 0) return;
    if (Array.isArray(value)) {
      for (const item of value) go(item, depth + 1);
    } else if (isObj(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (--budget <= 0) return;
        visit(key, v);
        go(v, depth + 1);
      }
    }
  };
  go(doc, 0);
}

const entries = (value: unknown): unknown[] => (Array.isArray(value) ? value : isObj(value) ? Object.values(value) : []);
const hasAlert = (value: unknown): boolean => /"alert":"/.test(JSON.stringify(value) ?? '');

/** An Argo CD Application's spec: a destination and a source (or an ApplicationSet's template of one). */
function isAppSpec(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (isObj(v.destination) && (isObj(v.source) || Array.isArray(v.sources))) return true;
  return Array.isArray(v.generators) && isObj(v.template) && isAppSpec((v.template as Obj).spec);
}

/**
 * The keys the rules read, written as keys (`autoscaling:`, `"receivers" :`): most YAML files have
 * none and are never parsed here. As words alone they were everywhere: every HorizontalPodAutoscaler
 * says `apiVersion: autoscaling/v2`, which sent argo-cd's 100–260 KB install manifests to the parser
 * for a rule that then skips Kubernetes objects.
 */
const HINTS = /(?:\badditionalPrometheusRules(?:Map)?|\breceivers|\bapplications(?:ets)?|\bopencost|\bkubecost|\bcost-analyzer|\bautoscaling)["']?[ \t]*:/;

export const helmValues = defineDetector({
  family: 'containers',
  match(p) {
    return isYaml(p) ? { read: WHOLE, tag: /^values[\w.-]*\.ya?ml$/.test(p.name) } : undefined;
  },
  detect(f, valuesFile) {
    if (!HINTS.test(f.text) || !f.needWhole()) return;
    for (const doc of yamlMaps(f)) {
      // Kubernetes objects are read by the object rules; these keys in a manifest mean something else.
      if (typeof doc.apiVersion === 'string' && typeof doc.kind === 'string') continue;
      walk(doc, (key, v) => checkKey(f, key, v, valuesFile === true));
    }
  },
});

function checkKey(f: FileContext, key: string, v: unknown, valuesFile: boolean): void {
  switch (key) {
    case 'additionalPrometheusRulesMap':
    case 'additionalPrometheusRules':
      // kube-prometheus-stack: PrometheusRule groups kept in the values.
      if (hasAlert(v)) {
        f.tech('prometheus');
        f.practice('prometheus-alerting');
      }
      break;
    case 'alertmanager':
      // kube-prometheus-stack's `alertmanager.config`: the Alertmanager configuration itself.
      if (isObj(v) && isObj(v.config) && isObj(v.config.route) && Array.isArray(v.config.receivers)) {
        f.tech('alertmanager');
        f.practice('prometheus-alerting');
      }
      break;
    case 'applications':
    case 'applicationsets':
      // argocd-apps: Applications and ApplicationSets as values (a list, or a map by name).
      if (entries(v).some(isAppSpec)) {
        f.tech('argocd');
        f.practice('gitops');
      }
      break;
    case 'opencost':
    case 'kubecost':
    case 'cost-analyzer':
      if (isObj(v) && v.enabled === true) f.practice('cost-estimation');
      break;
    case 'autoscaling':
      // A chart's values switching its HorizontalPodAutoscaler on (the scaffold's default is off).
      if (valuesFile && isObj(v) && v.enabled === true && (v.maxReplicas !== undefined || v.minReplicas !== undefined)) f.practice('k8s-autoscaling');
      break;
  }
}
