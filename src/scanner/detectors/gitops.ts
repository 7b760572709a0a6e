/**
 * GitOps: Argo CD (`argoproj.io` Application / ApplicationSet / AppProject, its `argocd-cm`
 * ConfigMap) and Flux (any `*.toolkit.fluxcd.io` object, including Flux's `Kustomization`, which
 * is not kustomize). Found in the shared Kubernetes-object pass; kustomize remote bases that
 * install either are handled by the kustomize detector.
 */
import type { Detector, FileContext, KubeObject } from './types';
import { onceForText, testOnce } from './util';

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
  if (group === '' && kind === 'ConfigMap' && onceForText(ARGOCD_CONFIG, o.source || f.text, (t) => t.includes('argocd-'))) {
    const name = (o.doc?.metadata as { name?: unknown } | undefined)?.name;
    if (name === 'argocd-cm' || name === 'argocd-cmd-params-cm' || name === 'argocd-rbac-cm') {
      f.tech('argocd');
      f.practice('gitops');
    }
  }
}

/** Flux writes its own components beside a `flux-system/` folder; nothing else to read here. */
export const detectors: Detector[] = [];
