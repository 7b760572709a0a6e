/**
 * Containers and Kubernetes: Dockerfiles (multi-stage, GPU base images), Compose files, Kubernetes
 * objects and their practices (RBAC, network policies, operators/CRDs, autoscaling, progressive
 * delivery, GPU requests), Kustomize, Skaffold, Helmfile, and the service meshes (Istio, Linkerd).
 */
import type { FileContext, KubeObject } from './types';
import { type Detector, defineDetector, WHOLE, tech } from './types';
import { imageSignals, scanImages } from './tools';
import { hasTopKey, isYaml, objText, onceForText, onlyPolicies, testOnce, thenOnSameLine } from './util';

const FROM = /^[ \t]*FROM[ \t]+(?:--[\w-]+=\S+[ \t]+)*(\S+)(?:[ \t]+AS[ \t]+(\S+))?/gim;

const docker = defineDetector({
  family: 'containers',
  match(p) {
    const n = p.name;
    if (n === 'dockerfile' || n === 'containerfile' || /^(?:dockerfile|containerfile)[._-][\w.-]+$/.test(n) || n.endsWith('.dockerfile') || n.endsWith('.containerfile')) {
      return { hits: [tech('docker')], read: 256 * 1024 };
    }
    return undefined;
  },
  detect(f) {
    const text = f.text;
    let froms = 0;
    let named = false;
    for (const m of text.matchAll(FROM)) {
      froms++;
      if (m[2]) named = true;
      imageSignals(f, m[1]);
    }
    if (froms >= 2 && (named || /^[ \t]*COPY[ \t]+--from=/im.test(text))) f.practice('docker-multi-stage');
    if (/^[ \t]*ENV[ \t]+NVIDIA_(?:VISIBLE_DEVICES|DRIVER_CAPABILITIES)\b/im.test(text)) f.practice('gpu-workloads');
    if (/\b(?:torchserve|tritonserver|tensorflow_model_server|bentoml\s+serve|mlflow\s+models\s+serve|seldon-core-microservice|mlserver\s+start)\b/.test(text)) f.practice('model-serving');
    if (text.includes('apache-airflow') && thenOnSameLine(text, PIP_INSTALL, AIRFLOW)) f.tech('airflow');
  },
});

/** `pip install …apache-airflow…` on one line (thenOnSameLine: the regex `PIP_INSTALL[^\n]*AIRFLOW` retries each line from every `pip install`). */
const PIP_INSTALL = /\bpip3?\s+install\b/g;
const AIRFLOW = /\bapache-airflow\b/g;

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/;

/** Compose content: a `services:` map, or (the old v1 format) top-level services with an image or build. */
function isCompose(text: string): boolean {
  if (hasTopKey(text, 'services')) return true;
  return !/^-/m.test(text) && hasV1Service(text);
}

const V1_HEADER = /^[\w.-]+[ \t]*:[ \t]*$/;
const V1_IMAGE = /^[ \t]+(?:image|build)[ \t]*:/;
const V1_INDENTED = /^[ \t][^\r\u2028\u2029]*\r?$/;
const NOT_DOT = /[\r\u2028\u2029]/g;

/**
 * The v1 format: a column-0 `name:` line, then indented lines, the last of them `image:` or
 * `build:`. Read line by line, with the answer of the regex it replaces,
 * `/^[\w.-]+[ \t]*:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+(?:image|build)[ \t]*:/m`, whose nested
 * quantifier tried every split of the indented lines (26 s for `x:` and 15 indented lines).
 */
export function hasV1Service(text: string): boolean {
  let open = false;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    if (open && V1_IMAGE.test(line)) return true;
    if (nl < 0) return false;
    // Still open after an indented line (`.` does not pass \r, U+2028, U+2029), or opened by a
    // header: a name line, or its end after a \r, U+2028 or U+2029 (where `^` matches too).
    open = (open && V1_INDENTED.test(line)) || V1_HEADER.test(afterLastBreak(line));
    start = nl + 1;
  }
}

/** The part of a line (without its final \r) after its last \r, U+2028 or U+2029. */
function afterLastBreak(line: string): string {
  const body = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!/[\r\u2028\u2029]/.test(body)) return body;
  let last = -1;
  NOT_DOT.lastIndex = 0;
  for (let m = NOT_DOT.exec(body); m; m = NOT_DOT.exec(body)) last = m.index;
  return body.slice(last + 1);
}

/** GPUs requested by a Compose service. */
const COMPOSE_GPU = /\bdriver\s*:\s*['"]?nvidia\b|\bruntime\s*:\s*['"]?nvidia\b|^[ \t]*-[ \t]*['"]?gpu['"]?[ \t]*$/m;
const CAPABILITIES = /\bcapabilities\s*:/g;
const GPU = /\bgpu\b/g;

const compose = defineDetector({
  family: 'containers',
  match(p) {
    // Even `docker-compose.yml` must look like Compose: Ansible roles name task files that way.
    return COMPOSE_NAME.test(p.name) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    if (!isCompose(text)) return;
    f.tech('docker-compose');
    f.tech('docker');
    scanImages(f);
    if (COMPOSE_GPU.test(text) || thenOnSameLine(text, CAPABILITIES, GPU, true)) f.practice('gpu-workloads');
  },
});

const kustomize = defineDetector({
  family: 'containers',
  match(p) {
    if (p.name === 'kustomization.yaml' || p.name === 'kustomization.yml' || p.base === 'Kustomization') return { read: WHOLE };
    return undefined;
  },
  detect(f) {
    const text = f.text;
    // A Flux Kustomization in a file of this name is Flux, not kustomize (the objects pass reports it).
    if (/^apiVersion[ \t]*:[ \t]*['"]?kustomize\.toolkit\.fluxcd\.io\//m.test(text)) return;
    f.tech('kustomize');
    if (/argoproj\/argo-cd\b|argoproj\/argo-rollouts\b/.test(text)) {
      if (/argo-cd/.test(text)) {
        f.tech('argocd');
        f.practice('gitops');
      }
      if (/argo-rollouts/.test(text)) f.practice('progressive-delivery');
    }
    if (/fluxcd\/flux2\b/.test(text)) {
      f.tech('flux');
      f.practice('gitops');
    }
  },
});

const skaffold = defineDetector({
  family: 'containers',
  match(p) {
    if (/^skaffold(?:[.-][\w.-]+)?\.ya?ml$/.test(p.name)) return { read: 4096 };
    return undefined;
  },
  detect(f) {
    if (/^apiVersion[ \t]*:[ \t]*['"]?skaffold\//m.test(f.text)) f.tech('skaffold');
  },
});

const helmfile = defineDetector({
  family: 'containers',
  match(p) {
    if (/^helmfile(?:[.-][\w-]+)?\.ya?ml(?:\.gotmpl)?$/.test(p.name) || p.name === 'helmfile.gotmpl') return { hits: [tech('helmfile'), tech('helm')] };
    const n = p.dirs.length;
    if (n >= 1 && p.dirs[n - 1] === 'helmfile.d' && (isYaml(p) || p.name.endsWith('.gotmpl'))) return { hits: [tech('helmfile'), tech('helm')] };
    return undefined;
  },
});

/** Every YAML may request GPUs or carry mesh / secret-injection annotations, charts and values included. */
const yamlAnnotations = defineDetector({
  family: 'containers',
  match(p) {
    return isYaml(p) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    // Literal guards first (each regex needs its literal): most YAML files have none of them.
    const gpu = text.includes('.com/gpu');
    const istio = text.includes('istio');
    const linkerd = text.includes('linkerd.io/inject');
    if (!gpu && !istio && !linkerd) return;
    // A policy library (Kyverno, Gatekeeper) names these annotations in the rules it enforces on others' workloads.
    if (onlyPolicies(text)) return;
    if (gpu && /\b(?:nvidia\.com|amd\.com)\/gpu\b/.test(text)) f.practice('gpu-workloads');
    // Only injection switched on counts: charts and apps often opt out (`sidecar.istio.io/inject: "false"`).
    if (istio && ISTIO_INJECT.test(text)) f.tech('istio');
    if (linkerd && LINKERD_INJECT.test(text)) f.tech('linkerd');
  },
});

/** An annotation or label key starting its line (not a mention inside a description), quoted or not. */
const ISTIO_INJECT = /^[ \t]*["']?(?:sidecar\.istio\.io\/inject["']?[ \t]*:[ \t]*["']?true\b|istio-injection["']?[ \t]*:[ \t]*["']?enabled\b|istio\.io\/rev["']?[ \t]*:[ \t]*["']?\w|istio\.io\/dataplane-mode["']?[ \t]*:[ \t]*["']?ambient\b)/m;
const LINKERD_INJECT = /^[ \t]*["']?linkerd\.io\/inject["']?[ \t]*:[ \t]*["']?(?:enabled|ingress)\b/m;


const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const NETPOL_KINDS = new Set(['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

const WEIGHT = /^[ \t-]*weight[ \t]*:/gm;
const GPU_REQUEST = /\b(?:nvidia\.com|amd\.com)\/gpu\b/;

export function containerObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'rbac.authorization.k8s.io' && RBAC_KINDS.has(kind)) f.practice('k8s-rbac');
  if (NETPOL_KINDS.has(kind)) f.practice('k8s-network-policy');
  if (kind === 'CustomResourceDefinition' && group.startsWith('apiextensions.k8s.io')) f.practice('k8s-operators');
  if ((group === 'autoscaling' && kind === 'HorizontalPodAutoscaler') || (group === 'autoscaling.k8s.io' && kind === 'VerticalPodAutoscaler') || (group === 'keda.sh' && (kind === 'ScaledObject' || kind === 'ScaledJob'))) {
    f.practice('k8s-autoscaling');
  }
  if ((group === 'argoproj.io' && (kind === 'Rollout' || kind === 'AnalysisTemplate' || kind === 'ClusterAnalysisTemplate')) || group === 'flagger.app') f.practice('progressive-delivery');
  // Canary by hand: a mesh route splitting traffic between versions by weight, or an SMI TrafficSplit.
  if (group === 'networking.istio.io' && kind === 'VirtualService' && onceForText(WEIGHT, objText(o, f), (t) => (t.match(WEIGHT)?.length ?? 0) >= 2)) f.practice('progressive-delivery');
  if (group === 'split.smi-spec.io' && kind === 'TrafficSplit') f.practice('progressive-delivery');
  if (group === 'skaffold') f.tech('skaffold');
  if (group === 'kustomize.config.k8s.io') f.tech('kustomize');
  if (group.endsWith('istio.io')) f.tech('istio');
  if (group === 'linkerd.io' || group.endsWith('.linkerd.io')) f.tech('linkerd');
  if (group === 'operators.coreos.com' && (kind === 'ClusterServiceVersion' || kind === 'Subscription')) f.practice('k8s-operators');
  if (kind === 'Pod' || kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'Job' || kind === 'CronJob') {
    if (testOnce(GPU_REQUEST, objText(o, f))) f.practice('gpu-workloads');
  }
}

/** The kubebuilder / operator-sdk `PROJECT` file at the root of an operator repository. */
const operatorProject = defineDetector({
  family: 'containers',
  match(p) {
    return p.base === 'PROJECT' ? { read: 8192 } : undefined;
  },
  detect(f) {
    if (/^domain[ \t]*:/m.test(f.text) && /^(?:layout|projectName|repo)[ \t]*:/m.test(f.text)) {
      f.practice('k8s-operators');
      f.tech('kubernetes');
    }
  },
});

export const detectors: Detector[] = [docker, compose, kustomize, skaffold, helmfile, yamlAnnotations, operatorProject];
