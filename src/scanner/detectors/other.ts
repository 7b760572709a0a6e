/**
 * Other platform tooling: Backstage (catalog entities, scaffolder templates, a Backstage app),
 * golden-path templates (cookiecutter, copier), k6 and other load tests, chaos experiments
 * (Chaos Mesh, Litmus, Chaos Toolkit), Infracost, Makefiles, and shell scripts (`*.sh` or a bash /
 * sh shebang on an extension-less script in a bin/scripts folder). Makefiles and task runners are
 * also scanned for the tools they run (not counted as CI).
 */
import type { PathInfo } from '../paths';
import { ranByCi } from './ci';
import { scanTools } from './tools';
import { type Detector, defineDetector, type FileContext, type KubeObject, HEAD, WHOLE, practice, tech } from './types';
import { anyOf, hasTopKey, isJson, isYaml } from './util';

const SCRIPT_DIRS = new Set(['bin', 'scripts', 'script', 'hack', 'tools', 'ci', '.husky', 'sbin', 'utils', 'libexec', '.ci', '.buildkite', '.circleci', '.githooks', 'githooks']);
/** Extension-less names that are never shell scripts (saves a probe). */
const NOT_SCRIPTS = new Set([
  'license',
  'licence',
  'copying',
  'notice',
  'owners',
  'owners_aliases',
  'codeowners',
  'authors',
  'readme',
  'changelog',
  'version',
  'build',
  'workspace',
  'vagrantfile',
  'gemfile',
  'rakefile',
  'procfile',
  'brewfile',
]);

/**
 * An extension-less file somewhere under a script folder (`bin/`, `scripts/ci/`, `hack/lib/`,
 * `.buildkite/hooks/`): worth a 128-byte look for a shell shebang. Such files are few, so the
 * probe stays cheap.
 */
function maybeScript(p: PathInfo): boolean {
  if (p.ext !== '' || p.name.startsWith('.') || NOT_SCRIPTS.has(p.name)) return false;
  for (const d of p.dirs) if (SCRIPT_DIRS.has(d)) return true;
  return false;
}

const SCRIPT_READ = 64 * 1024;

const byName = defineDetector<'make' | 'tasks' | 'shebang' | 'script' | 'catalog'>({
  family: 'other',
  match(p) {
    const { name, ext } = p;
    if (name === 'makefile' || name === 'gnumakefile' || ext === '.mk' || ext === '.mak') return { hits: [tech('makefile')], read: 128 * 1024, tag: 'make' };
    // Scripts anywhere run tools (`helm upgrade --install`, `terraform apply`, `trivy image`).
    if (ext === '.sh' || ext === '.bash') return { hits: [tech('bash')], read: SCRIPT_READ, tag: 'script' };
    if (name === 'taskfile.yml' || name === 'taskfile.yaml' || name === 'justfile' || name === '.justfile' || ext === '.just' || name === 'procfile')
      return { read: 128 * 1024, tag: 'tasks' };
    if (maybeScript(p)) return { read: SCRIPT_READ, tag: 'shebang', probe: true };
    if (name === 'catalog-info.yaml' || name === 'catalog-info.yml') return { hits: [tech('backstage'), practice('service-catalog')] };
    if (name === 'cookiecutter.json' || name === 'copier.yml' || name === 'copier.yaml') return { hits: [practice('golden-path-templates')] };
    if (name === 'infracost.yml' || name === 'infracost.yaml' || name === 'infracost.yml.tmpl' || name === 'infracost-usage.yml' || name === 'infracost-usage.yaml')
      return { hits: [tech('infracost'), practice('cost-estimation')] };
    if (ext === '.jmx' || name === 'locustfile.py' || name.endsWith('simulation.scala') || name.endsWith('simulation.java') || name.endsWith('simulation.kt'))
      return { hits: [practice('load-testing')] };
    return undefined;
  },
  detect(f, tag) {
    if (tag === 'make' || tag === 'tasks' || tag === 'script') scanTools(f, false);
    if (tag === 'shebang' && /^#![ \t]*(?:\/usr)?(?:\/local)?\/bin\/(?:env[ \t]+(?:-\S+[ \t]+)?)?(?:bash|sh)\b/.test(f.text)) {
      f.tech('bash');
      scanTools(f, ranByCi(f.p));
    }
  },
});

/** A word of a load or performance test in a path (between separators). */
export const LOAD_HINT = new RegExp(
  `(?:^|[/._-])${anyOf(['k6', 'load', 'loadtest', 'loadtests', 'load-test', 'load-tests', 'perf', 'performance', 'stress', 'soak', 'spike', 'smoke', 'bench', 'benchmark', 'benchmarks'])}(?:[/._-]|$)`,
);

/** k6 scripts: JS/TS importing `k6` — read only under load/perf-test looking paths or names. */

const k6 = defineDetector({
  family: 'other',
  match(p: PathInfo) {
    if (p.ext !== '.js' && p.ext !== '.ts' && p.ext !== '.mjs') return undefined;
    return LOAD_HINT.test(p.dir) || LOAD_HINT.test(p.name) ? { read: HEAD } : undefined;
  },
  detect(f) {
    if (/\bfrom\s+['"]k6(?:\/[\w/-]+)?['"]|\brequire\s*\(\s*['"]k6(?:\/[\w/-]+)?['"]\s*\)/.test(f.text)) {
      f.tech('k6');
      f.practice('load-testing');
    }
  },
});

/** YAML/JSON that are not Kubernetes objects: Chaos Toolkit experiments, Artillery tests, Backstage app config. */
const configs = defineDetector({
  family: 'other',
  match(p) {
    return isYaml(p) || isJson(p) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    if (text.includes('steady-state-hypothesis') && /["']?method["']?\s*:/.test(text)) {
      f.tech('chaos-engineering');
      f.practice('chaos-experiments');
    }
    if (isYaml(f.p)) {
      if (hasTopKey(text, 'config') && hasTopKey(text, 'scenarios') && /^[ \t]+target[ \t]*:/m.test(text)) f.practice('load-testing');
      if (/^app-config(?:\.[\w-]+)?\.ya?ml$/.test(f.p.name) && hasTopKey(text, 'backend') && (hasTopKey(text, 'catalog') || hasTopKey(text, 'app'))) f.tech('backstage');
    }
  },
});

export function otherObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'backstage.io') {
    f.tech('backstage');
    f.practice('service-catalog');
  }
  if (group === 'scaffolder.backstage.io' && kind === 'Template') {
    f.tech('backstage');
    f.practice('golden-path-templates');
  }
  if (group === 'chaos-mesh.org' || group === 'litmuschaos.io' || group === 'chaosblade.io') {
    f.tech('chaos-engineering');
    f.practice('chaos-experiments');
  }
  if (group === 'k6.io') {
    f.tech('k6');
    f.practice('load-testing');
  }
}

export const detectors: Detector[] = [byName, k6, configs];
