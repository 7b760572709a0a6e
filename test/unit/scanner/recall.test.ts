/**
 * Detection recall on real repositories (issue 12): patterns public repositories use that the
 * scanner missed, each as a general rule with a positive tree and a near miss (content that looks
 * like the rule but must not match), then one positive and one near miss for every practice id.
 */
import * as assert from 'node:assert/strict';
import { PRACTICE_IDS } from '../../../src/scanner/ids';
import type { ScanResult } from '../../../src/scanner/types';
import { type Tree, cleanTrees, ids, scanTree } from './helpers';

const tech = (r: ScanResult, id: string) => ids(r).t.includes(id);
const prac = (r: ScanResult, id: string) => ids(r).p.includes(id);

/** Asserts that `pos` shows every id of `want` and `neg` none of them (`t:` technology, `p:` practice). */
async function check(want: string[], pos: Tree, neg: Tree): Promise<void> {
  const yes = await scanTree(pos);
  const no = await scanTree(neg);
  for (const key of want) {
    const [kind, id] = [key.slice(0, 1), key.slice(2)];
    const has = (r: ScanResult) => (kind === 't' ? tech(r, id) : prac(r, id));
    assert.ok(has(yes), `${key} not found in ${JSON.stringify(ids(yes))}`);
    assert.ok(!has(no), `${key} wrongly found in the near miss: ${JSON.stringify(ids(no))}`);
  }
}

const chartYaml = (deps: string) => `apiVersion: v2\nname: platform\nversion: 0.0.0\n${deps ? `dependencies:\n${deps}` : ''}`;
const dep = (name: string, repository: string) => `  - name: ${name}\n    version: 1.0.0\n    repository: ${repository}\n`;
const helmRelease = (chart: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${chart}\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: ${chart}\n      sourceRef:\n        kind: HelmRepository\n        name: repo\n`;
const workflow = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const k8s = (apiVersion: string, kind: string, spec: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${spec}`;
const deployment = (container: string) =>
  k8s('apps/v1', 'Deployment', `spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n${container}`);

describe('scanner recall on real-repository patterns', () => {
  after(cleanTrees);

  describe('A. Helm charts that are tools', () => {
    it("an umbrella chart's dependencies are those tools, deployed", () =>
      check(
        ['t:prometheus', 't:alertmanager', 't:grafana', 't:argocd', 'p:gitops', 't:loki', 't:vault', 't:istio', 't:linkerd', 't:fluent-bit'],
        {
          'system/monitoring/Chart.yaml': chartYaml(dep('kube-prometheus-stack', 'https://prometheus-community.github.io/helm-charts')),
          'system/argocd/Chart.yaml': chartYaml(dep('argo-cd', 'https://argoproj.github.io/argo-helm') + dep('argocd-apps', 'https://argoproj.github.io/argo-helm')),
          'system/loki/Chart.yaml': chartYaml(dep('loki-stack', 'https://grafana.github.io/helm-charts')),
          'system/vault/Chart.yaml': chartYaml(dep('vault', 'https://helm.releases.hashicorp.com')),
          'system/istio/Chart.yaml': chartYaml(
            dep('base', 'https://istio-release.storage.googleapis.com/charts') + dep('istiod', 'https://istio-release.storage.googleapis.com/charts'),
          ),
          'system/linkerd/Chart.yaml': chartYaml(dep('linkerd-control-plane', 'https://helm.linkerd.io/stable')),
          'system/logging/Chart.yaml': chartYaml(dep('fluent-bit', 'https://fluent.github.io/helm-charts')),
        },
        {
          // Dependencies that are not these tools; a chart named after one, without depending on it; Istio's
          // chart names from another repository.
          'apps/web/Chart.yaml': chartYaml(dep('redis', 'oci://registry-1.docker.io/bitnamicharts') + dep('postgresql', 'oci://registry-1.docker.io/bitnamicharts')),
          'dashboards/Chart.yaml': 'apiVersion: v2\nname: loki-dashboards\ndescription: Dashboards for kube-prometheus-stack, argo-cd and vault users\nversion: 0.1.0\n',
          'base/Chart.yaml': chartYaml(dep('base', 'https://charts.example.com') + dep('gateway', 'https://charts.example.com')),
        },
      ));

    it('values nested under kube-prometheus-stack keys: alert rules and Alertmanager routes', () =>
      check(
        ['t:alertmanager', 'p:prometheus-alerting'],
        {
          'monitoring/Chart.yaml': chartYaml(dep('kube-prometheus-stack', 'https://prometheus-community.github.io/helm-charts')),
          'monitoring/values.yaml':
            'kube-prometheus-stack:\n  additionalPrometheusRulesMap:\n    app:\n      groups:\n        - name: app\n          rules:\n            - alert: AppDown\n              expr: up{job="app"} == 0\n  alertmanager:\n    config:\n      route:\n        receiver: ntfy\n      receivers:\n        - name: ntfy\n',
        },
        {
          'monitoring/values.yaml':
            'kube-prometheus-stack:\n  additionalPrometheusRulesMap:\n    app:\n      groups:\n        - name: app\n          rules:\n            - record: job:up:sum\n              expr: sum(up)\n  alertmanager:\n    enabled: false\n    route:\n      main:\n        enabled: true\n',
        },
      ));

    it('Flux HelmReleases, Argo CD Applications and ApplicationSets, helmfile releases, Terraform and Kustomize name the same charts', () =>
      check(
        ['t:prometheus', 't:loki', 't:vault', 't:datadog', 't:istio', 'p:cost-estimation', 't:fluent-bit'],
        {
          'clusters/prod/monitoring.yaml': helmRelease('kube-prometheus-stack'),
          'apps/loki.yaml': k8s(
            'argoproj.io/v1alpha1',
            'Application',
            'spec:\n  project: default\n  source:\n    repoURL: https://grafana.github.io/helm-charts\n    chart: loki\n    targetRevision: 6.0.0\n  destination:\n    namespace: loki\n',
          ),
          'apps/set.yaml': k8s(
            'argoproj.io/v1alpha1',
            'ApplicationSet',
            'spec:\n  generators:\n    - list:\n        elements: [{cluster: a}]\n  template:\n    metadata:\n      name: vault\n    spec:\n      source:\n        repoURL: https://helm.releases.hashicorp.com\n        chart: vault\n      destination:\n        namespace: vault\n',
          ),
          'deploy/helmfile.yaml': 'releases:\n  - name: datadog\n    chart: datadog/datadog\n    version: 3.0.0\n',
          'infra/istio.tf':
            'resource "helm_release" "istio_base" {\n  name       = "istio-base"\n  repository = "https://istio-release.storage.googleapis.com/charts"\n  chart      = "base"\n}\n',
          'deploy/cost/kustomization.yaml': 'helmCharts:\n  - name: opencost\n    repo: https://opencost.github.io/opencost-helm-chart\n    releaseName: opencost\n',
          'scripts/logging.sh': '#!/bin/sh\nhelm upgrade --install fluent-bit fluent/fluent-bit -n logging -f values/fluent-bit.yaml\n',
        },
        {
          'clusters/prod/podinfo.yaml': helmRelease('podinfo'),
          'apps/guestbook.yaml': k8s(
            'argoproj.io/v1alpha1',
            'Application',
            'spec:\n  source:\n    repoURL: https://github.com/argoproj/argocd-example-apps\n    path: helm-guestbook\n  destination:\n    namespace: default\n',
          ),
          'deploy/helmfile.yaml': 'releases:\n  - name: web\n    chart: ./charts/web\n    values:\n      - loki: {enabled: false}\n',
          'infra/redis.tf': 'resource "helm_release" "redis" {\n  name       = "redis"\n  repository = "https://charts.bitnami.com/bitnami"\n  chart      = "redis"\n}\n',
          'scripts/logging.sh': '#!/bin/sh\n# helm upgrade --install fluent-bit fluent/fluent-bit\nhelm upgrade --install web ./charts/web -f values/fluent-bit.yaml\n',
        },
      ));
  });

  describe('A. (Flux OCI sources)', () => {
    it("a Flux OCIRepository holding a tool's chart is that tool; one holding manifests is not", () =>
      check(
        ['t:prometheus', 't:alertmanager'],
        {
          'apps/o11y/ocirepository.yaml': k8s(
            'source.toolkit.fluxcd.io/v1',
            'OCIRepository',
            'spec:\n  interval: 15m\n  layerSelector:\n    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n  url: oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack\n',
          ),
        },
        {
          'apps/web/ocirepository.yaml': k8s(
            'source.toolkit.fluxcd.io/v1',
            'OCIRepository',
            'spec:\n  interval: 15m\n  url: oci://ghcr.io/stefanprodan/manifests/podinfo\n  # url: oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack\n',
          ),
        },
      ));
  });

  describe('B. tools run from scripts, Makefiles, justfiles, Taskfiles and Ansible', () => {
    it('just modules (`mod.just`) are read like justfiles', () =>
      check(
        ['t:helmfile', 't:kustomize'],
        { 'bootstrap/mod.just': 'apps:\n    kustomize build kustomize/base | kubectl apply -f -\n    helmfile -f "helmfile/apps.yaml" sync --hide-notes\n' },
        { 'bootstrap/mod.just': '# helmfile sync, then kustomize build\ntools:\n    brew install helmfile kustomize\n' },
      ));

    it('deploy and scan commands anywhere are the tools', () =>
      check(
        ['t:helm', 't:terraform', 't:kustomize', 't:helmfile', 't:trivy', 't:checkov', 'p:iac-scanning', 't:k6', 'p:load-testing'],
        {
          'deploy/install.sh': '#!/usr/bin/env bash\nset -euo pipefail\nhelm upgrade --install web ./chart --namespace web\n',
          Makefile: 'apply:\n\tterraform -chdir=infra init\n\tterraform -chdir=infra apply -auto-approve\n',
          justfile: 'deploy env:\n  kubectl apply -k overlays/{{env}}\n',
          'Taskfile.yml': 'version: "3"\ntasks:\n  sync:\n    cmds:\n      - helmfile -e prod sync\n',
          'tools/scan.sh': '#!/bin/sh\ntrivy image "$IMAGE"\ncheckov -d infra\n',
          'perf/run.sh': '#!/bin/sh\nk6 run perf/smoke.js\n',
        },
        {
          // Installing the tools is not running them; commands in comments never count.
          'deploy/install.sh': '#!/usr/bin/env bash\nbrew install helm terraform kustomize helmfile\n# helm upgrade --install web ./chart\n  # terraform apply\n',
          Makefile: 'apply: ## terraform apply, see README\n\t@echo done # kubectl apply -k overlays/prod\n',
          'Taskfile.yml': 'version: "3"\ntasks:\n  sync:\n    cmds:\n      - echo sync # helmfile sync\n',
          'tools/scan.sh': '#!/bin/sh\n# trivy image "$IMAGE"\n# checkov -d infra\n',
          Jenkinsfile:
            'pipeline {\n  agent any\n  stages {\n    stage("perf") {\n      steps {\n        // sh "k6 run perf/smoke.js"\n        sh "make perf"\n      }\n    }\n  }\n}\n',
        },
      ));

    it("Ansible's kubernetes.core.helm module is Helm", () =>
      check(
        ['t:helm'],
        { 'bootstrap.yml': '- hosts: localhost\n  tasks:\n    - name: argocd\n      kubernetes.core.helm:\n        name: argocd\n        chart_ref: argo/argo-cd\n' },
        { 'bootstrap.yml': '- hosts: localhost\n  tasks:\n    - name: namespace\n      kubernetes.core.k8s:\n        kind: Namespace\n        name: helm\n' },
      ));

    it('trivy image in a script a CI job runs is image scanning; the same script elsewhere is only Trivy', async () => {
      const script = '#!/bin/sh\nset -e\ntrivy image --exit-code 1 "$IMAGE"\n';
      const ci = await scanTree({ '.github/scripts/scan.sh': script, 'scripts/ci/scan-images.sh': script, 'scripts/run-ci.sh': script });
      assert.ok(prac(ci, 'image-scanning'));
      assert.deepEqual(ci.practices.find((p) => p.id === 'image-scanning')?.evidence, ['.github/scripts/scan.sh', 'scripts/ci/scan-images.sh', 'scripts/run-ci.sh']);
      const local = await scanTree({ 'scripts/scan.sh': script, 'scripts/circle.sh': script });
      assert.ok(tech(local, 'trivy'));
      assert.ok(!prac(local, 'image-scanning'), JSON.stringify(local.practices));
    });
  });

  describe('C. Compose files under other names', () => {
    it('a top-level services map whose services have an image or a build is Compose', () =>
      check(
        ['t:docker-compose'],
        {
          'deploy/stack.yml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      replicas: 2\n',
          'dev/local.yaml': 'name: app\nservices:\n  api:\n    build:\n      context: .\n  db:\n    image: postgres:16\nx-common: &c {}\nvolumes:\n  data: {}\n',
        },
        {
          'ci/jobs.yml': 'services:\n  - postgres:16\n  - name: redis:7\n    alias: cache\ntest:\n  script: make test\n',
          'ansible/play.yml': '- hosts: all\n  services:\n    web:\n      image: nginx\n',
          'k8s/gateway.yaml': 'apiVersion: example.com/v1\nkind: Gateway\nmetadata:\n  name: gw\nservices:\n  web:\n    image: nginx\n',
          '.lando.yml': 'name: site\nrecipe: lamp\nservices:\n  appserver:\n    type: php:8.2\n    build:\n      - composer install\n',
          'config/services.yaml': 'services:\n  billing:\n    url: http://billing\n    image_url: http://cdn/x.png\n',
        },
      ));
  });

  describe('D. helmfiles under other names', () => {
    it('releases naming charts, or releases beside helmDefaults / repositories, are a helmfile', () =>
      check(
        ['t:helmfile'],
        {
          'deploy/releases.yaml': 'releases:\n  - name: web\n    namespace: web\n    chart: ./charts/web\n',
          'clusters/prod.yaml':
            'helmDefaults:\n  wait: true\nrepositories:\n  - name: bitnami\n    url: https://charts.bitnami.com/bitnami\nreleases:\n  - name: cache\n    installed: {{ .Values.cache }}\n',
        },
        {
          'deploy/releases.yaml': 'releases:\n  - name: v1.2.0\n    date: 2024-01-01\n    notes: "chart: new colours"\n',
          'changelog.yaml': 'releases:\n  - version: 2.0.0\nchart:\n  name: web\n',
        },
      ));
  });

  describe('E. log destinations named by outputs', () => {
    it('Fluent Bit, Fluentd, Vector and OpenTelemetry Collector outputs name Loki and Datadog', () =>
      check(
        ['t:loki', 't:datadog'],
        {
          'logging/fluent-bit.conf': '[INPUT]\n    Name tail\n    Path /var/log/*.log\n[OUTPUT]\n    Name  loki\n    Match *\n    Host  loki.logging\n',
          'k8s/fluent-bit-cm.yaml': k8s('v1', 'ConfigMap', 'data:\n  fluent-bit.conf: |\n    [OUTPUT]\n        Name        datadog\n        Match       *\n'),
        },
        {
          'logging/fluent-bit.conf': '[INPUT]\n    Name tail\n[OUTPUT]\n    Name stdout\n    Match *\n#[OUTPUT]\n#    Name loki\n',
          'k8s/fluent-bit-cm.yaml': k8s('v1', 'ConfigMap', 'data:\n  fluent-bit.conf: |\n    [INPUT]\n        Name        datadog\n    [OUTPUT]\n        Name        es\n'),
        },
      ));

    it('OpenTelemetry exporters, Vector sinks and Fluentd matches name their destinations; receivers and sources do not', () =>
      check(
        ['t:loki', 't:datadog'],
        {
          'otel/collector.yaml':
            'receivers:\n  otlp:\n    protocols: {grpc: {}}\nexporters:\n  loki:\n    endpoint: http://loki:3100/loki/api/v1/push\nservice:\n  pipelines:\n    logs:\n      receivers: [otlp]\n      exporters: [loki]\n',
          'charts/otel/values.yaml': 'config:\n  receivers:\n    otlp: {}\n  exporters:\n    datadog/logs:\n      api:\n        key: ${env:DD_API_KEY}\n',
          'vector/vector.yaml': 'sources:\n  app:\n    type: file\nsinks:\n  dd:\n    type: datadog_logs\n    inputs: [app]\n',
          'fluentd/fluent.conf': '<source>\n  @type tail\n</source>\n<match **>\n  @type loki\n  url http://loki:3100\n</match>\n',
        },
        {
          'otel/collector.yaml':
            'receivers:\n  loki:\n    protocols: {http: {}}\n  datadog: {}\nexporters:\n  debug: {}\nservice:\n  pipelines:\n    logs:\n      receivers: [loki, datadog]\n      exporters: [debug]\n',
          'vector/vector.yaml': 'sources:\n  dd:\n    type: datadog_agent\nsinks:\n  out:\n    type: console\n',
          'vector/vector.toml': '[sources.dd]\ntype = "datadog_agent"\n[sinks.out]\ntype = "console"\n',
          'fluentd/fluent.conf': '<source>\n  @type tail\n</source>\n<match **>\n  @type stdout\n  # @type loki\n</match>\n',
        },
      ).then(async () => {
        // A Vector TOML sink is a destination too.
        const toml = await scanTree({ 'vector/vector.toml': '[sinks.out]\ntype = "loki"\ninputs = ["app"]\n' });
        assert.ok(tech(toml, 'loki'));
      }));
  });

  describe('F. OpenTelemetry through vendor distributions', () => {
    it('ADOT collectors and Lambda layers, Alloy pipelines, the operator, and OTLP variables', async () => {
      const cases: Tree[] = [
        { 'docker-compose.yml': 'services:\n  collector:\n    image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0\n' },
        { 'serverless.yml': 'service: api\nprovider:\n  name: aws\n  environment:\n    AWS_LAMBDA_EXEC_WRAPPER: /opt/otel-instrument\n' },
        { 'infra/lambda.tf': 'resource "aws_lambda_function" "f" {\n  layers = ["arn:aws:lambda:eu-west-1:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1"]\n}\n' },
        { 'alloy/config.alloy': 'otelcol.receiver.otlp "default" {\n  grpc {}\n  output {\n    traces = [otelcol.exporter.otlp.tempo.input]\n  }\n}\n' },
        { 'k8s/instrumentation.yaml': k8s('opentelemetry.io/v1alpha1', 'Instrumentation', 'spec:\n  exporter:\n    endpoint: http://collector:4317\n') },
        { 'k8s/app.yaml': k8s('apps/v1', 'Deployment', 'spec:\n  template:\n    metadata:\n      annotations:\n        instrumentation.opentelemetry.io/inject-python: "true"\n') },
        { Dockerfile: 'FROM python:3.12\nENV OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317 \\\n    OTEL_SERVICE_NAME=api\n' },
        { 'compose.yaml': 'services:\n  api:\n    image: api\n    environment:\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n' },
        { 'k8s/api.yaml': deployment('          env:\n            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://collector:4317\n') },
        {
          'ecs/task-definition.json':
            '{"family":"api","containerDefinitions":[{"name":"api","image":"api:1","environment":[{"name":"OTEL_EXPORTER_OTLP_ENDPOINT","value":"http://localhost:4317"}]}]}',
        },
        { 'ecs/collector-task.json': '{"family":"otel","containerDefinitions":[{"name":"collector","image":"amazon/aws-otel-collector:latest"}]}' },
      ];
      for (const tree of cases) assert.ok(tech(await scanTree(tree), 'opentelemetry'), JSON.stringify(Object.keys(tree)));
      const near: Tree[] = [
        { 'serverless.yml': 'service: api\nprovider:\n  name: aws\n  environment:\n    AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap-wrapper\n' },
        {
          'alloy/config.alloy':
            'prometheus.scrape "default" {\n  targets = []\n  forward_to = [prometheus.remote_write.default.receiver]\n}\n// otelcol.receiver.otlp "default" {}\n',
        },
        { 'k8s/app.yaml': k8s('apps/v1', 'Deployment', 'spec:\n  template:\n    metadata:\n      annotations:\n        instrumentation.opentelemetry.io/inject-java: "false"\n') },
        { 'k8s/api.yaml': deployment('          env:\n            # - name: OTEL_EXPORTER_OTLP_ENDPOINT\n            - name: OTEL_SDK_DISABLED\n              value: "true"\n') },
        { 'charts/api/values.yaml': 'tracing:\n  description: Set OTEL_EXPORTER_OTLP_ENDPOINT in env to export traces.\n' },
        { Dockerfile: 'FROM python:3.12\n# ENV OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317\nENV APP_OTEL=off\n' },
        {
          'ecs/task-definition.json':
            '{"family":"api","containerDefinitions":[{"name":"api","image":"api:1","environment":[{"name":"APP_MODE","value":"OTEL_EXPORTER_OTLP_ENDPOINT"}]}]}',
        },
      ];
      for (const tree of near) assert.ok(!tech(await scanTree(tree), 'opentelemetry'), JSON.stringify(tree));
    });
  });

  describe('G. CI services defined as infrastructure', () => {
    it('CodeBuild projects, Cloud Build triggers and Azure DevOps build definitions', () =>
      check(
        ['t:aws-codebuild', 't:google-cloud-build', 't:azure-pipelines'],
        {
          'infra/ci.tf':
            'resource "aws_codebuild_project" "build" {\n  name = "build"\n}\nresource "google_cloudbuild_trigger" "push" {\n  filename = "cloudbuild.yaml"\n}\nresource "azuredevops_build_definition" "ci" {\n  name = "ci"\n}\n',
          'cfn/ci.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Name: build\n',
        },
        {
          'infra/ci.tf':
            'resource "aws_codepipeline" "p" {\n  name = "p"\n}\nresource "azuredevops_project" "p" {\n  name = "build_definition"\n}\nresource "google_cloud_run_service" "s" {\n  name = "cloudbuild_trigger"\n}\n',
          'cfn/ci.yaml':
            'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: AWS-CodeBuild-Project\n',
        },
      ));
  });

  describe('H. client libraries in requirements files', () => {
    it('prometheus_client, datadog and opentelemetry-* in requirements.txt count only with an import or a configuration', async () => {
      const reqs = 'flask==3.0\nprometheus_client==0.20\ndatadog==0.49\nddtrace==2.8\nopentelemetry-sdk==1.25\nopentelemetry-exporter-otlp==1.25\n';
      const alone = await scanTree({ 'requirements.txt': reqs, 'app/views.txt': 'x' });
      for (const id of ['prometheus', 'datadog', 'opentelemetry']) assert.ok(!tech(alone, id), `${id} from requirements alone: ${JSON.stringify(ids(alone))}`);
      const used = await scanTree({
        'requirements.txt': reqs,
        'app/metrics.py': 'from prometheus_client import Counter\nREQUESTS = Counter("requests", "Requests")\n',
        'app/tracing.py': 'from opentelemetry import trace\n',
        Dockerfile: 'FROM python:3.12\nCMD ["ddtrace-run", "gunicorn", "app:app"]\n',
      });
      for (const id of ['prometheus', 'datadog', 'opentelemetry']) assert.ok(tech(used, id), `${id} with its import / launcher: ${JSON.stringify(ids(used))}`);
    });

    it('a package that is the tool itself still counts from the manifest alone', async () => {
      const r = await scanTree({
        'requirements.txt': 'apache-airflow==2.9.0\nmlflow==2.12\n',
        'package.json': '{"dependencies":{"dd-trace":"^5.0.0","@opentelemetry/sdk-node":"^0.52.0"}}',
      });
      for (const id of ['airflow', 'mlflow', 'datadog', 'opentelemetry']) assert.ok(tech(r, id), id);
    });
  });

  describe('practices', () => {
    it('implicit CI matrices: Travis version lists, GitLab parallel: matrix, Buildkite matrix', async () => {
      for (const tree of [
        { '.travis.yml': 'language: python\npython:\n  - "3.11"\n  - "3.12"\nscript: pytest\n' },
        { '.travis.yml': 'language: node_js\nnode_js: [18, 20]\n' },
        { '.travis.yml': 'language: go\nos:\n- linux\n- osx\n' },
        { '.gitlab-ci.yml': 'test:\n  stage: test\n  script: make test\n  parallel:\n    matrix:\n      - PY: ["3.11", "3.12"]\n' },
        { '.buildkite/pipeline.yml': 'steps:\n  - label: test\n    command: make test\n    matrix:\n      - "linux"\n      - "darwin"\n' },
      ] as Tree[])
        assert.ok(prac(await scanTree(tree), 'ci-matrix'), JSON.stringify(tree));
      for (const tree of [
        { '.travis.yml': 'language: python\npython:\n  - "3.12"\nenv:\n  global:\n    - A=1\n    - B=2\nscript: pytest\n' },
        { '.travis.yml': 'language: node_js\nnode_js: 20\nos: linux\n' },
        { '.gitlab-ci.yml': 'test:\n  stage: test\n  script: make test\n  parallel: 3\n  # parallel:\n  #   matrix:\n' },
      ] as Tree[])
        assert.ok(!prac(await scanTree(tree), 'ci-matrix'), JSON.stringify(tree));
    });

    it('`cache: false` is not CI caching', async () => {
      const step = (v: string) => workflow(`      - uses: actions/setup-go@v5\n        with:\n          go-version: "1.22"\n          cache: ${v}\n`);
      assert.ok(!prac(await scanTree({ '.github/workflows/ci.yml': step('false') }), 'ci-caching'));
      assert.ok(!prac(await scanTree({ '.gitlab-ci.yml': 'test:\n  stage: test\n  cache: []\n  script: make\n' }), 'ci-caching'));
      assert.ok(prac(await scanTree({ '.github/workflows/ci.yml': step('true') }), 'ci-caching'));
      assert.ok(prac(await scanTree({ '.gitlab-ci.yml': 'test:\n  stage: test\n  cache:\n    key: x\n    paths: [.cache]\n  script: make\n' }), 'ci-caching'));
    });

    it('gosec run by pre-commit.ci or enabled in golangci-lint is SAST in CI; a skipped or disabled one is not', async () => {
      const preCommit = (ci: string) => `${ci}repos:\n  - repo: https://github.com/securego/gosec\n    rev: v2.20.0\n    hooks:\n      - id: gosec\n`;
      assert.ok(prac(await scanTree({ '.pre-commit-config.yaml': preCommit('ci:\n  autofix_prs: true\n') }), 'sast-in-ci'));
      assert.ok(prac(await scanTree({ '.golangci.yml': 'version: "2"\nlinters:\n  default: all\n' }), 'sast-in-ci'));
      assert.ok(!prac(await scanTree({ '.pre-commit-config.yaml': preCommit('ci:\n  skip: [gosec]\n') }), 'sast-in-ci'));
      assert.ok(!prac(await scanTree({ '.pre-commit-config.yaml': preCommit('') }), 'sast-in-ci'));
      assert.ok(!prac(await scanTree({ '.golangci.yml': 'version: "2"\nlinters:\n  default: standard\n  settings:\n    gosec:\n      excludes: [G104]\n' }), 'sast-in-ci'));
    });

    it('CloudFormation and Bicep: dashboards, ECR scan on push, CodeDeploy blue/green and SAM gradual deployments', async () => {
      const cfn = (resources: string, extra = '') => ({ 'cfn/stack.yaml': `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n${resources}` });
      const cases: [string, Tree, Tree][] = [
        [
          'dashboards-as-code',
          cfn('  D:\n    Type: AWS::CloudWatch::Dashboard\n    Properties:\n      DashboardBody: "{}"\n'),
          cfn('  L:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: dashboard\n'),
        ],
        [
          'dashboards-as-code',
          { 'infra/main.bicep': "resource d 'Microsoft.Portal/dashboards@2020-09-01-preview' = {\n  name: 'ops'\n}\n" },
          {
            'infra/main.bicep':
              "// resource d 'Microsoft.Portal/dashboards@2020-09-01-preview'\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'dashboards'\n}\n",
          },
        ],
        [
          'image-scanning',
          cfn('  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: true\n'),
          cfn('  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: false\n'),
        ],
        [
          'progressive-delivery',
          cfn(
            '  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n',
            'Transform: AWS::Serverless-2016-10-31\n',
          ),
          cfn(
            '  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: AllAtOnce\n',
            'Transform: AWS::Serverless-2016-10-31\n',
          ),
        ],
        [
          'progressive-delivery',
          cfn('  S:\n    Type: AWS::ECS::Service\n    Properties:\n      DeploymentController:\n        Type: CODE_DEPLOY\n'),
          cfn('  S:\n    Type: AWS::ECS::Service\n    Properties:\n      DeploymentController:\n        Type: ECS\n'),
        ],
      ];
      for (const [id, pos, neg] of cases) await check([`p:${id}`], pos, neg);
    });

    it('autoscaling: Knative annotations, a chart switching its HPA on; GPUs claimed through DRA by a workload', async () => {
      await check(
        ['p:k8s-autoscaling'],
        {
          'knative/svc.yaml': k8s('serving.knative.dev/v1', 'Service', 'spec:\n  template:\n    metadata:\n      annotations:\n        autoscaling.knative.dev/max-scale: "10"\n'),
          'charts/api/values.yaml': 'replicaCount: 1\nautoscaling:\n  enabled: true\n  minReplicas: 2\n  maxReplicas: 10\n',
        },
        {
          'knative/svc.yaml': k8s(
            'serving.knative.dev/v1',
            'Service',
            'spec:\n  template:\n    metadata:\n      annotations:\n        networking.knative.dev/visibility: cluster-local\n',
          ),
          'charts/api/values.yaml': 'replicaCount: 1\nautoscaling:\n  enabled: false\n  minReplicas: 2\n  maxReplicas: 10\n',
          'config/app.yaml': 'autoscaling:\n  enabled: true\n  maxReplicas: 3\n',
        },
      );
      // The key written quoted, or in a flow mapping: still the key the rule reads.
      await check(
        ['p:k8s-autoscaling'],
        { 'charts/api/values.yaml': '"autoscaling" : {enabled: true, maxReplicas: 4}\n' },
        { 'charts/api/values.yaml': 'hpa: {apiVersion: autoscaling/v2}\n' },
      );
      await check(['p:k8s-autoscaling'], { 'charts/web/values.yaml': "{'autoscaling': {'enabled': true, 'minReplicas': 1}}\n" }, {});
      await check(
        ['p:gpu-workloads'],
        { 'k8s/plex.yaml': deployment('      resourceClaims:\n        - name: gpu\n          resourceClaimTemplateName: intel-gpu\n') },
        { 'k8s/plex.yaml': deployment('      resourceClaims:\n        - name: net\n          resourceClaimTemplateName: sriov-nic\n') },
      );
    });

    it('zero-code OpenTelemetry: opentelemetry-instrument launching the app', () =>
      check(
        ['t:opentelemetry'],
        { Dockerfile: 'FROM python:3.12\nCMD ["opentelemetry-instrument", "python", "app.py"]\n' },
        { Dockerfile: 'FROM python:3.12\n# CMD ["opentelemetry-instrument", "python", "app.py"]\nCMD ["python", "app.py"]\n' },
      ));

    it('*.yaml.j2 manifests are read line by line like Helm templates', () =>
      check(
        ['t:kubernetes', 'p:k8s-rbac'],
        {
          'roles/k3s/templates/kube-vip.yaml.j2':
            'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {{ name }}\nrules: []\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-vip\n{% if vip %}\nspec: {}\n{% endif %}\n',
        },
        { 'roles/k3s/templates/config.yaml.j2': 'cluster-init: {{ init }}\nkind: {{ kind }}\n', 'roles/web/templates/nginx.conf.j2': 'apiVersion: v1\nkind: Role\nmetadata: {}\n' },
      ));
  });
});

/**
 * One positive and one near miss per practice id, in the shapes real repositories use (the
 * patterns above where one applies). `cases.ts` keeps the simplest shape of each.
 */
interface PracticeCase {
  id: string;
  pos: Tree;
  neg: Tree;
}

const tf = (body: string) => ({ 'infra/main.tf': body });

const PRACTICE_RECALL: PracticeCase[] = [
  {
    id: 'terraform-modules',
    pos: tf('module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"\n}\n'),
    neg: tf('# module "vpc" {\n#   source = "x"\n# }\nlocals {\n  module = "vpc"\n}\n'),
  },
  {
    id: 'terraform-remote-state',
    pos: {
      'live/root.hcl':
        'generate "backend" {\n  path      = "backend.tf"\n  if_exists = "overwrite"\n  contents  = <<EOF\nterraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\nEOF\n}\n',
    },
    neg: { 'live/root.hcl': 'generate "provider" {\n  path     = "provider.tf"\n  contents = <<EOF\nprovider "aws" {}\nEOF\n}\n' },
  },
  {
    id: 'terraform-workspaces',
    pos: tf('locals {\n  env = terraform.workspace == "default" ? "dev" : terraform.workspace\n}\n'),
    neg: tf('variable "workspace" {}\nlocals {\n  env = var.workspace\n}\n'),
  },
  {
    id: 'docker-multi-stage',
    pos: { Dockerfile: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /app/node_modules ./node_modules\n' },
    neg: { Dockerfile: 'FROM node:20 AS app\nRUN npm ci\n' },
  },
  {
    id: 'image-scanning',
    pos: tf('resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n'),
    neg: tf('resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n'),
  },
  {
    id: 'k8s-rbac',
    pos: { 'chart/Chart.yaml': chartYaml(''), 'chart/templates/rbac.yaml': k8s('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'roleRef:\n  name: {{ .Release.Name }}\n') },
    neg: { 'chart/Chart.yaml': chartYaml(''), 'chart/templates/sa.yaml': k8s('v1', 'ServiceAccount', 'automountServiceAccountToken: false\n') },
  },
  {
    id: 'k8s-network-policy',
    pos: { 'k8s/np.yaml': k8s('cilium.io/v2', 'CiliumNetworkPolicy', 'spec:\n  endpointSelector: {}\n') },
    neg: { 'k8s/pool.yaml': k8s('cilium.io/v2alpha1', 'CiliumLoadBalancerIPPool', 'spec:\n  blocks: []\n') },
  },
  {
    id: 'k8s-operators',
    pos: { PROJECT: 'domain: example.com\nlayout:\n- go.kubebuilder.io/v4\nprojectName: widget-operator\n' },
    neg: { PROJECT: 'name: widgets\nowner: team\n' },
  },
  {
    id: 'k8s-autoscaling',
    pos: {
      'k8s/ray.yaml': k8s('ray.io/v1', 'RayCluster', 'spec:\n  enableInTreeAutoscaling: true\n'),
      'k8s/svc.yaml': k8s('example.com/v1', 'Service', 'spec:\n  autoscaling:\n    enabled: true\n    maxReplicas: 5\n'),
    },
    neg: { 'k8s/svc.yaml': k8s('example.com/v1', 'Service', 'spec:\n  autoscaling:\n    enabled: false\n    maxReplicas: 5\n  replicas: 2\n') },
  },
  {
    id: 'helm-chart-authoring',
    pos: { 'charts/web/Chart.yaml': chartYaml(''), 'charts/web/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' },
    neg: {
      'system/monitoring/Chart.yaml': chartYaml(dep('kube-prometheus-stack', 'https://prometheus-community.github.io/helm-charts')),
      'system/monitoring/values.yaml': 'kube-prometheus-stack:\n  grafana:\n    enabled: false\n',
    },
  },
  {
    id: 'ci-matrix',
    pos: { '.travis.yml': 'language: ruby\nrvm:\n  - 3.2\n  - 3.3\n' },
    neg: { '.travis.yml': 'language: ruby\nrvm:\n  - 3.3\n# matrix: include more rubies later\n' },
  },
  {
    id: 'ci-reusable-pipelines',
    pos: { '.gitlab-ci.yml': 'include:\n  - project: platform/ci\n    file: /templates/build.yml\nstages: [build]\n' },
    neg: { '.gitlab-ci.yml': 'stages: [build]\nbuild:\n  stage: build\n  script: make include\n' },
  },
  {
    id: 'ci-caching',
    pos: { '.github/workflows/ci.yml': workflow('      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n') },
    neg: { '.github/workflows/ci.yml': workflow('      - uses: actions/setup-node@v4\n        with:\n          cache: ""\n      # - uses: actions/cache@v4\n') },
  },
  {
    id: 'progressive-delivery',
    pos: tf(
      'resource "aws_codedeploy_deployment_group" "g" {\n  deployment_style {\n    deployment_type   = "BLUE_GREEN"\n    deployment_option = "WITH_TRAFFIC_CONTROL"\n  }\n}\n',
    ),
    neg: tf(
      'resource "aws_codedeploy_deployment_group" "g" {\n  deployment_style {\n    deployment_type   = "IN_PLACE"\n    deployment_option = "WITHOUT_TRAFFIC_CONTROL"\n  }\n}\n',
    ),
  },
  {
    id: 'prometheus-alerting',
    pos: {
      'monitoring/values.yaml':
        'additionalPrometheusRulesMap:\n  app:\n    groups:\n      - name: app\n        rules:\n          - alert: HighLatency\n            expr: histogram_quantile(0.9, rate(x[5m])) > 1\n',
    },
    neg: { 'monitoring/values.yaml': 'additionalPrometheusRulesMap: {}\ndefaultRules:\n  rules:\n    alertmanager: false\n' },
  },
  {
    id: 'dashboards-as-code',
    pos: tf('resource "aws_cloudwatch_dashboard" "main" {\n  dashboard_name = "main"\n  dashboard_body = jsonencode({ widgets = [] })\n}\n'),
    neg: tf('resource "aws_cloudwatch_log_group" "dashboard" {\n  name = "dashboard"\n}\n'),
  },
  {
    id: 'slo-definitions',
    pos: { 'slo/api.yaml': k8s('sloth.slok.dev/v1', 'PrometheusServiceLevel', 'spec:\n  service: api\n  slos: []\n') },
    neg: { 'rules/api.yaml': 'groups:\n  - name: api\n    rules:\n      - record: job:request_latency:p99\n        expr: histogram_quantile(0.99, x)\n' },
  },
  {
    id: 'secrets-management',
    pos: { 'platform/external-secrets/Chart.yaml': chartYaml(dep('external-secrets', 'https://charts.external-secrets.io')) },
    neg: { 'platform/cert-manager/Chart.yaml': chartYaml(dep('cert-manager', 'https://charts.jetstack.io')) },
  },
  { id: 'policy-as-code', pos: { 'clusters/prod/kyverno.yaml': helmRelease('kyverno') }, neg: { 'clusters/prod/kyverno-ui.yaml': helmRelease('policy-reporter') } },
  {
    id: 'sast-in-ci',
    pos: { '.golangci.yml': 'linters:\n  enable:\n    - gosec\n    - govet\n' },
    neg: { '.golangci.yml': 'linters:\n  enable-all: true\n  disable:\n    - gosec\n' },
  },
  {
    id: 'dependency-updates',
    pos: { '.github/renovate.json5': '{ extends: ["config:recommended"] }' },
    neg: { 'renovate.json.example': '{}', 'package.json': '{"devDependencies": {"renovate-config-validator": "1"}}' },
  },
  {
    id: 'sbom',
    pos: { '.github/scripts/release.sh': '#!/bin/sh\nsyft dir:. -o spdx-json > sbom.spdx.json\n' },
    neg: { '.github/scripts/release.sh': '#!/bin/sh\n# syft dir:. -o spdx-json\ngoreleaser release\n' },
  },
  { id: 'iac-scanning', pos: { 'scripts/lint.sh': '#!/bin/sh\ncheckov -d infra --quiet\n' }, neg: { 'scripts/lint.sh': '#!/bin/sh\n# checkov -d infra\nterraform validate\n' } },
  {
    id: 'gitops',
    pos: {
      'system/argocd/values.yaml':
        'argocd-apps:\n  applications:\n    web:\n      project: default\n      source:\n        repoURL: https://github.com/x/y\n        path: apps/web\n      destination:\n        namespace: web\n',
    },
    neg: { 'system/argocd/values.yaml': 'argocd-apps:\n  applications: []\nui:\n  applications:\n    - web\n    - api\n' },
  },
  {
    id: 'config-management',
    pos: { 'deploy/setup.yml': '- name: configure\n  ansible.builtin.template:\n    src: app.conf.j2\n    dest: /etc/app.conf\n' },
    neg: { 'deploy/setup.yml': '- name: configure\n  template:\n    src: app.conf.j2\n' },
  },
  {
    id: 'ml-pipelines',
    pos: {
      'flows/train.py': 'from prefect import flow, task\n\n@task\ndef fit_model(data):\n    return data\n\n@flow\ndef training():\n    fit_model([])\n',
      'k8s/job.yaml': k8s('ray.io/v1', 'RayJob', 'spec:\n  entrypoint: python train.py\n'),
    },
    neg: {
      'flows/etl.py': 'from prefect import flow, task\n\n@task\ndef extract():\n    return []\n\n@flow\ndef nightly_etl():\n    extract()\n',
      'k8s/cluster.yaml': k8s('ray.io/v1', 'RayCluster', 'spec:\n  headGroupSpec: {}\n'),
    },
  },
  {
    id: 'model-serving',
    pos: {
      'app/main.py': 'from fastapi import FastAPI\nimport joblib\n\napp = FastAPI()\nmodel = joblib.load("model.joblib")\n',
      'lambda/handler.py': 'import mlflow\n\n_model = mlflow.pyfunc.load_model("/opt/ml/model")\n\ndef handler(event, context):\n    return _model.predict(event)\n',
    },
    neg: {
      'app/main.py': 'from flask import Flask\nimport pickle\n\napp = Flask(__name__)\nwith open("cache.bin", "rb") as f:\n    cache = pickle.load(f)\n',
      'train/train.py': 'import joblib\nmodel = joblib.load("model.joblib")\n',
    },
  },
  {
    id: 'gpu-workloads',
    pos: {
      'k8s/transcode.yaml': deployment('          resources:\n            limits:\n              gpu.intel.com/i915: 1\n'),
      'k8s/claim.yaml': k8s(
        'resource.k8s.io/v1beta1',
        'ResourceClaimTemplate',
        'spec:\n  spec:\n    devices:\n      requests:\n        - name: gpu\n          deviceClassName: gpu.nvidia.com\n',
      ),
    },
    neg: {
      'k8s/transcode.yaml': deployment(
        '          resources:\n            limits:\n              cpu: 2\n      nodeSelector:\n        intel.feature.node.kubernetes.io/gpu: "true"\n',
      ),
      'k8s/claim.yaml': k8s(
        'resource.k8s.io/v1beta1',
        'ResourceClaimTemplate',
        'spec:\n  spec:\n    devices:\n      requests:\n        - name: nic\n          deviceClassName: sriov.example.com\n',
      ),
    },
  },
  {
    id: 'chaos-experiments',
    pos: { 'chaos/Chart.yaml': chartYaml(dep('chaos-mesh', 'https://charts.chaos-mesh.org')) },
    neg: { 'chaos/Chart.yaml': 'apiVersion: v2\nname: chaos-mesh-dashboards\nversion: 0.1.0\n' },
  },
  { id: 'load-testing', pos: { Makefile: 'load:\n\tk6 run --vus 10 load/smoke.js\n' }, neg: { Makefile: 'tools:\n\tbrew install k6\n\tk6 version\n' } },
  {
    id: 'cost-estimation',
    pos: { 'monitoring/values.yaml': 'opencost:\n  enabled: true\nclusterMetrics:\n  enabled: true\n' },
    neg: { 'monitoring/values.yaml': 'opencost:\n  enabled: false\nkubecost:\n  enabled: false\n' },
  },
  {
    id: 'service-catalog',
    pos: { 'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: payments\nspec:\n  owner: team\n' },
    neg: { 'catalog/info.yaml': 'kind: System\nname: payments\n' },
  },
  {
    id: 'golden-path-templates',
    pos: { 'copier.yml': '_subdirectory: template\nproject_name:\n  type: str\n' },
    neg: { '.copier-answers.yml': '_commit: v1.0.0\n_src_path: gh:org/template\nproject_name: x\n' },
  },
];

describe('scanner recall: one real-world positive and near miss per practice', () => {
  after(cleanTrees);

  it('covers every practice id', () => {
    assert.deepEqual(PRACTICE_RECALL.map((c) => c.id).sort(), [...PRACTICE_IDS].sort());
  });

  for (const c of PRACTICE_RECALL) it(`practice ${c.id}`, () => check([`p:${c.id}`], c.pos, c.neg));
});
