import * as assert from 'node:assert/strict';
import { cleanTrees, ids, scanTree } from './helpers';

const chart = 'apiVersion: v2\nname: web\nversion: 1.0.0\n';
const tmplDeploy =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.fullname" . }}\n  labels:\n    {{- include "web.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n';

describe('scanner traps', () => {
  after(cleanTrees);

  it('values.yaml without Chart.yaml is not Helm', async () => {
    const r = await scanTree({ 'deploy/values.yaml': 'replicaCount: 2\nimage:\n  repository: nginx\n', 'deploy/templates/x.yaml': 'a: 1\n' });
    assert.ok(!ids(r).t.includes('helm'));
    assert.ok(!ids(r).p.includes('helm-chart-authoring'));
  });

  it('Helm templates are Helm, not raw Kubernetes, but their objects still count for other ids', async () => {
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  project: default\n';
    const r = await scanTree({
      'charts/web/Chart.yaml': chart,
      'charts/web/templates/deployment.yaml': tmplDeploy,
      'charts/web/templates/app.yaml': app,
      'charts/web/templates/_helpers.tpl': '{{- define "x" -}}{{- end -}}\n',
    });
    assert.ok(ids(r).t.includes('helm'));
    assert.ok(ids(r).p.includes('helm-chart-authoring'));
    assert.ok(!ids(r).t.includes('kubernetes'), JSON.stringify(r.technologies));
    assert.ok(ids(r).t.includes('argocd'));
    assert.deepEqual(r.skipped, []);
  });

  it('the same templates folder without Chart.yaml holds plain Kubernetes', async () => {
    const r = await scanTree({ 'k8s/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n' });
    assert.ok(ids(r).t.includes('kubernetes'));
    assert.ok(!ids(r).t.includes('helm'));
  });

  it('sub-charts under <chart>/charts/ are vendored dependencies and are not scanned', async () => {
    const r = await scanTree({
      'web/Chart.yaml': chart,
      'web/charts/redis/Chart.yaml': chart,
      'web/charts/redis/templates/sts.yaml': tmplDeploy,
      'web/charts/redis/Dockerfile': 'FROM redis\n',
    });
    const helm = r.technologies.find((t) => t.id === 'helm');
    assert.deepEqual(helm?.evidence, ['web/Chart.yaml']);
    assert.ok(!ids(r).t.includes('docker'));
  });

  it('Flux Kustomization is Flux, kustomization.yaml is kustomize', async () => {
    const flux = await scanTree({ 'clusters/prod/apps.yaml': 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./apps\n' });
    assert.ok(ids(flux).t.includes('flux'));
    assert.ok(!ids(flux).t.includes('kustomize'));
    const kz = await scanTree({ 'overlays/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n' });
    assert.ok(ids(kz).t.includes('kustomize'));
    assert.ok(!ids(kz).t.includes('flux'));
  });

  it('.github/dependabot.yml is Dependabot, not a GitHub Actions workflow', async () => {
    const r = await scanTree({ '.github/dependabot.yml': 'version: 2\nupdates: []\n' });
    assert.deepEqual(ids(r).t, ['dependabot']);
  });

  it('`- name:` YAML that is not a playbook is not Ansible', async () => {
    const r = await scanTree({
      'config/users.yml': '- name: alice\n  role: admin\n- name: bob\n  role: dev\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: build\n        run: make\n',
      'mkdocs.yml': 'nav:\n  - name: Home\n',
    });
    assert.ok(!ids(r).t.includes('ansible'));
    assert.ok(!ids(r).p.includes('config-management'));
  });

  it('an Ansible task file named docker-compose.yml is not Compose; a v1 Compose file is', async () => {
    const task = await scanTree({ 'tasks/docker-compose.yml': '---\n- name: Install Docker Compose\n  get_url:\n    url: https://x\n    dest: /usr/local/bin/docker-compose\n' });
    assert.ok(!ids(task).t.includes('docker-compose'));
    const v1 = await scanTree({ 'docker-compose.yml': 'web:\n  build: .\n  ports:\n    - "5000:5000"\nredis:\n  image: redis\n' });
    assert.ok(ids(v1).t.includes('docker-compose'));
  });

  it('mentions in README and docs are not use', async () => {
    const r = await scanTree({
      'README.md': 'We deploy with Terraform, Helm, Argo CD and Prometheus; see Dockerfile and Jenkinsfile.\n',
      'docs/setup.md': '```yaml\napiVersion: apps/v1\nkind: Deployment\n```\n',
      'docs/examples/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n',
      'docs/Dockerfile': 'FROM node\n',
      'CHANGELOG.rst': 'Added terraform module\n',
    });
    assert.deepEqual(r.technologies, []);
    assert.deepEqual(r.practices, []);
  });

  it('technologies only under vendored folders are absent', async () => {
    const r = await scanTree({
      'node_modules/pkg/Dockerfile': 'FROM node\n',
      'vendor/github.com/x/y/main.tf': 'module "m" {\n  source = "x"\n}\n',
      'third_party/chart/Chart.yaml': chart,
      '.terraform/modules/vpc/main.tf': 'resource "a" "b" {}\n',
      '.venv/lib/python3.12/site-packages/airflow/dag.py': 'import airflow\n',
      'app.go': 'package main\n',
    });
    assert.deepEqual(r.technologies, []);
  });

  it('a technology found only in test fixtures is flagged fixtureOnly; real evidence is listed first', async () => {
    const r = await scanTree({ 'test/fixtures/repo/Dockerfile': 'FROM node\n', 'src/__fixtures__/main.tf': 'resource "a" "b" {}\n', 'infra/main.tf': 'resource "a" "b" {}\n' });
    const docker = r.technologies.find((t) => t.id === 'docker');
    const tf = r.technologies.find((t) => t.id === 'terraform');
    assert.equal(docker?.fixtureOnly, true);
    assert.equal(tf?.fixtureOnly, false);
    assert.equal(tf?.fileCount, 2);
  });

  it('a k8s/ folder YAML must hold apiVersion and kind', async () => {
    const r = await scanTree({ 'k8s/config.yaml': 'replicas: 3\nname: web\n', 'k8s/list.yaml': '- a\n- b\n' });
    assert.ok(!ids(r).t.includes('kubernetes'));
  });

  it('Backstage entities and kubeconfig-like files are not Kubernetes objects', async () => {
    const r = await scanTree({
      'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n',
      'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nmetadata:\n  name: app\n',
    });
    assert.ok(!ids(r).t.includes('kubernetes'));
    assert.ok(ids(r).t.includes('backstage') && ids(r).t.includes('skaffold'));
  });

  it('CloudFormation JSON needs AWSTemplateFormatVersion or AWS:: resources', async () => {
    const yes = await scanTree({ 'stack.template.json': '{"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}}' });
    assert.ok(ids(yes).t.includes('cloudformation'));
    const no = await scanTree({ 'data.json': '{"Resources":{"Q":{"Type":"Queue"}},"note":"AWS::"}' });
    assert.ok(!ids(no).t.includes('cloudformation'));
  });

  it('an SPDX licence header does not make an SBOM', async () => {
    const r = await scanTree({ '.github/workflows/ci.yml': '# SPDX-License-Identifier: MIT\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n' });
    assert.ok(!ids(r).p.includes('sbom'));
  });

  it('go.mod indirect dependencies do not count', async () => {
    const r = await scanTree({ 'go.mod': 'module x\n\nrequire (\n\tgithub.com/prometheus/client_golang v1.19.0 // indirect\n\tgo.opentelemetry.io/otel v1.24.0\n)\n' });
    assert.ok(!ids(r).t.includes('prometheus'));
    assert.ok(ids(r).t.includes('opentelemetry'));
  });
});
