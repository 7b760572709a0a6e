/**
 * MLOps: MLflow (`MLproject`, `import mlflow`), Kubeflow (`kfp` pipelines, `kubeflow.org`
 * objects), Airflow (DAG files importing `airflow`), DVC (`dvc.yaml`, `*.dvc`, `.dvc/`), pipeline
 * frameworks (ml-pipelines), model servers (model-serving). Python files are read only at their
 * head (imports come first); dependency manifests are handled by the manifests detector.
 */
import type { PracticeId, TechnologyId } from '../ids';
import type { PathInfo } from '../paths';
import { type Detector, defineDetector, type FileContext, type KubeObject, HEAD, WHOLE, practice, tech } from './types';
import { anyOf, isYaml, testOnce } from './util';

const files = defineDetector({
  family: 'mlops',
  match(p) {
    const { name, ext, dirs } = p;
    if (p.base === 'MLproject' || name === 'mlproject' || name === 'mlproject.yaml') return { hits: [tech('mlflow'), practice('ml-pipelines')] };
    if (name === 'dvc.yaml' || name === 'dvc.yml') return { hits: [tech('dvc')], read: WHOLE };
    if (name === 'dvc.lock' || ext === '.dvc' || name === '.dvcignore' || (dirs.length >= 1 && dirs[dirs.length - 1] === '.dvc' && (name === 'config' || name === '.gitignore')))
      return { hits: [tech('dvc')] };
    if (name === 'airflow.cfg' || name === 'airflow.cfg.template') return { hits: [tech('airflow')] };
    if (name === 'bentofile.yaml' || name === 'bentofile.yml' || name === 'model-settings.json' || name === 'config.pbtxt' || ext === '.mar')
      return { hits: [practice('model-serving')] };
    if (name === 'kfp.yaml' || name === 'pipeline.yaml' || name.endsWith('_pipeline.yaml') || name.endsWith('-pipeline.yaml')) return isYaml(p) ? { read: WHOLE } : undefined;
    return undefined;
  },
  detect(f) {
    if (f.p.name === 'dvc.yaml' || f.p.name === 'dvc.yml') {
      if (/^stages[ \t]*:/m.test(f.text)) f.practice('ml-pipelines');
      return;
    }
    // A compiled Kubeflow pipeline (KFP v2 IR YAML).
    if (/^pipelineInfo[ \t]*:/m.test(f.text) && /^(?:deploymentSpec|components)[ \t]*:/m.test(f.text)) {
      f.tech('kubeflow');
      f.practice('ml-pipelines');
    }
  },
});

/** Words of machine learning: an Airflow DAG that uses them is an ML pipeline. */
const ML_WORDS = new RegExp(
  `\\b${anyOf(['train', 'training', 'model', 'models', 'mlflow', 'sagemaker', 'sklearn', 'scikit', 'tensorflow', 'torch', 'pytorch', 'keras', 'xgboost', 'lightgbm', 'feature_store', 'feature store', 'predict', 'inference', 'vertex', 'kubeflow', 'huggingface', 'transformers', 'ml_pipeline', 'ml'])}\\b`,
  'i',
);
export const IMPORT = /^[ \t]*(?:from|import)[ \t]+([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?)/gm;

/**
 * Python files worth opening (imports only, the first 16 KB): where DAGs, pipelines, training and
 * serving code live by convention, a word of the path between separators. Other Python files are
 * not read (a big Python repository has thousands); their libraries are still found through
 * requirements / pyproject by the manifests detector.
 */
const PY_HINT_WORDS = [
  'dag',
  'dags',
  'airflow',
  'plugins',
  'pipeline',
  'pipelines',
  'kfp',
  'kubeflow',
  'component',
  'components',
  'train',
  'training',
  'trainer',
  'serve',
  'server',
  'serving',
  'predict',
  'predictor',
  'prediction',
  'inference',
  'infer',
  'model',
  'models',
  'mlflow',
  'experiment',
  'experiments',
  'flow',
  'flows',
  'load',
  'perf',
  'ml',
  'mlops',
  'tracking',
  'register',
  'deploy',
  'deployment',
  'job',
  'jobs',
  'task',
  'tasks',
  'workflow',
  'workflows',
  'notebook',
  'notebooks',
  'main',
  'app',
  'run',
  'evaluate',
  'eval',
  'feature',
  'features',
  'tune',
  'tuning',
  'sweep',
  'operator',
  'operators',
  'controller',
  'controllers',
  'handler',
  'handlers',
  'script',
  'scripts',
  'src',
];
const PY_HINT = new RegExp(`(?:^|[/_.-])${anyOf(PY_HINT_WORDS, 'locust\\w*', 'bento\\w*')}(?:[/_.-]|$)`);
/**
 * File names (not folders) where client libraries are set up: a Python client library in
 * requirements.txt counts only where it is imported, so these modules are read too.
 */
const PY_SETUP_NAME = new RegExp(
  `(?:^|[_.-])${anyOf(['metrics', 'telemetry', 'tracing', 'tracer', 'otel', 'observability', 'instrumentation', 'monitoring', 'exporter', 'collector', 'wsgi', 'asgi', 'api', 'views', 'settings', 'config', 'worker', 'lambda_function', 'function', 'service', '__init__'])}(?:[_.-]|$)`,
);

const python = defineDetector({
  family: 'mlops',
  match(p: PathInfo) {
    if (p.ext === '.py') return PY_HINT.test(p.path.toLowerCase()) || PY_SETUP_NAME.test(p.name) ? { read: HEAD } : undefined;
    if (p.ext === '.ipynb') return { read: 64 * 1024 };
    return undefined;
  },
  detect(f) {
    pythonImports(f);
  },
});

const IMPORTED = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?/y;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * The module names IMPORT captures, found line by line without running the multiline regex over
 * the whole head: a line start, blanks, `from` or `import`, at least one blank, then the name (the
 * same sticky pattern as IMPORT's group). Texts with `\r` alone, U+2028 or U+2029 as line breaks
 * (other line starts for `^`) use IMPORT itself.
 */
export function importedModules(text: string): Set<string> {
  const seen = new Set<string>();
  if ((text.includes('\r') && /\r(?!\n)/.test(text)) || text.includes('\u2028') || text.includes('\u2029')) {
    for (const m of text.matchAll(IMPORT)) seen.add(m[1]);
    return seen;
  }
  const n = text.length;
  // Line starts: 0 and after every \n (after the \r of \r\n comes \n, which cannot start a match).
  for (let s = 0; s < n;) {
    let i = s;
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    const keyword = text.startsWith('from', i) ? 4 : text.startsWith('import', i) ? 6 : 0;
    if (keyword > 0) {
      i += keyword;
      const afterKeyword = i;
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      if (i > afterKeyword) {
        IMPORTED.lastIndex = i;
        const m = IMPORTED.exec(text);
        if (m) seen.add(m[0]);
      }
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    s = nl + 1;
  }
  return seen;
}

export function pythonImports(f: FileContext): void {
  // A notebook's source lines are JSON strings: `"import x\n",`. (`[ \t]`: `^\s*"` ate every blank line up to a quote.)
  const text = f.p.ext === '.ipynb' ? f.text.replace(/\\n/g, '\n').replace(/^[ \t]*"/gm, '') : f.text;
  const seen = importedModules(text);
  if (seen.size === 0) return;
  const names = [...seen];
  const has = (m: string) => names.some((s) => s === m || s.startsWith(`${m}.`));
  for (const rule of IMPORT_RULES) {
    if (!rule.modules.some(has) && !(rule.prefixes && names.some((s) => rule.prefixes!.some((x) => s.startsWith(x))))) continue;
    if (rule.when && !rule.when(text)) continue;
    for (const id of rule.tech ?? []) f.tech(id);
    for (const id of rule.practices ?? []) f.practice(id);
  }
  // Ray Serve is imported from `ray` itself.
  if (text.includes('ray') && RAY_SERVE.test(text)) f.practice('model-serving');
  // A model loaded inside a web app or a Lambda handler is served from there.
  if ((WEB_APPS.some(has) || LAMBDA_HANDLER.test(text)) && loadsModel(text)) f.practice('model-serving');
}

/** Web frameworks an inference endpoint is written with. */
const WEB_APPS = ['flask', 'fastapi', 'starlette', 'sanic', 'litestar', 'aiohttp', 'tornado', 'falcon', 'django'];
const LAMBDA_HANDLER = /^def[ \t]+\w*handler[ \t]*\([ \t]*event[ \t]*,[ \t]*context\b/m;
/** A line that deserialises or loads a model: `joblib.load(`, `pickle.load(`, `mlflow.pyfunc.load_model(`, … */
const LOAD_CALL =
  /\b(?:joblib|pickle|cloudpickle|dill|torch|skops\.io)\.loads?[ \t]*\(|\bload_model[ \t]*\(|\bfrom_pretrained[ \t]*\(|\bxgb\.Booster[ \t]*\(|\bonnxruntime\.InferenceSession[ \t]*\(/;
/** What makes the loaded thing a model (not a cache or a session). */
const MODEL_WORD = /model|clf|classifier|regressor|estimator|predictor|pipeline|\.pkl\b|\.joblib\b|\.onnx\b|\.pt\b|\.pth\b|\.h5\b|\.keras\b/i;

function loadsModel(text: string): boolean {
  if (!text.includes('load') && !text.includes('from_pretrained') && !text.includes('Booster') && !text.includes('InferenceSession')) return false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('#')) continue;
    if (LOAD_CALL.test(line) && MODEL_WORD.test(line)) return true;
  }
  return false;
}

/**
 * What an imported module shows, one row per rule: a module of `modules` (or one below it,
 * `kfp.dsl`), or a name starting with one of `prefixes`; `when`, if given, must hold for the text.
 */
interface ImportRule {
  modules: string[];
  prefixes?: string[];
  when?: (text: string) => boolean;
  tech?: TechnologyId[];
  practices?: PracticeId[];
}

/** An Airflow DAG about machine learning (the word `model` of `airflow.models` does not count). */
const mlDag = (text: string) =>
  /\bDAG\s*\(|@dag\b|\bwith\s+DAG\b|\bmodels\.DAG\b/.test(text) && ML_WORDS.test(text.replace(/\bairflow\.models\b|from airflow\.models import|\bMODEL\b/g, ''));
const mlFlow = (text: string) => /^[ \t]*@(?:flow|task)\b/m.test(text) && ML_WORDS.test(text.replace(/\bMODEL\b/g, ''));
const RAY_SERVE = /^[ \t]*from[ \t]+ray[ \t]+import[ \t]+serve\b/m;

const IMPORT_RULES: ImportRule[] = [
  { modules: ['airflow'], tech: ['airflow'] },
  { modules: ['airflow'], when: mlDag, practices: ['ml-pipelines'] },
  // Prefect flows (`@flow`, `@task`) about models are ML pipelines, like Airflow DAGs.
  { modules: ['prefect'], when: mlFlow, practices: ['ml-pipelines'] },
  { modules: ['ray.job_submission', 'ray.workflow'], practices: ['ml-pipelines'] },
  { modules: ['mlflow'], tech: ['mlflow'] },
  { modules: ['kfp'], tech: ['kubeflow'], practices: ['ml-pipelines'] },
  { modules: ['kubeflow', 'kubeflow_training', 'katib'], tech: ['kubeflow'] },
  { modules: ['zenml', 'metaflow', 'kedro', 'tfx', 'sagemaker.workflow', 'flytekit'], practices: ['ml-pipelines'] },
  { modules: ['bentoml', 'seldon_core', 'kserve', 'tritonclient', 'mlserver', 'ts.torch_handler'], practices: ['model-serving'] },
  { modules: ['dvc', 'dvclive'], tech: ['dvc'] },
  { modules: ['locust'], practices: ['load-testing'] },
  { modules: ['hvac'], tech: ['vault'], practices: ['secrets-management'] },
  { modules: ['opentelemetry'], tech: ['opentelemetry'] },
  { modules: ['ddtrace', 'datadog'], tech: ['datadog'] },
  { modules: ['prometheus_client'], tech: ['prometheus'] },
  { modules: ['grafanalib', 'grafana_foundation_sdk'], tech: ['grafana'], practices: ['dashboards-as-code'] },
  { modules: ['pulumi'], prefixes: ['pulumi_'], tech: ['pulumi'] },
  { modules: ['aws_cdk'], tech: ['aws-cdk'] },
  { modules: ['kopf'], practices: ['k8s-operators'] },
  { modules: ['chaoslib', 'chaosk8s', 'chaostoolkit'], tech: ['chaos-engineering'] },
];

const KFP_PIPELINE = /pipelines\.kubeflow\.org/;

export function mlopsObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'kubeflow.org' || group.endsWith('.kubeflow.org')) {
    f.tech('kubeflow');
    if (group === 'pipelines.kubeflow.org' || kind === 'Pipeline' || kind === 'ScheduledWorkflow') f.practice('ml-pipelines');
    if (group === 'serving.kubeflow.org') f.practice('model-serving');
  }
  if (group === 'argoproj.io' && kind === 'Workflow' && testOnce(KFP_PIPELINE, o.source || f.text)) {
    f.tech('kubeflow');
    f.practice('ml-pipelines');
  }
  if (group === 'serving.kserve.io' || group === 'machinelearning.seldon.io' || group === 'mlops.seldon.io') f.practice('model-serving');
  if (group === 'ray.io' && kind === 'RayService') f.practice('model-serving');
  // A RayJob runs a batch job (training, tuning, batch inference) on a cluster it brings up.
  if (group === 'ray.io' && kind === 'RayJob') f.practice('ml-pipelines');
}

export const detectors: Detector[] = [files, python];
