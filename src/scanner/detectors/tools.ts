/**
 * Tool usage inside pipelines and build scripts: security scanners, policy tools, load tests and
 * the like are mostly "used" by being run from CI (`uses: aquasecurity/trivy-action`, `trivy image`,
 * `checkov -d .`). Called by the CI detectors with `inCi = true`, and by Makefile / Taskfile /
 * pre-commit detectors with `inCi = false` (then the "…-in-CI" practices are not claimed).
 */
import type { PracticeId, TechnologyId } from '../ids';
import type { FileContext } from './types';
import { chartSignals } from './charts';
import { anyOf, withoutComments } from './util';

interface ToolRule {
  re: RegExp;
  tech?: TechnologyId[];
  practices?: PracticeId[];
  /** Practices claimed only when the file is a CI pipeline. */
  ciPractices?: PracticeId[];
}

/** Static analysers run by name (`gosec ./...`, `sonar-scanner`): whole words. */
const SAST_TOOLS = ['sonar-scanner', 'sonarqube', 'sonarcloud', 'gosec', 'brakeman', 'njsscan', 'horusec', 'flawfinder', 'checkmarx', 'fortify', 'veracode', 'pysa'];

// Every pattern is anchored on words and has no nested quantifiers, so a 256 KB line cannot make it backtrack.
const RULES: ToolRule[] = [
  // `github/codeql-action/upload-sarif` alone only uploads another scanner's SARIF (Scorecard, Trivy, Checkov): not CodeQL.
  // Azure DevOps runs CodeQL through the GitHub Advanced Security tasks.
  {
    re: /github\/codeql-action\/(?:init|analyze|autobuild)\b|github\/codeql-action@|\bcodeql\s+(?:database|analyze|github)\b|\bAdvancedSecurity-Codeql-(?:Init|Analyze|Autoconfig)@/i,
    tech: ['codeql'],
    ciPractices: ['sast-in-ci'],
  },
  { re: /\bsemgrep\b/i, tech: ['semgrep'], ciPractices: ['sast-in-ci'] },
  { re: /\bsnyk\b|\bSnykSecurityScan@/i, tech: ['snyk'] },
  { re: /snyk\/actions\/docker|\bsnyk\s+container\b/i, tech: ['snyk'], ciPractices: ['image-scanning'] },
  { re: /\bsnyk\s+code\b/i, tech: ['snyk'], ciPractices: ['sast-in-ci'] },
  { re: /snyk\/actions\/iac|\bsnyk\s+iac\b/i, tech: ['snyk'], practices: ['iac-scanning'] },
  { re: /\btrivy\b/i, tech: ['trivy'] },
  { re: /\btrivy\s+(?:config|conf)\b|\bscan-type\s*:\s*['"]?config\b/i, tech: ['trivy'], practices: ['iac-scanning'] },
  {
    re: new RegExp(
      `\\b${anyOf(['grype', 'twistcli', 'clairctl'])}\\b|${anyOf(['anchore/scan-action', 'docker/scout-action', 'anchore/anchore-engine', 'aquasec/microscanner', 'neuvector/scan-action'])}|\\bdocker\\s+scout\\s+(?:cves|quickview|recommendations)\\b`,
      'i',
    ),
    ciPractices: ['image-scanning'],
  },
  { re: /\bcheckov\b/i, tech: ['checkov'], practices: ['iac-scanning'] },
  // GitLab's security templates and CI/CD components: `include: - template: Jobs/SAST.gitlab-ci.yml`.
  { re: /\b(?:Security|Jobs)\/SAST(?:\.latest)?\.gitlab-ci\.ya?ml\b|\bcomponents\/sast\/sast@/i, ciPractices: ['sast-in-ci'] },
  { re: /\b(?:Security|Jobs)\/SAST-IaC(?:\.latest)?\.gitlab-ci\.ya?ml\b|\bcomponents\/sast\/iac-sast@/i, practices: ['iac-scanning'] },
  { re: /\b(?:Security|Jobs)\/Container-Scanning(?:\.latest)?\.gitlab-ci\.ya?ml\b|\bcomponents\/container-scanning\/container-scanning@/i, ciPractices: ['image-scanning'] },
  { re: /\btfsec\b|\bkics\b|\bterrascan\b|checkmarx\/kics|tenable\/terrascan|\bregula\b/i, practices: ['iac-scanning'] },
  { re: /\bgitleaks\b/i, tech: ['gitleaks'] },
  { re: new RegExp(`\\b${anyOf(SAST_TOOLS)}\\b|sonarsource\\/|security-code-scan|\\bbearer\\/bearer-action|\\bbandit\\s+-`, 'i'), ciPractices: ['sast-in-ci'] },
  { re: /\bsyft\b|anchore\/sbom-action|\bcyclonedx\b|spdx-sbom|\bspdx-json\b|\bsbom\b(?![ \t]*:[ \t]*['"]?false\b)|microsoft\/sbom-tool/i, practices: ['sbom'] },
  { re: /\binfracost\b/i, tech: ['infracost'], practices: ['cost-estimation'] },
  { re: /\bconftest\b|open-policy-agent\/setup-opa|\bopa\s+(?:eval|test|check|exec)\b/i, tech: ['opa'], practices: ['policy-as-code'] },
  { re: /\bkyverno\s+(?:apply|test)\b|kyverno\/action|kyverno\/kyverno-cli/i, tech: ['kyverno'], practices: ['policy-as-code'] },
  { re: /grafana\/(?:setup-|run-)?k6-action|grafana\/k6\b|loadimpact\/k6|\bk6\s+(?:run|cloud)\b/i, tech: ['k6'], practices: ['load-testing'] },
  { re: /\blocust\s+(?:-f|--headless|--host)|\bjmeter\s+-n\b|\bartillery\s+run\b|\bgatling:test\b|\bgatling-maven-plugin\b|\bvegeta\s+attack\b/i, practices: ['load-testing'] },
  { re: /pre-commit\/action|\bpre-commit\s+run\b/i, tech: ['pre-commit'] },
  { re: /renovatebot\/github-action|renovate\/renovate\b/i, tech: ['renovate'], practices: ['dependency-updates'] },
  { re: /hashicorp\/vault-action|\bvault\s+(?:kv|read|write|login|agent)\b/i, tech: ['vault'], practices: ['secrets-management'] },
  { re: /\bsops\s+(?:-d|--decrypt|-e|--encrypt|exec-env|exec-file|updatekeys)\b|\bgetsops\/sops|mozilla\/sops/i, tech: ['sops'], practices: ['secrets-management'] },
  { re: /\bkubeseal\b/i, practices: ['secrets-management'] },
  { re: /iterative\/setup-dvc|\bdvc\s+(?:repro|pull|push|exp|metrics)\b/i, tech: ['dvc'] },
  { re: /\bdatadog-ci\b|datadog\/[\w-]+-action|\bDD_API_KEY\b/, tech: ['datadog'] },
  { re: /\bargocd\s+(?:app|login|proj|cluster|repo)\b/i, tech: ['argocd'], practices: ['gitops'] },
  { re: /fluxcd\/flux2\/action|\bflux\s+(?:bootstrap|reconcile)\b/i, tech: ['flux'], practices: ['gitops'] },
  { re: /\bchaos\s+run\b|\blitmusctl\b|litmuschaos\/|chaos-mesh\//i, tech: ['chaos-engineering'], practices: ['chaos-experiments'] },
  // Deploy tools run from scripts, Makefiles, task runners and pipelines.
  { re: /\bhelm\s+(?:upgrade|install|template|package|lint|push|diff\s+upgrade|repo\s+add|dependency\s+(?:update|build)|dep\s+(?:update|build))\b/, tech: ['helm'] },
  { re: /\bhelmfile\s+(?:sync|apply|template|diff|deps|repos|destroy|lint|build|write-values|-e\b|-f\b|--environment\b|--file\b)/, tech: ['helmfile', 'helm'] },
  { re: /\bterraform\s+(?:init|plan|apply|destroy|validate|import|output|workspace|-chdir=)/, tech: ['terraform'] },
  { re: /\bterragrunt\s+(?:run-all|run|plan|apply|init|destroy|validate|output|hclfmt|stack)\b/, tech: ['terragrunt', 'terraform'] },
  { re: /\bkubectl\s+(?:apply|diff|delete|create)\s+(?:-k\b|--kustomize\b)|\bkubectl\s+kustomize\b|\bkustomize\s+(?:build|edit|create)\b/, tech: ['kustomize'] },
  // Zero-code instrumentation: the launcher wraps the app (`ddtrace-run gunicorn app:app`).
  { re: /\bddtrace-run\b/, tech: ['datadog'] },
  { re: /\bopentelemetry-instrument\b/, tech: ['opentelemetry'] },
  { re: /\bray\s+job\s+submit\b/, practices: ['ml-pipelines'] },
];

/** The files already scanned, and whether as CI (which claims more): a file of many Tekton objects is scanned once. */
const scanned = new WeakMap<FileContext, boolean>();

/** Reports every tool rule that matches the file's text. */
export function scanTools(f: FileContext, inCi: boolean): void {
  const done = scanned.get(f);
  if (done === true || done === inCi) return;
  scanned.set(f, inCi);
  // A tool named only in a comment is not run.
  const text = withoutComments(f.text);
  for (const rule of RULES) {
    if (!rule.re.test(text)) continue;
    for (const id of rule.tech ?? []) f.tech(id);
    for (const id of rule.practices ?? []) f.practice(id);
    if (inCi) for (const id of rule.ciPractices ?? []) f.practice(id);
  }
  if (text.includes('helm')) helmCommandCharts(f, text);
  // Trivy scans images unless told otherwise: `trivy image`, or the action with an image ref / no scan type.
  if (inCi && /\btrivy\b/i.test(text)) {
    const action = /aquasecurity\/trivy-action/i.test(text);
    if (/\btrivy\s+(?:image|i)\b|\bimage-ref\s*:|\bscan-type\s*:\s*['"]?image\b/i.test(text) || (action && !/\bscan-type\s*:/i.test(text))) f.practice('image-scanning');
  }
}

const HELM_INSTALL = /\bhelm\s+(?:upgrade|install|template)\b/g;
const CHART_REF = /^(?:oci:\/\/)?[\w.-]+(?:\/[\w.-]+)+$/;

/**
 * The charts `helm install|upgrade|template` lines install (`prometheus-community/kube-prometheus-stack`,
 * `oci://ghcr.io/x/charts/y`): the words after the command that look like a chart reference.
 */
function helmCommandCharts(f: FileContext, text: string): void {
  HELM_INSTALL.lastIndex = 0;
  for (let m = HELM_INSTALL.exec(text); m; m = HELM_INSTALL.exec(text)) {
    const end = text.indexOf('\n', m.index);
    const rest = text.slice(m.index + m[0].length, end < 0 ? text.length : Math.min(end, m.index + 2000));
    for (const word of rest.split(/[ \t"']+/)) {
      if (word.startsWith('-') || /\.(?:ya?ml|json|tgz)$/.test(word) || !CHART_REF.test(word)) continue;
      chartSignals(f, word, word);
    }
    if (end < 0) break;
    HELM_INSTALL.lastIndex = end;
  }
}

/** Well-known images: running them (compose, Kubernetes, FROM) is using the tool. */
const IMAGE_RULES: { re: RegExp; tech?: TechnologyId[]; practices?: PracticeId[] }[] = [
  { re: /^(?:[\w.-]+\/)?(?:prom|prometheus|bitnami)\/prometheus(?::|@|$)|^prom\/prometheus/, tech: ['prometheus'] },
  { re: /^(?:[\w.-]+\/)?(?:prom|prometheus|bitnami)\/alertmanager(?::|@|$)/, tech: ['alertmanager'], practices: ['prometheus-alerting'] },
  { re: /^(?:[\w.-]+\/)?(?:grafana|bitnami)\/grafana(?:-oss|-enterprise)?(?::|@|$)/, tech: ['grafana'] },
  { re: /^(?:[\w.-]+\/)?grafana\/(?:loki|promtail)(?::|@|$)/, tech: ['loki'] },
  { re: /^(?:[\w.-]+\/)?otel\/opentelemetry-collector|opentelemetry-collector(?:-contrib|-k8s)?(?::|@|$)/, tech: ['opentelemetry'] },
  // Vendor distributions: the AWS Distro for OpenTelemetry collector, the operator's auto-instrumentation images.
  { re: /(?:^|\/)aws-otel-collector(?::|@|$)|\/opentelemetry-operator\/autoinstrumentation-/, tech: ['opentelemetry'] },
  { re: /^(?:[\w.-]+\/)?(?:opencost\/opencost|kubecost1?\/(?:cost-model|kubecost-cost-model|frontend))(?::|@|$)/, practices: ['cost-estimation'] },
  { re: /^(?:[\w.-]+\/)?(?:fluent\/fluent-bit|fluent-bit)(?::|@|$)|^cr\.fluentbit\.io\//, tech: ['fluent-bit'] },
  { re: /^(?:[\w.-]+\/)?(?:datadog|datadoghq)\/(?:agent|cluster-agent|dogstatsd)(?::|@|$)/, tech: ['datadog'] },
  { re: /^(?:[\w.-]+\/)?(?:hashicorp\/vault|vault)(?::|@|$)/, tech: ['vault'], practices: ['secrets-management'] },
  { re: /^(?:[\w.-]+\/)?apache\/airflow(?::|@|$)|^(?:[\w.-]+\/)?astronomer\/(?:astro-runtime|ap-airflow)(?::|@|$)/, tech: ['airflow'] },
  { re: /^ghcr\.io\/mlflow\/mlflow(?::|@|$)/, tech: ['mlflow'] },
  { re: /^(?:[\w.-]+\/)?(?:grafana|loadimpact)\/k6(?::|@|$)/, tech: ['k6'], practices: ['load-testing'] },
  { re: /^(?:[\w.-]+\/)?locustio\/locust(?::|@|$)/, practices: ['load-testing'] },
  {
    re: /^(?:[\w.-]+\/)?(?:nvidia\/cuda|nvidia\/cudagl)(?::|@|$)|^nvcr\.io\/nvidia\/(?:cuda|pytorch|tensorflow)|:(?=[\w.-]*$)[\w.-]*cuda|^(?:[\w.-]+\/)?tensorflow\/tensorflow:[\w.-]*gpu/,
    practices: ['gpu-workloads'],
  },
  {
    re: /tritonserver|^(?:[\w.-]+\/)?pytorch\/torchserve|^(?:[\w.-]+\/)?tensorflow\/serving|^(?:[\w.-]+\/)?seldonio\/|^(?:[\w.-]+\/)?kserve\/|^(?:[\w.-]+\/)?bentoml\//,
    practices: ['model-serving'],
  },
];

/** Checks one image reference (`prom/prometheus:v2.50.0`). */
export function imageSignals(f: FileContext, image: string): void {
  const ref = image
    .replace(/^docker\.io\//, '')
    .replace(/^library\//, '')
    .toLowerCase();
  for (const rule of IMAGE_RULES) {
    if (!rule.re.test(ref)) continue;
    for (const id of rule.tech ?? []) f.tech(id);
    for (const id of rule.practices ?? []) f.practice(id);
  }
}

/** Every `image: <ref>` value in a YAML text. */
export function scanImages(f: FileContext): void {
  if (!f.text.includes('image:')) return;
  for (const m of f.text.matchAll(/^[ \t-]*image:[ \t]*["']?([\w./:@-]{1,200})/gm)) imageSignals(f, m[1]);
}
