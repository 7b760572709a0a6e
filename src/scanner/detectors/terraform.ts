/**
 * Terraform (+ modules, remote state, workspaces, and the providers and resources of other
 * technologies), Terragrunt (`terragrunt.hcl`, and `root.hcl` / other `.hcl` holding its blocks),
 * and other HCL: Packer templates, Vault configurations and policies, Sentinel.
 */
import type { PracticeId, TechnologyId } from '../ids';
import { chartSignals } from './charts';
import { otelMarkers } from './otel';
import { imageSignals } from './tools';
import { type Cond, type FileContext, WHOLE, defineDetector, practice, tech } from './types';
import { folderOf, join } from './util';

/**
 * A light structural check for HCL: braces, brackets and parens balance outside strings, comments
 * and heredocs. HCL is not parsed (regexes find the blocks); this only reports broken files.
 */
export function hclBalanced(text: string): boolean {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      let interp = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x24 /* $ */ && text.charCodeAt(i + 1) === 0x7b) {
          interp++;
          i += 2;
        } else if (d === 0x7d && interp > 0) {
          interp--;
          i++;
        } else if (d === 0x22 && interp === 0) break;
        else if (d === 0x0a && interp === 0) return false;
        else i++;
      }
      i++;
    } else if (c === 0x23 /* # */ || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (c === 0x3c && text.startsWith('<<', i)) {
      const m = /^<<-?\s*([A-Za-z_][\w-]*)\s*\r?\n/.exec(text.slice(i, i + 200));
      if (!m) {
        i += 2;
        continue;
      }
      const end = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`, 'gm');
      end.lastIndex = i + m[0].length;
      const found = end.exec(text);
      if (!found) return false;
      i = found.index + found[0].length;
    } else {
      if (c === 0x7b || c === 0x5b || c === 0x28) depth++;
      else if (c === 0x7d || c === 0x5d || c === 0x29) {
        depth--;
        if (depth < 0) return false;
      }
      i++;
    }
  }
  return depth === 0;
}

/**
 * What a Terraform file's content shows, one row per rule: `re` (and `also`, when given) must
 * match. The Terraform practices carry the file's condition (dropped beside a Pulumi.yaml); the
 * providers and resources of other technologies do not.
 */
interface TfRule {
  re: RegExp;
  also?: RegExp;
  tech?: TechnologyId[];
  practices?: PracticeId[];
  /** Reported under the file's condition. */
  terraform?: true;
}

const GRAFANA_RESOURCE = /^[ \t]*(?:resource|data)[ \t]+"grafana_dashboard"|^[ \t]*resource[ \t]+"grafana_/m;
const MANIFEST_RESOURCE = /^[ \t]*resource[ \t]+"(?:kubernetes_manifest|kubectl_manifest)"/m;

const HELM_RELEASE = /^[ \t]*resource[ \t]+"helm_release"/m;
const HELM_CHART_ATTR = /^[ \t]*chart[ \t]*=[ \t]*"([^"\n$]{1,200})"/gm;

const TF_RULES: TfRule[] = [
  { re: /^[ \t]*module[ \t]+"[^"\n]+"[ \t]*\{/m, also: /^[ \t]*source[ \t]*=/m, practices: ['terraform-modules'], terraform: true },
  { re: /^[ \t]*backend[ \t]+"(?!local")[\w-]+"[ \t]*\{|^[ \t]*data[ \t]+"terraform_remote_state"|^[ \t]*cloud[ \t]*\{/m, practices: ['terraform-remote-state'], terraform: true },
  { re: /\bterraform\.workspace\b/, practices: ['terraform-workspaces'], terraform: true },
  { re: GRAFANA_RESOURCE, tech: ['grafana'] },
  { re: GRAFANA_RESOURCE, also: /"grafana_dashboard"/, practices: ['dashboards-as-code'] },
  { re: /^[ \t]*provider[ \t]+"vault"|^[ \t]*(?:resource|data)[ \t]+"vault_/m, tech: ['vault'], practices: ['secrets-management'] },
  {
    re: /^[ \t]*(?:resource|data)[ \t]+"(?:aws_secretsmanager_secret|google_secret_manager_secret|azurerm_key_vault_secret|aws_ssm_parameter)"/m,
    practices: ['secrets-management'],
  },
  { re: /^[ \t]*provider[ \t]+"datadog"|^[ \t]*resource[ \t]+"datadog_/m, tech: ['datadog'] },
  { re: /^[ \t]*resource[ \t]+"(?:datadog_service_level_objective|google_monitoring_slo|newrelic_service_level|grafana_slo)"/m, practices: ['slo-definitions'] },
  { re: /^[ \t]*resource[ \t]+"aws_fis_experiment_template"|^[ \t]*resource[ \t]+"azurerm_chaos_studio/m, tech: ['chaos-engineering'], practices: ['chaos-experiments'] },
  {
    re: /^[ \t]*resource[ \t]+"(?:aws_cloudwatch_metric_alarm|google_monitoring_alert_policy|azurerm_monitor_metric_alert)"/m,
    also: /prometheus/i,
    practices: ['prometheus-alerting'],
  },
  { re: MANIFEST_RESOURCE, also: /argoproj\.io/, tech: ['argocd'], practices: ['gitops'] },
  { re: /^[ \t]*resource[ \t]+"(?:flux_bootstrap_git|flux_bootstrap_github)"/m, tech: ['flux'], practices: ['gitops'] },
  // CI services defined as infrastructure.
  { re: /^[ \t]*resource[ \t]+"aws_codebuild_project"/m, tech: ['aws-codebuild'] },
  { re: /^[ \t]*resource[ \t]+"google_cloudbuild_trigger"/m, tech: ['google-cloud-build'] },
  { re: /^[ \t]*resource[ \t]+"azuredevops_build_definition"/m, tech: ['azure-pipelines'] },
  // Releases of Helm charts (the charts themselves: helmReleaseCharts).
  { re: HELM_RELEASE, tech: ['helm'] },
  // Registry scanning on push, CodeDeploy blue/green, dashboards kept as code.
  { re: /^[ \t]*scan_on_push[ \t]*=[ \t]*true\b|^[ \t]*resource[ \t]+"aws_ecr_registry_scanning_configuration"/m, practices: ['image-scanning'] },
  {
    re: /^[ \t]*deployment_type[ \t]*=[ \t]*"BLUE_GREEN"|^[ \t]*deployment_option[ \t]*=[ \t]*"WITH_TRAFFIC_CONTROL"/m,
    also: /"aws_codedeploy_deployment_group"/,
    practices: ['progressive-delivery'],
  },
  {
    re: /^[ \t]*resource[ \t]+"(?:aws_cloudwatch_dashboard|google_monitoring_dashboard|azurerm_portal_dashboard|azurerm_dashboard|datadog_dashboard|datadog_dashboard_json|newrelic_one_dashboard|newrelic_one_dashboard_json)"/m,
    practices: ['dashboards-as-code'],
  },
];

/** The charts of a file's `helm_release` resources (`chart = "kube-prometheus-stack"`). */
function helmReleaseCharts(f: FileContext, text: string): void {
  const repository = /^[ \t]*repository[ \t]*=[ \t]*"[^"\n]*istio/m.test(text) ? 'istio' : '';
  for (const m of text.matchAll(HELM_CHART_ATTR)) chartSignals(f, m[1], repository);
}

function terraformContent(f: FileContext, cond?: Cond): void {
  const text = f.text;
  if (f.p.ext === '.tf' && f.complete && !hclBalanced(text)) f.parseError();
  for (const rule of TF_RULES) {
    if (!rule.re.test(text) || (rule.also && !rule.also.test(text))) continue;
    const c = rule.terraform ? cond : undefined;
    for (const id of rule.tech ?? []) f.tech(id, c);
    for (const id of rule.practices ?? []) f.practice(id, c);
  }
  if (text.includes('helm_release') && HELM_RELEASE.test(text)) helmReleaseCharts(f, text);
  // Containers and functions set up for OpenTelemetry (ADOT layers and collectors, OTLP exporters).
  if (otelMarkers(text, 'hcl')) f.tech('opentelemetry');
  if (text.includes('image')) for (const m of text.matchAll(/\bimage[ \t]*=[ \t]*"([\w./:@-]{1,200})"/g)) imageSignals(f, m[1]);
}

/**
 * `*.tf` beside a `Pulumi.yaml` is a Pulumi program in HCL (Pulumi's `runtime: hcl`), not Terraform:
 * its Terraform evidence is dropped while that file exists.
 */
export const terraform = defineDetector<Cond>({
  family: 'iac',
  match(p) {
    const { name, ext } = p;
    if (ext === '.tf' || name.endsWith('.tf.json')) {
      const cond: Cond = { unless: join(folderOf(p.path), 'Pulumi.yaml') };
      return { hits: [tech('terraform', cond)], read: WHOLE, tag: cond };
    }
    if (ext === '.tfvars' || name.endsWith('.tfvars.json') || name === '.terraform.lock.hcl' || name.endsWith('.tftest.hcl')) return { hits: [tech('terraform')] };
    return undefined;
  },
  detect(f, cond) {
    terraformContent(f, cond);
  },
});

const TF_BLOCK = /^[ \t]*terraform[ \t]*\{/gm;
const SOURCE_ATTR = /\bsource\s*=/;

/**
 * A `terraform { … source = … }` block (before its first `}`): the answer of
 * `/^\s*terraform\s*\{[^}]*\bsource\s*=/m`, in linear time. The regex scanned to the next `}` from
 * every `terraform {`, so a file of them without a `}` took quadratic time. Once the span up to a
 * `}` has no `source =`, no `terraform {` inside that span can have one either.
 */
export function terraformSource(text: string): boolean {
  TF_BLOCK.lastIndex = 0;
  for (let m = TF_BLOCK.exec(text); m; m = TF_BLOCK.exec(text)) {
    const body = m.index + m[0].length;
    const close = text.indexOf('}', body);
    if (SOURCE_ATTR.test(text.slice(body - 1, close < 0 ? text.length : close))) return true;
    if (close < 0) return false;
    TF_BLOCK.lastIndex = close + 1;
  }
  return false;
}

export const terragrunt = defineDetector({
  family: 'iac',
  match(p) {
    if (p.name === 'terragrunt.hcl' || p.name === 'terragrunt.hcl.json' || p.name.endsWith('.terragrunt.hcl'))
      return { hits: [tech('terragrunt'), tech('terraform')], read: WHOLE };
    return undefined;
  },
  detect(f) {
    if (f.p.ext === '.hcl' && f.complete && !hclBalanced(f.text)) f.parseError();
    if (/^[ \t]*remote_state[ \t]*\{|^[ \t]*backend[ \t]+"(?!local")/m.test(f.text)) f.practice('terraform-remote-state');
    if (terraformSource(f.text) || /^[ \t]*dependency[ \t]+"/m.test(f.text)) f.practice('terraform-modules');
  },
});

/** Other HCL: Packer templates, Vault server/agent configs and policies, Sentinel. */
export const hcl = defineDetector({
  family: 'iac',
  match(p) {
    const { name, ext } = p;
    if (name.endsWith('.pkr.hcl') || name.endsWith('.pkr.json') || name.endsWith('.pkrvars.hcl')) return { hits: [tech('packer')] };
    if (ext === '.sentinel' || name === 'sentinel.hcl') return { hits: [practice('policy-as-code')] };
    if (ext === '.hcl' && name !== 'terragrunt.hcl' && name !== '.terraform.lock.hcl' && !name.endsWith('.tftest.hcl')) return { read: WHOLE };
    return undefined;
  },
  detect(f) {
    const text = f.text;
    const vaultServer = /^[ \t]*storage[ \t]+"[\w-]+"[ \t]*\{/m.test(text) && /^[ \t]*listener[ \t]+"tcp"[ \t]*\{/m.test(text);
    const vaultPolicy = /^[ \t]*path[ \t]+"[^"]+"[ \t]*\{/m.test(text) && /\bcapabilities\s*=\s*\[/.test(text);
    const vaultAgent = /^[ \t]*auto_auth[ \t]*\{/m.test(text) || (/^[ \t]*vault[ \t]*\{/m.test(text) && /^[ \t]*template[ \t]*\{/m.test(text));
    if (vaultServer || vaultPolicy || vaultAgent || /^[ \t]*seal[ \t]+"(?:awskms|gcpckms|azurekeyvault|transit|pkcs11)"/m.test(text)) {
      f.tech('vault');
      f.practice('secrets-management');
    }
    if (/^[ \t]*source[ \t]+"[\w-]+"[ \t]+"[\w-]+"[ \t]*\{/m.test(text) && /^[ \t]*build[ \t]*\{/m.test(text)) f.tech('packer');
    if (/^[ \t]*(?:job|group|task)[ \t]+"/m.test(text) && /^[ \t]*driver[ \t]*=/m.test(text) && /\bvault\s*\{/.test(text)) {
      f.tech('vault');
      f.practice('secrets-management');
    }
    terragruntHcl(f, text);
    if (f.complete && !hclBalanced(text)) f.parseError();
  },
});

/** Blocks only Terragrunt has; `root.hcl` (its root configuration's name since 0.7x) may also hold just `inputs`. */
const TG_BLOCK = /^[ \t]*(?:remote_state[ \t]*\{|generate[ \t]+"[\w-]+"[ \t]*\{|dependency[ \t]+"[\w-]+"[ \t]*\{|include[ \t]+"[\w-]+"[ \t]*\{)/m;
const TG_ROOT = /^[ \t]*(?:inputs[ \t]*=|locals[ \t]*\{|terraform[ \t]*\{)/m;
const GENERATE = /^[ \t]*generate[ \t]+"[\w-]+"[ \t]*\{/m;
const REMOTE_STATE = /^[ \t]*remote_state[ \t]*\{/m;
const BACKEND = /^[ \t]*backend[ \t]+"(?!local")[\w-]+"[ \t]*\{/m;

/**
 * Terragrunt configuration in other `.hcl` files (`root.hcl`, `_envcommon/*.hcl`): its blocks, and
 * remote state kept there (a `remote_state` block, or a backend written by a `generate` block).
 */
function terragruntHcl(f: FileContext, text: string): void {
  const root = f.p.name === 'root.hcl';
  if (!TG_BLOCK.test(text) && !(root && TG_ROOT.test(text))) return;
  f.tech('terragrunt');
  f.tech('terraform');
  if (REMOTE_STATE.test(text) || (GENERATE.test(text) && BACKEND.test(text))) f.practice('terraform-remote-state');
}
