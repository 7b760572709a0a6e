/**
 * Helm charts that are tools: one table from a chart's name to the technologies (and practices)
 * that installing it deploys. An umbrella chart's `Chart.yaml` dependencies, a Flux HelmRelease,
 * an Argo CD Application or ApplicationSet, a k3s HelmChart, a helmfile release, a Kustomize
 * `helmCharts` entry and a Terraform `helm_release` all name charts; each goes through here.
 */
import type { PracticeId, TechnologyId } from '../ids';
import type { FileContext } from './types';

interface ChartRule {
  tech?: TechnologyId[];
  practices?: PracticeId[];
}

const PROMETHEUS: ChartRule = { tech: ['prometheus'] };
const LOKI: ChartRule = { tech: ['loki'] };
const ARGO_CD: ChartRule = { tech: ['argocd'], practices: ['gitops'] };
const FLUX: ChartRule = { tech: ['flux'], practices: ['gitops'] };
const OTEL: ChartRule = { tech: ['opentelemetry'] };
const ISTIO: ChartRule = { tech: ['istio'] };
const LINKERD: ChartRule = { tech: ['linkerd'] };
const VAULT: ChartRule = { tech: ['vault'], practices: ['secrets-management'] };
const SECRETS: ChartRule = { practices: ['secrets-management'] };
const COST: ChartRule = { practices: ['cost-estimation'] };
const CHAOS: ChartRule = { tech: ['chaos-engineering'], practices: ['chaos-experiments'] };

/** Chart name (the last segment of its reference, lower-cased) → what it deploys. */
const CHARTS = new Map<string, ChartRule>([
  // kube-prometheus-stack installs Prometheus (operator), Alertmanager and Grafana.
  ['kube-prometheus-stack', { tech: ['prometheus', 'alertmanager', 'grafana'] }],
  ['prometheus-operator', { tech: ['prometheus', 'alertmanager', 'grafana'] }],
  ['kube-prometheus', { tech: ['prometheus', 'alertmanager', 'grafana'] }],
  ['prometheus', PROMETHEUS],
  ['prometheus-operator-crds', PROMETHEUS],
  ['alertmanager', { tech: ['alertmanager'] }],
  ['grafana', { tech: ['grafana'] }],
  ['grafana-operator', { tech: ['grafana'] }],
  ['loki', LOKI],
  ['loki-stack', LOKI],
  ['loki-distributed', LOKI],
  ['loki-simple-scalable', LOKI],
  ['promtail', LOKI],
  ['fluent-bit', { tech: ['fluent-bit'] }],
  ['fluent-operator', { tech: ['fluent-bit'] }],
  ['opentelemetry-collector', OTEL],
  ['opentelemetry-operator', OTEL],
  ['opentelemetry-kube-stack', OTEL],
  ['datadog', { tech: ['datadog'] }],
  ['datadog-operator', { tech: ['datadog'] }],
  ['argo-cd', ARGO_CD],
  ['argocd-apps', ARGO_CD],
  ['argocd-image-updater', ARGO_CD],
  ['argo-rollouts', { practices: ['progressive-delivery'] }],
  ['flagger', { practices: ['progressive-delivery'] }],
  ['flux2', FLUX],
  ['flux2-sync', FLUX],
  ['flux-operator', FLUX],
  ['vault', VAULT],
  ['vault-secrets-operator', VAULT],
  ['external-secrets', SECRETS],
  ['sealed-secrets', SECRETS],
  ['secrets-store-csi-driver', SECRETS],
  ['istiod', ISTIO],
  ['istio-base', ISTIO],
  ['istio-ingress', ISTIO],
  ['istio-ingressgateway', ISTIO],
  ['istio-cni', ISTIO],
  ['istio-operator', ISTIO],
  ['linkerd-control-plane', LINKERD],
  ['linkerd-crds', LINKERD],
  ['linkerd2', LINKERD],
  ['linkerd2-cni', LINKERD],
  ['linkerd-viz', LINKERD],
  ['kyverno', { tech: ['kyverno'], practices: ['policy-as-code'] }],
  ['kyverno-policies', { tech: ['kyverno'], practices: ['policy-as-code'] }],
  ['gatekeeper', { tech: ['opa'], practices: ['policy-as-code'] }],
  ['trivy-operator', { tech: ['trivy'] }],
  ['keda', { practices: ['k8s-autoscaling'] }],
  ['opencost', COST],
  ['cost-analyzer', COST],
  ['kubecost', COST],
  ['chaos-mesh', CHAOS],
  ['litmus', CHAOS],
  ['k6-operator', { tech: ['k6'], practices: ['load-testing'] }],
  ['backstage', { tech: ['backstage'] }],
  ['mlflow', { tech: ['mlflow'] }],
  ['airflow', { tech: ['airflow'] }],
  ['tekton-pipeline', { tech: ['tekton'] }],
]);

/** Istio publishes `base`, `gateway`, `cni` and `ztunnel` (beside `istiod`) from its own chart repository. */
const ISTIO_SHORT = new Set(['base', 'gateway', 'cni', 'ztunnel']);

/** The chart's name from a reference: `prometheus-community/kube-prometheus-stack`, `oci://ghcr.io/x/charts/podinfo:6.5.0`. */
export function chartName(ref: string): string {
  let name = ref.trim().toLowerCase();
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  const cut = name.search(/[:@]/);
  return cut > 0 ? name.slice(0, cut) : name;
}

/** Reports what installing the chart `ref` (from `repository`, when known) deploys. */
export function chartSignals(f: FileContext, ref: string, repository = ''): void {
  const name = chartName(ref);
  const from = `${repository} ${ref.slice(0, Math.max(0, ref.lastIndexOf('/')))}`.toLowerCase();
  const rule = CHARTS.get(name) ?? (ISTIO_SHORT.has(name) && from.includes('istio') ? ISTIO : undefined);
  if (!rule) return;
  for (const id of rule.tech ?? []) f.tech(id);
  for (const id of rule.practices ?? []) f.practice(id);
}

/** Every `chart: <ref>` line of a YAML text (helmfile releases, templated objects), with no parse. */
export function chartLines(f: FileContext, text: string): void {
  if (!text.includes('chart')) return;
  for (const m of text.matchAll(/^[ \t-]*chart[ \t]*:[ \t]*["']?([\w./:@-]{1,200})/gm)) chartSignals(f, m[1]);
}
