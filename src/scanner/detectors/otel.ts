/**
 * Telemetry set up in configuration rather than in code: OpenTelemetry through vendor
 * distributions (the ADOT Lambda layers and wrapper, OTLP exporter variables on containers and
 * functions, Grafana Alloy's `otelcol.*` components), and the log and telemetry destinations
 * that collector and shipper outputs name (Fluent Bit, Fluentd, Vector, the OpenTelemetry
 * Collector, Alloy): `[OUTPUT] Name loki`, `@type datadog`, `exporters: loki:`.
 *
 * Every rule reads lines; none looks past the end of a line, so a hostile file costs one pass.
 */
import type { TechnologyId } from '../ids';
import type { FileContext } from './types';
import { withoutComments } from './util';

export type Format = 'yaml' | 'json' | 'hcl' | 'dockerfile';

/** The ADOT (or OpenTelemetry) Lambda layer's wrapper, and its layers by ARN. */
const LAMBDA_WRAPPER = /AWS_LAMBDA_EXEC_WRAPPER["']?[ \t]*[:=][ \t]*["']?\/opt\/otel-/;
const OTEL_LAYER = /:layer:(?:aws-otel-|opentelemetry-)/;

/** `OTEL_EXPORTER_OTLP_*` set as an environment variable, in each format's own syntax. */
const OTLP_ENV: Record<Format, RegExp> = {
  // Kubernetes `- name: OTEL_…`, Compose `OTEL_…: x` or `- OTEL_…=x`.
  yaml: /^[ \t]*-[ \t]+name[ \t]*:[ \t]*["']?OTEL_EXPORTER_OTLP_[A-Z_]*\b|^[ \t]*(?:-[ \t]+)?["']?OTEL_EXPORTER_OTLP_[A-Z_]*["']?[ \t]*[:=]/m,
  // ECS task definitions, CloudFormation: `{"name": "OTEL_…"}` or `"OTEL_…": "x"`.
  json: /"name"\s*:\s*"OTEL_EXPORTER_OTLP_|"OTEL_EXPORTER_OTLP_[A-Z_]*"\s*:/,
  // Terraform: `OTEL_… = "x"` (a map) or `name = "OTEL_…"` (a container definition).
  hcl: /\bOTEL_EXPORTER_OTLP_[A-Z_]*["']?[ \t]*=|\bname[ \t]*=[ \t]*"OTEL_EXPORTER_OTLP_/,
  // `ENV OTEL_…=x`, `ENV OTEL_… x`, or set for a command.
  dockerfile: /(?:^|[ \t"'])OTEL_EXPORTER_OTLP_[A-Z_]*=|^[ \t]*ENV[ \t]+OTEL_EXPORTER_OTLP_/m,
};

/** Whether a text sets OpenTelemetry up through a vendor distribution or OTLP variables (comments left out). */
export function otelMarkers(text: string, format: Format): boolean {
  if (!text.includes('OTEL_EXPORTER_OTLP_') && !text.includes('/opt/otel-') && !text.includes(':layer:')) return false;
  const code = format === 'json' ? text : withoutComments(text);
  return LAMBDA_WRAPPER.test(code) || OTEL_LAYER.test(code) || OTLP_ENV[format].test(code);
}

/** Grafana Alloy (and Agent flow mode): components, one per block header line. */
const ALLOY_OTELCOL = /^[ \t]*otelcol\.(?:receiver|processor|exporter|connector|auth|extension)\.[\w.]+[ \t]+"[\w-]*"[ \t]*\{/m;
const ALLOY_LOKI = /^[ \t]*(?:loki\.write|otelcol\.exporter\.loki)[ \t]+"[\w-]*"[ \t]*\{/m;
const ALLOY_DATADOG = /^[ \t]*otelcol\.exporter\.datadog[ \t]+"[\w-]*"[ \t]*\{/m;

/** Alloy configuration (a `.alloy` file, or embedded in YAML): OpenTelemetry pipelines and where they send. */
export function alloySignals(f: FileContext, text: string): void {
  if (!text.includes('otelcol.') && !text.includes('loki.write')) return;
  const code = withoutComments(text);
  if (ALLOY_OTELCOL.test(code)) f.tech('opentelemetry');
  if (ALLOY_LOKI.test(code)) f.tech('loki');
  if (ALLOY_DATADOG.test(code)) f.tech('datadog');
}

/** Destinations by output plugin name: what a shipper or collector sends to. */
function destination(name: string): TechnologyId | undefined {
  const n = name.toLowerCase().replace(/["',]/g, '');
  const base = n.split('/')[0];
  if (base === 'loki' || base === 'lokiexporter' || base === 'grafana-loki' || base === 'grafana_loki') return 'loki';
  if (base === 'datadog' || base === 'datadog_logs' || base === 'datadog_metrics' || base === 'datadog_events' || base === 'datadog_traces' || base === 'datadogexporter')
    return 'datadog';
  return undefined;
}

const SECTION = /^[ \t]*\[([A-Za-z_]+)(?:\.[^\]]*)?\][ \t]*\r?$/;
const CONF_NAME = /^[ \t]*name[ \t]+(\S+)/i;
const FLUENTD_TYPE = /^[ \t]*@type[ \t]+(\S+)/;
const TOML_TYPE = /^[ \t]*type[ \t]*=[ \t]*["']([\w-]+)["']/;
const YAML_KEY = /^([ \t]*)(?:-[ \t]+)?["']?([\w/.-]+)["']?[ \t]*:(.*)$/;
const YAML_ITEM = /^([ \t]*)-[ \t]+["']?([\w/.-]+)["']?[ \t]*\r?$/;

/** The items of a one-line flow list: `[otlp, "loki"]`. */
function flowList(rest: string): string[] {
  const end = rest.indexOf(']');
  return rest
    .slice(1, end < 0 ? undefined : end)
    .split(',')
    .map((s) => s.trim());
}

/**
 * The destinations a text's outputs name, line by line:
 *   - Fluent Bit classic: `[OUTPUT]` sections' `Name loki` (also inside YAML block scalars);
 *   - Fluentd: `@type loki` / `@type datadog` in a config that has `<match`;
 *   - Vector TOML: `[sinks.x]` sections' `type = "loki"`;
 *   - YAML blocks: `exporters:` (OpenTelemetry; its keys `loki:`, `datadog/x:` or list items),
 *     `outputs:` (Fluent Bit YAML, `- name: loki`), `sinks:` (Vector, `type: datadog_logs`).
 * A loki receiver or input is a source, not a destination, and is not reported.
 */
export function logDestinations(f: FileContext, text: string): void {
  const hasOutput = text.includes('[OUTPUT]') || text.includes('[output]');
  const hasFluentd = text.includes('@type') && text.includes('<match');
  const hasSinks = text.includes('sinks');
  const hasExporters = text.includes('exporters') && text.includes('receivers');
  const hasOutputs = text.includes('outputs');
  if (!hasOutput && !hasFluentd && !hasSinks && !hasExporters && !hasOutputs) return;
  const code = withoutComments(text);
  const found = new Set<TechnologyId>();
  const add = (name: string) => {
    const id = destination(name);
    if (id) found.add(id);
  };
  /** The YAML block being read: its kind and the indentation of its key. */
  let block: { kind: 'exporters' | 'outputs' | 'sinks'; indent: number; child: number } | undefined;
  let section = '';
  for (const raw of code.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const body = line.trimStart();
    if (body === '') continue;
    const indent = line.length - body.length;
    const sec = SECTION.exec(line);
    if (sec) {
      section = sec[1].toLowerCase();
      continue;
    }
    if (hasOutput && section === 'output') {
      const m = CONF_NAME.exec(line);
      if (m) add(m[1]);
    }
    if (hasSinks && section === 'sinks') {
      const m = TOML_TYPE.exec(line);
      if (m) add(m[1]);
    }
    if (hasFluentd) {
      const m = FLUENTD_TYPE.exec(line);
      if (m) add(m[1]);
    }
    // A block ends at a line indented no deeper than its key (list items at the key's own indentation belong to it).
    if (block && (indent < block.indent || (indent === block.indent && !(body.startsWith('-') && (block.child < 0 || block.child === indent))))) block = undefined;
    const key = YAML_KEY.exec(line);
    if (block) {
      if (block.child < 0) block.child = indent;
      if (block.kind === 'exporters') {
        // Exporter definitions (`loki:`, `datadog/logs:`) at the block's first level, or a pipeline's list items.
        const item = YAML_ITEM.exec(line);
        if (item) add(item[2]);
        else if (key && indent === block.child && !body.startsWith('-')) add(key[2]);
      } else if (key && key[2] === (block.kind === 'outputs' ? 'name' : 'type')) add(key[3].trim());
      continue;
    }
    if (!key) continue;
    const name = key[2];
    const rest = key[3].trim();
    if (name === 'exporters' && hasExporters) {
      // `exporters: [otlp, loki]` in a pipeline, or the block of exporters.
      if (rest.startsWith('[')) flowList(rest).forEach(add);
      else if (rest === '' || rest === '|') block = { kind: 'exporters', indent, child: -1 };
    } else if ((name === 'outputs' && hasOutputs) || (name === 'sinks' && hasSinks)) {
      if (rest === '') block = { kind: name, indent, child: -1 };
    }
  }
  for (const id of found) f.tech(id);
}
