/**
 * The detection spec (`../shared/spec/detection.md`) as the core sees it: the part of a scan result
 * it reads, and how people name the practice ids. The core imports nothing from the scanner: a
 * scanner `ScanResult` fits `ScanFindings` as it is, and the shell hands one to the other. A unit
 * test checks that every practice id of the spec has a title here.
 */

import * as l10n from '@vscode/l10n';

/** What the core reads of one folder's scan (the spec's `ScanResult` has these fields and more). */
export interface ScanFindings {
  readonly technologies: readonly { readonly id: string; readonly evidence: readonly string[]; readonly fileCount: number; readonly fixtureOnly: boolean }[];
  readonly practices: readonly { readonly id: string; readonly evidence: readonly string[] }[];
}

/** The scan of one workspace folder, by the folder's name. */
export interface FolderFindings {
  folder: string;
  result: ScanFindings;
}

/** How people name each practice, for the views (the ids stay the contract); read when asked, in the language of the moment. */
const PRACTICE_TITLES: Readonly<Record<string, () => string>> = {
  'terraform-modules': () => l10n.t('Terraform modules'),
  'terraform-remote-state': () => l10n.t('Terraform remote state'),
  'terraform-workspaces': () => l10n.t('Terraform workspaces'),
  'docker-multi-stage': () => l10n.t('Multi-stage Docker builds'),
  'image-scanning': () => l10n.t('Container image scanning'),
  'k8s-rbac': () => l10n.t('Kubernetes RBAC'),
  'k8s-network-policy': () => l10n.t('Kubernetes network policies'),
  'k8s-operators': () => l10n.t('Kubernetes operators and CRDs'),
  'k8s-autoscaling': () => l10n.t('Kubernetes autoscaling'),
  'helm-chart-authoring': () => l10n.t('Helm chart authoring'),
  'ci-matrix': () => l10n.t('CI build matrix'),
  'ci-reusable-pipelines': () => l10n.t('Reusable CI pipelines'),
  'ci-caching': () => l10n.t('CI caching'),
  'progressive-delivery': () => l10n.t('Progressive delivery (canary, blue-green)'),
  'prometheus-alerting': () => l10n.t('Prometheus alerting rules'),
  'dashboards-as-code': () => l10n.t('Dashboards as code'),
  'slo-definitions': () => l10n.t('SLO definitions'),
  'secrets-management': () => l10n.t('Secrets management'),
  'policy-as-code': () => l10n.t('Policy as code'),
  'sast-in-ci': () => l10n.t('Static analysis in CI'),
  'dependency-updates': () => l10n.t('Automated dependency updates'),
  sbom: () => l10n.t('Software bill of materials'),
  'iac-scanning': () => l10n.t('Infrastructure-as-code scanning'),
  gitops: () => l10n.t('GitOps delivery'),
  'config-management': () => l10n.t('Configuration management'),
  'ml-pipelines': () => l10n.t('ML pipelines'),
  'model-serving': () => l10n.t('Model serving'),
  'gpu-workloads': () => l10n.t('GPU workloads'),
  'chaos-experiments': () => l10n.t('Chaos experiments'),
  'load-testing': () => l10n.t('Load testing'),
  'cost-estimation': () => l10n.t('Cost estimation'),
  'service-catalog': () => l10n.t('Service catalog'),
  'golden-path-templates': () => l10n.t('Golden-path templates'),
};

/** Every practice id that has a title (for the test that keeps this table and the spec together). */
export const TITLED_PRACTICES: readonly string[] = Object.keys(PRACTICE_TITLES);

/** A person's name for a practice id, or undefined for any other id. */
export function practiceTitle(id: string): string | undefined {
  return Object.hasOwn(PRACTICE_TITLES, id) ? PRACTICE_TITLES[id]() : undefined;
}
