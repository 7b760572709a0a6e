/**
 * CI/CD pipelines: which CI system a file configures (mostly by its well-known path), plus the
 * practices the pipeline shows (matrix builds, reusable pipelines, caching) and the tools it runs.
 * Tekton is detected from `tekton.dev` objects in the shared Kubernetes-object pass (see `objectRules`).
 */
import type { TechnologyId } from '../ids';
import type { PathInfo } from '../paths';
import { scanTools } from './tools';
import { type Detector, defineDetector, type FileContext, type KubeObject, WHOLE, tech } from './types';
import { isYaml, parentDir, testOnce } from './util';

type CiKind = TechnologyId & ('github-actions' | 'gitlab-ci' | 'jenkins' | 'circleci' | 'azure-pipelines' | 'bitbucket-pipelines' | 'travis-ci' | 'google-cloud-build' | 'aws-codebuild' | 'buildkite' | 'drone');

interface CiTag {
  kind: CiKind;
  /** The path alone is strong enough; otherwise the content must confirm. */
  strong: boolean;
  /** A GitHub Action definition (`action.yml`), not a workflow. */
  action?: boolean;
}

/** Which CI system, if any, a path configures. */
export function ciKind(p: PathInfo): CiTag | undefined {
  const { name, dirs } = p;
  const last = parentDir(p);
  if (name === 'jenkinsfile' || name.startsWith('jenkinsfile.') || name.startsWith('jenkinsfile-') || name.startsWith('jenkinsfile_') || name.endsWith('.jenkinsfile')) {
    return { kind: 'jenkins', strong: true };
  }
  if (name === '.drone.yml' || name === '.drone.yaml' || name === '.drone.jsonnet' || name === '.drone.star') return { kind: 'drone', strong: true };
  if (name === 'cloudbuild.json') return { kind: 'google-cloud-build', strong: false };
  if (!isYaml(p)) return undefined;
  const n = dirs.length;
  if (last === 'workflows' && n >= 2 && dirs[n - 2] === '.github') return { kind: 'github-actions', strong: true };
  if (name === 'action.yml' || name === 'action.yaml') return { kind: 'github-actions', strong: false, action: true };
  if (name === '.gitlab-ci.yml' || name === '.gitlab-ci.yaml' || name.endsWith('.gitlab-ci.yml') || name.endsWith('.gitlab-ci.yaml')) return { kind: 'gitlab-ci', strong: true };
  if (dirs.includes('.gitlab-ci') || (dirs.includes('.gitlab') && dirs.includes('ci'))) return { kind: 'gitlab-ci', strong: false };
  if (last === '.circleci') return { kind: 'circleci', strong: name === 'config.yml' || name === 'config.yaml' };
  if (name.startsWith('azure-pipelines') || name.startsWith('.azure-pipelines')) return { kind: 'azure-pipelines', strong: true };
  if (dirs.includes('.azure-pipelines') || dirs.includes('azure-pipelines') || dirs.includes('.azuredevops') || dirs.includes('.ado') || dirs.includes('.azdo') || (dirs.includes('.azure') && dirs.includes('pipelines'))) {
    return { kind: 'azure-pipelines', strong: false };
  }
  if (name === 'bitbucket-pipelines.yml' || name === 'bitbucket-pipelines.yaml') return { kind: 'bitbucket-pipelines', strong: true };
  if (name === '.travis.yml' || name === '.travis.yaml') return { kind: 'travis-ci', strong: true };
  if (name.startsWith('cloudbuild')) return { kind: 'google-cloud-build', strong: false };
  if (name.startsWith('buildspec')) return { kind: 'aws-codebuild', strong: false };
  if (dirs.includes('.buildkite') || name === 'buildkite.yml' || name === 'buildkite.yaml' || name === '.buildkite.yml') return { kind: 'buildkite', strong: dirs.includes('.buildkite') && name.startsWith('pipeline') };
  return undefined;
}

/**
 * Content that confirms a CI file whose path is only a hint. Line-anchored patterns use `[ \t]`, never
 * `\s`, for blanks: `\s` also eats line breaks, and `^\s*` then retries every blank line to the end.
 */
function confirms(kind: CiKind, text: string, action: boolean): boolean {
  switch (kind) {
    case 'github-actions':
      return action ? /^runs[ \t]*:/m.test(text) : /^jobs[ \t]*:/m.test(text);
    case 'gitlab-ci':
      return /^[ \t]+(?:script|stage|extends|trigger)[ \t]*:|^(?:include|stages)[ \t]*:/m.test(text);
    case 'circleci':
      return /^(?:jobs|workflows|orbs|version)[ \t]*:/m.test(text);
    case 'azure-pipelines':
      return /^(?:steps|jobs|stages|trigger|pr|pool|extends|resources|variables|parameters)[ \t]*:/m.test(text) && /^[ \t]*(?:-[ \t]*)?(?:task|script|bash|pwsh|powershell|template|job|stage|deployment|checkout)[ \t]*:/m.test(text);
    case 'google-cloud-build':
      return /^steps[ \t]*:|"steps"\s*:/m.test(text) && /\bname\b/.test(text);
    case 'aws-codebuild':
      return /^phases[ \t]*:/m.test(text);
    case 'buildkite':
      return /^[ \t]*(?:-[ \t]*)?(?:command|commands|label|plugins|trigger|wait|block)[ \t]*:|^steps[ \t]*:/m.test(text);
    default:
      return true;
  }
}

const MATRIX = /\bmatrix\s*[:{]/;
const CACHING = /\bactions\/cache(?:\/save|\/restore)?@|^[ \t]*(?:-[ \t]*)?cache[ \t]*:|\bsave_cache\b|\brestore_cache\b|\bCache@\d|^[ \t]*caches[ \t]*:|--cache-from\b|\bcache-from\s*:|\bcache-dependency-path\s*:|\bcache#v|\bsetup-gradle@|\bgradle\/actions\/setup-gradle|\bSwatinem\/rust-cache|\bcachix\//m;
const REUSABLE: Partial<Record<CiKind, RegExp>> = {
  'github-actions': /\bworkflow_call\b|uses:\s*['"]?\.\/\.github\/(?:workflows|actions)\/|uses:\s*['"]?[\w.-]+\/[\w.-]+\/\.github\/workflows\/|\busing\s*:\s*['"]?composite\b/,
  'gitlab-ci': /^include[ \t]*:|^[ \t]+extends[ \t]*:|!reference\s*\[|^[ \t]*(?:-[ \t]*)?component[ \t]*:/m,
  circleci: /^orbs[ \t]*:/m,
  'azure-pipelines': /^[ \t]*(?:-[ \t]*)?template[ \t]*:|^extends[ \t]*:/m,
  jenkins: /@Library\s*\(|\blibrary\s*\(|\blibrary\s+identifier\s*:/,
  'bitbucket-pipelines': /^[ \t]*(?:-[ \t]*)?pipe[ \t]*:/m,
  'travis-ci': /^import[ \t]*:/m,
  buildkite: /^[ \t]*(?:-[ \t]*)?trigger[ \t]*:|pipeline\s+upload\b/m,
  drone: /^[ \t]*(?:-[ \t]*)?template[ \t]*:|^kind[ \t]*:[ \t]*template/m,
};

const ciFiles = defineDetector<CiTag>({
  family: 'ci',
  match(p) {
    const tag = ciKind(p);
    if (!tag) return undefined;
    return { hits: tag.strong ? [tech(tag.kind)] : [], read: WHOLE, tag };
  },
  detect(f, tag) {
    if (!tag) return;
    const text = f.text;
    if (!tag.strong && !confirms(tag.kind, text, tag.action === true)) return;
    f.tech(tag.kind);
    if (MATRIX.test(text)) f.practice('ci-matrix');
    if (tag.kind === 'jenkins' && /\bparallel\s*[({]/.test(text) && /\baxis\s*\{|\bmatrix\s*\{/.test(text)) f.practice('ci-matrix');
    if (CACHING.test(text)) f.practice('ci-caching');
    const reusable = REUSABLE[tag.kind];
    if (reusable?.test(text)) f.practice('ci-reusable-pipelines');
    scanTools(f, true);
  },
});

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

/** Shell scripts that pipelines call from CI folders run tools just as the pipeline does. */
const ciScripts = defineDetector({
  family: 'ci',
  match(p) {
    if (p.ext !== '.sh' && p.ext !== '.bash') return undefined;
    const ciDir = p.dirs.some((d) => d === 'ci' || d === '.ci' || d === '.github' || d === '.circleci' || d === '.buildkite' || d === '.gitlab' || d === '.tekton' || d === '.azure-pipelines');
    return ciDir ? { read: 64 * 1024 } : undefined;
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
