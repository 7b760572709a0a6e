/**
 * The closed lists of ids from `../shared/spec/detection.md`. The career data links skills to these
 * ids and a unit test checks that every link resolves here; every detector reports only these ids.
 */

export const TECHNOLOGY_GROUPS = {
  'CI/CD': [
    'github-actions',
    'gitlab-ci',
    'jenkins',
    'circleci',
    'azure-pipelines',
    'bitbucket-pipelines',
    'travis-ci',
    'tekton',
    'google-cloud-build',
    'aws-codebuild',
    'buildkite',
    'drone',
  ],
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
  'terraform-modules',
  'terraform-remote-state',
  'terraform-workspaces',
  'docker-multi-stage',
  'image-scanning',
  'k8s-rbac',
  'k8s-network-policy',
  'k8s-operators',
  'k8s-autoscaling',
  'helm-chart-authoring',
  'ci-matrix',
  'ci-reusable-pipelines',
  'ci-caching',
  'progressive-delivery',
  'prometheus-alerting',
  'dashboards-as-code',
  'slo-definitions',
  'secrets-management',
  'policy-as-code',
  'sast-in-ci',
  'dependency-updates',
  'sbom',
  'iac-scanning',
  'gitops',
  'config-management',
  'ml-pipelines',
  'model-serving',
  'gpu-workloads',
  'chaos-experiments',
  'load-testing',
  'cost-estimation',
  'service-catalog',
  'golden-path-templates',
] as const;

export type PracticeId = (typeof PRACTICE_IDS)[number];

const groupOf = new Map<string, TechnologyGroup>(Object.entries(TECHNOLOGY_GROUPS).flatMap(([group, ids]) => ids.map((id) => [id, group as TechnologyGroup] as const)));

/** The spec's group of a technology id, or undefined for an unknown id. */
export function technologyGroup(id: string): TechnologyGroup | undefined {
  return groupOf.get(id);
}
