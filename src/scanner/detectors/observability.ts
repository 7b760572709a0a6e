/**
 * Observability: Prometheus (server config with `scrape_configs` / `rule_files`, rule files with
 * `groups[].rules[]` of `alert` / `record`, Prometheus Operator objects), Alertmanager configs,
 * Grafana (dashboard JSON, provisioning, operator objects, jsonnet/grafonnet), OpenTelemetry
 * collector configs, Loki / Promtail configs, Fluent Bit configs, Datadog agent configs, and SLO
 * definitions (Sloth, OpenSLO, Pyrra, SLO recording rules). Client libraries are found by the
 * manifests detector.
 */
import { NOT_CONFIG_JSON } from './iac';
import { alloySignals, logDestinations, otelMarkers } from './otel';
import { imageSignals } from './tools';
import { type Detector, defineDetector, type FileContext, type KubeObject, WHOLE } from './types';
import { type Obj, get, hasTopKey, isJson, isObj, isYaml, objText, onceForText, testOnce, yamlMaps } from './util';

/** `groups[].rules[]` with `alert` or `record`: Prometheus (or Loki/Thanos/Mimir) rule groups. */
function ruleGroups(value: unknown): { alert: boolean; record: boolean; slo: boolean } | undefined {
  const groups = get(value, 'groups');
  if (!Array.isArray(groups)) return undefined;
  let alert = false;
  let record = false;
  let slo = false;
  for (const g of groups) {
    const rules = get(g, 'rules');
    if (!Array.isArray(rules)) continue;
    for (const r of rules) {
      if (!isObj(r) || r.expr === undefined) continue;
      if (typeof r.alert === 'string') alert = true;
      if (typeof r.record === 'string') {
        record = true;
        if (/slo|sli|error_budget|burnrate|burn_rate/i.test(r.record)) slo = true;
      }
    }
  }
  return alert || record ? { alert, record, slo } : undefined;
}

function reportRules(f: FileContext, found: { alert: boolean; slo: boolean }): void {
  f.tech('prometheus');
  if (found.alert) f.practice('prometheus-alerting');
  if (found.slo) f.practice('slo-definitions');
}

const observabilityYaml = defineDetector({
  family: 'observability',
  match(p) {
    return isYaml(p) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    // Configuration that names its destinations or sets OpenTelemetry up (also inside ConfigMaps and Helm values).
    logDestinations(f, text);
    alloySignals(f, text);
    if (otelMarkers(text, 'yaml')) f.tech('opentelemetry');
    const t = (key: string) => hasTopKey(text, key);
    const promConfig = t('scrape_configs') || t('rule_files');
    const rules = t('groups') && /^[ \t]*(?:-[ \t]*)?(?:alert|record)[ \t]*:/m.test(text);
    const alertmanager = t('route') && t('receivers');
    const otel = t('receivers') && t('exporters') && t('service');
    const loki = t('schema_config') || (t('ingester') && t('storage_config')) || (t('clients') && t('positions'));
    const fluentBit = t('pipeline') && /^[ \t]+(?:inputs|outputs)[ \t]*:/m.test(text);
    const datadog = /^datadog\.ya?ml$/.test(f.p.name) || (t('init_config') && t('instances') && f.p.dirs.some((d) => d.endsWith('.d')));
    const grafana = t('apiVersion') && (t('datasources') || t('providers') || t('deleteDatasources'));
    const sloth = t('slos') && t('version');
    if (!(promConfig || rules || alertmanager || otel || loki || fluentBit || datadog || grafana || sloth)) return;
    if (!f.needWhole()) return;
    for (const doc of yamlMaps(f)) checkDoc(f, doc);
  },
});

function checkDoc(f: FileContext, doc: Obj): void {
  const has = (k: string) => doc[k] !== undefined && doc[k] !== null;
  const promtail = has('clients') && (has('positions') || Array.isArray(doc.clients));
  if (!promtail && (Array.isArray(doc.scrape_configs) || Array.isArray(doc.rule_files))) f.tech('prometheus');
  if (promtail && has('scrape_configs')) f.tech('loki');
  const rules = ruleGroups(doc);
  if (rules) reportRules(f, rules);
  if (isObj(doc.route) && Array.isArray(doc.receivers)) {
    f.tech('alertmanager');
    f.practice('prometheus-alerting');
  }
  if (isObj(doc.receivers) && isObj(doc.exporters) && isObj(get(doc, 'service', 'pipelines'))) f.tech('opentelemetry');
  if (isObj(doc.schema_config) || (isObj(doc.ingester) && isObj(doc.storage_config))) f.tech('loki');
  if (isObj(doc.pipeline) && (Array.isArray(get(doc, 'pipeline', 'inputs')) || Array.isArray(get(doc, 'pipeline', 'outputs')))) f.tech('fluent-bit');
  if (/^datadog\.ya?ml$/.test(f.p.name) && (has('api_key') || has('site') || has('logs_enabled') || has('apm_config') || has('dd_url'))) f.tech('datadog');
  if (has('init_config') && Array.isArray(doc.instances) && f.p.dirs.some((d) => d.endsWith('.d')) && f.p.dirs.includes('conf.d')) f.tech('datadog');
  if (doc.apiVersion === 1 && (Array.isArray(doc.datasources) || Array.isArray(doc.providers) || Array.isArray(doc.deleteDatasources))) {
    f.tech('grafana');
    if (Array.isArray(doc.providers)) f.practice('dashboards-as-code');
    if (JSON.stringify(doc.datasources ?? []).includes('"loki"')) f.tech('loki');
  }
  if (typeof doc.version === 'string' && doc.version.startsWith('prometheus/') && Array.isArray(doc.slos)) f.practice('slo-definitions');
}

/** Grafana dashboard JSON: panels (or legacy rows) and a numeric schemaVersion. */
function isDashboard(value: unknown): boolean {
  const d = isObj(value) && isObj(value.dashboard) ? value.dashboard : value;
  if (!isObj(d)) return false;
  return typeof d.schemaVersion === 'number' && (Array.isArray(d.panels) || Array.isArray(d.rows));
}

const observabilityJson = defineDetector({
  family: 'observability',
  match(p) {
    return isJson(p) && !NOT_CONFIG_JSON.test(p.name) ? { read: WHOLE } : undefined;
  },
  detect(f) {
    const text = f.text;
    // ECS task definitions (and other JSON) that run a collector or export OTLP.
    if (otelMarkers(text, 'json')) f.tech('opentelemetry');
    if (text.includes('containerDefinitions') && text.includes('"image"')) for (const m of text.matchAll(/"image"\s*:\s*"([\w./:@-]{1,200})"/g)) imageSignals(f, m[1]);
    if (!(text.includes('"panels"') || text.includes('"rows"')) || !text.includes('schemaVersion')) return;
    if (!f.needWhole()) return;
    if (isDashboard(f.json())) {
      f.tech('grafana');
      f.practice('dashboards-as-code');
    }
  },
});

/** Jsonnet: grafonnet dashboards and monitoring mixins. */
const jsonnet = defineDetector({
  family: 'observability',
  match(p) {
    return p.ext === '.jsonnet' || p.ext === '.libsonnet' ? { read: 64 * 1024 } : undefined;
  },
  detect(f) {
    const text = f.text;
    if (/grafonnet|grafana\.libsonnet|grafanaDashboards\s*[+:]|\bg\.dashboard\.new\b|dashboard\.new\s*\(/.test(text)) {
      f.tech('grafana');
      f.practice('dashboards-as-code');
    }
    if (/prometheusAlerts\s*[+:]|\balert\s*:\s*['"]/.test(text)) {
      f.tech('prometheus');
      f.practice('prometheus-alerting');
    }
    if (/prometheusRules\s*[+:]/.test(text)) f.tech('prometheus');
  },
});

/**
 * Collector and shipper configurations that are not YAML: Fluent Bit classic (`[INPUT]` / `[OUTPUT]`
 * sections with `Name`), Fluentd, Vector TOML, Grafana Alloy (`.alloy`, `.river`), and the outputs
 * they name.
 */
const fluentBitConf = defineDetector({
  family: 'observability',
  match(p) {
    if (p.ext === '.conf' || p.name === 'fluent-bit.conf' || p.name === 'grafana.ini' || p.ext === '.alloy' || p.ext === '.river') return { read: 64 * 1024 };
    if (p.ext === '.toml' && (p.name.includes('vector') || p.dirs.includes('vector'))) return { read: 64 * 1024 };
    return undefined;
  },
  detect(f) {
    if (f.p.name === 'grafana.ini') {
      if (/^\[(?:server|database|auth|security)\]/m.test(f.text)) f.tech('grafana');
      return;
    }
    if (f.p.ext === '.alloy' || f.p.ext === '.river') {
      alloySignals(f, f.text);
      return;
    }
    if (/^[ \t]*\[(?:INPUT|OUTPUT|SERVICE|FILTER|PARSER)\][ \t]*$/m.test(f.text) && /^[ \t]*(?:Name|Match|Flush)[ \t]+\S/im.test(f.text)) f.tech('fluent-bit');
    logDestinations(f, f.text);
  },
});

/** Datadog service definitions and monitors as files. */
const datadogFiles = defineDetector({
  family: 'observability',
  match(p) {
    if (p.name === 'service.datadog.yaml' || p.name === 'service.datadog.yml' || p.name === 'datadog-ci.json' || p.name === 'static-analysis.datadog.yml')
      return { hits: [{ key: 't:datadog' }] };
    return undefined;
  },
});

const ALERT_LINE = /^[ \t]*(?:-[ \t]*)?alert[ \t]*:/m;
const RECORD = /record\s*:\s*['"]?/gi;
const RECORD_NAME = /[\w:]*/y;

/**
 * A recording rule named like an SLO: the answer of `/record\s*:\s*['"]?[\w:]*(?:slo|sli)/i`, in
 * linear time. The regex re-read the rest of a `[\w:]` run from every `record:` inside it; here each
 * run is read once (a `record:` whose name starts inside a run already read sees a part of it).
 */
export function sloRecord(text: string): boolean {
  let runStart = -1;
  let runEnd = -1;
  RECORD.lastIndex = 0;
  for (let m = RECORD.exec(text); m; m = RECORD.exec(text)) {
    RECORD.lastIndex = m.index + 1;
    const start = m.index + m[0].length;
    if (start >= runStart && start <= runEnd) continue;
    RECORD_NAME.lastIndex = start;
    const name = RECORD_NAME.exec(text)![0];
    if (/slo|sli/i.test(name)) return true;
    runStart = start;
    runEnd = start + name.length;
  }
  return false;
}

const GRAFANA_DASHBOARD_KEY = /\bgrafana_dashboard\s*:/;
const CONFIG_HINTS = /scrape_configs|alert\s*:|route\s*:|fluent-bit|receivers\s*:|loki|promtail/;

export function observabilityObjects(o: KubeObject, f: FileContext): void {
  const { group, kind } = o;
  if (group === 'monitoring.coreos.com') {
    if (kind === 'PrometheusRule') {
      const found = o.doc ? ruleGroups(o.doc.spec) : undefined;
      const text = objText(o, f);
      reportRules(f, found ?? { alert: testOnce(ALERT_LINE, text), slo: onceForText(sloRecord, text, sloRecord) });
    } else if (kind === 'Alertmanager' || kind === 'AlertmanagerConfig') {
      f.tech('alertmanager');
      f.practice('prometheus-alerting');
    } else {
      f.tech('prometheus');
    }
  }
  if (group === 'monitoring.googleapis.com' && (kind === 'Rules' || kind === 'ClusterRules' || kind === 'PodMonitoring')) f.tech('prometheus');
  if (group === 'grafana.integreatly.org') {
    f.tech('grafana');
    if (kind === 'GrafanaDashboard') f.practice('dashboards-as-code');
  }
  if (group === 'opentelemetry.io') f.tech('opentelemetry');
  if (group === 'datadoghq.com') {
    f.tech('datadog');
    if (kind === 'DatadogSLO') f.practice('slo-definitions');
  }
  if (group === 'loki.grafana.com') f.tech('loki');
  if (group === 'fluentbit.fluent.io' || (group === 'logging.banzaicloud.io' && /fluentbit/i.test(kind))) f.tech('fluent-bit');
  // Fluent Operator and Logging Operator outputs: the destination is the spec's plugin key.
  if ((group === 'fluentbit.fluent.io' || group === 'fluentd.fluent.io' || group === 'logging.banzaicloud.io') && (kind === 'Output' || kind === 'ClusterOutput')) {
    const spec = o.doc ? get(o.doc, 'spec') : undefined;
    if (isObj(spec) && isObj(spec.loki)) f.tech('loki');
    if (isObj(spec) && (isObj(spec.datadog) || isObj(spec.datadogLogs))) f.tech('datadog');
  }
  if (group === 'sloth.slok.dev' || group === 'pyrra.dev' || group === 'openslo' || group === 'n9' || group === 'slo.nobl9.com') f.practice('slo-definitions');
  if (group === '' && kind === 'ConfigMap') {
    const text = objText(o, f);
    if (onceForText(GRAFANA_DASHBOARD_KEY, text, (t) => GRAFANA_DASHBOARD_KEY.test(t) && t.includes('"panels"'))) {
      f.tech('grafana');
      f.practice('dashboards-as-code');
    }
    if (testOnce(CONFIG_HINTS, text) && o.doc) {
      const data = get(o.doc, 'data');
      if (isObj(data)) {
        for (const [key, value] of Object.entries(data)) {
          if (typeof value !== 'string') continue;
          if (/^prometheus\.ya?ml$/.test(key) && /^scrape_configs[ \t]*:/m.test(value)) f.tech('prometheus');
          if (/\.rules(?:\.ya?ml)?$|^alerting_rules\.ya?ml$|^rules\.ya?ml$/.test(key) && ALERT_LINE.test(value)) {
            f.tech('prometheus');
            f.practice('prometheus-alerting');
          }
          if (/^alertmanager\.ya?ml$/.test(key) && /^route[ \t]*:/m.test(value)) {
            f.tech('alertmanager');
            f.practice('prometheus-alerting');
          }
          if (/^fluent-bit\.conf$/.test(key)) f.tech('fluent-bit');
          if (/collector|otel/i.test(key) && /^receivers[ \t]*:/m.test(value) && /^exporters[ \t]*:/m.test(value)) f.tech('opentelemetry');
          if (/^(?:loki|promtail)\.ya?ml$/.test(key)) f.tech('loki');
        }
      }
    }
  }
}

export const detectors: Detector[] = [observabilityYaml, observabilityJson, jsonnet, fluentBitConf, datadogFiles];
