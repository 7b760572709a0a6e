/**
 * Patterns seen on real public repositories (a Helm chart opting out of mesh injection, a Kyverno
 * policy library, Azure Developer CLI templates, Flux / Argo CD repos deploying charts, Buildkite
 * hook scripts, Pulumi HCL templates, …). Each rule has a positive and a negative case written
 * here as small synthetic trees.
 */
import * as assert from 'node:assert/strict';
import { cleanTrees, ids, scanTree } from './helpers';

const deployment = (annotations: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n${annotations}    spec:\n      containers:\n        - name: web\n          image: nginx\n`;
const clusterPolicy = (body: string) =>
  `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: p\nspec:\n  rules:\n  - name: r\n    mutate:\n      patchStrategicMerge:\n${body}`;
const workflow = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('scanner: real-world patterns', () => {
  after(cleanTrees);

  describe('service-mesh and Vault injection annotations', () => {
    it('injection switched on is Istio / Linkerd / Vault', async () => {
      const r = await scanTree({
        'k8s/web.yaml': deployment('        sidecar.istio.io/inject: "true"\n        linkerd.io/inject: enabled\n        vault.hashicorp.com/agent-inject: "true"\n'),
        'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio-injection: enabled\n',
      });
      assert.ok(ids(r).t.includes('istio'));
      assert.ok(ids(r).t.includes('linkerd'));
      assert.ok(ids(r).t.includes('vault'));
    });

    it('an opt-out (`"false"`, `disabled`) is not use', async () => {
      const r = await scanTree({
        'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'chart/templates/tests/check.yaml': deployment(
          '        sidecar.istio.io/inject: "false"\n        linkerd.io/inject: disabled\n        vault.hashicorp.com/agent-inject: "false"\n',
        ),
        'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio-injection: disabled\n',
      });
      assert.ok(!ids(r).t.includes('istio'), JSON.stringify(r.technologies));
      assert.ok(!ids(r).t.includes('linkerd'));
      assert.ok(!ids(r).t.includes('vault'));
    });

    it('annotations and images named by a policy (or in a description) are not the repository using them', async () => {
      const r = await scanTree({
        'istio/require-injection.yaml': clusterPolicy('        metadata:\n          labels:\n            istio-injection: enabled\n'),
        'other/inject-sidecar.yaml': clusterPolicy(
          '        metadata:\n          annotations:\n            (vault.hashicorp.com/agent-inject): "true"\n        spec:\n          containers:\n          - name: vault-agent\n            image: vault:1.5.4\n',
        ),
        'other/artifacthub-pkg.yml':
          'name: inject-sidecar\ndescription: >-\n  Injects a sidecar into Pods that match an annotation called `vault.hashicorp.com/agent-inject: true`.\n',
      });
      assert.ok(ids(r).t.includes('kyverno'));
      assert.ok(!ids(r).t.includes('istio'), JSON.stringify(r.technologies));
      assert.ok(!ids(r).t.includes('vault'), JSON.stringify(r.technologies));
      assert.ok(!ids(r).p.includes('secrets-management'));
    });
  });

  describe('Kyverno', () => {
    it('Chainsaw tests (chainsaw.kyverno.io) are not Kyverno policies nor Kubernetes objects', async () => {
      const r = await scanTree({
        '.chainsaw.yaml': 'apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: e2e\nspec:\n  parallel: 4\n',
        'tests/e2e/basic/chainsaw-test.yaml':
          'apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: basic\nspec:\n  steps:\n  - try:\n    - apply:\n        file: cr.yaml\n',
      });
      assert.ok(!ids(r).t.includes('kyverno'), JSON.stringify(r.technologies));
      assert.ok(!ids(r).t.includes('kubernetes'));
      assert.ok(!ids(r).p.includes('policy-as-code'));
    });

    it('a ClusterPolicy is Kyverno', async () => {
      const r = await scanTree({ 'policies/p.yaml': clusterPolicy('        metadata:\n          labels:\n            team: a\n') });
      assert.ok(ids(r).t.includes('kyverno'));
      assert.ok(ids(r).p.includes('policy-as-code'));
    });

    it('resources under .kyverno-test/ and .chainsaw-test/ are test fixtures', async () => {
      const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\nspec:\n  project: default\n';
      const fixtures = await scanTree({
        'argo/app-project/app-project.yaml': clusterPolicy('        metadata:\n          labels:\n            team: a\n'),
        'argo/app-project/.kyverno-test/resource.yaml': app,
        'argo/app-project/.chainsaw-test/good.yaml': app,
      });
      assert.equal(fixtures.technologies.find((t) => t.id === 'argocd')?.fixtureOnly, true);
      assert.equal(fixtures.technologies.find((t) => t.id === 'kyverno')?.fixtureOnly, false);
      const real = await scanTree({ 'apps/kyverno-test/app.yaml': app });
      assert.equal(real.technologies.find((t) => t.id === 'argocd')?.fixtureOnly, false);
    });
  });

  describe('CI', () => {
    it('Azure Developer CLI templates keep Azure Pipelines under .azdo/pipelines/', async () => {
      const yes = await scanTree({
        '.azdo/pipelines/azure-dev.yml': 'trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      inlineScript: azd provision\n',
      });
      assert.ok(ids(yes).t.includes('azure-pipelines'));
      const no = await scanTree({ '.azdo/settings.yml': 'owner: team-a\nlabels: [x]\n' });
      assert.ok(!ids(no).t.includes('azure-pipelines'));
    });

    it("codeql-action/upload-sarif alone uploads another scanner's results: not CodeQL", async () => {
      const upload = await scanTree({
        '.github/workflows/scorecards.yml': workflow(
          '      - uses: ossf/scorecard-action@v2\n      - uses: github/codeql-action/upload-sarif@v3\n        with:\n          sarif_file: results.sarif\n',
        ),
      });
      assert.ok(!ids(upload).t.includes('codeql'), JSON.stringify(upload.technologies));
      assert.ok(!ids(upload).p.includes('sast-in-ci'));
      const analyze = await scanTree({
        '.github/workflows/codeql.yml': workflow(
          '      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/autobuild@v3\n      - uses: github/codeql-action/analyze@v3\n',
        ),
      });
      assert.ok(ids(analyze).t.includes('codeql'));
      assert.ok(ids(analyze).p.includes('sast-in-ci'));
    });

    it('GitLab security templates and components are scanners run in CI', async () => {
      const yes = await scanTree({
        '.gitlab-ci.yml':
          'include:\n  - template: Jobs/SAST.gitlab-ci.yml\n  - template: Jobs/SAST-IaC.latest.gitlab-ci.yml\n  - template: Security/Container-Scanning.gitlab-ci.yml\nstages: [test]\n',
      });
      for (const id of ['sast-in-ci', 'iac-scanning', 'image-scanning']) assert.ok(ids(yes).p.includes(id), id);
      const no = await scanTree({ '.gitlab-ci.yml': 'include:\n  - template: Jobs/Code-Quality.gitlab-ci.yml\nstages: [test]\ntest:\n  script: make test\n' });
      for (const id of ['sast-in-ci', 'iac-scanning', 'image-scanning']) assert.ok(!ids(no).p.includes(id), id);
    });

    it('Azure DevOps Advanced Security CodeQL and Snyk tasks', async () => {
      const yes = await scanTree({
        'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - task: AdvancedSecurity-Codeql-Init@1\n  - task: AdvancedSecurity-Codeql-Analyze@1\n  - task: SnykSecurityScan@1\n',
      });
      assert.ok(ids(yes).t.includes('codeql') && ids(yes).t.includes('snyk'));
      assert.ok(ids(yes).p.includes('sast-in-ci'));
      const no = await scanTree({ 'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - task: AdvancedSecurity-Dependency-Scanning@1\n  - script: make\n' });
      assert.ok(!ids(no).t.includes('codeql') && !ids(no).t.includes('snyk'));
    });

    it('`sbom: false` on a build step is not an SBOM; `sbom: true` is', async () => {
      const step = (v: string) => workflow(`      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          provenance: false\n          sbom: ${v}\n`);
      assert.ok(!ids(await scanTree({ '.github/workflows/release.yml': step('false') })).p.includes('sbom'));
      assert.ok(ids(await scanTree({ '.github/workflows/release.yml': step('true') })).p.includes('sbom'));
    });

    it('extension-less shell scripts anywhere under script / CI folders are bash (by shebang)', async () => {
      const yes = await scanTree({ '.buildkite/hooks/pre-command': '#!/usr/bin/env bash\nset -euo pipefail\n', 'scripts/ci/release': '#!/bin/sh -e\necho hi\n' });
      assert.deepEqual(yes.technologies.find((t) => t.id === 'bash')?.evidence, ['.buildkite/hooks/pre-command', 'scripts/ci/release']);
      const no = await scanTree({
        'scripts/ci/notify': '#!/usr/bin/env python3\nprint(1)\n',
        'tools/lint/LICENSE': '#!/bin/sh is not a licence, but the name says so\n',
        'src/run': '#!/bin/bash\necho outside a script folder\n',
      });
      assert.ok(!ids(no).t.includes('bash'), JSON.stringify(no.technologies));
    });
  });

  describe('Helm used through GitOps', () => {
    it('a Flux HelmRelease or an Argo CD Application with a chart source deploys with Helm', async () => {
      const flux = await scanTree({
        'apps/base/podinfo/release.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  chart:\n    spec:\n      chart: podinfo\n',
      });
      assert.ok(ids(flux).t.includes('helm') && ids(flux).t.includes('flux'));
      const argo = await scanTree({
        'apps/redis.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: redis\nspec:\n  source:\n    repoURL: https://charts.bitnami.com/bitnami\n    chart: redis\n    targetRevision: 19.0.0\n',
      });
      assert.ok(ids(argo).t.includes('helm') && ids(argo).t.includes('argocd'));
    });

    it('Flux sources and an Argo CD Application of plain manifests are not Helm', async () => {
      const r = await scanTree({
        'clusters/prod/sync.yaml': 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: flux-system\nspec:\n  url: https://github.com/x/y\n',
        'apps/guestbook.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: guestbook\nspec:\n  source:\n    repoURL: https://github.com/x/y\n    path: guestbook\n',
      });
      assert.ok(!ids(r).t.includes('helm'), JSON.stringify(r.technologies));
    });
  });

  describe('Airflow on Astronomer', () => {
    it('an Astro Runtime image is Airflow', async () => {
      const yes = await scanTree({ Dockerfile: 'FROM quay.io/astronomer/astro-runtime:12.7.0\n' });
      assert.ok(ids(yes).t.includes('airflow'));
      const no = await scanTree({ Dockerfile: 'FROM quay.io/astronomer/other-image:1.0\n' });
      assert.ok(!ids(no).t.includes('airflow'));
    });
  });

  describe('progressive delivery by hand', () => {
    it('an Istio VirtualService splitting traffic by weight is a canary', async () => {
      const vs = (routes: string) =>
        `apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: cart\nspec:\n  hosts: [cart]\n  http:\n  - route:\n${routes}`;
      const yes = await scanTree({
        'canary/vs.yaml': vs(
          '    - destination:\n        host: cart\n        subset: v1\n      weight: 90\n    - destination:\n        host: cart\n        subset: v2\n      weight: 10\n',
        ),
      });
      assert.ok(ids(yes).p.includes('progressive-delivery'));
      const no = await scanTree({ 'mesh/vs.yaml': vs('    - destination:\n        host: cart\n') });
      assert.ok(!ids(no).p.includes('progressive-delivery'));
    });
  });

  describe('Bicep', () => {
    it('Key Vault secrets in Bicep are secrets management', async () => {
      const yes = await scanTree({
        'infra/main.bicep':
          "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: kvName\n}\nresource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  parent: kv\n  name: 'db'\n}\n",
      });
      assert.ok(ids(yes).p.includes('secrets-management'));
      const no = await scanTree({ 'infra/main.bicep': "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n}\n" });
      assert.ok(ids(no).t.includes('azure-bicep'));
      assert.ok(!ids(no).p.includes('secrets-management'));
    });
  });

  describe('Pulumi HCL', () => {
    it('*.tf beside Pulumi.yaml is a Pulumi program, not Terraform', async () => {
      const tf = 'terraform {\n  backend "s3" {\n    bucket = "b"\n  }\n}\nresource "aws_s3_bucket" "b" {}\n';
      const pulumi = await scanTree({ 'aws-hcl/Pulumi.yaml': 'name: x\nruntime: hcl\n', 'aws-hcl/main.tf': tf });
      assert.ok(ids(pulumi).t.includes('pulumi'));
      assert.ok(!ids(pulumi).t.includes('terraform'), JSON.stringify(pulumi.technologies));
      assert.ok(!ids(pulumi).p.includes('terraform-remote-state'));
      const terraform = await scanTree({ 'infra/main.tf': tf, 'pulumi/Pulumi.yaml': 'name: x\nruntime: nodejs\n' });
      assert.ok(ids(terraform).t.includes('terraform'));
      assert.ok(ids(terraform).p.includes('terraform-remote-state'));
    });
  });
});
