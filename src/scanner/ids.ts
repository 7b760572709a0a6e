/**
 * The closed lists of ids from `../shared/spec/detection.md`. The career data links skills to these
 * ids and a unit test checks that every link resolves here; every detector reports only these ids.
 */

export const TECHNOLOGY_GROUPS = {
  'CI/CD': ['github-actions', 'gitlab-ci', 'jenkins', 'circleci', 'azure-pipelines', 'bitbucket-pipelines', 'travis-ci', 'tekton', 'google-cloud-build', 'aws-codebuild', 'buildkite', 'drone'],
  'IaC and config': ['terraform', 'terragrunt', 'pulumi', 'cloudformation', 'aws-cdk', 'azure-bicep', 'ansible', 'packer', 'serverless-framework'],
  Containers: ['docker', 'docker-compose', 'kubernetes', 'helm', 'kustomize', 'skaffold', 'helmfile'],
  GitOps: ['argocd', 'flux'],
  Observability: ['prometheus', 'grafana', 'alertmanager', 'opentelemetry', 'loki', 'fluent-bit', 'datadog'],
  Security: ['vault', 'sops', 'trivy', 'snyk', 'semgrep', 'checkov', 'codeql', 'dependabot', 'renovate', 'opa', 'kyverno', 'gitleaks', 'pre-commit'],
  'Service mesh': ['istio', 'linkerd'],
  MLOps: ['mlflow', 'kubeflow', 'airflow', 'dvc'],
  Other: ['backstage', 'k6', 'chaos-engineering', 'infracost', 'makefile', 'bash'],
} as const;

export type TechnologyGroup = keyof typeof TECHNOLOGY_GROUPS;
export type TechnologyId = (typeof TECHNOLOGY_GROUPS)[TechnologyGroup][number];

export const TECHNOLOGY_IDS: readonly TechnologyId[] = Object.values(TECHNOLOGY_GROUPS).flat();

export const PRACTICE_IDS = [
  'terraform-modules', 'terraform-remote-state', 'terraform-workspaces', 'docker-multi-stage', 'image-scanning',
  'k8s-rbac', 'k8s-network-policy', 'k8s-operators', 'k8s-autoscaling', 'helm-chart-authoring', 'ci-matrix',
  'ci-reusable-pipelines', 'ci-caching', 'progressive-delivery', 'prometheus-alerting', 'dashboards-as-code',
  'slo-definitions', 'secrets-management', 'policy-as-code', 'sast-in-ci', 'dependency-updates', 'sbom',
  'iac-scanning', 'gitops', 'config-management', 'ml-pipelines', 'model-serving', 'gpu-workloads',
  'chaos-experiments', 'load-testing', 'cost-estimation', 'service-catalog', 'golden-path-templates',
] as const;

export type PracticeId = (typeof PRACTICE_IDS)[number];

const groupOf = new Map<string, TechnologyGroup>(
  Object.entries(TECHNOLOGY_GROUPS).flatMap(([group, ids]) => ids.map((id) => [id, group as TechnologyGroup] as const)),
);

/** The spec's group of a technology id, or undefined for an unknown id. */
export function technologyGroup(id: string): TechnologyGroup | undefined {
  return groupOf.get(id);
}

/**
 * @deprecated Wording belongs to the core: use `practiceTitle` from `src/core/detection.ts`. This
 * copy stays only while `src/core/report.ts` still imports it; delete it with that import.
 */
export const PRACTICE_TITLES: Record<PracticeId, string> = {
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

/** @deprecated Use `practiceTitle` from `src/core/detection.ts` (see `PRACTICE_TITLES`). */
export function practiceTitle(id: string): string | undefined {
  return (PRACTICE_TITLES as Record<string, string>)[id];
}
