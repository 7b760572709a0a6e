/**
 * Every detector runs in linear time on hostile content at the read cap (256 KiB).
 *
 * Regex backtracking used to stall scans: a 125-byte `docker-compose.yml` (`x:` and 15 indented
 * lines) took 26 s, a workflow of 3,000 blank lines 10 s, a `requirements.txt` holding one 256 KB
 * line of spaces 94 s. Here every file kind the registry reads gets the same kinds of bait: floods
 * of blank lines (`\n`, `\r\n`, `\r`, U+2028), runs of blanks, one long line, and each detector's
 * own keywords repeated (on one line, back to back, one per line with `\n` or `\r`, or before a
 * flood of blanks): the partial matches that make a backtracking regex retry. Whole documents
 * repeated (many objects in one file, a JSON List of 1,000 items) check that per-object rules do
 * not re-read the whole file for each object.
 *
 * Each case is timed through `inspectFile` (so every interested detector, the read and the decode
 * are in it) against a plain pass over the same text (`indexOf` of a NUL plus a char-code sum), and
 * fails when it takes more than RATIO times that and more than FLOOR_MS. A linear detector is far
 * below both on a noisy 2-core machine (most cases take a few ms); a backtracking one took seconds
 * to hours. A case is timed up to 3 times and its fastest run counts. Cases that make a detector
 * parse the file as YAML (the `yaml` package, not a regex of ours, some 0.5 s for 256 KB) may also
 * take a few parses of the same text (see limitOf).
 *
 * The cases run in a child process (this same file, started with ADVERSARIAL_CHILD=1), so that a
 * regex that would run for hours is killed after DEADLINE_MS and the next case goes on in a fresh
 * child. ADVERSARIAL_REPORT=<file> writes every case's figures there as JSON, ADVERSARIAL_DEADLINE_MS
 * changes the deadline and ADVERSARIAL_ONLY=<regex> keeps only the matching cases.
 *
 * The rules rewritten as loops are also checked against the regexes they replace (last describe).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { hasV1Service } from '../../../src/scanner/detectors/containers';
import { terraformSource } from '../../../src/scanner/detectors/iac';
import { dependencyNames } from '../../../src/scanner/detectors/manifests';
import { sloRecord } from '../../../src/scanner/detectors/observability';
import { DETECTORS, classify } from '../../../src/scanner/detectors/registry';
import { thenOnSameLine } from '../../../src/scanner/detectors/util';
import { DEFAULT_MAX_BYTES_PER_FILE, inspectFile } from '../../../src/scanner/engine';
import { parseYaml } from '../../../src/scanner/yamlLib';

const CAP = DEFAULT_MAX_BYTES_PER_FILE;
/** A case fails above max(FLOOR_MS, RATIO × the plain pass) (and see limitOf). */
const RATIO = 2000;
const FLOOR_MS = 1000;
/** A case still running after this long is killed (and fails). */
const DEADLINE_MS = Number(process.env.ADVERSARIAL_DEADLINE_MS) || 10_000;

// --- The cases -------------------------------------------------------------------------------

/**
 * Paths by kind of content. Together they wake every detector of the registry (checked below),
 * and every CI system (weak paths too, whose content must confirm them).
 */
const KINDS: Record<string, string[]> = {
  ci: [
    '.github/workflows/x.yml',
    'action.yml',
    '.gitlab-ci.yml',
    '.gitlab/ci/build.yml',
    '.circleci/config.yml',
    '.circleci/jobs.yml',
    'azure-pipelines.yml',
    '.azure-pipelines/build.yml',
    'bitbucket-pipelines.yml',
    '.travis.yml',
    'cloudbuild.yaml',
    'cloudbuild.json',
    'buildspec.yml',
    '.buildkite/pipeline.yml',
    '.buildkite/deploy.yml',
    '.drone.yml',
  ],
  groovy: ['Jenkinsfile', 'vars/deploy.groovy'],
  shell: ['ci/run.sh', 'bin/tool'],
  make: ['Makefile', 'Taskfile.yml', '.pre-commit-config.yaml'],
  hcl: ['main.tf', 'x.tf.json', 'terragrunt.hcl', 'vault.hcl', 'main.bicep', 'cdk.json', 'stack.template'],
  yaml: [
    'k8s/deploy.yaml',
    'site.yml',
    'rules.yml',
    'prometheus.yml',
    'values.yaml',
    'chart/values.yaml',
    'chart/Chart.yaml',
    'chart/templates/deploy.yaml',
    'roles/web/meta/main.yml',
    'app-config.yaml',
    'serverless.yml',
  ],
  containers: ['Dockerfile', 'docker-compose.yml', 'compose.yaml', 'kustomization.yaml', 'skaffold.yaml', 'PROJECT'],
  manifests: [
    'requirements.txt',
    'pyproject.toml',
    'setup.py',
    'Pipfile',
    'environment.yml',
    'go.mod',
    'pom.xml',
    'build.gradle',
    'app.csproj',
    'Gemfile',
    'Cargo.toml',
    'package.json',
    'composer.json',
  ],
  python: ['train.py', 'nb.ipynb', 'dags/etl.py'],
  observability: ['fluent-bit.conf', 'nginx.conf', 'grafana.ini', 'dash.jsonnet', 'dashboard.json'],
  other: ['load/script.js', 'manifests/init.pp', 'recipes/default.rb', 'dvc.yaml', 'pipeline.yaml', 'secrets.env'],
  // Read since the recall rules: tools run from scripts, log pipelines, Jinja manifests, Terragrunt roots.
  recall: ['config.alloy', 'vector/vector.toml', 'k8s/x.yaml.j2', 'mod.just', 'Procfile', 'live/root.hcl', '.golangci.yml', 'scripts/deploy.sh'],
};

const GH = '.github/workflows/x.yml';
const K8S = 'k8s/deploy.yaml';

/**
 * Each detector's own keywords, with the paths whose detectors look for them: repeated, they are
 * the partial matches a backtracking regex retries on.
 */
const WORDS: [string[], string[]][] = [
  // Tools run from scripts and task files, log outputs, Terragrunt roots: the recall rules' own words.
  [
    ['scripts/deploy.sh', 'mod.just', 'Procfile', 'Makefile'],
    ['helm upgrade --install', 'helm ', 'terraform apply', 'kubectl apply -k', 'trivy image', 'checkov -d', 'helmfile sync', 'k6 run', '# helm', 'ddtrace-run'],
  ],
  [
    ['config.alloy', 'vector/vector.toml', 'fluent-bit.conf', 'k8s/deploy.yaml'],
    ['[OUTPUT]', 'Name loki', '@type', 'exporters:', 'otelcol.exporter.', 'loki.write', '[sinks.', 'type = "loki"', 'OTEL_EXPORTER_OTLP_'],
  ],
  [
    ['live/root.hcl', 'terragrunt.hcl'],
    ['generate "backend" {', 'remote_state {', 'backend "s3"', 'terraform {'],
  ],
  // CI: what confirms a weak path, then the practices (matrix, caching, reusable pipelines) and the tools run.
  [
    ['action.yml', GH, '.gitlab/ci/build.yml', '.circleci/jobs.yml', '.azure-pipelines/build.yml', 'cloudbuild.yaml', 'cloudbuild.json', 'buildspec.yml', '.buildkite/deploy.yml'],
    ['runs:', 'jobs:', '  script:', '  stage:', 'include:', 'stages:', 'steps:', '- task:', '- template:', '"steps":', 'name', 'phases:', '- command:', '- label:'],
  ],
  [
    [GH, '.gitlab-ci.yml', 'azure-pipelines.yml'],
    [
      'matrix',
      'matrix:',
      'cache:',
      '- cache:',
      'caches:',
      'actions/cache@',
      '--cache-from',
      'cache-from:',
      'workflow_call',
      'uses: ',
      "uses: './.github/workflows/",
      'uses: a/b/.github/workflows/',
      'using: composite',
      'extends:',
      '!reference [',
      '- component:',
    ],
  ],
  [['.circleci/config.yml'], ['orbs:']],
  [['bitbucket-pipelines.yml'], ['- pipe:']],
  [['.travis.yml'], ['import:']],
  [['.buildkite/pipeline.yml'], ['- trigger:', 'pipeline upload']],
  [['.drone.yml'], ['- template:', 'kind: template']],
  [
    [GH, 'Makefile', '.pre-commit-config.yaml', 'ci/run.sh'],
    [
      'trivy',
      'trivy image',
      'scan-type:',
      'image-ref:',
      'semgrep',
      'codeql database',
      'snyk container',
      'sbom',
      'sbom:',
      'syft',
      'locust -f',
      'vault kv',
      'sops -d',
      'argocd app',
      'flux bootstrap',
      'chaos run',
      'k6 run',
      'opa eval',
      'kyverno apply',
      'docker scout cves',
      'Security/SAST.gitlab-ci.yml',
      'datadog/x-action',
      'DD_API_KEY',
      'infracost',
      'pre-commit run',
      'conftest',
    ],
  ],
  [
    ['Jenkinsfile', 'vars/deploy.groovy'],
    ['@Library(', 'library(', 'library identifier:', 'parallel {', 'axis {', 'matrix {', 'def call(', 'pipeline {', 'sh (', 'trivy'],
  ],
  [['bin/tool'], ['#!/usr/bin/env ', '#!/bin/']],
  // Infrastructure as code.
  [
    ['main.tf'],
    [
      'module "x" {',
      'source =',
      'backend "s3" {',
      'resource "',
      'data "',
      'resource "grafana_',
      'provider "vault"',
      'resource "aws_fis_experiment_template"',
      'resource "kubernetes_manifest"',
      '<<EOF',
      '<<-',
      '"${',
      '/*',
      '#',
      '{',
    ],
  ],
  [['terragrunt.hcl'], ['terraform {', 'remote_state {', 'dependency "', 'backend "']],
  [
    ['vault.hcl'],
    ['storage "a" {', 'listener "tcp" {', 'path "', 'capabilities = [', 'auto_auth {', 'vault {', 'template {', 'seal "', 'source "a" "b" {', 'build {', 'job "', 'driver ='],
  ],
  [['main.bicep'], ["'Microsoft.KeyVault/vaults@", '.getSecret (']],
  [
    ['cdk.json', 'stack.template', 'x.tf.json'],
    ['"app":', 'AWSTemplateFormatVersion', 'AWS::', '{'],
  ],
  [
    ['manifests/init.pp', 'recipes/default.rb'],
    ['class ', 'package {', 'package "', 'include_recipe '],
  ],
  // YAML read by every YAML detector (objects, annotations, Ansible, observability, secrets, load tests).
  [
    [K8S],
    [
      'apiVersion: v1',
      'apiVersion: ',
      'kind: Pod',
      'metadata:',
      '---',
      '- ',
      'image: ',
      'weight:',
      '  chart:',
      'istio',
      'sidecar.istio.io/inject: ',
      'istio.io/rev: ',
      'linkerd.io/inject: ',
      'nvidia.com/gpu',
      'vault.hashicorp.com/role:',
      'sops:',
      '"sops": {',
      'mac',
      '  decryption:',
      'groups:',
      '- alert:',
      'record:',
      'scrape_configs:',
      'route:',
      'receivers:',
      'pipeline:',
      '  inputs:',
      'ansible.builtin.copy:',
      '- hosts:',
      '- name: x',
      '  hosts:',
      'import_playbook:',
      'config:',
      'scenarios:',
      '  target:',
      'steady-state-hypothesis',
      '"method":',
      'AWS::',
      '{{',
      '{{-',
      'service:',
    ],
  ],
  [['site.yml'], ['- hosts:', '- name: x', '  hosts:', 'import_playbook:', 'ansible.builtin.copy:', '- ']],
  [['chart/templates/deploy.yaml'], ['apiVersion: v1', 'apiVersion: ', 'kind: Pod', 'metadata:', '---', '{{', '{{-', 'image: ', '  chart:', 'weight:']],
  [['rules.yml'], ['groups:', '- alert:', 'record:', 'record: slo']],
  [['roles/web/meta/main.yml'], ['galaxy_info:']],
  [
    ['app-config.yaml', 'serverless.yml'],
    ['backend:', 'service:', '"service":', 'provider:'],
  ],
  [['secrets.env'], ['sops_version=', 'mac', 'lastmodified']],
  // Containers.
  [
    ['Dockerfile'],
    ['FROM ', 'FROM --a=b ', 'FROM a AS ', 'COPY --from=', 'ENV NVIDIA_VISIBLE_DEVICES', 'pip install ', 'pip3 install apache-airflow', 'torchserve', 'bentoml serve'],
  ],
  [
    ['docker-compose.yml', 'compose.yaml'],
    ['services:', 'x:', '  image:', 'capabilities:', 'driver: nvidia', '- gpu', '- '],
  ],
  [['kustomization.yaml'], ['apiVersion: kustomize.toolkit.fluxcd.io/', 'argoproj/argo-cd', 'fluxcd/flux2']],
  [
    ['skaffold.yaml', 'PROJECT'],
    ['apiVersion: skaffold/', 'domain:', 'layout:'],
  ],
  // Dependency manifests.
  [
    ['requirements.txt', 'pyproject.toml', 'environment.yml'],
    ['a', 'a ', 'a[', 'a[x', '- a', '"a', '"a[', "'a", 'apache-airflow', 'name = "'],
  ],
  [['go.mod'], ['require ', 'a.b/c ', 'a.b/c v1', 'a.b.', '// indirect']],
  [['pom.xml'], ['<groupId>', '<groupId>a</groupId>', '<artifactId>']],
  [['build.gradle'], ['"a:', "'a:b:", 'id', 'id(', 'id "', 'module = "a:b']],
  [['app.csproj'], ['<PackageReference Include="', '<package id="']],
  [['Gemfile'], ['gem "', 'spec.add_dependency']],
  [['Cargo.toml'], ['a =', 'a-']],
  [
    ['package.json', 'composer.json'],
    ['"dependencies": {', '{', '"'],
  ],
  // Python and notebooks, MLOps files.
  [
    ['train.py', 'nb.ipynb', 'dags/etl.py'],
    ['import ', 'from ', 'from a import ', 'from ray import serve', 'DAG(', '@dag', 'airflow.models', '\\n', '  "', '"import '],
  ],
  [
    ['dvc.yaml', 'pipeline.yaml'],
    ['stages:', 'pipelineInfo:', 'deploymentSpec:'],
  ],
  // Observability.
  [
    ['fluent-bit.conf', 'nginx.conf', 'grafana.ini'],
    ['[INPUT]', '[SERVICE]', 'Name ', 'Match ', '[server]', '['],
  ],
  [['dash.jsonnet'], ['grafonnet', 'grafanaDashboards:', 'dashboard.new (', "alert: '", 'prometheusAlerts+', 'prometheusRules:']],
  [['dashboard.json'], ['"panels"', 'schemaVersion', '"rows": [']],
  // Other.
  [['load/script.js'], ['from "k6', "require('k6", 'require (']],
];

/** Whole documents repeated: many objects, each looked at against the whole file. */
const DOCUMENTS: [string, string[], string][] = [
  ['Tekton tasks', [K8S], 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {}\nspec:\n  steps: []\n---\n'],
  ['Argo CD applications', ['k8s/deploy.yaml', 'chart/templates/deploy.yaml'], 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\n---\n'],
  ['Argo workflows', ['k8s/deploy.yaml'], 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {}\n---\n'],
  ['VirtualServices', ['k8s/deploy.yaml'], 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {}\n---\n'],
  ['ConfigMaps', ['k8s/deploy.yaml'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\ndata:\n  a: scrape_configs\n---\n'],
  ['PrometheusRules', ['k8s/deploy.yaml'], 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {}\n---\n'],
  ['Deployments', ['k8s/deploy.yaml', 'chart/templates/deploy.yaml'], 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n---\n'],
  ['rule groups', ['rules.yml'], 'groups:\n- name: a\n  rules:\n  - alert: A\n    expr: up\n'],
  ['plays', ['site.yml'], '- hosts: all\n  tasks: []\n'],
  ['compose services', ['docker-compose.yml'], 'x:\n  a: 1\n'],
];

/** Baits found by a ReDoS checker (recheck) rather than by hand. */
const CRAFTED: [string, string[], () => string][] = [
  ['an image tag of `cuda`s that fails at its end', ['Dockerfile'], () => fill('cuda', 'FROM a:', ':')],
  ['`0[` on each of many \\r-ended lines', ['requirements.txt'], () => fill("'.\r0[\r")],
];

/** A JSON List of objects: each item is looked at, so each must not re-read the whole file. */
const JSON_LISTS: [string, string][] = [
  ['Tekton', '{"apiVersion":"tekton.dev/v1","kind":"Task","metadata":{}}'],
  ['Deployment', '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{}}'],
  ['Workflow', '{"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{}}'],
  ['ConfigMap', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{},"data":{"a":"scrape_configs"}}'],
  ['VirtualService', '{"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{}}'],
  ['PrometheusRule', '{"apiVersion":"monitoring.coreos.com/v1","kind":"PrometheusRule","metadata":{}}'],
  ['Argo CD Application', '{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{}}'],
  ['dashboard ConfigMap', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"labels":{"grafana_dashboard":"1"}}}'],
];

interface Case {
  path: string;
  bait: string;
  make: () => string;
}

/** `prefix` + `unit` repeated + `suffix`, `CAP` bytes in all (UTF-16 units here; UTF-8 is cut by the engine). */
function fill(unit: string, prefix = '', suffix = ''): string {
  const room = Math.max(0, CAP - prefix.length - suffix.length);
  return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + suffix;
}

const GENERIC: [string, () => string][] = [
  ['\\n flood', () => fill('\n')],
  ['\\r\\n flood', () => fill('\r\n')],
  ['\\r flood', () => fill('\r')],
  ['U+2028 flood', () => fill('\u2028')],
  ['spaces', () => fill(' ')],
  ['spaces then x', () => fill(' ', '', 'x')],
  ['tabs and spaces lines', () => fill(' \t \n')],
  ['one long line', () => fill('a')],
  ['dotted word', () => fill('a.')],
  ['"- " repeated', () => fill('- ')],
  ['"- " lines', () => fill('- \n')],
  ['x: then indented lines', () => fill('  a\n', 'x:\n')],
  ['{{ repeated', () => fill('{{')],
  ['[ repeated', () => fill('[')],
  ['quotes', () => fill('"a ')],
  ['": " repeated', () => fill(': ')],
];

export function buildCases(): Case[] {
  const cases: Case[] = [];
  const all = Object.values(KINDS).flat();
  for (const path of all) for (const [bait, make] of GENERIC) cases.push({ path, bait, make });
  for (const [paths, words] of WORDS) {
    for (const path of paths) {
      for (const w of words) {
        cases.push({ path, bait: `${JSON.stringify(w)} on one line`, make: () => fill(`${w} `) });
        cases.push({ path, bait: `${JSON.stringify(w)} back to back`, make: () => fill(w) });
        cases.push({ path, bait: `${JSON.stringify(w)} lines`, make: () => fill(`${w}\n`) });
        cases.push({ path, bait: `${JSON.stringify(w)} \\r-ended lines`, make: () => fill(`${w}\r`) });
        cases.push({ path, bait: `${JSON.stringify(w)} then spaces`, make: () => fill(' ', w, 'x') });
        cases.push({ path, bait: `${JSON.stringify(w)} then blank lines`, make: () => fill('\n', w, 'x') });
      }
    }
  }
  for (const [name, paths, doc] of DOCUMENTS) for (const path of paths) cases.push({ path, bait: `${name} repeated`, make: () => fill(doc).slice(0, CAP - (CAP % doc.length)) });
  for (const [name, paths, make] of CRAFTED) for (const path of paths) cases.push({ path, bait: name, make });
  for (const [name, item] of JSON_LISTS) {
    cases.push({
      path: 'k8s/list.json',
      bait: `JSON List of ${name}`,
      make: () => {
        const head = '{"apiVersion":"v1","kind":"List","metadata":{},"items":[';
        const n = Math.floor((CAP - head.length - 2) / (item.length + 1));
        return `${head}${Array(n).fill(item).join(',')}]}`;
      },
    });
  }
  // ADVERSARIAL_ONLY=<regex> keeps the cases whose `path / bait` matches (while working on one detector).
  const only = process.env.ADVERSARIAL_ONLY;
  return only ? cases.filter((c) => new RegExp(only).test(`${c.path} / ${c.bait}`)) : cases;
}

// --- Timing (the child) ----------------------------------------------------------------------

let sink = 0;

/** The plain pass: indexOf of a NUL and a char-code sum over the same text. */
function baseline(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    let sum = text.indexOf('\u0000');
    for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
    sink ^= sum;
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** What the engine does when a detector needs a YAML file's content: parse every document (js-yaml, or `yaml` where it must) and convert it. */
function yamlParse(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    parseYaml(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

interface Timing {
  i: number;
  ms: number;
  /** The plain pass over the same text. */
  base: number;
  /** A YAML parse of the same text, measured only for a case over the plain limit. */
  parse?: number;
  runs: number;
  /** Killed at the deadline. */
  killed?: boolean;
}

/**
 * A case's limit: RATIO times the plain pass, at least FLOOR_MS. A detector may also have the file
 * parsed as YAML (by the `yaml` package, not by a regex of ours: e.g. a line starting with
 * `- hosts:` makes the Ansible detector parse the file), so a case whose YAML parse is slow may
 * also take PARSES parses of it.
 */
const PARSES = 3;
const limitOf = (t: Pick<Timing, 'base' | 'parse'>): number => Math.max(FLOOR_MS, RATIO * t.base, FLOOR_MS + PARSES * (t.parse ?? 0));

async function runChild(): Promise<void> {
  const cases = buildCases();
  const from = Number(process.env.ADVERSARIAL_FROM) || 0;
  const encoder = new TextEncoder();
  // Warm up the detectors, the YAML parser and the baseline loop, so that no case pays for loading or compiling them.
  for (const path of ['k8s/deploy.yaml', 'site.yml', 'main.tf', 'Dockerfile']) await inspectFile(path, 'apiVersion: v1\nkind: Pod\nmetadata: {}\n');
  await inspectFile('site.yml', fill('- hosts: all\n  tasks: []\n').slice(0, CAP / 4));
  baseline(' '.repeat(CAP));
  for (let i = from; i < cases.length; i++) {
    const { path, make } = cases[i];
    const bytes = encoder.encode(make()).subarray(0, CAP);
    const text = new TextDecoder().decode(bytes);
    const timing: Timing = { i, ms: Infinity, base: baseline(text), runs: 0 };
    // Up to 3 runs; one under the limit is enough (the fastest run counts).
    while (timing.runs < 3 && timing.ms > limitOf(timing)) {
      const t0 = performance.now();
      await inspectFile(path, bytes);
      timing.ms = Math.min(timing.ms, performance.now() - t0);
      timing.runs++;
      if (timing.ms > limitOf(timing) && timing.parse === undefined) timing.parse = yamlParse(text);
    }
    process.stdout.write(`${JSON.stringify(timing)}\n`);
  }
  if (sink === 0.5) console.log(sink);
}

/** Runs every case in child processes; a case past the deadline is killed and the rest go on in a new child. */
function runAll(total: number): Promise<Timing[]> {
  const out: Timing[] = [];
  return new Promise((resolve, reject) => {
    const start = (from: number) => {
      if (from >= total) return resolve(out);
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', __filename], {
        env: { ...process.env, ADVERSARIAL_CHILD: '1', ADVERSARIAL_FROM: String(from) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let next = from;
      let buffered = '';
      let stderr = '';
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => {
            out.push({ i: next, ms: DEADLINE_MS, base: 0, runs: 1, killed: true });
            child.kill('SIGKILL');
          },
          DEADLINE_MS + 5000 * Number(next === from),
        ); // the first case also pays for the child's start
      };
      arm();
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffered += chunk;
        let nl;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          const t = JSON.parse(line) as Timing;
          out.push(t);
          next = t.i + 1;
          arm();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (signal === 'SIGKILL') return start(next + 1);
        if (code !== 0) return reject(new Error(`adversarial child exited with ${code}: ${stderr}`));
        if (next < total) return reject(new Error(`adversarial child stopped at case ${next} of ${total}: ${stderr}`));
        resolve(out);
      });
    };
    start(0);
  });
}

// --- The test (the parent) -------------------------------------------------------------------

if (process.env.ADVERSARIAL_CHILD) {
  runChild().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  describe('scanner detectors run in linear time on hostile content (child process)', function () {
    this.timeout(30 * 60_000);
    const cases = buildCases();
    const timings = new Map<number, Timing>();

    before(async () => {
      for (const t of await runAll(cases.length)) timings.set(t.i, t);
      const rows = cases.map((c, i) => ({ ...c, ...timings.get(i)! }));
      if (process.env.ADVERSARIAL_REPORT)
        writeFileSync(
          process.env.ADVERSARIAL_REPORT,
          JSON.stringify(
            rows.map(({ make: _m, ...r }) => ({ ...r, limit: limitOf(r) })),
            null,
            1,
          ),
        );
      const slowest = rows.reduce((a, b) => (b.ms / limitOf(b) > a.ms / limitOf(a) ? b : a));
      console.log(
        `      ${rows.length} cases of ${CAP} bytes; closest to its limit: ${slowest.path} / ${slowest.bait}: ${slowest.ms.toFixed(1)} ms (limit ${limitOf(slowest).toFixed(0)} ms)`,
      );
    });

    it('the paths wake every detector of the registry', () => {
      const paths = Object.values(KINDS).flat();
      for (const detector of DETECTORS) {
        if (!detector.detect) continue;
        assert.ok(
          paths.some((p) => classify(p)?.readers.some((r) => r.detector === detector)),
          `no path reads content for a detector of family ${detector.family}`,
        );
      }
      for (const p of paths) assert.ok(classify(p)?.readers.length, `${p} is read by no detector`);
    });

    for (const path of [...new Set(cases.map((c) => c.path))]) {
      it(`${path}: every bait within ${RATIO}× a plain pass (at least ${FLOOR_MS} ms)`, () => {
        const slow: string[] = [];
        cases.forEach((c, i) => {
          if (c.path !== path) return;
          const t = timings.get(i);
          if (!t) return slow.push(`${c.bait}: no timing`);
          if (t.killed) slow.push(`${c.bait}: killed after ${DEADLINE_MS} ms`);
          else if (t.ms > limitOf(t))
            slow.push(`${c.bait}: ${t.ms.toFixed(0)} ms (limit ${limitOf(t).toFixed(0)} ms, plain pass ${t.base.toFixed(2)} ms, YAML parse ${t.parse?.toFixed(0)} ms)`);
        });
        assert.deepEqual(slow, []);
      });
    }
  });

  /**
   * The rules rewritten as loops give the answers of the regexes they replace (kept here as the
   * reference), on short texts made of their own tokens and every kind of line break and blank.
   */
  describe('rules rewritten as loops answer as the regexes they replace', () => {
    const text = (tokens: string[]) =>
      fc
        .array(fc.oneof(fc.constantFrom(...tokens, '\n', '\r\n', '\r', '\u2028', ' ', '\t', '  ', ':', '-', '"', "'", 'x', '.'), fc.string({ maxLength: 3 })), { maxLength: 14 })
        .map((p) => p.join(''));
    const same = <T>(tokens: string[], fast: (t: string) => T, reference: (t: string) => T, seed: number, where: (t: string) => boolean = () => true) =>
      fc.assert(
        fc.property(text(tokens), (t) => {
          fc.pre(where(t));
          assert.deepEqual(fast(t), reference(t), JSON.stringify(t));
        }),
        { numRuns: 20000, seed },
      );

    it('Compose v1 services', () => {
      const old = /^[\w.-]+[ \t]*:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+(?:image|build)[ \t]*:/m;
      same(['web:', 'x:\n', '  a\n', '  image:', ' build :', 'image', '\t', 'a.b-c:'], hasV1Service, (t) => old.test(t), 1);
    });

    it('terraform { … source = … }', () => {
      const old = /^[ \t]*terraform[ \t]*\{[^}]*\bsource\s*=/m;
      same(['terraform', 'terraform {', '{', '}', 'source', 'source =', '=', 'xsource ='], terraformSource, (t) => old.test(t), 2);
    });

    it('pip install … apache-airflow, and GPU capabilities on one line', () => {
      const pip = /\bpip3?\s+install\b[^\n]*\bapache-airflow\b/;
      same(
        ['pip', 'pip3', 'install', 'pip install ', 'apache-airflow', 'xapache-airflow', 'apache-airflowx', '-'],
        (t) => thenOnSameLine(t, /\bpip3?\s+install\b/g, /\bapache-airflow\b/g),
        (t) => pip.test(t),
        3,
      );
      const gpu = /\bcapabilities\s*:.*\bgpu\b/;
      same(
        ['capabilities', 'capabilities:', ':', 'gpu', 'xgpu', 'gpux', '[gpu]'],
        (t) => thenOnSameLine(t, /\bcapabilities\s*:/g, /\bgpu\b/g, true),
        (t) => gpu.test(t),
        4,
      );
    });

    it('SLO recording rules', () => {
      const old = /record\s*:\s*['"]?[\w:]*(?:slo|sli)/i;
      same(['record', 'record:', 'RECORD: ', 'slo', 'SLI', 'sl', 'o', 'i', 'x_', '::'], sloRecord, (t) => old.test(t), 5);
    });

    it('CUDA image tags', () => {
      const old = /:[\w.-]*cuda[\w.-]*$/;
      const linear = /:(?=[\w.-]*$)[\w.-]*cuda/;
      same(
        ['cuda', 'cud', 'a', ':', '/', '@', '-', '.', 'nvidia/cuda:12'],
        (t) => linear.test(t),
        (t) => old.test(t),
        9,
      );
    });

    it('go.mod, requirements and Gradle plugin ids', () => {
      const gomod = (t: string) => {
        const out: string[] = [];
        for (const line of t.split('\n')) {
          if (line.includes('// indirect')) continue;
          const m = /^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+v\d/.exec(line);
          if (m) out.push(m[1].toLowerCase());
        }
        return out;
      };
      same(['require', 'require ', 'a.b', '.', '/', 'c/d', ' v1', 'v2', '// indirect', 'a', '-'], (t) => dependencyNames('gomod', t, () => undefined), gomod, 6);
      const python = (t: string) => [
        ...[...t.matchAll(/^[ \t]*-?[ \t]*([A-Za-z0-9][\w.-]*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*(?:[<>=!~;@#]|$)/gm)].map((m) => m[1].toLowerCase()),
        ...[...t.matchAll(/["']([A-Za-z0-9][\w.-]*)[ \t]*(?:\[[^\]\n'"]*\])?[ \t]*(?:[<>=!~;]|["'])/g)].map((m) => m[1].toLowerCase()),
      ];
      // Deliberately different: extras (`[…]`) no longer run over a \r, U+2028 or U+2029.
      const extrasOnOneLine = (t: string) => !/\[[^\]\n]*[\r\u2028\u2029]/.test(t);
      same(['a', 'B', '[', ']', '[x]', '==1', '>=', ';', '@', '#', '!', '~', '<', 'mlflow'], (t) => dependencyNames('python', t, () => undefined), python, 7, extrasOnOneLine);
      const gradleIds = (t: string) => [...t.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']/g)].map((m) => m[1].toLowerCase());
      const newIds = (t: string) => [...t.matchAll(/\bid\s*(?:\(\s*)?["']([\w.-]+)["']/g)].map((m) => m[1].toLowerCase());
      same(['id', 'id(', '(', ')', 'a.b', 'xid'], newIds, gradleIds, 8);
    });
  });
}
