/**
 * Containers and Kubernetes: Dockerfiles (multi-stage, GPU base images), Compose files, Kubernetes
 * objects and their practices (RBAC, network policies, operators/CRDs, autoscaling, progressive
 * delivery, GPU requests), Kustomize, Skaffold, Helmfile, and the service meshes (Istio, Linkerd).
 */
import type { FileContext, KubeObject } from './types';
import { type Detector, defineDetector, WHOLE, tech } from './types';
import { imageSignals, scanImages } from './tools';
import { chartLines, chartSignals } from './charts';
import { otelMarkers } from './otel';
import { type Obj, get, hasTopKey, isObj, isYaml, objText, onceForText, onlyPolicies, testOnce, thenOnSameLine, withoutComments, yamlMaps } from './util';

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
    if (/\b(?:torchserve|tritonserver|tensorflow_model_server|bentoml\s+serve|mlflow\s+models\s+serve|seldon-core-microservice|mlserver\s+start)\b/.test(text))
      f.practice('model-serving');
    if (text.includes('apache-airflow') && thenOnSameLine(text, PIP_INSTALL, AIRFLOW)) f.tech('airflow');
    // OpenTelemetry set up for the container (OTLP variables, the ADOT Lambda wrapper), and zero-code instrumentation.
    if (otelMarkers(text, 'dockerfile')) f.tech('opentelemetry');
    if (text.includes('opentelemetry-instrument') || text.includes('ddtrace-run')) {
      const code = withoutComments(text);
      if (/\bopentelemetry-instrument\b/.test(code)) f.tech('opentelemetry');
      if (/\bddtrace-run\b/.test(code)) f.tech('datadog');
    }
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

/** The top-level keys of the Compose specification (and its `x-` extensions). */
const COMPOSE_TOP_KEYS = new Set(['version', 'name', 'services', 'networks', 'volumes', 'configs', 'secrets', 'include', 'models']);

/**
 * Compose under another name (`stack.yml`, `deploy/prod.yaml`): a `services:` map of services, at
 * least one with an `image` or a `build` (a path or a build mapping), and no top-level key that
 * Compose does not know. GitLab CI and Drone also have `services:`, but a list; an Ansible play or
 * a Kubernetes object is not a top-level `services:` map.
 */
function isComposeDocument(doc: Obj): boolean {
  const services = doc.services;
  if (!isObj(services)) return false;
  if (!Object.keys(doc).every((k) => COMPOSE_TOP_KEYS.has(k) || k.startsWith('x-'))) return false;
  const list = Object.values(services);
  if (list.length === 0 || !list.every((v) => v === null || isObj(v))) return false;
  return list.some((v) => isObj(v) && (typeof v.image === 'string' || typeof v.build === 'string' || isObj(v.build)));
}

function composeByContent(f: FileContext): boolean {
  const text = f.text;
  if (!hasTopKey(text, 'services') || hasTopKey(text, 'apiVersion') || hasTopKey(text, 'kind')) return false;
  if (!text.includes('image') && !text.includes('build')) return false;
  if (!f.needWhole()) return false;
  return yamlMaps(f).some(isComposeDocument);
}

const compose = defineDetector({
  family: 'containers',
  match(p) {
    // Even `docker-compose.yml` must look like Compose: Ansible roles name task files that way.
    if (COMPOSE_NAME.test(p.name)) return { read: WHOLE, tag: true };
    return isYaml(p) ? { read: WHOLE, tag: false } : undefined;
  },
  detect(f, named) {
    const text = f.text;
    if (named ? !isCompose(text) : !composeByContent(f)) return;
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
    // Charts inflated by Kustomize's Helm generator.
    if (hasTopKey(text, 'helmCharts')) {
      for (const doc of yamlMaps(f)) {
        if (!Array.isArray(doc.helmCharts)) continue;
        f.tech('helm');
        for (const c of doc.helmCharts) {
          const name = get(c, 'name');
          const repo = get(c, 'repo');
          if (typeof name === 'string') chartSignals(f, name, typeof repo === 'string' ? repo : '');
        }
      }
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

const RELEASE_CHART = /^[ \t]*(?:-[ \t]*)?chart[ \t]*:/;

/**
 * Whether the `releases:` block (from that column-0 key to the next column-0 key) has a `chart:`
 * line: a helmfile's releases name their charts. Read line by line.
 */
export function releasesWithCharts(text: string): boolean {
  let inside = false;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    start = nl < 0 ? text.length : nl + 1;
    const c = line.charCodeAt(0);
    // A column-0 line that is not a list item, a comment or blank ends the block.
    if (line.length > 0 && c !== 0x20 && c !== 0x09 && c !== 0x2d && c !== 0x23 && c !== 0x0d) inside = /^releases[ \t]*:/.test(line);
    else if (inside && RELEASE_CHART.test(line)) return true;
  }
  return false;
}

/** A helmfile under another name: `releases:` whose entries name a `chart:`, or beside `helmDefaults:` / `repositories:`. */
function isHelmfile(text: string): boolean {
  return hasTopKey(text, 'releases') && (hasTopKey(text, 'helmDefaults') || hasTopKey(text, 'repositories') || releasesWithCharts(text));
}

const helmfile = defineDetector({
  family: 'containers',
  match(p) {
    const named = /^helmfile(?:[.-][\w-]+)?\.ya?ml(?:\.gotmpl)?$/.test(p.name) || p.name === 'helmfile.gotmpl';
    const n = p.dirs.length;
    if (named || (n >= 1 && p.dirs[n - 1] === 'helmfile.d' && (isYaml(p) || p.name.endsWith('.gotmpl')))) return { hits: [tech('helmfile'), tech('helm')], read: WHOLE, tag: true };
    return isYaml(p) ? { read: WHOLE, tag: false } : undefined;
  },
  detect(f, named) {
    if (!named) {
      if (!isHelmfile(f.text)) return;
      f.tech('helmfile');
      f.tech('helm');
    }
    // The charts its releases install (`prometheus-community/kube-prometheus-stack`).
    chartLines(f, f.text);
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
    const gpu = text.includes('.com/gpu') || text.includes('gpu.intel.com/');
    const istio = text.includes('istio');
    const linkerd = text.includes('linkerd.io/inject');
    const otel = text.includes('instrumentation.opentelemetry.io/inject-');
    if (!gpu && !istio && !linkerd && !otel) return;
    // A policy library (Kyverno, Gatekeeper) names these annotations in the rules it enforces on others' workloads.
    if (onlyPolicies(text)) return;
    if (gpu && GPU_REQUEST.test(text)) f.practice('gpu-workloads');
    // Only injection switched on counts: charts and apps often opt out (`sidecar.istio.io/inject: "false"`).
    if (istio && ISTIO_INJECT.test(text)) f.tech('istio');
    if (linkerd && LINKERD_INJECT.test(text)) f.tech('linkerd');
    // The OpenTelemetry operator's auto-instrumentation, asked for by a workload.
    if (otel && OTEL_INJECT.test(text)) f.tech('opentelemetry');
  },
});

/** An annotation or label key starting its line (not a mention inside a description), quoted or not. */
const ISTIO_INJECT =
  /^[ \t]*["']?(?:sidecar\.istio\.io\/inject["']?[ \t]*:[ \t]*["']?true\b|istio-injection["']?[ \t]*:[ \t]*["']?enabled\b|istio\.io\/rev["']?[ \t]*:[ \t]*["']?\w|istio\.io\/dataplane-mode["']?[ \t]*:[ \t]*["']?ambient\b)/m;
const LINKERD_INJECT = /^[ \t]*["']?linkerd\.io\/inject["']?[ \t]*:[ \t]*["']?(?:enabled|ingress)\b/m;
const OTEL_INJECT = /^[ \t]*["']?instrumentation\.opentelemetry\.io\/inject-[a-z-]+["']?[ \t]*:[ \t]*["']?(?!false\b)[\w./-]/m;

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const NETPOL_KINDS = new Set(['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

const WEIGHT = /^[ \t-]*weight[ \t]*:/gm;
/** GPUs requested by device plugin resource name: NVIDIA, AMD, Intel. */
const GPU_REQUEST = /\b(?:nvidia\.com|amd\.com)\/gpu\b|\bgpu\.intel\.com\/(?:i915|xe)\b/;
/** Dynamic Resource Allocation: a device class, driver or claim template named for GPUs. */
const DRA_GPU = /^[ \t]*(?:-[ \t]*)?(?:deviceClassName|driver|resourceClaimTemplateName|resourceClaimName)[ \t]*:[ \t]*["']?([\w.-]{1,200})/gm;
const DRA_KINDS = new Set(['ResourceClaim', 'ResourceClaimTemplate', 'DeviceClass']);
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

function draGpu(text: string): boolean {
  if (!text.includes('gpu')) return false;
  for (const m of text.matchAll(DRA_GPU)) if (/gpu/i.test(m[1])) return true;
  return false;
}

/** Knative's autoscaler, set on a revision template. */
const KNATIVE_SCALE = /\bautoscaling\.knative\.dev\/(?:min-scale|max-scale|minScale|maxScale|target|metric|class|initial-scale)\b/;
const AUTOSCALING_KEY = /^([ \t]*)["']?(?:autoscaling|autoScaling|autoscaler|autoscale)["']?[ \t]*:[ \t]*(?:#.*)?\r?$/;
const SWITCHED_ON = /^[ \t]*["']?(?:enabled|enable)["']?[ \t]*:[ \t]*["']?true\b/;
const SWITCHED_OFF = /^[ \t]*["']?(?:enabled|enable)["']?[ \t]*:[ \t]*["']?false\b/;
const MAX_REPLICAS = /^[ \t]*["']?(?:maxReplicas|maxReplicaCount|max_replicas|maxReplicaCnt|maxScale)["']?[ \t]*:/;

/**
 * A custom resource's own autoscaling fields: an `autoscaling:` (or `autoscaler:`) block holding
 * `enabled: true`, or a replica ceiling without `enabled: false`. Read line by line: the block is
 * the lines indented deeper than its key.
 */
export function autoscalingFields(text: string): boolean {
  let indent = -1;
  let on = false;
  let off = false;
  let max = false;
  const close = () => on || (max && !off);
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    start = nl < 0 ? text.length : nl + 1;
    if (indent >= 0) {
      const body = line.trimStart();
      const depth = line.length - body.length;
      if (body === '' || body === '\r' || body.startsWith('#')) continue;
      if (depth > indent) {
        on ||= SWITCHED_ON.test(line);
        off ||= SWITCHED_OFF.test(line);
        max ||= MAX_REPLICAS.test(line);
        continue;
      }
      if (close()) return true;
      indent = -1;
    }
    const key = AUTOSCALING_KEY.exec(line);
    if (key) {
      indent = key[1].length;
      on = off = max = false;
    }
  }
  return indent >= 0 && close();
}
export function containerObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'rbac.authorization.k8s.io' && RBAC_KINDS.has(kind)) f.practice('k8s-rbac');
  if (NETPOL_KINDS.has(kind)) f.practice('k8s-network-policy');
  if (kind === 'CustomResourceDefinition' && group.startsWith('apiextensions.k8s.io')) f.practice('k8s-operators');
  if (
    (group === 'autoscaling' && kind === 'HorizontalPodAutoscaler') ||
    (group === 'autoscaling.k8s.io' && kind === 'VerticalPodAutoscaler') ||
    (group === 'keda.sh' && (kind === 'ScaledObject' || kind === 'ScaledJob'))
  ) {
    f.practice('k8s-autoscaling');
  }
  if ((group === 'argoproj.io' && (kind === 'Rollout' || kind === 'AnalysisTemplate' || kind === 'ClusterAnalysisTemplate')) || group === 'flagger.app')
    f.practice('progressive-delivery');
  // Canary by hand: a mesh route splitting traffic between versions by weight, or an SMI TrafficSplit.
  if (group === 'networking.istio.io' && kind === 'VirtualService' && onceForText(WEIGHT, objText(o, f), (t) => (t.match(WEIGHT)?.length ?? 0) >= 2))
    f.practice('progressive-delivery');
  if (group === 'split.smi-spec.io' && kind === 'TrafficSplit') f.practice('progressive-delivery');
  if (group === 'skaffold') f.tech('skaffold');
  if (group === 'kustomize.config.k8s.io') f.tech('kustomize');
  if (group.endsWith('istio.io')) f.tech('istio');
  if (group === 'linkerd.io' || group.endsWith('.linkerd.io')) f.tech('linkerd');
  if (group === 'operators.coreos.com' && (kind === 'ClusterServiceVersion' || kind === 'Subscription')) f.practice('k8s-operators');
  if (WORKLOAD_KINDS.has(kind)) {
    const text = objText(o, f);
    if (testOnce(GPU_REQUEST, text) || onceForText(draGpu, text, draGpu)) f.practice('gpu-workloads');
  }
  if (group.startsWith('resource.k8s.io') && DRA_KINDS.has(kind) && onceForText(draGpu, objText(o, f), draGpu)) f.practice('gpu-workloads');
  // Custom resources that scale themselves (KServe, Ray, Knative, operators' own CRs), not the built-in kinds.
  if (group.includes('.') && !group.endsWith('k8s.io')) {
    const text = objText(o, f);
    if (onceForText(autoscalingFields, text, (t) => KNATIVE_SCALE.test(t) || ENABLE_IN_TREE.test(t) || autoscalingFields(t))) f.practice('k8s-autoscaling');
  }
}

/** Ray's own autoscaler on a RayCluster, RayJob or RayService. */
const ENABLE_IN_TREE = /\benableInTreeAutoscaling[ \t]*:[ \t]*true\b/;

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
