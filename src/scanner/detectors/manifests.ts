/**
 * Dependency manifests: libraries and SDKs that mean the code uses a technology (OpenTelemetry and
 * Datadog tracers, Prometheus client libraries, Pulumi / CDK programs, MLflow, Kubeflow, Airflow,
 * Vault clients, operator frameworks, …). Names are extracted per format (package.json, the Python
 * family, go.mod without `// indirect`, Maven, Gradle, NuGet, Gemfile, Cargo, Composer) and
 * matched against one table, so a rule covers every ecosystem at once.
 */
import type { PracticeId, TechnologyId } from '../ids';
import { type Detector, defineDetector, type FileContext, WHOLE } from './types';
import { anyOf, isObj } from './util';

interface DepRule {
  re: RegExp;
  tech?: TechnologyId[];
  practices?: PracticeId[];
  /**
   * A client library, not the tool: a Python requirement alone does not count (requirements files
   * keep libraries nothing imports); its import (mlops' Python reader) or a configuration file does.
   */
  client?: true;
}

/** A dependency named exactly one of `names` (or matching one of the raw `patterns`). */
const exactly = (names: readonly string[], ...patterns: string[]) => new RegExp([`^${anyOf(names)}$`, ...patterns].join('|'));

const DEP_RULES: DepRule[] = [
  { re: /^@opentelemetry\/|^opentelemetry(?:[-_.]|$)|^go\.opentelemetry\.io\/|^io\.opentelemetry(?:[.:]|$)/, tech: ['opentelemetry'], client: true },
  {
    re: /^dd-trace(?:$|[-/])|^@datadog\/|^ddtrace$|^datadog$|^datadog[-_](?:api[-_]client|lambda|checks-base)|^gopkg\.in\/datadog\/|^github\.com\/datadog\/(?:dd-trace-go|datadog-go|datadog-api-client-go)|^com\.datadoghq(?:[.:]|$)|^datadog\/dd-trace$|^datadog-ci$/,
    tech: ['datadog'],
    client: true,
  },
  {
    re: /^prom-client$|^prometheus[-_]client$|^prometheus[-_](?:flask|fastapi)[-_]|^django-prometheus$|^express-prom-bundle$|^github\.com\/prometheus\/client_golang|^io\.prometheus(?:[.:]|$)|^micrometer-registry-prometheus$|^prometheus-net/,
    tech: ['prometheus'],
    client: true,
  },
  {
    re: /^hvac$|^node-vault$|^github\.com\/hashicorp\/vault\/api|^spring-cloud-starter-vault-config$|^org\.springframework\.vault|^vaultsharp$/,
    tech: ['vault'],
    practices: ['secrets-management'],
  },
  { re: /^mlflow(?:-skinny)?$/, tech: ['mlflow'] },
  { re: /^kfp(?:-[\w-]+)?$/, tech: ['kubeflow'], practices: ['ml-pipelines'] },
  { re: /^kubeflow[-_]/, tech: ['kubeflow'] },
  { re: /^apache-airflow(?:$|[-[])/, tech: ['airflow'] },
  { re: /^dvc(?:$|-[\w]+$|live$)/, tech: ['dvc'] },
  { re: /^@pulumi\/|^pulumi(?:$|[-_][\w-]+$)|^github\.com\/pulumi\/pulumi|^com\.pulumi(?:[.:]|$)/, tech: ['pulumi'] },
  { re: /^aws-cdk-lib$|^aws-cdk$|^@aws-cdk\/|^aws-cdk\.|^github\.com\/aws\/aws-cdk-go|^software\.amazon\.awscdk(?:[.:]|$)|^amazon\.cdk/, tech: ['aws-cdk'] },
  { re: /^k6$|^@types\/k6$/, tech: ['k6'], practices: ['load-testing'] },
  { re: /^locust$|^artillery$|^io\.gatling(?:[.:]|$)|^gatling-|^@artilleryio\//, practices: ['load-testing'] },
  { re: exactly(['bentoml', 'seldon-core', 'kserve', 'mlserver', 'torchserve', 'torch-model-archiver'], '^tritonclient(?:$|\\[)'), practices: ['model-serving'] },
  { re: exactly(['zenml', 'metaflow', 'kedro', 'tfx', 'flytekit']), practices: ['ml-pipelines'] },
  { re: /^chaostoolkit|^chaos-monkey-spring-boot$|^de\.codecentric:chaos-monkey/, tech: ['chaos-engineering'] },
  { re: /^@backstage\//, tech: ['backstage'] },
  { re: /^serverless$/, tech: ['serverless-framework'] },
  { re: /^snyk$/, tech: ['snyk'] },
  { re: /^sigs\.k8s\.io\/controller-runtime$|^github\.com\/operator-framework\/operator-sdk|^kopf$|^io\.javaoperatorsdk(?:[.:]|$)|^kube-runtime$/, practices: ['k8s-operators'] },
  { re: /^@cyclonedx\/|^cyclonedx-|^org\.cyclonedx(?:[.:]|$)|cyclonedx-maven-plugin$/, practices: ['sbom'] },
  {
    re: /^grafanalib$|^@grafana\/grafana-foundation-sdk$|^grafana-foundation-sdk$|^github\.com\/grafana\/grafana-foundation-sdk/,
    tech: ['grafana'],
    practices: ['dashboards-as-code'],
  },
];

type Format = 'npm' | 'python' | 'gomod' | 'maven' | 'gradle' | 'nuget' | 'gem' | 'cargo' | 'composer';

function formatOf(name: string, ext: string): Format | undefined {
  if (name === 'package.json') return 'npm';
  if (name === 'composer.json') return 'composer';
  if (
    /^requirements[\w.-]*\.(?:txt|in)$|^constraints[\w.-]*\.txt$/.test(name) ||
    name === 'pyproject.toml' ||
    name === 'setup.py' ||
    name === 'setup.cfg' ||
    name === 'pipfile' ||
    /^environment[\w.-]*\.ya?ml$/.test(name) ||
    name === 'conda.yaml' ||
    name === 'conda.yml'
  )
    return 'python';
  if (name === 'go.mod') return 'gomod';
  if (name === 'pom.xml') return 'maven';
  if (name === 'build.gradle' || name === 'build.gradle.kts' || name === 'libs.versions.toml') return 'gradle';
  if (ext === '.csproj' || ext === '.fsproj' || name === 'directory.packages.props' || name === 'packages.config') return 'nuget';
  if (name === 'gemfile' || ext === '.gemspec') return 'gem';
  if (name === 'cargo.toml') return 'cargo';
  return undefined;
}

/** Dependency names, lower-cased, as the rules expect them. */
export function dependencyNames(format: Format, text: string, json: () => unknown): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s) out.push(s.toLowerCase());
  };
  switch (format) {
    case 'npm':
    case 'composer': {
      const doc = json();
      if (!isObj(doc)) return out;
      for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'require', 'require-dev']) {
        const deps = doc[key];
        if (isObj(deps)) for (const name of Object.keys(deps)) add(name);
      }
      if (format === 'npm' && isObj(doc.renovate)) add('renovate-config');
      break;
    }
    case 'python':
      // Requirement lines and quoted requirement strings; poetry / Pipfile `name = "..."` keys.
      // Each run of blanks has one quantifier (`[ \t]*-?[ \t]*` tried every split of a long run), and
      // extras stop at any line break `^` knows (a `[` on each of many \r-ended lines read to the end).
      for (const m of text.matchAll(/^[ \t]*(?:-[ \t]*)?([A-Za-z0-9][\w.-]*)[ \t]*(?:\[[^\]\n\r\u2028\u2029]*\][ \t]*)?(?:[<>=!~;@#]|$)/gm)) add(m[1]);
      for (const m of text.matchAll(/["']([A-Za-z0-9][\w.-]*)[ \t]*(?:\[[^\]\n'"]*\][ \t]*)?(?:[<>=!~;]|["'])/g)) add(m[1]);
      break;
    case 'gomod':
      for (const line of text.split('\n')) {
        if (line.includes('// indirect')) continue;
        // A module path whose first element has a dot inside (`github.com/x/y`): the regex
        // `[\w.-]+\.[\w.-]+\/` tried every dot of a long dotted word.
        const m = /^\s*(?:require\s+)?([\w.-]+)(\/[\w./-]+)\s+v\d/.exec(line);
        if (m && m[1].slice(1, -1).includes('.')) add(m[1] + m[2]);
      }
      break;
    case 'maven':
      for (const m of text.matchAll(/<groupId>\s*([\w.-]+)\s*<\/groupId>\s*<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g)) {
        add(m[1]);
        add(m[2]);
        add(`${m[1]}:${m[2]}`);
      }
      for (const m of text.matchAll(/<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g)) add(m[1]);
      break;
    case 'gradle':
      for (const m of text.matchAll(/["']([\w.-]+):([\w.-]+)(?::[^"'\n]*)?["']/g)) {
        add(m[1]);
        add(m[2]);
        add(`${m[1]}:${m[2]}`);
      }
      for (const m of text.matchAll(/\bid\s*(?:\(\s*)?["']([\w.-]+)["']/g)) add(m[1]);
      for (const m of text.matchAll(/\bmodule\s*=\s*["']([\w.-]+):([\w.-]+)["']/g)) {
        add(m[1]);
        add(m[2]);
      }
      break;
    case 'nuget':
      for (const m of text.matchAll(/<Package(?:Reference|Version)\s+Include\s*=\s*"([\w.-]+)"/g)) add(m[1]);
      for (const m of text.matchAll(/<package\s+id\s*=\s*"([\w.-]+)"/g)) add(m[1]);
      break;
    case 'gem':
      for (const m of text.matchAll(/^[ \t]*(?:gem|spec\.add_(?:runtime_|development_)?dependency)\s*(?:\(\s*)?["']([\w.-]+)["']/gm)) add(m[1]);
      break;
    case 'cargo':
      for (const m of text.matchAll(/^([\w-]+)[ \t]*=/gm)) add(m[1]);
      break;
  }
  return out;
}

const manifests = defineDetector<Format>({
  family: 'manifests',
  match(p) {
    const format = formatOf(p.name, p.ext);
    return format ? { read: WHOLE, tag: format } : undefined;
  },
  detect(f, format) {
    if (!format) return;
    matchDependencies(
      f,
      dependencyNames(format, f.text, () => f.json()),
      format === 'python',
    );
  },
});

/** Reports the rules the dependency names match (`python`: client libraries need their import too). */
export function matchDependencies(f: FileContext, names: readonly string[], python = false): void {
  for (const name of new Set(names)) {
    if (name === 'renovate-config') {
      f.tech('renovate');
      f.practice('dependency-updates');
      continue;
    }
    for (const rule of DEP_RULES) {
      if ((python && rule.client) || !rule.re.test(name)) continue;
      for (const id of rule.tech ?? []) f.tech(id);
      for (const id of rule.practices ?? []) f.practice(id);
    }
  }
}

export const detectors: Detector[] = [manifests];
