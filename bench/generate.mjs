// Deterministic generator of the benchmark monorepo (~50,000 files): services in TypeScript, Go and
// Python with their manifests, Dockerfiles and Kubernetes folders; Terraform modules and
// environments; Helm charts with templates and vendored sub-charts; CI workflows; Ansible; many
// YAML files that are not Kubernetes (app configs, OpenAPI specs, i18n); large JSON files;
// documentation; images; a gitignored node_modules in most Node services and committed Go vendor
// folders. Seeded PRNG, so the same version and seed always give byte-identical trees.
//
// The tree is written to bench/.trees/<name>/ (gitignored) through a temporary folder and reused
// while bench/.trees/<name>.json says it was made by this generator version and seed.
// It is a git repository (`git init`, nothing committed) so that `rg --files` honours its
// .gitignore as it would in a real checkout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const GENERATOR_VERSION = 1;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  'beta',
  'cache',
  'user',
  'order',
  'billing',
  'search',
  'ledger',
  'report',
  'queue',
  'event',
  'stream',
  'auth',
  'token',
  'session',
  'profile',
  'invoice',
  'payment',
  'catalog',
  'shipping',
  'inventory',
  'notify',
  'mail',
  'audit',
  'metrics',
  'export',
  'import',
  'sync',
  'worker',
  'gateway',
];

class Gen {
  constructor(root, seed) {
    this.root = root;
    this.rand = mulberry32(seed);
    this.files = 0;
    this.bytes = 0;
    this.dirs = new Set();
    this.paths = new Set();
  }
  int(lo, hi) {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }
  chance(p) {
    return this.rand() < p;
  }
  word() {
    return this.pick(WORDS);
  }
  ident() {
    return `${this.word()}${this.pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${this.int(0, 99)}`;
  }
  write(rel, content) {
    const abs = path.join(this.root, rel);
    const dir = path.dirname(abs);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    writeFileSync(abs, content);
    if (this.paths.has(rel)) return; // same random name twice: overwritten
    this.paths.add(rel);
    this.files++;
    this.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  }
  /** Filler lines of code-like text up to about `size` bytes. */
  lines(size, make) {
    const out = [];
    let n = 0;
    while (n < size) {
      const line = make();
      out.push(line);
      n += line.length + 1;
    }
    return out.join('\n') + '\n';
  }
}

// ---- content makers -------------------------------------------------------------------------

function tsSource(g) {
  const imports = [`import { ${g.ident()} } from './${g.word()}';`, `import * as ${g.word()} from '../lib/${g.word()}';`];
  if (g.chance(0.1)) imports.push(`import { trace } from '@opentelemetry/api';`);
  return (
    imports.join('\n') +
    '\n\n' +
    g.lines(g.int(800, 7000), () => `export function ${g.ident()}(input: string, n = ${g.int(0, 999)}): string { return input.repeat(n % 3) + '${g.word()}'; }`)
  );
}
function goSource(g, pkg) {
  return (
    `package ${pkg}\n\nimport (\n\t"context"\n\t"fmt"\n)\n\n` +
    g.lines(g.int(800, 6000), () => `func ${g.ident()}(ctx context.Context, n int) string { return fmt.Sprintf("%d-${g.word()}", n+${g.int(0, 99)}) }`)
  );
}
function pySource(g) {
  const head = ['import os', 'import json', 'from typing import Any'];
  if (g.chance(0.2)) head.push('import mlflow');
  return (
    head.join('\n') +
    '\n\n' +
    g.lines(g.int(600, 5000), () => `def ${g.word()}_${g.int(0, 999)}(x: Any) -> Any:\n    return json.dumps({"${g.word()}": x, "n": ${g.int(0, 99)}})\n`)
  );
}
function markdown(g, title) {
  return `# ${title}\n\n` + g.lines(g.int(500, 4000), () => `The ${g.word()} service talks to ${g.word()} through kubectl, helm and terraform in ${g.word()} mode.`);
}
function appConfigYaml(g) {
  // Not Kubernetes: plain application settings (nested maps, lists), sometimes with a `kind:` key.
  const lines = [`service: ${g.word()}`, `version: ${g.int(1, 9)}.${g.int(0, 20)}`];
  if (g.chance(0.2)) lines.push(`kind: ${g.word()}`);
  const sections = g.int(3, 12);
  for (let s = 0; s < sections; s++) {
    lines.push(`${g.word()}${s}:`);
    for (let k = g.int(2, 10); k > 0; k--) lines.push(`  ${g.word()}_${k}: ${g.chance(0.5) ? g.int(0, 10000) : `"${g.word()}-${g.word()}"`}`);
    if (g.chance(0.3)) {
      lines.push(`  items:`);
      for (let k = g.int(1, 6); k > 0; k--) lines.push(`    - name: ${g.word()}\n      weight: ${g.int(1, 100)}`);
    }
  }
  return lines.join('\n') + '\n';
}
function openApi(g) {
  const lines = ['openapi: 3.0.3', 'info:', `  title: ${g.word()} API`, '  version: 1.0.0', 'paths:'];
  for (let i = g.int(20, 200); i > 0; i--) {
    lines.push(
      `  /${g.word()}/{id}/${g.word()}${i}:`,
      '    get:',
      `      operationId: ${g.ident()}`,
      '      responses:',
      "        '200':",
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema:',
      `                $ref: '#/components/schemas/${g.ident()}'`,
    );
  }
  return lines.join('\n') + '\n';
}
function i18nYaml(g) {
  return g.lines(g.int(1000, 12000), () => `${g.word()}.${g.word()}.${g.int(0, 999)}: "${g.word()} ${g.word()} ${g.word()}"`);
}
function kubeManifests(g, name) {
  const image = `registry.example.com/${name}:${g.int(1, 9)}.${g.int(0, 9)}.${g.int(0, 9)}`;
  return {
    'deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${g.int(1, 5)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n          ports:\n            - containerPort: ${g.int(3000, 9000)}\n          resources:\n            limits:\n              cpu: ${g.int(100, 900)}m\n              memory: ${g.int(128, 1024)}Mi\n`,
    'service.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: ${g.int(3000, 9000)}\n`,
    'configmap.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  LOG_LEVEL: info\n  ${g.word().toUpperCase()}_URL: http://${g.word()}:${g.int(1000, 9999)}\n`,
    'kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n`,
  };
}
function packageJson(g, name, extra = []) {
  const deps = { express: '^4.19.2', zod: '^3.23.0', pino: '^9.0.0' };
  for (const d of extra) deps[d] = '^1.0.0';
  return (
    JSON.stringify(
      {
        name: `@corp/${name}`,
        version: '1.0.0',
        private: true,
        scripts: { build: 'tsc', test: 'vitest' },
        dependencies: deps,
        devDependencies: { typescript: '^5.5.0', vitest: '^2.0.0' },
      },
      null,
      2,
    ) + '\n'
  );
}
function largeJson(g, approxBytes) {
  const rows = [];
  let n = 0;
  while (n < approxBytes) {
    const row = { id: g.int(0, 1e9), name: `${g.word()}-${g.word()}`, tags: [g.word(), g.word()], score: g.rand(), nested: { a: g.word(), b: g.int(0, 1000) } };
    const s = JSON.stringify(row);
    rows.push(s);
    n += s.length + 2;
  }
  return `[\n${rows.join(',\n')}\n]\n`;
}
function terraformModule(g, name) {
  const res = g.pick(['aws_s3_bucket', 'aws_iam_role', 'aws_security_group', 'google_storage_bucket', 'azurerm_resource_group', 'aws_lambda_function']);
  return {
    'main.tf': g.lines(g.int(800, 5000), () => `resource "${res}" "${g.word()}_${g.int(0, 9999)}" {\n  name = "${name}-${g.word()}"\n  tags = var.tags\n}\n`),
    'variables.tf': `variable "tags" {\n  type    = map(string)\n  default = {}\n}\n\nvariable "name" {\n  type = string\n}\n`,
    'outputs.tf': `output "id" {\n  value = ${res}.${g.word()}_1.id\n}\n`,
    'versions.tf': `terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n`,
  };
}
function helmTemplate(g, kind) {
  return (
    `apiVersion: ${kind === 'Deployment' ? 'apps/v1' : 'v1'}\nkind: ${kind}\nmetadata:\n  name: {{ include "chart.fullname" . }}\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\nspec:\n{{- if .Values.enabled }}\n  replicas: {{ .Values.replicaCount }}\n{{- end }}\n` +
    g.lines(g.int(200, 2000), () => `  # {{ .Values.${g.word()}.${g.word()} | quote }}`)
  );
}
function workflow(g, i) {
  return `name: ${g.word()}-${i}\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n      - run: npm test\n${g.chance(0.3) ? '      - uses: aquasecurity/trivy-action@0.24.0\n' : ''}${g.chance(0.3) ? '      - uses: docker/build-push-action@v6\n' : ''}`;
}
function binary(g, size) {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = Math.floor(g.rand() * 256);
  b[0] = 0x89;
  b[1] = 0x50;
  b[4] = 0; // a NUL early, as in a PNG
  return b;
}

// ---- the tree -------------------------------------------------------------------------------

function nodeModules(g, base, count) {
  // Gitignored: neither the scanner nor rg enters it, but it is on disk like in a real checkout.
  let made = 0;
  while (made < count) {
    const pkg = `${g.word()}-${g.word()}-${g.int(0, 999)}`;
    g.write(`${base}/node_modules/${pkg}/package.json`, JSON.stringify({ name: pkg, version: `${g.int(0, 9)}.${g.int(0, 9)}.0`, main: 'index.js' }) + '\n');
    g.write(
      `${base}/node_modules/${pkg}/index.js`,
      g.lines(g.int(200, 3000), () => `exports.${g.word()}${g.int(0, 99)} = function () { return ${g.int(0, 999)}; };`),
    );
    g.write(`${base}/node_modules/${pkg}/README.md`, markdown(g, pkg));
    made += 3;
    for (let k = g.int(0, 6); k > 0; k--, made++)
      g.write(
        `${base}/node_modules/${pkg}/lib/${g.word()}${k}.js`,
        g.lines(g.int(200, 4000), () => `module.exports.${g.word()} = ${g.int(0, 999)};`),
      );
  }
}

function service(g, i) {
  const lang = i % 5 < 3 ? 'ts' : i % 5 === 3 ? 'go' : 'py';
  const name = `${g.word()}-svc-${i}`;
  const base = `services/${name}`;
  const ext = { ts: 'ts', go: 'go', py: 'py' }[lang];
  const modules = g.int(3, 8);
  for (let m = 0; m < modules; m++) {
    const mod = `${g.word()}${m}`;
    for (let f = g.int(5, 14); f > 0; f--) {
      const file = `${base}/src/${mod}/${g.word()}_${f}.${ext}`;
      g.write(file, lang === 'ts' ? tsSource(g) : lang === 'go' ? goSource(g, mod) : pySource(g));
    }
  }
  for (let f = g.int(5, 20); f > 0; f--) g.write(`${base}/test/${g.word()}_${f}.test.${ext}`, lang === 'ts' ? tsSource(g) : lang === 'go' ? goSource(g, 'test') : pySource(g));
  if (lang === 'ts') {
    g.write(`${base}/package.json`, packageJson(g, name, g.chance(0.3) ? ['prom-client', '@opentelemetry/api'] : g.chance(0.2) ? ['dd-trace'] : []));
    g.write(`${base}/tsconfig.json`, JSON.stringify({ compilerOptions: { target: 'es2022', module: 'commonjs', strict: true, outDir: 'dist' } }, null, 2) + '\n');
    if (g.chance(0.7)) nodeModules(g, base, g.int(40, 120));
  } else if (lang === 'go') {
    g.write(`${base}/go.mod`, `module github.com/corp/${name}\n\ngo 1.22\n\nrequire (\n\tgithub.com/prometheus/client_golang v1.19.0\n\tgolang.org/x/sync v0.7.0 // indirect\n)\n`);
    // Committed vendor folder: rg lists it, the scanner prunes it.
    for (let f = g.int(40, 120); f > 0; f--) g.write(`${base}/vendor/github.com/${g.word()}/${g.word()}/${g.word()}_${f}.go`, goSource(g, 'vendored'));
    g.write(`${base}/vendor/modules.txt`, `# github.com/prometheus/client_golang v1.19.0\n`);
  } else {
    g.write(
      `${base}/requirements.txt`,
      ['fastapi==0.111.0', 'uvicorn==0.30.0', g.chance(0.3) ? 'mlflow==2.14.0' : 'pydantic==2.7.0', 'prometheus-client==0.20.0'].join('\n') + '\n',
    );
    g.write(`${base}/pyproject.toml`, `[project]\nname = "${name}"\nversion = "1.0.0"\ndependencies = ["fastapi", "httpx"]\n`);
  }
  g.write(
    `${base}/Dockerfile`,
    `FROM ${lang === 'ts' ? 'node:20-alpine' : lang === 'go' ? 'golang:1.22' : 'python:3.12-slim'} AS build\nWORKDIR /app\nCOPY . .\nRUN make build\n\nFROM gcr.io/distroless/base\nCOPY --from=build /app/out /app\nUSER nonroot\nENTRYPOINT ["/app/server"]\n`,
  );
  g.write(`${base}/README.md`, markdown(g, name));
  for (let f = g.int(1, 4); f > 0; f--) g.write(`${base}/docs/${g.word()}.md`, markdown(g, `${name} notes`));
  for (let f = g.int(2, 8); f > 0; f--) g.write(`${base}/config/${g.word()}-${f}.yaml`, appConfigYaml(g));
  if (g.chance(0.5)) g.write(`${base}/api/openapi.yaml`, openApi(g));
  if (g.chance(0.7)) for (const [file, text] of Object.entries(kubeManifests(g, name))) g.write(`${base}/k8s/${file}`, text);
  if (g.chance(0.3)) g.write(`${base}/docker-compose.yml`, `services:\n  ${name}:\n    build: .\n    ports:\n      - "8080:8080"\n  db:\n    image: postgres:16\n`);
  if (g.chance(0.3)) g.write(`${base}/Makefile`, `build:\n\tgo build ./...\n\ntest:\n\tgo test ./...\n\nlint:\n\tgolangci-lint run\n`);
  for (let f = g.int(0, 3); f > 0; f--) g.write(`${base}/assets/${g.word()}${f}.png`, binary(g, g.int(500, 6000)));
  for (let f = g.int(0, 2); f > 0; f--) g.write(`${base}/fixtures/${g.word()}${f}.json`, JSON.stringify({ [g.word()]: g.int(0, 99), list: [g.word(), g.word()] }) + '\n');
}

function frontend(g) {
  const base = 'apps/web';
  g.write(`${base}/package.json`, packageJson(g, 'web', ['react', 'react-dom', 'vite']));
  for (let d = 0; d < 80; d++) {
    const dir = `${base}/src/components/${g.word()}${d}`;
    for (let f = g.int(3, 9); f > 0; f--) g.write(`${dir}/${g.ident()}.tsx`, tsSource(g));
    g.write(
      `${dir}/styles.css`,
      g.lines(g.int(200, 2000), () => `.${g.word()}-${g.int(0, 99)} { color: #${g.int(0, 0xffffff).toString(16).padStart(6, '0')}; }`),
    );
    if (g.chance(0.5)) g.write(`${dir}/icon.svg`, `<svg xmlns="http://www.w3.org/2000/svg"><path d="M${g.int(0, 99)} ${g.int(0, 99)}"/></svg>\n`);
  }
  for (const lang of ['en', 'de', 'fr', 'es', 'it', 'ja', 'pt', 'nl', 'pl', 'sv']) {
    for (let f = 0; f < 30; f++) g.write(`${base}/locales/${lang}/${g.word()}-${f}.yaml`, i18nYaml(g));
    g.write(`${base}/locales/${lang}.json`, largeJson(g, g.int(20_000, 80_000)));
  }
  nodeModules(g, base, 3000);
}

function terraform(g) {
  for (let m = 0; m < 70; m++) {
    const name = `${g.word()}-${m}`;
    for (const [file, text] of Object.entries(terraformModule(g, name))) g.write(`infra/terraform/modules/${name}/${file}`, text);
    g.write(`infra/terraform/modules/${name}/README.md`, markdown(g, name));
  }
  for (const env of ['dev', 'staging', 'prod', 'sandbox']) {
    for (const region of ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1']) {
      for (let s = 0; s < 6; s++) {
        const dir = `infra/terraform/live/${env}/${region}/${g.word()}-${s}`;
        g.write(
          `${dir}/terragrunt.hcl`,
          `include "root" {\n  path = find_in_parent_folders()\n}\n\nterraform {\n  source = "../../../../modules/${g.word()}-${g.int(0, 69)}"\n}\n`,
        );
        g.write(`${dir}/main.tf`, `module "${g.word()}" {\n  source = "../../../../modules/${g.word()}-${g.int(0, 69)}"\n  name   = "${env}-${region}"\n}\n`);
        g.write(`${dir}/backend.tf`, `terraform {\n  backend "s3" {\n    bucket = "tfstate-${env}"\n    key    = "${region}/${s}.tfstate"\n  }\n}\n`);
        g.write(`${dir}/terraform.tfvars`, `name = "${g.word()}"\nsize = ${g.int(1, 10)}\n`);
        // Provider caches are gitignored (.terraform/) and pruned by the scanner.
        if (g.chance(0.25)) for (let f = 0; f < 12; f++) g.write(`${dir}/.terraform/providers/registry.terraform.io/hashicorp/aws/5.0.${f}/README.md`, markdown(g, 'provider'));
      }
    }
  }
}

function charts(g) {
  for (let c = 0; c < 45; c++) {
    const name = `${g.word()}-chart-${c}`;
    const base = `deploy/charts/${name}`;
    g.write(
      `${base}/Chart.yaml`,
      `apiVersion: v2\nname: ${name}\nversion: 0.${g.int(1, 9)}.0\ndependencies:\n  - name: redis\n    version: 18.x\n    repository: https://charts.bitnami.com/bitnami\n`,
    );
    g.write(`${base}/values.yaml`, appConfigYaml(g));
    g.write(`${base}/values-prod.yaml`, appConfigYaml(g));
    g.write(`${base}/templates/_helpers.tpl`, `{{- define "chart.fullname" -}}\n{{ .Release.Name }}-{{ .Chart.Name }}\n{{- end }}\n`);
    for (const kind of ['Deployment', 'Service', 'ConfigMap', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler'])
      g.write(`${base}/templates/${kind.toLowerCase()}.yaml`, helmTemplate(g, kind));
    // A vendored sub-chart, unpacked: pruned by the scanner.
    for (let f = 0; f < 15; f++) g.write(`${base}/charts/redis/templates/${g.word()}-${f}.yaml`, helmTemplate(g, 'StatefulSet'));
  }
}

function platform(g) {
  for (let i = 0; i < 40; i++) g.write(`.github/workflows/${g.word()}-${i}.yml`, workflow(g, i));
  g.write('.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n');
  g.write('.gitlab-ci.yml', 'stages: [build, test]\nbuild:\n  stage: build\n  script:\n    - make build\n');
  g.write('.pre-commit-config.yaml', 'repos:\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.89.0\n    hooks:\n      - id: terraform_fmt\n');
  g.write('package.json', packageJson(g, 'monorepo', ['turbo']));
  g.write('README.md', markdown(g, 'Monorepo'));
  for (let r = 0; r < 25; r++) {
    const role = `${g.word()}-${r}`;
    g.write(`ansible/roles/${role}/tasks/main.yml`, `- name: install ${role}\n  ansible.builtin.package:\n    name: ${g.word()}\n    state: present\n`);
    g.write(`ansible/roles/${role}/defaults/main.yml`, appConfigYaml(g));
    g.write(`ansible/roles/${role}/handlers/main.yml`, `- name: restart\n  ansible.builtin.service:\n    name: ${g.word()}\n    state: restarted\n`);
  }
  g.write('ansible/site.yml', '- hosts: all\n  roles:\n    - common\n');
  for (let i = 0; i < 30; i++)
    g.write(
      `monitoring/rules/${g.word()}-${i}.yaml`,
      `groups:\n  - name: ${g.word()}\n    rules:\n      - alert: ${g.ident()}\n        expr: rate(http_requests_total[5m]) > ${g.int(1, 100)}\n        for: 5m\n`,
    );
  for (let i = 0; i < 20; i++)
    g.write(
      `monitoring/dashboards/${g.word()}-${i}.json`,
      JSON.stringify(
        {
          title: g.word(),
          schemaVersion: 39,
          panels: Array.from({ length: g.int(10, 200) }, () => ({ type: 'timeseries', title: g.word(), targets: [{ expr: `sum(rate(${g.word()}_total[5m]))` }] })),
        },
        null,
        1,
      ) + '\n',
    );
  g.write('monitoring/prometheus.yml', 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ["localhost:9100"]\n');
  for (let i = 0; i < 6; i++) g.write(`data/seed/${g.word()}-${i}.json`, largeJson(g, g.int(1_000_000, 4_000_000)));
  for (let i = 0; i < 300; i++) g.write(`docs/${g.word()}/${g.word()}-${i}.md`, markdown(g, 'Guide'));
  for (let i = 0; i < 200; i++)
    g.write(`scripts/${g.word()}-${i}.sh`, `#!/usr/bin/env bash\nset -euo pipefail\n` + g.lines(g.int(200, 2000), () => `echo "${g.word()} ${g.int(0, 999)}"`));
  for (let i = 0; i < 400; i++) g.write(`tools/py/${g.word()}/${g.word()}_${i}.py`, pySource(g));
  g.write('.gitignore', 'node_modules/\ndist/\n*.log\n.terraform/\ncoverage/\n');
}

/**
 * Writes the tree into `dir` (must not exist), services added until it holds `files` files (the
 * shared platform, Terraform, charts and front end come first, about 7,000). Returns { files, bytes }.
 */
export function generate(dir, { seed = 20240601, files = 50_000 } = {}) {
  const g = new Gen(dir, seed);
  platform(g);
  terraform(g);
  charts(g);
  frontend(g);
  for (let i = 0; g.files < files; i++) service(g, i);
  return { files: g.files, bytes: g.bytes };
}

/** The benchmark tree, generated once and reused while its stamp matches. */
export function ensureTree(treesDir, { name = 'monorepo-50k', seed = 20240601, files = 50_000, log = () => {} } = {}) {
  const dir = path.join(treesDir, name);
  const stampFile = path.join(treesDir, `${name}.json`);
  const want = { generator: GENERATOR_VERSION, seed, target: files };
  if (existsSync(dir) && existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
      // A stamp without a target is from before targets: the 50,000-file tree.
      if (stamp.generator === want.generator && stamp.seed === want.seed && (stamp.target ?? 50_000) === want.target) return { dir, ...stamp, reused: true };
    } catch {
      // regenerate
    }
  }
  log(`generating ${name} (seed ${seed}) under ${path.relative(process.cwd(), treesDir) || '.'} …`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  const stats = generate(tmp, { seed, files });
  try {
    execFileSync('git', ['init', '-q', tmp], { stdio: 'ignore' });
  } catch {
    // Without git, rg ignores .gitignore files: the listing is then larger (node_modules included).
    log("git not found: rg will not honour the tree's .gitignore");
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  renameSync(tmp, dir);
  const stamp = { ...want, files: stats.files, bytes: stats.bytes };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  log(`generated ${stats.files} files (${(stats.bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, ...stamp, reused: false };
}
