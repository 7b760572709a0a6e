/**
 * Infrastructure as code and configuration management: Terraform and Terragrunt (their own module,
 * `terraform.ts`), Pulumi, CloudFormation (YAML or JSON, content-checked), AWS CDK, Bicep, Ansible
 * (playbook shape or role layout), Packer, Serverless Framework, and Chef / Puppet / Salt for the
 * config-management practice.
 */
import type { PathInfo } from '../paths';
import { otelMarkers } from './otel';
import { hcl, terraform, terragrunt } from './terraform';
import { type Detector, defineDetector, WHOLE, practice, tech } from './types';
import { type Obj, anyOf, get, hasTopKey, isJson, isObj, isYaml, withoutComments, yamlMaps } from './util';

export { hclBalanced, terraformSource } from './terraform';

const pulumi = defineDetector({
  family: 'iac',
  match(p) {
    if (/^pulumi(?:\.[\w-]+)?\.ya?ml$/.test(p.name)) return { hits: [tech('pulumi')] };
    return undefined;
  },
});

const cdk = defineDetector({
  family: 'iac',
  match(p) {
    if (p.name === 'cdk.json') return { read: WHOLE };
    return undefined;
  },
  detect(f) {
    if (/"app"\s*:/.test(f.text)) f.tech('aws-cdk');
  },
});

const bicep = defineDetector({
  family: 'iac',
  match(p) {
    if (p.ext === '.bicep') return { hits: [tech('azure-bicep')], read: WHOLE };
    if (p.ext === '.bicepparam' || p.name === 'bicepconfig.json') return { hits: [tech('azure-bicep')] };
    return undefined;
  },
  detect(f) {
    const code = withoutComments(f.text);
    // Key Vault secrets (resource, Azure Verified Module) or secrets read from a vault: secrets kept out of the code.
    if (/'Microsoft\.KeyVault\/vaults(?:\/secrets)?@|\bavm\/res\/key-vault\/vault\b|\.getSecret\s*\(/i.test(code)) f.practice('secrets-management');
    // Azure portal dashboards (and Azure Managed Grafana dashboards) defined in the template.
    if (/'Microsoft\.Portal\/dashboards@|'Microsoft\.Dashboard\/grafana\/dashboards@|\bavm\/res\/portal\/dashboard\b/i.test(code)) f.practice('dashboards-as-code');
  },
});

/** CloudFormation in YAML or JSON: `AWSTemplateFormatVersion`, or `Resources` holding `AWS::` types. */
function isCloudFormation(doc: Obj): boolean {
  if (doc.AWSTemplateFormatVersion !== undefined) return true;
  const resources = doc.Resources;
  if (!isObj(resources)) return false;
  return Object.values(resources).some((r) => typeof get(r, 'Type') === 'string' && /^(?:AWS|Alexa)::/.test(get(r, 'Type') as string));
}

const cloudformation = defineDetector({
  family: 'iac',
  match(p) {
    if (isYaml(p) || (isJson(p) && !NOT_CONFIG_JSON.test(p.name)) || p.ext === '.template') return { read: WHOLE };
    return undefined;
  },
  detect(f) {
    const text = f.text;
    if (!text.includes('AWSTemplateFormatVersion') && !text.includes('AWS::')) return;
    if (!f.needWhole()) return;
    const docs: Obj[] = f.p.ext === '.json' || (f.p.ext === '.template' && /^\s*\{/.test(text)) ? [f.json()].filter(isObj) : yamlMaps(f);
    for (const doc of docs) {
      if (!isCloudFormation(doc)) continue;
      f.tech('cloudformation');
      const types = JSON.stringify(doc.Resources ?? {});
      if (/AWS::FIS::ExperimentTemplate/.test(types)) {
        f.tech('chaos-engineering');
        f.practice('chaos-experiments');
      }
      if (/AWS::SecretsManager::Secret/.test(types)) f.practice('secrets-management');
      if (/AWS::(?:ApplicationAutoScaling|AutoScaling)::/.test(types) && /AWS::ECS::|AWS::EKS::/.test(types)) f.practice('k8s-autoscaling');
      if (/"AWS::CodeBuild::Project"/.test(types)) f.tech('aws-codebuild');
      if (/"AWS::CloudWatch::Dashboard"/.test(types)) f.practice('dashboards-as-code');
      if (/"ScanOnPush":(?:true|"true")/.test(types)) f.practice('image-scanning');
      // CodeDeploy blue/green (EC2, ECS), and SAM's gradual deployments (canary / linear traffic shifting).
      if (
        /"DeploymentType":"BLUE_GREEN"|"DeploymentController":\{"Type":"CODE_DEPLOY"\}|"DeploymentPreference":\{[^{}]*"Type":"(?:Canary|Linear)/.test(types) ||
        doc.Transform === 'AWS::CodeDeployBlueGreen'
      )
        f.practice('progressive-delivery');
      if (otelMarkers(types, 'json')) f.tech('opentelemetry');
    }
  },
});

/** JSON files that are never configuration worth parsing (lock files, editor/tool settings). */
const NOT_CONFIG_NAMES = [
  'package-lock',
  'npm-shrinkwrap',
  'composer.lock',
  'yarn.lock',
  'jsconfig',
  '.eslintrc',
  '.prettierrc',
  '.babelrc',
  'tslint',
  'lerna',
  'nx',
  'angular',
  'project',
  'stylelintrc',
  '.stylelintrc',
  'launch',
  'settings',
  'extensions',
  'tasks',
  'manifest',
  'app.webmanifest',
  'markdownlint',
  '.markdownlint',
];
export const NOT_CONFIG_JSON = new RegExp(`^${anyOf(NOT_CONFIG_NAMES, 'tsconfig(?:\\.[\\w-]+)?')}(?:\\.[\\w-]+)?\\.json$|\\.(?:min|lock|map)\\.json$`);

/** Packer JSON templates: `builders` with `type`. */
const packerJson = defineDetector({
  family: 'iac',
  match(p) {
    return isJson(p) && !NOT_CONFIG_JSON.test(p.name) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    if (!f.text.includes('"builders"') || !f.needWhole()) return;
    const doc = f.json();
    const builders = get(doc, 'builders');
    if (Array.isArray(builders) && builders.some((b) => typeof get(b, 'type') === 'string')) f.tech('packer');
  },
});

const serverless = defineDetector({
  family: 'iac',
  match(p) {
    if (/^serverless(?:[.-][\w-]+)?\.(?:ya?ml|json)$/.test(p.name)) return { read: WHOLE };
    if (/^serverless\.(?:ts|js)$/.test(p.name)) return { hits: [tech('serverless-framework')] };
    return undefined;
  },
  detect(f) {
    if ((hasTopKey(f.text, 'service') || /"service"\s*:/.test(f.text)) && (hasTopKey(f.text, 'provider') || /"provider"\s*:/.test(f.text))) f.tech('serverless-framework');
  },
});

// --- Ansible and other configuration management ---------------------------------------------

const ROLE_PARTS = new Set(['tasks', 'handlers', 'defaults', 'vars', 'meta']);
const PLAY_KEYS = ['tasks', 'roles', 'pre_tasks', 'post_tasks', 'handlers'];

/** `roles/<name>/tasks/main.yml` (or handlers/defaults/vars/meta) at any depth. */
function isRoleFile(p: PathInfo): boolean {
  const n = p.dirs.length;
  return n >= 3 && ROLE_PARTS.has(p.dirs[n - 1]) && p.dirs[n - 3] === 'roles' && /^main\.ya?ml$/.test(p.name);
}

function isPlaybook(docs: unknown[]): boolean {
  for (const doc of docs) {
    if (!Array.isArray(doc) || doc.length === 0) continue;
    const plays = doc.filter(isObj);
    if (plays.length !== doc.length) continue;
    if (plays.some((play) => play.hosts !== undefined && PLAY_KEYS.some((k) => play[k] !== undefined))) return true;
    if (plays.every((play) => play.import_playbook !== undefined || play['ansible.builtin.import_playbook'] !== undefined)) return true;
  }
  return false;
}

const ANSIBLE_HELM = /^[ \t]*(?:-[ \t]*)?(?:kubernetes\.core|community\.kubernetes)\.helm(?:_template|_repository|_plugin|_pull)?[ \t]*:/m;

const ansible = defineDetector<'role' | 'yaml'>({
  family: 'iac',
  match(p) {
    if (p.name === 'ansible.cfg' || p.name === '.ansible-lint' || (p.name === 'galaxy.yml' && p.dirs.length <= 1))
      return { hits: [tech('ansible'), practice('config-management')] };
    if (isRoleFile(p)) return { hits: [tech('ansible'), practice('config-management')], read: WHOLE, tag: 'role' };
    if (isYaml(p)) return { read: WHOLE, tag: 'yaml' };
    if ((p.dirs.includes('group_vars') || p.dirs.includes('host_vars')) && (p.ext === '' || p.ext === '.yml' || p.ext === '.yaml'))
      return { hits: [tech('ansible'), practice('config-management')] };
    return undefined;
  },
  detect(f, tag) {
    const text = f.text;
    if (tag === 'role') return;
    const n = f.p.dirs.length;
    // A repository that is itself a role: meta/main.yml with galaxy_info.
    if (n >= 1 && f.p.dirs[n - 1] === 'meta' && /^main\.ya?ml$/.test(f.p.name) && /^galaxy_info[ \t]*:/m.test(text)) {
      f.tech('ansible');
      f.practice('config-management');
      return;
    }
    // Helm run by Ansible's Kubernetes collection (`kubernetes.core.helm`, `helm_template`, `helm_repository`).
    if (text.includes('.helm') && ANSIBLE_HELM.test(text)) f.tech('helm');
    // Each regex below needs its literal ('ansible.', 'hosts', 'import_playbook'): indexOf first, it is far cheaper.
    if (text.includes('ansible.') && /^[ \t]*(?:-[ \t]*)?ansible\.(?:builtin|posix|windows|netcommon)\.\w+[ \t]*:/m.test(text)) {
      f.tech('ansible');
      f.practice('config-management');
      return;
    }
    const hosts = text.includes('hosts');
    if (!hosts && !text.includes('import_playbook')) return;
    if (
      !/^[ \t]*-[ \t]+(?:name[ \t]*:.*\n[ \t]+)?hosts[ \t]*:|^[ \t]*-[ \t]+(?:ansible\.builtin\.)?import_playbook[ \t]*:/m.test(text) &&
      !(hosts && /^[ \t]+hosts[ \t]*:/m.test(text))
    )
      return;
    if (!f.needWhole()) return;
    if (isPlaybook(f.yaml())) {
      f.tech('ansible');
      f.practice('config-management');
    }
  },
});

const otherConfigManagement = defineDetector({
  family: 'iac',
  match(p) {
    const { name, ext, dirs } = p;
    // Salt states, Puppet modules and control repos, Chef cookbooks and policies.
    if (ext === '.sls' || name === 'saltfile' || name === 'puppetfile' || name === 'berksfile' || name === 'policyfile.rb' || name === '.kitchen.yml' || name === 'kitchen.yml') {
      return { hits: [practice('config-management')] };
    }
    if (ext === '.pp' && (dirs.includes('manifests') || name === 'site.pp' || name === 'init.pp')) return { read: 4096 };
    if (ext === '.rb' && dirs.length >= 1 && dirs[dirs.length - 1] === 'recipes') return { read: 4096 };
    return undefined;
  },
  detect(f) {
    if (f.p.ext === '.pp' && /^[ \t]*(?:class|define|node)[ \t]+[\w:'"]|^[ \t]*(?:package|service|file|exec)[ \t]*\{\s*['"$]/m.test(f.text)) f.practice('config-management');
    if (f.p.ext === '.rb' && /^[ \t]*(?:package|service|template|execute|cookbook_file|include_recipe)[ \t]+['"(]/m.test(f.text)) f.practice('config-management');
  },
});

export const detectors: Detector[] = [terraform, terragrunt, hcl, pulumi, cdk, bicep, cloudformation, packerJson, serverless, ansible, otherConfigManagement];
