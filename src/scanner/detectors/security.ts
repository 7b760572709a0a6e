/**
 * Security and supply chain: Vault, SOPS (and encrypted files), secret operators (Sealed Secrets,
 * External Secrets, Secrets Store CSI), scanner config files (Trivy, Snyk, Semgrep, Checkov,
 * CodeQL, Gitleaks, tfsec, KICS), Dependabot (`.github/dependabot.yml`, which is not a workflow),
 * Renovate, OPA / Rego, Gatekeeper, Kyverno, pre-commit, and SBOM files. Scanners run from CI are
 * found by the CI detectors (see tools.ts).
 */
import { scanTools } from './tools';
import { type Detector, defineDetector, type FileContext, type KubeObject, WHOLE, practice, tech } from './types';
import { get, hasTopKey, isJson, isObj, isYaml, onlyPolicies, parentDir, yamlMaps } from './util';

/** Files whose name alone proves the tool is configured for this repository. */
const byName = defineDetector<'pre-commit' | 'golangci'>({
  family: 'security',
  match(p) {
    const { name, ext, dirs } = p;
    const last = parentDir(p);
    if (name === '.sops.yaml' || name === '.sops.yml' || name === '.sops.json') return { hits: [tech('sops'), practice('secrets-management')] };
    if (name === '.snyk') return { hits: [tech('snyk')] };
    if (name === '.semgrep.yml' || name === '.semgrep.yaml' || name === '.semgrepignore' || (last === '.semgrep' && (ext === '.yml' || ext === '.yaml')))
      return { hits: [tech('semgrep')] };
    if (name === '.checkov.yml' || name === '.checkov.yaml' || name === '.checkov.baseline' || name === '.checkov.yaml.example')
      return { hits: [tech('checkov'), practice('iac-scanning')] };
    if (name === '.gitleaks.toml' || name === 'gitleaks.toml' || name === '.gitleaksignore') return { hits: [tech('gitleaks')] };
    if (name === '.trivyignore' || name === '.trivyignore.yaml' || name === 'trivy.yaml' || name === 'trivy.yml' || name === 'trivy-secret.yaml') return { hits: [tech('trivy')] };
    if (
      name === '.tfsec.yml' ||
      name === '.tfsec.yaml' ||
      last === '.tfsec' ||
      name === 'kics.config' ||
      name === '.kics.yaml' ||
      name === '.terrascan.toml' ||
      name === 'terrascan.toml'
    )
      return { hits: [practice('iac-scanning')] };
    if (dirs.length >= 2 && dirs[dirs.length - 2] === '.github' && last === 'codeql' && (ext === '.yml' || ext === '.yaml')) return { hits: [tech('codeql')] };
    if ((name === 'dependabot.yml' || name === 'dependabot.yaml') && last === '.github' && dirs.length === 1) return { hits: [tech('dependabot'), practice('dependency-updates')] };
    if (/^(?:renovate\.json5?|\.renovaterc(?:\.json5?)?)$/.test(name)) return { hits: [tech('renovate'), practice('dependency-updates')] };
    if (ext === '.rego') return { hits: [tech('opa'), practice('policy-as-code')] };
    if (name === 'conftest.toml') return { hits: [tech('opa'), practice('policy-as-code')] };
    if (name === '.pre-commit-config.yaml' || name === '.pre-commit-config.yml') return { hits: [tech('pre-commit')], read: WHOLE, tag: 'pre-commit' };
    if (/^\.golangci\.(?:ya?ml|json)$/.test(name)) return { read: WHOLE, tag: 'golangci' };
    if (name === '.pre-commit-hooks.yaml') return { hits: [tech('pre-commit')] };
    if (/\.(?:spdx|cdx)(?:\.json|\.xml)?$|^(?:sbom|bom)\.(?:json|xml|spdx)$/.test(name)) return { hits: [practice('sbom')] };
    return undefined;
  },
  detect(f, tag) {
    if (tag === 'golangci') {
      if (golangciGosec(f)) f.practice('sast-in-ci');
      return;
    }
    // .pre-commit-config.yaml: hooks are tools run on every commit (not in CI)…
    scanTools(f, false);
    // …unless pre-commit.ci runs them on every pull request (its `ci:` settings), minus the hooks it skips.
    if (hasTopKey(f.text, 'ci') && preCommitCiSast(f)) f.practice('sast-in-ci');
  },
});

/** Static analysers as pre-commit hook ids. */
const SAST_HOOK = /^(?:gosec|go-sec|semgrep|semgrep-ci|bandit|njsscan|horusec|brakeman)$/;

function preCommitCiSast(f: FileContext): boolean {
  for (const doc of yamlMaps(f)) {
    if (!isObj(doc.ci)) continue;
    const skip = new Set(Array.isArray(doc.ci.skip) ? doc.ci.skip.filter((x): x is string => typeof x === 'string') : []);
    const repos = Array.isArray(doc.repos) ? doc.repos : [];
    for (const repo of repos) {
      const hooks = get(repo, 'hooks');
      if (!Array.isArray(hooks)) continue;
      for (const hook of hooks) {
        const id = get(hook, 'id');
        if (typeof id === 'string' && SAST_HOOK.test(id) && !skip.has(id)) return true;
      }
    }
  }
  return false;
}

/**
 * golangci-lint with gosec switched on (in `linters.enable`, or every linter on and gosec not off):
 * a linter configuration at the root is what the pipeline's golangci-lint step reads.
 */
function golangciGosec(f: FileContext): boolean {
  if (!f.text.includes('gosec') && !f.text.includes('all')) return false;
  const docs = f.p.ext === '.json' ? [f.json()].filter(isObj) : yamlMaps(f);
  for (const doc of docs) {
    const linters = doc.linters;
    if (!isObj(linters)) continue;
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    if (list(linters.enable).includes('gosec')) return true;
    const all = linters['enable-all'] === true || linters.default === 'all';
    if (all && !list(linters.disable).includes('gosec')) return true;
  }
  return false;
}

/** SOPS-encrypted YAML or JSON: a `sops` block with `mac` and `lastmodified`. */
const sopsEncrypted = defineDetector({
  family: 'security',
  match(p) {
    return isYaml(p) || isJson(p) || p.ext === '.env' ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    if (
      text.includes('sops') &&
      (/^sops[ \t]*:[ \t]*$/m.test(text) || /"sops"\s*:\s*\{/.test(text) || /^sops_version=/m.test(text)) &&
      /\bmac\b/.test(text) &&
      /\blastmodified\b/.test(text)
    ) {
      f.tech('sops');
      f.practice('secrets-management');
    }
    // Agent injection switched on (not `agent-inject: "false"`), outside policies that only name the annotation.
    if (
      text.includes('vault.hashicorp.com/') &&
      /^[ \t]*["']?vault\.hashicorp\.com\/(?:agent-inject["']?[ \t]*:[ \t]*["']?true\b|role["']?[ \t]*:)/m.test(text) &&
      !onlyPolicies(text)
    ) {
      f.tech('vault');
      f.practice('secrets-management');
    }
    if (text.includes('decryption') && /^[ \t]+decryption[ \t]*:[ \t]*\r?\n[ \t]+provider[ \t]*:[ \t]*sops\b/m.test(text)) {
      f.tech('sops');
      f.practice('secrets-management');
    }
  },
});

export function securityObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (
    (group === 'bitnami.com' && kind === 'SealedSecret') ||
    group === 'external-secrets.io' ||
    group === 'secrets-store.csi.x-k8s.io' ||
    group === 'generators.external-secrets.io'
  )
    f.practice('secrets-management');
  if (group === 'secrets.hashicorp.com') {
    f.tech('vault');
    f.practice('secrets-management');
  }
  // Chainsaw (`chainsaw.kyverno.io`) is an end-to-end test runner from the Kyverno project, used by many operators: not policies.
  if (group === 'kyverno.io' || (group.endsWith('.kyverno.io') && group !== 'chainsaw.kyverno.io')) {
    f.tech('kyverno');
    f.practice('policy-as-code');
  }
  if (group.endsWith('gatekeeper.sh')) {
    f.tech('opa');
    f.practice('policy-as-code');
  }
  if (group === 'aquasecurity.github.io') f.tech('trivy');
}

export const detectors: Detector[] = [byName, sopsEncrypted];
