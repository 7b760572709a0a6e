/**
 * One positive and one negative tree per technology id and per practice id. Negatives are the
 * near misses a path-only rule would get wrong (a mention in docs, the wrong shape, a vendored copy).
 */
import type { Tree } from './helpers';

export interface Case {
  id: string;
  pos: Tree;
  neg: Tree;
}

const workflow = (steps: string, extra = '') =>
  `name: ci\non: [push]\n${extra}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;
const deploy = (extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n${extra}`;
const k8s = (apiVersion: string, kind: string, spec = 'spec: {}\n') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${spec}`;
const readme = (words: string) => ({ 'README.md': `# Demo\nWe use ${words} here.\n`, 'docs/guide.md': `Set up ${words}.\n` });

export const TECH_CASES: Case[] = [
  {
    id: 'github-actions',
    pos: { '.github/workflows/ci.yml': workflow('      - run: make\n') },
    neg: { '.github/dependabot.yml': 'version: 2\nupdates: []\n', ...readme('GitHub Actions') },
  },
  {
    id: 'gitlab-ci',
    pos: { '.gitlab-ci.yml': 'stages: [build]\nbuild:\n  stage: build\n  script: make\n' },
    neg: { 'docs/.gitlab-ci.yml': 'stages: [build]\n', 'ci/gitlab.yml': 'foo: bar\n' },
  },
  {
    id: 'jenkins',
    pos: { Jenkinsfile: 'pipeline { agent any\n stages { stage("b") { steps { sh "make" } } } }\n' },
    neg: {
      'jenkins.md': 'Jenkinsfile',
      'vendor/x/Jenkinsfile': 'pipeline {}',
      'vars/notes.groovy': '// helpers, not a pipeline step\nString banner() { return "x" }\n',
      'src/JenkinsfileParser.java': 'class JenkinsfileParser {}\n',
    },
  },
  {
    id: 'circleci',
    pos: { '.circleci/config.yml': 'version: 2.1\njobs:\n  build:\n    docker: [{image: cimg/node:20.0}]\n    steps: [checkout]\n' },
    neg: { 'circleci/config.yml': 'version: 2.1\n' },
  },
  {
    id: 'azure-pipelines',
    pos: { '.azure-pipelines/build.yml': 'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: make\n' },
    neg: { '.azure-pipelines/notes.yml': 'owner: team\n' },
  },
  { id: 'bitbucket-pipelines', pos: { 'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script: [make]\n' }, neg: { 'bitbucket.yml': 'pipelines: {}\n' } },
  { id: 'travis-ci', pos: { '.travis.yml': 'language: node_js\nscript: npm test\n' }, neg: { 'travis.yml': 'language: node_js\n' } },
  {
    id: 'tekton',
    pos: { 'tekton/task.yaml': k8s('tekton.dev/v1', 'Task', 'spec:\n  steps:\n    - name: b\n      image: alpine\n') },
    neg: { 'tekton/notes.yaml': 'name: tekton\n' },
  },
  {
    id: 'google-cloud-build',
    pos: { 'cloudbuild.yaml': "steps:\n  - name: 'gcr.io/cloud-builders/docker'\n    args: ['build', '.']\n" },
    neg: { 'cloudbuild.yaml': 'options: {}\n' },
  },
  { id: 'aws-codebuild', pos: { 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands: [make]\n' }, neg: { 'buildspec.yml': 'version: 1\nitems: []\n' } },
  {
    id: 'buildkite',
    pos: { '.buildkite/pipeline.yml': 'steps:\n  - command: make\n' },
    neg: { 'buildkite/pipeline.md': 'steps', '.buildkite/config.yml': 'owner: platform\nretries: 2\n' },
  },
  {
    id: 'drone',
    pos: { '.drone.yml': 'kind: pipeline\nname: default\nsteps:\n  - name: b\n    image: golang\n' },
    neg: { 'drone.yml.txt': 'kind: pipeline', 'drone.yml': 'kind: pipeline\nname: default\n' },
  },

  {
    id: 'terraform',
    pos: { 'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' },
    neg: {
      'infra/README.md': 'terraform apply',
      '.terraform/modules/x/main.tf': 'resource "a" "b" {}\n',
      'infra/main.tf.example': 'resource "aws_s3_bucket" "b" {}\n',
      'infra/settings.hcl': 'name = "x"\n',
    },
  },
  {
    id: 'terragrunt',
    pos: { 'live/prod/terragrunt.hcl': 'terraform {\n  source = "../modules/vpc"\n}\n' },
    neg: { 'live/terragrunt.md': 'terragrunt.hcl', 'live/common.hcl': 'locals {\n  region = "eu-west-1"\n}\n' },
  },
  {
    id: 'pulumi',
    pos: { 'Pulumi.yaml': 'name: app\nruntime: nodejs\n' },
    neg: { 'pulumi.md': 'Pulumi.yaml', 'package.json': '{"dependencies":{"left-pad":"1"}}', 'deploy/pulumi-settings.yaml': 'name: app\nruntime: nodejs\n' },
  },
  {
    id: 'cloudformation',
    pos: {
      'cfn/stack.yaml':
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n      Tags: !If [C, !Ref T, !GetAtt X.Arn]\n',
    },
    neg: { 'cfn/stack.json': '{"Resources": {"B": {"Type": "Custom::Thing"}}}', 'cfn/notes.yaml': 'text: "AWS::S3::Bucket is a type"\n' },
  },
  {
    id: 'aws-cdk',
    pos: { 'cdk.json': '{"app": "npx ts-node bin/app.ts"}' },
    neg: { 'cdk.md': 'cdk.json', 'cdk.json': '{"context": {"@aws-cdk/core:newStyleStackSynthesis": true}}' },
  },
  {
    id: 'azure-bicep',
    pos: { 'infra/main.bicep': 'param location string = resourceGroup().location\n' },
    neg: { 'infra/main.bicep.md': 'bicep', 'infra/main.bicep.bak': "param location string = 'x'\n" },
  },
  {
    id: 'ansible',
    pos: { 'site.yml': '- hosts: web\n  become: true\n  tasks:\n    - name: nginx\n      apt: name=nginx\n' },
    neg: { 'list.yml': '- name: alpha\n  value: 1\n- name: beta\n  value: 2\n', 'steps.yaml': 'steps:\n  - name: build\n    run: make\n' },
  },
  {
    id: 'packer',
    pos: { 'images/web.pkr.hcl': 'source "amazon-ebs" "web" {\n}\nbuild {\n  sources = ["source.amazon-ebs.web"]\n}\n' },
    neg: { 'images/packer.md': 'packer build', 'images/web.hcl': 'source "amazon-ebs" "web" {\n}\n' },
  },
  { id: 'serverless-framework', pos: { 'serverless.yml': 'service: api\nprovider:\n  name: aws\n  runtime: nodejs20.x\n' }, neg: { 'serverless.yml': 'title: not a service\n' } },

  {
    id: 'docker',
    pos: { Dockerfile: 'FROM node:20\nCOPY . .\n' },
    neg: { 'docs/Dockerfile': 'FROM node:20\n', 'Dockerfile.md': 'FROM x', '.dockerignore': 'node_modules\nDockerfile\n' },
  },
  { id: 'docker-compose', pos: { 'compose.yaml': 'services:\n  web:\n    image: nginx\n' }, neg: { 'compose.yaml': 'version: 1\nname: not-compose\n' } },
  { id: 'kubernetes', pos: { 'k8s/deploy.yaml': deploy() }, neg: { 'k8s/values.yaml': 'replicas: 2\nimage: nginx\n', 'k8s/notes.yaml': 'kind: Deployment\nname: x\n' } },
  {
    id: 'helm',
    pos: { 'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n', 'chart/values.yaml': 'replicas: 1\n' },
    neg: { 'deploy/values.yaml': 'replicas: 1\nimage:\n  repository: nginx\n' },
  },
  {
    id: 'kustomize',
    pos: { 'deploy/kustomization.yaml': 'resources:\n  - deploy.yaml\n' },
    neg: { 'clusters/prod/kustomization.yaml': 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./apps\n' },
  },
  { id: 'skaffold', pos: { 'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\n' }, neg: { 'skaffold.yaml': 'name: nope\n' } },
  {
    id: 'helmfile',
    pos: { 'helmfile.yaml': 'releases:\n  - name: web\n    chart: ./chart\n' },
    neg: { 'helmfile.md': 'helmfile.yaml', 'deploy/releases.yaml': 'releases:\n  - name: v1.2.0\n    date: 2024-01-01\n' },
  },

  {
    id: 'argocd',
    pos: { 'apps/web.yaml': k8s('argoproj.io/v1alpha1', 'Application', 'spec:\n  project: default\n') },
    neg: { 'wf/build.yaml': k8s('argoproj.io/v1alpha1', 'Workflow') },
  },
  {
    id: 'flux',
    pos: { 'clusters/prod/apps.yaml': k8s('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'spec:\n  path: ./apps\n') },
    neg: { 'deploy/kustomization.yaml': 'resources: [a.yaml]\n' },
  },

  {
    id: 'prometheus',
    pos: { 'monitoring/prometheus.yml': 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ["app:8080"]\n' },
    neg: {
      'promtail.yaml': 'positions:\n  filename: /tmp/p.yaml\nclients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: system\n',
      ...readme('Prometheus'),
    },
  },
  {
    id: 'grafana',
    pos: { 'dashboards/app.json': '{"title":"App","schemaVersion":39,"panels":[{"type":"timeseries","title":"rps"}]}' },
    neg: { 'data/panels.json': '{"panels": ["a"], "version": 2}' },
  },
  { id: 'alertmanager', pos: { 'alertmanager.yml': 'route:\n  receiver: team\nreceivers:\n  - name: team\n' }, neg: { 'routes.yml': 'route:\n  path: /x\n' } },
  {
    id: 'opentelemetry',
    pos: {
      'otel/collector.yaml':
        'receivers:\n  otlp:\n    protocols: {grpc: {}}\nexporters:\n  debug: {}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n',
    },
    neg: { 'app/receivers.yaml': 'receivers:\n  - alice\n' },
  },
  {
    id: 'loki',
    pos: { 'loki/config.yaml': 'auth_enabled: false\nschema_config:\n  configs:\n    - from: 2024-01-01\n      store: tsdb\n' },
    neg: { 'loki.md': 'schema_config', 'app/config.yaml': 'database:\n  schema_config: v2\n  ingester: none\n' },
  },
  {
    id: 'fluent-bit',
    pos: { 'logging/fluent-bit.conf': '[SERVICE]\n    Flush 1\n[INPUT]\n    Name tail\n    Path /var/log/*.log\n[OUTPUT]\n    Name stdout\n    Match *\n' },
    neg: { 'nginx/site.conf': 'server {\n  listen 80;\n}\n' },
  },
  { id: 'datadog', pos: { 'package.json': '{"dependencies":{"dd-trace":"^5.0.0"}}' }, neg: { 'package.json': '{"dependencies":{"express":"^4"}}', ...readme('Datadog') } },

  { id: 'vault', pos: { 'vault/policy.hcl': 'path "secret/data/app/*" {\n  capabilities = ["read"]\n}\n' }, neg: { 'config/app.hcl': 'name = "vault-ish"\n' } },
  {
    id: 'sops',
    pos: { '.sops.yaml': 'creation_rules:\n  - path_regex: secrets/.*\n    age: age1xyz\n' },
    neg: { 'sops.md': 'sops -d', 'config/app.yaml': 'sops:\n  enabled: false\n' },
  },
  {
    id: 'trivy',
    pos: { '.github/workflows/scan.yml': workflow('      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          image-ref: app:latest\n') },
    neg: { 'docs/security.md': 'run trivy image app', 'config/tools.yaml': 'scanners: [trivy]\n', 'trivy-results.yaml': 'results: []\n' },
  },
  { id: 'snyk', pos: { '.snyk': 'version: v1.25.0\nignore: {}\n' }, neg: { 'security.md': 'snyk test', 'config/tools.yaml': 'scanner: snyk\n', '.snyk.md': 'ignore' } },
  {
    id: 'semgrep',
    pos: { '.github/workflows/sast.yml': workflow('      - run: semgrep ci\n') },
    neg: { 'notes/semgrep.md': 'semgrep ci', 'config/lint.yaml': 'tools:\n  - semgrep\n' },
  },
  { id: 'checkov', pos: { '.checkov.yml': 'framework: [terraform]\n' }, neg: { 'checkov.md': 'checkov -d .', 'config/iac.yaml': 'scanner: checkov\n' } },
  {
    id: 'codeql',
    pos: { '.github/workflows/codeql.yml': workflow('      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n') },
    neg: {
      'codeql.md': 'github/codeql-action',
      '.github/workflows/scorecard.yml': workflow('      - uses: github/codeql-action/upload-sarif@v3\n        with:\n          sarif_file: results.sarif\n'),
    },
  },
  {
    id: 'dependabot',
    pos: { '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: {interval: weekly}\n' },
    neg: { 'docs/dependabot.yml': 'version: 2\n', 'other/dependabot.yml': 'version: 2\n' },
  },
  { id: 'renovate', pos: { 'renovate.json': '{"extends": ["config:recommended"]}' }, neg: { 'docs/renovate.json': '{}', 'package.json': '{"scripts": {"renovate": "echo no"}}' } },
  {
    id: 'opa',
    pos: { 'policy/deny.rego': 'package main\ndeny[msg] { input.kind == "Pod"; msg := "no" }\n' },
    neg: { 'policy/README.md': 'rego', 'policy/deny.rego.txt': 'package main\n', '.github/workflows/ci.yml': workflow('      - run: opa version\n') },
  },
  { id: 'kyverno', pos: { 'policies/require-labels.yaml': k8s('kyverno.io/v1', 'ClusterPolicy', 'spec:\n  rules: []\n') }, neg: { 'policies/labels.yaml': 'rules: []\n' } },
  { id: 'gitleaks', pos: { '.gitleaks.toml': '[extend]\nuseDefault = true\n' }, neg: { 'gitleaks.md': 'gitleaks detect', 'config/secrets.yaml': 'scanner: gitleaks\n' } },
  {
    id: 'pre-commit',
    pos: { '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.5.0\n    hooks:\n      - id: trailing-whitespace\n' },
    neg: { 'docs/pre-commit.md': 'pre-commit install', 'requirements-dev.txt': 'pre-commit==3.7.0\n' },
  },

  { id: 'istio', pos: { 'mesh/vs.yaml': k8s('networking.istio.io/v1beta1', 'VirtualService', 'spec:\n  hosts: [web]\n') }, neg: { 'mesh/notes.yaml': 'mesh: istio\n' } },
  {
    id: 'linkerd',
    pos: { 'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  annotations:\n    linkerd.io/inject: enabled\n' },
    neg: { 'linkerd.md': 'linkerd.io/inject', 'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  annotations:\n    linkerd.io/inject: disabled\n' },
  },

  { id: 'mlflow', pos: { 'train.py': 'import mlflow\n\nmlflow.start_run()\n' }, neg: { 'train.py': 'import numpy as np\n# mlflow would be nice\n' } },
  { id: 'kubeflow', pos: { 'pipelines/train.py': 'from kfp import dsl\n\n@dsl.pipeline\ndef p():\n    pass\n' }, neg: { 'pipelines/train.py': 'import os\n' } },
  {
    id: 'airflow',
    pos: {
      'dags/etl.py': 'from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nwith DAG("etl") as dag:\n    BashOperator(task_id="x", bash_command="echo")\n',
    },
    neg: { 'dags/notes.md': 'from airflow import DAG', 'dags/etl.py': 'import luigi\n' },
  },
  {
    id: 'dvc',
    pos: { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n' },
    neg: { 'dvc.md': 'dvc repro', '.github/workflows/ci.yml': workflow('      - run: pip install dvc-notes\n'), 'data/dvc.json': '{"stages": {}}' },
  },

  {
    id: 'backstage',
    pos: { 'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\nspec:\n  type: service\n  owner: team\n' },
    neg: { 'docs/catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\n' },
  },
  {
    id: 'k6',
    pos: { 'load/smoke.js': "import http from 'k6/http';\nexport default function () { http.get('https://x'); }\n" },
    neg: { 'load/smoke.js': "import http from 'node:http';\n" },
  },
  {
    id: 'chaos-engineering',
    pos: { 'chaos/pod-kill.yaml': k8s('chaos-mesh.org/v1alpha1', 'PodChaos', 'spec:\n  action: pod-kill\n') },
    neg: { 'chaos/notes.yaml': 'chaos: true\n' },
  },
  {
    id: 'infracost',
    pos: { 'infracost.yml': 'version: 0.1\nprojects:\n  - path: infra\n' },
    neg: { 'infracost.md': 'infracost breakdown', 'config/costs.yaml': 'tool: infracost\n', 'infracost.json': '{"version": "0.2", "projects": []}' },
  },
  { id: 'makefile', pos: { Makefile: 'build:\n\tgo build ./...\n' }, neg: { 'docs/Makefile': 'html:\n\tsphinx-build\n', 'makefile.md': 'make' } },
  { id: 'bash', pos: { 'scripts/deploy': '#!/usr/bin/env bash\nset -euo pipefail\n' }, neg: { 'scripts/deploy': '#!/usr/bin/env python3\nprint(1)\n', 'scripts/bash.md': 'bash' } },
];

export const PRACTICE_CASES: Case[] = [
  { id: 'terraform-modules', pos: { 'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n' }, neg: { 'main.tf': 'resource "aws_vpc" "v" {}\n' } },
  {
    id: 'terraform-remote-state',
    pos: { 'backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n' },
    neg: { 'backend.tf': 'terraform {\n  backend "local" {\n    path = "x"\n  }\n}\n' },
  },
  { id: 'terraform-workspaces', pos: { 'main.tf': 'locals {\n  env = terraform.workspace\n}\n' }, neg: { 'main.tf': 'locals {\n  env = var.env\n}\n' } },
  {
    id: 'docker-multi-stage',
    pos: { Dockerfile: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\n' },
    neg: { Dockerfile: 'FROM golang:1.22\nRUN go build\n' },
  },
  { id: 'image-scanning', pos: { '.gitlab-ci.yml': 'scan:\n  script:\n    - grype registry.example.com/app:latest\n' }, neg: { Makefile: 'scan:\n\tgrype app:latest\n' } },
  { id: 'k8s-rbac', pos: { 'k8s/role.yaml': k8s('rbac.authorization.k8s.io/v1', 'Role', 'rules: []\n') }, neg: { 'k8s/sa.yaml': k8s('v1', 'ServiceAccount', '') } },
  {
    id: 'k8s-network-policy',
    pos: { 'k8s/np.yaml': k8s('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector: {}\n') },
    neg: { 'k8s/ing.yaml': k8s('networking.k8s.io/v1', 'Ingress') },
  },
  {
    id: 'k8s-operators',
    pos: { 'config/crd/widgets.yaml': k8s('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'spec:\n  group: example.com\n') },
    neg: { 'config/widget.yaml': k8s('example.com/v1', 'Widget') },
  },
  { id: 'k8s-autoscaling', pos: { 'k8s/hpa.yaml': k8s('autoscaling/v2', 'HorizontalPodAutoscaler', 'spec:\n  minReplicas: 2\n') }, neg: { 'k8s/deploy.yaml': deploy() } },
  {
    id: 'helm-chart-authoring',
    pos: {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'charts/web/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    },
    neg: { 'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: redis\n' },
  },
  {
    id: 'ci-matrix',
    pos: {
      '.github/workflows/test.yml': workflow('      - run: npm test\n', '').replace(
        '    runs-on: ubuntu-latest\n',
        '    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n',
      ),
    },
    neg: { '.github/workflows/test.yml': workflow('      - run: npm test\n') },
  },
  {
    id: 'ci-reusable-pipelines',
    pos: { '.github/workflows/shared.yml': 'on:\n  workflow_call:\n    inputs: {}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n' },
    neg: { '.github/workflows/ci.yml': workflow('      - run: make\n') },
  },
  {
    id: 'ci-caching',
    pos: { '.github/workflows/ci.yml': workflow('      - uses: actions/cache@v4\n        with:\n          path: ~/.npm\n          key: npm\n') },
    neg: { '.github/workflows/ci.yml': workflow('      - run: npm ci\n') },
  },
  {
    id: 'progressive-delivery',
    pos: { 'rollouts/web.yaml': k8s('argoproj.io/v1alpha1', 'Rollout', 'spec:\n  strategy:\n    canary: {}\n') },
    neg: { 'apps/web.yaml': k8s('argoproj.io/v1alpha1', 'Application') },
  },
  {
    id: 'prometheus-alerting',
    pos: { 'alerts/app.rules.yml': 'groups:\n  - name: app\n    rules:\n      - alert: HighErrorRate\n        expr: rate(errors[5m]) > 1\n' },
    neg: { 'alerts/rec.rules.yml': 'groups:\n  - name: app\n    rules:\n      - record: job:rps:rate5m\n        expr: sum(rate(req[5m]))\n' },
  },
  {
    id: 'dashboards-as-code',
    pos: { 'dash/app.libsonnet': "local grafana = import 'grafonnet/grafana.libsonnet';\ngrafana.dashboard.new('App')\n" },
    neg: { 'dash/app.libsonnet': "{ name: 'x' }\n" },
  },
  {
    id: 'slo-definitions',
    pos: { 'slo/api.yaml': 'version: "prometheus/v1"\nservice: api\nslos:\n  - name: availability\n    objective: 99.9\n' },
    neg: { 'slo/api.yaml': 'version: "1"\nservice: api\n' },
  },
  {
    id: 'secrets-management',
    pos: { 'k8s/sealed.yaml': k8s('bitnami.com/v1alpha1', 'SealedSecret', 'spec:\n  encryptedData: {}\n') },
    neg: { 'k8s/secret.yaml': k8s('v1', 'Secret', 'data: {}\n') },
  },
  { id: 'policy-as-code', pos: { 'policy/k8s.rego': 'package k8s\n' }, neg: { 'policy/k8s.md': 'package k8s', 'policy/k8s.yaml': 'package: k8s\nrules: []\n' } },
  {
    id: 'sast-in-ci',
    pos: { '.github/workflows/codeql.yml': workflow('      - uses: github/codeql-action/analyze@v3\n') },
    neg: { '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/returntocorp/semgrep\n    rev: v1\n    hooks: [{id: semgrep}]\n' },
  },
  { id: 'dependency-updates', pos: { '.github/renovate.json': '{}' }, neg: { '.github/workflows/deps.yml': workflow('      - run: npm outdated\n') } },
  {
    id: 'sbom',
    pos: { '.github/workflows/sbom.yml': workflow('      - uses: anchore/sbom-action@v0\n') },
    neg: { '.github/workflows/lic.yml': '# SPDX-License-Identifier: Apache-2.0\n' + workflow('      - run: make\n') },
  },
  {
    id: 'iac-scanning',
    pos: { '.github/workflows/iac.yml': workflow('      - uses: bridgecrewio/checkov-action@v12\n') },
    neg: { '.github/workflows/tf.yml': workflow('      - run: terraform validate\n') },
  },
  {
    id: 'gitops',
    pos: { 'clusters/prod/source.yaml': k8s('source.toolkit.fluxcd.io/v1', 'GitRepository', 'spec:\n  url: https://github.com/x/y\n') },
    neg: { 'k8s/deploy.yaml': deploy() },
  },
  { id: 'config-management', pos: { 'roles/web/tasks/main.yml': '- name: nginx\n  apt: name=nginx\n' }, neg: { 'web/tasks/list.yml': '- name: nginx\n  value: 1\n' } },
  { id: 'ml-pipelines', pos: { MLproject: 'name: train\nentry_points:\n  main:\n    command: python train.py\n' }, neg: { 'train.py': 'import sklearn\n' } },
  {
    id: 'model-serving',
    pos: { 'serving/isvc.yaml': k8s('serving.kserve.io/v1beta1', 'InferenceService', 'spec:\n  predictor: {}\n') },
    neg: { 'serving/svc.yaml': k8s('v1', 'Service') },
  },
  {
    id: 'gpu-workloads',
    pos: { 'k8s/train.yaml': deploy('          resources:\n            limits:\n              nvidia.com/gpu: 1\n') },
    neg: { 'k8s/train.yaml': deploy('          resources:\n            limits:\n              cpu: 1\n') },
  },
  {
    id: 'chaos-experiments',
    pos: { 'chaos/exp.json': '{"title":"kill","steady-state-hypothesis":{"title":"ok","probes":[]},"method":[]}' },
    neg: { 'chaos/exp.json': '{"title":"kill","method":[]}' },
  },
  { id: 'load-testing', pos: { 'perf/locustfile.py': 'from locust import HttpUser, task\n' }, neg: { 'perf/bench.py': 'import timeit\n' } },
  {
    id: 'cost-estimation',
    pos: { '.github/workflows/cost.yml': workflow('      - uses: infracost/actions/setup@v3\n      - run: infracost breakdown --path .\n') },
    neg: { 'cost.md': 'infracost breakdown', '.github/workflows/cost.yml': workflow('      - run: ./estimate-cost.sh --path .\n') },
  },
  {
    id: 'service-catalog',
    pos: { 'catalog/api.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: api\nspec:\n  type: openapi\n' },
    neg: { 'catalog/api.yaml': 'name: api\nkind: API\n' },
  },
  {
    id: 'golden-path-templates',
    pos: { 'templates/service/template.yaml': 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: svc\nspec:\n  steps: []\n' },
    neg: { 'templates/service/notes.yaml': 'kind: Template\n' },
  },
];
