/**
 * CI/CD pipelines: which CI system a file configures (mostly by its well-known path), plus the
 * practices the pipeline shows (matrix builds, reusable pipelines, caching) and the tools it runs.
 * Tekton is detected from `tekton.dev` objects in the shared Kubernetes-object pass (see `objectRules`).
 */
import type { TechnologyId } from '../ids';
import type { PathInfo } from '../paths';
import { scanTools } from './tools';
import { type Detector, defineDetector, type FileContext, type KubeObject, WHOLE, tech } from './types';
import { isYaml, parentDir, testOnce, withoutComments } from './util';

type CiKind = TechnologyId &
  (
    | 'github-actions'
    | 'gitlab-ci'
    | 'jenkins'
    | 'circleci'
    | 'azure-pipelines'
    | 'bitbucket-pipelines'
    | 'travis-ci'
    | 'google-cloud-build'
    | 'aws-codebuild'
    | 'buildkite'
    | 'drone'
  );

interface CiTag {
  kind: CiKind;
  /** The path alone is strong enough; otherwise the content must confirm. */
  strong: boolean;
  /** A GitHub Action definition (`action.yml`), not a workflow. */
  action?: boolean;
}

/**
 * Where each CI system keeps its configuration, first match wins. `strong`: the path alone proves
 * it; otherwise the content must confirm (CI_SYSTEMS). Rows marked `yaml` need a .yml/.yaml name.
 */
interface CiPath {
  kind: CiKind;
  yaml: boolean;
  test(p: PathInfo, last: string): boolean;
  strong: boolean | ((p: PathInfo) => boolean);
  action?: true;
}

const has = (dirs: readonly string[], ...names: string[]) => names.some((d) => dirs.includes(d));
const startsWithAny = (name: string, ...prefixes: string[]) => prefixes.some((x) => name.startsWith(x));
const oneOf = (name: string, ...names: string[]) => names.includes(name);

const CI_PATHS: CiPath[] = [
  {
    kind: 'jenkins',
    yaml: false,
    strong: true,
    test: ({ name }) => name === 'jenkinsfile' || startsWithAny(name, 'jenkinsfile.', 'jenkinsfile-', 'jenkinsfile_') || name.endsWith('.jenkinsfile'),
  },
  { kind: 'drone', yaml: false, strong: true, test: ({ name }) => oneOf(name, '.drone.yml', '.drone.yaml', '.drone.jsonnet', '.drone.star') },
  { kind: 'google-cloud-build', yaml: false, strong: false, test: ({ name }) => name === 'cloudbuild.json' },
  { kind: 'github-actions', yaml: true, strong: true, test: ({ dirs }, last) => last === 'workflows' && dirs.length >= 2 && dirs[dirs.length - 2] === '.github' },
  { kind: 'github-actions', yaml: true, strong: false, action: true, test: ({ name }) => oneOf(name, 'action.yml', 'action.yaml') },
  {
    kind: 'gitlab-ci',
    yaml: true,
    strong: true,
    test: ({ name }) => oneOf(name, '.gitlab-ci.yml', '.gitlab-ci.yaml') || name.endsWith('.gitlab-ci.yml') || name.endsWith('.gitlab-ci.yaml'),
  },
  { kind: 'gitlab-ci', yaml: true, strong: false, test: ({ dirs }) => dirs.includes('.gitlab-ci') || (dirs.includes('.gitlab') && dirs.includes('ci')) },
  { kind: 'circleci', yaml: true, strong: ({ name }) => oneOf(name, 'config.yml', 'config.yaml'), test: (_p, last) => last === '.circleci' },
  { kind: 'azure-pipelines', yaml: true, strong: true, test: ({ name }) => startsWithAny(name, 'azure-pipelines', '.azure-pipelines') },
  {
    kind: 'azure-pipelines',
    yaml: true,
    strong: false,
    test: ({ dirs }) => has(dirs, '.azure-pipelines', 'azure-pipelines', '.azuredevops', '.ado', '.azdo') || (dirs.includes('.azure') && dirs.includes('pipelines')),
  },
  { kind: 'bitbucket-pipelines', yaml: true, strong: true, test: ({ name }) => oneOf(name, 'bitbucket-pipelines.yml', 'bitbucket-pipelines.yaml') },
  { kind: 'travis-ci', yaml: true, strong: true, test: ({ name }) => oneOf(name, '.travis.yml', '.travis.yaml') },
  { kind: 'google-cloud-build', yaml: true, strong: false, test: ({ name }) => name.startsWith('cloudbuild') },
  { kind: 'aws-codebuild', yaml: true, strong: false, test: ({ name }) => name.startsWith('buildspec') },
  {
    kind: 'buildkite',
    yaml: true,
    strong: ({ dirs, name }) => dirs.includes('.buildkite') && name.startsWith('pipeline'),
    test: ({ dirs, name }) => dirs.includes('.buildkite') || oneOf(name, 'buildkite.yml', 'buildkite.yaml', '.buildkite.yml'),
  },
];

/** Which CI system, if any, a path configures. */
export function ciKind(p: PathInfo): CiTag | undefined {
  const last = parentDir(p);
  const yaml = isYaml(p);
  for (const row of CI_PATHS) {
    if (row.yaml && !yaml) continue;
    if (!row.test(p, last)) continue;
    return { kind: row.kind, strong: typeof row.strong === 'function' ? row.strong(p) : row.strong, ...(row.action ? { action: true } : {}) };
  }
  return undefined;
}

/**
 * Per CI system: what confirms a file whose path is only a hint (every pattern must match; none:
 * any content does), and what shows reusable pipelines. Line-anchored patterns use `[ \t]`, never
 * `\s`, for blanks: `\s` also eats line breaks, and `^\s*` then retries every blank line to the end.
 */
interface CiSystem {
  confirm?: readonly RegExp[];
  reusable?: RegExp;
}

const CI_SYSTEMS: Record<CiKind, CiSystem> = {
  'github-actions': {
    confirm: [/^jobs[ \t]*:/m],
    reusable: /\bworkflow_call\b|uses:\s*['"]?\.\/\.github\/(?:workflows|actions)\/|uses:\s*['"]?[\w.-]+\/[\w.-]+\/\.github\/workflows\/|\busing\s*:\s*['"]?composite\b/,
  },
  'gitlab-ci': {
    confirm: [/^[ \t]+(?:script|stage|extends|trigger)[ \t]*:|^(?:include|stages)[ \t]*:/m],
    reusable: /^include[ \t]*:|^[ \t]+extends[ \t]*:|!reference\s*\[|^[ \t]*(?:-[ \t]*)?component[ \t]*:/m,
  },
  jenkins: { reusable: /@Library\s*\(|\blibrary\s*\(|\blibrary\s+identifier\s*:/ },
  circleci: { confirm: [/^(?:jobs|workflows|orbs|version)[ \t]*:/m], reusable: /^orbs[ \t]*:/m },
  'azure-pipelines': {
    // A top-level pipeline key and a step or job key.
    confirm: [
      /^(?:steps|jobs|stages|trigger|pr|pool|extends|resources|variables|parameters)[ \t]*:/m,
      /^[ \t]*(?:-[ \t]*)?(?:task|script|bash|pwsh|powershell|template|job|stage|deployment|checkout)[ \t]*:/m,
    ],
    reusable: /^[ \t]*(?:-[ \t]*)?template[ \t]*:|^extends[ \t]*:/m,
  },
  'bitbucket-pipelines': { reusable: /^[ \t]*(?:-[ \t]*)?pipe[ \t]*:/m },
  'travis-ci': { reusable: /^import[ \t]*:/m },
  // Steps that name their builder.
  'google-cloud-build': { confirm: [/^steps[ \t]*:|"steps"\s*:/m, /\bname\b/] },
  'aws-codebuild': { confirm: [/^phases[ \t]*:/m] },
  buildkite: {
    confirm: [/^[ \t]*(?:-[ \t]*)?(?:command|commands|label|plugins|trigger|wait|block)[ \t]*:|^steps[ \t]*:/m],
    reusable: /^[ \t]*(?:-[ \t]*)?trigger[ \t]*:|pipeline\s+upload\b/m,
  },
  drone: { reusable: /^[ \t]*(?:-[ \t]*)?template[ \t]*:|^kind[ \t]*:[ \t]*template/m },
};

/** A GitHub Action definition (`action.yml`) is confirmed by `runs:`, not `jobs:`. */
const ACTION_CONFIRM: readonly RegExp[] = [/^runs[ \t]*:/m];

/** Content that confirms a CI file whose path is only a hint. */
function confirms(kind: CiKind, text: string, action: boolean): boolean {
  return (action ? ACTION_CONFIRM : (CI_SYSTEMS[kind].confirm ?? [])).every((re) => re.test(text));
}

const MATRIX = /\bmatrix\s*[:{]/;
// `cache:` with a value that switches it off (`cache: false`, GitLab's `cache: []`) is not caching.
const CACHING =
  /\bactions\/cache(?:\/save|\/restore)?@|^[ \t]*(?:-[ \t]*)?cache[ \t]*:(?![ \t]*(?:["']?(?:false|no|off|none|null)["']?|~|""|''|\[\]|\{\})[ \t]*\r?$)|\bsave_cache\b|\brestore_cache\b|\bCache@\d|^[ \t]*caches[ \t]*:|--cache-from\b|\bcache-from\s*:|\bcache-dependency-path\s*:|\bcache#v|\bsetup-gradle@|\bgradle\/actions\/setup-gradle|\bSwatinem\/rust-cache|\bcachix\//m;

const ciFiles = defineDetector<CiTag>({
  family: 'ci',
  match(p) {
    const tag = ciKind(p);
    if (!tag) return undefined;
    return { hits: tag.strong ? [tech(tag.kind)] : [], read: WHOLE, tag };
  },
  detect(f, tag) {
    if (!tag) return;
    if (!tag.strong && !confirms(tag.kind, f.text, tag.action === true)) return;
    f.tech(tag.kind);
    // What a pipeline does, not what its comments say.
    const text = withoutComments(f.text);
    if (MATRIX.test(text) || (tag.kind === 'travis-ci' && travisMatrix(text))) f.practice('ci-matrix');
    if (tag.kind === 'jenkins' && /\bparallel\s*[({]/.test(text) && /\baxis\s*\{|\bmatrix\s*\{/.test(text)) f.practice('ci-matrix');
    if (CACHING.test(text)) f.practice('ci-caching');
    const reusable = CI_SYSTEMS[tag.kind].reusable;
    if (reusable?.test(text)) f.practice('ci-reusable-pipelines');
    scanTools(f, true);
  },
});

/** Travis keys whose list of values makes one job per value (an implicit build matrix). */
const TRAVIS_AXES = new Set([
  'python',
  'node_js',
  'ruby',
  'rvm',
  'go',
  'jdk',
  'php',
  'perl',
  'rust',
  'scala',
  'dart',
  'elixir',
  'otp_release',
  'julia',
  'r',
  'd',
  'crystal',
  'haxe',
  'ghc',
  'mono',
  'dotnet',
  'smalltalk',
  'os',
  'osx_image',
  'xcode_sdk',
  'xcode_scheme',
  'compiler',
  'arch',
  'gemfile',
  'env',
]);
const TRAVIS_KEY = /^([a-z_]+)[ \t]*:(.*)$/;

/**
 * A Travis build matrix without `matrix:`: a language-version key (or `os`, `env`, …) with two or
 * more values, as a flow list (`python: ["3.11", "3.12"]`) or as list items directly under it.
 */
export function travisMatrix(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const key = TRAVIS_KEY.exec(lines[i].replace(/\r$/, ''));
    if (!key || !TRAVIS_AXES.has(key[1])) continue;
    const value = key[2].trim();
    if (value.startsWith('[')) {
      if (value.split(',').filter((v) => v.replace(/[[\]\s]/g, '') !== '').length >= 2) return true;
      continue;
    }
    if (value !== '') continue;
    // The block under the key: items at the indentation of its first line.
    let indent = -1;
    let items = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j].replace(/\r$/, '');
      const body = line.trimStart();
      if (body === '') continue;
      const depth = line.length - body.length;
      if (depth === 0 && !body.startsWith('-')) break;
      if (indent < 0) indent = depth;
      if (depth === indent) {
        if (!body.startsWith('-')) break;
        items++;
      }
    }
    if (items >= 2) return true;
  }
  return false;
}

/** Jenkins shared libraries (`vars/*.groovy` beside `src/` or `resources/`) are reusable pipelines. */
const jenkinsLibrary = defineDetector({
  family: 'ci',
  match(p) {
    if (p.ext !== '.groovy' || parentDir(p) !== 'vars') return undefined;
    return { read: 4096 };
  },
  detect(f) {
    if (/\bdef\s+call\s*\(/.test(f.text) && /\b(?:pipeline|node|stage|sh)\s*[({]/.test(f.text)) {
      f.tech('jenkins');
      f.practice('ci-reusable-pipelines');
    }
  },
});

/** Folders of scripts that pipelines run (`.github/scripts/`, `scripts/ci/`, `.buildkite/hooks/`). */
const CI_SCRIPT_DIRS = new Set([
  'ci',
  '.ci',
  '.github',
  '.circleci',
  '.buildkite',
  '.gitlab',
  '.tekton',
  '.azure-pipelines',
  '.woodpecker',
  '.drone',
  'cicd',
  'ci-cd',
  'ci_cd',
  'ci-scripts',
  'ci_scripts',
  '.pipelines',
  '.jenkins',
]);
/** Script names that say a pipeline runs them: `ci.sh`, `ci-build.sh`, `run_ci.sh`, `build-ci.sh` (the word `ci`). */
const ciName = (name: string) =>
  name
    .replace(/\.(?:sh|bash)$/, '')
    .split(/[_.-]/)
    .includes('ci');

/**
 * A script a CI job runs: under a CI folder or named for CI. The scanner cannot follow a pipeline's
 * `run: ./scripts/x.sh` to its script, so this is where scripts for pipelines live by convention.
 */
export function ranByCi(p: PathInfo): boolean {
  return p.dirs.some((d) => CI_SCRIPT_DIRS.has(d)) || ciName(p.name);
}

/** Shell scripts that pipelines call run tools just as the pipeline does. */
const ciScripts = defineDetector({
  family: 'ci',
  match(p) {
    if (p.ext !== '.sh' && p.ext !== '.bash') return undefined;
    return ranByCi(p) ? { read: 64 * 1024 } : undefined;
  },
  detect(f) {
    scanTools(f, true);
  },
});

const TEKTON_REF = /\btaskRef\s*:|\bpipelineRef\s*:/;
const TEKTON_MATRIX = /\bmatrix\s*:/;

/** Tekton objects from the shared Kubernetes-object pass (scanTools reads a file once, however many objects it holds). */
export function ciObjects(o: KubeObject, f: FileContext): void {
  if (o.group === 'tekton.dev' || o.group.endsWith('.tekton.dev')) {
    f.tech('tekton');
    if (testOnce(TEKTON_REF, o.source || f.text)) f.practice('ci-reusable-pipelines');
    if (testOnce(TEKTON_MATRIX, o.source || f.text)) f.practice('ci-matrix');
    scanTools(f, true);
  }
}

export const detectors: Detector[] = [ciFiles, jenkinsLibrary, ciScripts];
