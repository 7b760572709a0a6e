import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { inspectFile } from '../../../src/scanner/engine';
import { DETECTORS, classify, classifySlow } from '../../../src/scanner/detectors/registry';
import { PRACTICE_IDS, TECHNOLOGY_IDS } from '../../../src/scanner/ids';
import { pathInfo } from '../../../src/scanner/paths';
import { PRACTICE_CASES, TECH_CASES } from './cases';

/** Paths that wake up every detector (checked below). */
const PATHS = [
  '.github/workflows/ci.yml',
  'action.yml',
  '.gitlab-ci.yml',
  '.gitlab/ci/build.yml',
  'Jenkinsfile',
  'vars/deploy.groovy',
  '.circleci/config.yml',
  'azure-pipelines.yml',
  '.azure-pipelines/x.yml',
  'bitbucket-pipelines.yml',
  '.travis.yml',
  'cloudbuild.yaml',
  'cloudbuild.json',
  'buildspec.yml',
  '.buildkite/pipeline.yml',
  '.drone.yml',
  'ci/run.sh',
  'main.tf',
  'x.tf.json',
  'prod.tfvars',
  'terragrunt.hcl',
  'vault.hcl',
  'web.pkr.hcl',
  'policy.sentinel',
  'Pulumi.yaml',
  'cdk.json',
  'main.bicep',
  'stack.template',
  'packer.json',
  'serverless.yml',
  'serverless.ts',
  'roles/web/tasks/main.yml',
  'ansible.cfg',
  'group_vars/all',
  'site.yml',
  'states/top.sls',
  'manifests/init.pp',
  'recipes/default.rb',
  'Dockerfile',
  'docker-compose.yml',
  'compose.yaml',
  'kustomization.yaml',
  'skaffold.yaml',
  'helmfile.yaml',
  'helmfile.d/a.yaml',
  'PROJECT',
  'k8s/a.yaml',
  'chart/Chart.yaml',
  'chart/templates/d.yaml',
  'chart/templates/_h.tpl',
  'x.json',
  'prometheus.yml',
  'dash.jsonnet',
  'mixin.libsonnet',
  'fluent-bit.conf',
  'grafana.ini',
  'service.datadog.yaml',
  'datadog.yaml',
  '.sops.yaml',
  '.snyk',
  '.semgrep.yml',
  '.checkov.yml',
  '.gitleaks.toml',
  '.trivyignore',
  '.github/codeql/config.yml',
  '.github/dependabot.yml',
  'renovate.json',
  'p.rego',
  'conftest.toml',
  '.pre-commit-config.yaml',
  '.pre-commit-hooks.yaml',
  'bom.cdx.json',
  'secrets.env',
  'MLproject',
  'dvc.yaml',
  'data.dvc',
  'airflow.cfg',
  'bentofile.yaml',
  'pipeline.yaml',
  'train.py',
  'nb.ipynb',
  'Makefile',
  'build.sh',
  'Taskfile.yml',
  'bin/tool',
  'catalog-info.yaml',
  'cookiecutter.json',
  'infracost.yml',
  'test.jmx',
  'load/script.js',
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'app.csproj',
  'Gemfile',
  'Cargo.toml',
  'composer.json',
];

const SEEDS = [...TECH_CASES, ...PRACTICE_CASES].flatMap((c) => [...Object.values(c.pos), ...Object.values(c.neg)]).filter((v): v is string => typeof v === 'string');
const VALID = new Set([...TECHNOLOGY_IDS.map((id) => `t:${id}`), ...PRACTICE_IDS.map((id) => `p:${id}`)]);

const noise = fc.oneof(
  fc.constantFrom(
    '{{ .Values.x }}',
    '!Ref X',
    '!GetAtt A.B',
    '!If [a, b, c]',
    '&a',
    '*a',
    '<<: *a',
    '---\n',
    '- ',
    ': ',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '#',
    '\t',
    '\u0000',
    '\uFFFD',
    '\r\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {}\n',
    'groups:\n- rules:\n  - alert: x\n    expr: y\n',
    'FROM a AS b\n',
    'module "x" {\n source = "y"\n}\n',
    '<<EOF\n',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A seed document with random cuts, insertions and duplications. */
const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), noise, fc.boolean()), { maxLength: 6 })).map(([seed, edits]) => {
  let doc = seed;
  for (const [at, cut, insert, duplicate] of edits) {
    const i = doc.length ? at % (doc.length + 1) : 0;
    doc = doc.slice(0, i) + insert + doc.slice(i + cut);
    if (duplicate) doc += `\n${doc.slice(0, 200)}`;
  }
  return doc;
});

describe('scanner property: detectors never throw and report only known ids', () => {
  it('every detector is woken by some path of the pool', () => {
    for (const detector of DETECTORS)
      assert.ok(
        PATHS.some((p) => detector.match(pathInfo(p))),
        `a detector of family ${detector.family} matches no pool path`,
      );
  });

  it('survives a few thousand random and mutated documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.oneof(mutated, mutated, fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 300 })), async (path, doc) => {
        const out = await inspectFile(path, doc);
        assert.ok(out, `${path} should be a candidate`);
        for (const hit of out.hits) assert.ok(VALID.has(hit.key), `unknown id ${hit.key}`);
      }),
      { numRuns: 3000, seed: 20240601 },
    );
  });

  it('the extension fast path never changes classify()', () => {
    const extra = [
      'src/a.go',
      'a/b.java',
      'perf/Simulation.scala',
      'gatling/BasicSimulation.java',
      'x/requirements-dev.txt',
      'notes.txt',
      'app/x.ts',
      'perf/k6.ts',
      'serverless.ts',
      'dvc.lock',
      'a.png',
      'x.lock',
      'web/app.jsx',
      'README.md',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...PATHS, ...extra), fc.constantFrom('', 'a/', 'load/', 'deep/er/', 'node_modules/', 'docs/'), (path, prefix) => {
        const p = prefix + path;
        assert.deepEqual(classify(p) !== undefined, classifySlow(p) !== undefined, p);
      }),
      { numRuns: 2000 },
    );
  });
});
