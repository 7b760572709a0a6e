/**
 * The detection spec (`../shared/spec/detection.md`) as the core sees it: the part of a scan result
 * it reads, and how people name the practice ids. The core imports nothing from the scanner: a
 * scanner `ScanResult` fits `ScanFindings` as it is, and the shell hands one to the other. A unit
 * test checks that every practice id of the spec has a title here.
 */

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

/** How people name each practice, for the views (the ids stay the contract). */
const PRACTICE_TITLES: Readonly<Record<string, string>> = {
  'terraform-modules': 'Terraform modules',
  'terraform-remote-state': 'Terraform remote state',
  'terraform-workspaces': 'Terraform workspaces',
  'docker-multi-stage': 'Multi-stage Docker builds',
  'image-scanning': 'Container image scanning',
  'k8s-rbac': 'Kubernetes RBAC',
  'k8s-network-policy': 'Kubernetes network policies',
  'k8s-operators': 'Kubernetes operators and CRDs',
  'k8s-autoscaling': 'Kubernetes autoscaling',
  'helm-chart-authoring': 'Helm chart authoring',
  'ci-matrix': 'CI build matrix',
  'ci-reusable-pipelines': 'Reusable CI pipelines',
  'ci-caching': 'CI caching',
  'progressive-delivery': 'Progressive delivery (canary, blue-green)',
  'prometheus-alerting': 'Prometheus alerting rules',
  'dashboards-as-code': 'Dashboards as code',
  'slo-definitions': 'SLO definitions',
  'secrets-management': 'Secrets management',
  'policy-as-code': 'Policy as code',
  'sast-in-ci': 'Static analysis in CI',
  'dependency-updates': 'Automated dependency updates',
  sbom: 'Software bill of materials',
  'iac-scanning': 'Infrastructure-as-code scanning',
  gitops: 'GitOps delivery',
  'config-management': 'Configuration management',
  'ml-pipelines': 'ML pipelines',
  'model-serving': 'Model serving',
  'gpu-workloads': 'GPU workloads',
  'chaos-experiments': 'Chaos experiments',
  'load-testing': 'Load testing',
  'cost-estimation': 'Cost estimation',
  'service-catalog': 'Service catalog',
  'golden-path-templates': 'Golden-path templates',
};

/** Every practice id that has a title (for the test that keeps this table and the spec together). */
export const TITLED_PRACTICES: readonly string[] = Object.keys(PRACTICE_TITLES);

/** A person's name for a practice id, or undefined for any other id. */
export function practiceTitle(id: string): string | undefined {
  return Object.hasOwn(PRACTICE_TITLES, id) ? PRACTICE_TITLES[id] : undefined;
}
