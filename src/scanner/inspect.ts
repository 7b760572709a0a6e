/**
 * What the detectors make of one file's bytes: the FileContext they share (one text, parsed
 * lazily and at most once) and the in-thread inspection. This is the CPU-bound half of a scan:
 * in VS Code and the CLI it runs inside worker threads (`worker.ts`, driven by `WorkerPool`), so a
 * pathological file costs at most its time budget and never the caller's thread.
 */
import { chartDirOf, regexObjects, splitApiVersion } from './objects';
import type { Plan } from './detectors/registry';
import type { Cond, FileContext, Hit, HitKey, KubeObject } from './detectors/types';
import { isObj } from './detectors/util';
import type { PracticeId, TechnologyId } from './ids';
import type { PathInfo } from './paths';
import type { Inspection } from './types';
import { parseYaml } from './yamlLib';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** The FileContext handed to detectors: one text, parsed lazily and at most once. */
export class Context implements FileContext {
  readonly hits = new Map<string, Hit>();
  tooLarge = false;
  failed = false;
  private yamlDocs: unknown[] | undefined;
  private jsonValue: { value: unknown } | undefined;
  private objectList: KubeObject[] | undefined;

  constructor(
    readonly p: PathInfo,
    readonly text: string,
    readonly complete: boolean,
  ) {}

  needWhole(): boolean {
    if (!this.complete) this.tooLarge = true;
    return this.complete;
  }

  parseError(): void {
    this.failed = true;
  }

  yaml(): unknown[] {
    if (this.yamlDocs) return this.yamlDocs;
    this.yamlDocs = [];
    // Go templates (Helm chart templates) are not YAML until rendered: never parse them.
    if (this.isTemplate()) return this.yamlDocs;
    if (!this.needWhole()) return this.yamlDocs;
    const { docs, failures } = parseYaml(this.text);
    this.yamlDocs = docs;
    // Templated YAML (`{{ }}` outside a chart) that does not parse is a template, not a broken file.
    if (failures > 0 && !this.text.includes('{{')) this.failed = true;
    return this.yamlDocs;
  }

  private isTemplate(): boolean {
    return chartDirOf(this.p) !== undefined && this.text.includes('{{');
  }

  json(): unknown {
    if (this.jsonValue) return this.jsonValue.value;
    this.jsonValue = { value: undefined };
    if (!this.needWhole()) return undefined;
    try {
      this.jsonValue.value = JSON.parse(this.text);
    } catch {
      this.failed = true;
    }
    return this.jsonValue.value;
  }

  objects(): KubeObject[] {
    if (this.objectList) return this.objectList;
    if (this.p.ext !== '.json') {
      // YAML: documents are found by their column-0 headers and parsed only if a rule needs one.
      if (!this.complete) this.tooLarge = true;
      return (this.objectList = regexObjects(this.text));
    }
    const out: KubeObject[] = [];
    const push = (doc: unknown) => {
      if (!isObj(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') return;
      out.push({ apiVersion: doc.apiVersion, group: splitApiVersion(doc.apiVersion).group, kind: doc.kind, doc, hasMetadata: isObj(doc.metadata), source: '' });
      if (doc.kind === 'List' && Array.isArray(doc.items)) for (const item of doc.items.slice(0, 1000)) push(item);
    };
    push(this.json());
    return (this.objectList = out);
  }

  tech(id: TechnologyId, cond?: Cond): void {
    this.add(`t:${id}`, cond);
  }

  practice(id: PracticeId, cond?: Cond): void {
    this.add(`p:${id}`, cond);
  }

  add(key: HitKey, cond?: Cond): void {
    const id = `${key}|${cond?.requires ?? ''}|${cond?.unless ?? ''}`;
    if (!this.hits.has(id)) this.hits.set(id, { key, ...(cond?.requires ? { requires: cond.requires } : {}), ...(cond?.unless ? { unless: cond.unless } : {}) });
  }
}

/** Decodes the bytes and runs the plan's content detectors on them, in this thread. */
export function inspectInThread(plan: Plan, data: Uint8Array, complete: boolean): Inspection {
  const ctx = new Context(plan.p, decoder.decode(data), complete);
  for (const { detector, tag } of plan.readers) {
    try {
      detector.detect?.(ctx, tag);
    } catch {
      // A detector must never break a scan: count the file as unparseable and go on.
      ctx.failed = true;
    }
  }
  return { hits: [...ctx.hits.values()], failed: ctx.failed, tooLarge: ctx.tooLarge };
}
