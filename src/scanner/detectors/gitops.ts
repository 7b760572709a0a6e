/**
 * GitOps: Argo CD (`argoproj.io` Application / ApplicationSet / AppProject, its `argocd-cm`
 * ConfigMap) and Flux (any `*.toolkit.fluxcd.io` object, including Flux's `Kustomization`, which
 * is not kustomize). Found in the shared Kubernetes-object pass; kustomize remote bases that
 * install either are handled by the kustomize detector.
 */
import type { Detector, FileContext, KubeObject } from './types';

const ARGO_CD_KINDS = new Set(['Application', 'ApplicationSet', 'AppProject']);

export function gitopsObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'argoproj.io' && ARGO_CD_KINDS.has(kind)) {
    f.tech('argocd');
    f.practice('gitops');
  }
  if (group === 'toolkit.fluxcd.io' || group.endsWith('.toolkit.fluxcd.io')) {
    f.tech('flux');
    f.practice('gitops');
  }
  if (group === '' && kind === 'ConfigMap' && (o.source || f.text).includes('argocd-')) {
    const name = (o.doc?.metadata as { name?: unknown } | undefined)?.name;
    if (name === 'argocd-cm' || name === 'argocd-cmd-params-cm' || name === 'argocd-rbac-cm') {
      f.tech('argocd');
      f.practice('gitops');
    }
  }
}

/** Flux writes its own components beside a `flux-system/` folder; nothing else to read here. */
export const detectors: Detector[] = [];
