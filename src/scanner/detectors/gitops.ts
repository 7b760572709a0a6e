/**
 * GitOps: Argo CD (`argoproj.io` Application / ApplicationSet / AppProject, its `argocd-cm`
 * ConfigMap) and Flux (any `*.toolkit.fluxcd.io` object, including Flux's `Kustomization`, which
 * is not kustomize). Found in the shared Kubernetes-object pass; kustomize remote bases that
 * install either are handled by the kustomize detector.
 */
import type { Detector, FileContext, KubeObject } from './types';
import { chartLines, chartSignals } from './charts';
import { get, onceForText, testOnce } from './util';

const ARGO_CD_KINDS = new Set(['Application', 'ApplicationSet', 'AppProject']);
const HELM_SOURCE = /^[ \t]+(?:chart|helm)[ \t]*:/m;
const ARGOCD_CONFIG = {};

export function gitopsObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'argoproj.io' && ARGO_CD_KINDS.has(kind)) {
    f.tech('argocd');
    f.practice('gitops');
  }
  if (group === 'toolkit.fluxcd.io' || group.endsWith('.toolkit.fluxcd.io')) {
    f.tech('flux');
    f.practice('gitops');
    // A HelmRelease installs a Helm chart: the repository deploys with Helm (without authoring a chart).
    if (group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease') f.tech('helm');
  }
  // An Argo CD application whose source is a Helm chart (`chart:` or `helm:` under its source).
  if (group === 'argoproj.io' && (kind === 'Application' || kind === 'ApplicationSet') && testOnce(HELM_SOURCE, o.source || f.text)) f.tech('helm');
  // k3s / RKE2 Helm controller.
  if (group === 'helm.cattle.io' && (kind === 'HelmChart' || kind === 'HelmChartConfig')) f.tech('helm');
  // The charts these install are tools deployed (kube-prometheus-stack, loki, vault, …).
  if (INSTALLS_CHARTS.has(`${group}/${kind}`)) installedCharts(o, f);
  if (group === '' && kind === 'ConfigMap' && onceForText(ARGOCD_CONFIG, o.source || f.text, (t) => t.includes('argocd-'))) {
    const name = (o.doc?.metadata as { name?: unknown } | undefined)?.name;
    if (name === 'argocd-cm' || name === 'argocd-cmd-params-cm' || name === 'argocd-rbac-cm') {
      f.tech('argocd');
      f.practice('gitops');
    }
  }
}

const INSTALLS_CHARTS = new Set([
  'argoproj.io/Application',
  'argoproj.io/ApplicationSet',
  'helm.toolkit.fluxcd.io/HelmRelease',
  'helm.cattle.io/HelmChart',
  'source.toolkit.fluxcd.io/OCIRepository',
]);
const OCI_URL = /^[ \t]*url[ \t]*:[ \t]*["']?(oci:\/\/[\w./:@-]{1,300})/m;

/** The charts an object installs: from the parsed document when there is one, else its `chart:` lines. */
function installedCharts(o: KubeObject, f: FileContext): void {
  // Flux's OCIRepository holding a chart (`oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack`), which a HelmRelease's chartRef names.
  if (o.kind === 'OCIRepository') {
    const url = o.doc ? get(o.doc, 'spec', 'url') : OCI_URL.exec(o.source || f.text)?.[1];
    if (typeof url === 'string' && url.startsWith('oci://')) chartSignals(f, url, url);
    return;
  }
  const doc = o.doc;
  if (!doc) {
    chartLines(f, o.source || f.text);
    return;
  }
  const spec = get(doc, 'spec');
  // Argo CD: spec.source(s)[].chart with repoURL; an ApplicationSet's under spec.template.spec.
  const app = o.kind === 'ApplicationSet' ? get(spec, 'template', 'spec') : spec;
  const many = get(app, 'sources');
  for (const source of [get(app, 'source'), ...(Array.isArray(many) ? many : [])]) {
    const chart = get(source, 'chart');
    const repo = get(source, 'repoURL');
    if (typeof chart === 'string') chartSignals(f, chart, typeof repo === 'string' ? repo : '');
  }
  // Flux: spec.chart.spec.chart (a HelmRepository's chart); k3s: spec.chart with spec.repo.
  const flux = get(spec, 'chart', 'spec', 'chart');
  if (typeof flux === 'string') chartSignals(f, flux);
  const k3s = get(spec, 'chart');
  if (typeof k3s === 'string') chartSignals(f, k3s, String(get(spec, 'repo') ?? ''));
}

/** Flux writes its own components beside a `flux-system/` folder; nothing else to read here. */
export const detectors: Detector[] = [];
