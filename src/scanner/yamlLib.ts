/**
 * YAML parsing for the detectors: `js-yaml` first, the `yaml` package when js-yaml cannot give the
 * same answer.
 *
 * Why two parsers: on real repositories (grafana/loki) parsing was 42% of a scan, and js-yaml reads
 * the same documents about ten times faster. On the 559 files of loki and the fixtures it accepts, it
 * returns exactly what `yaml` returns (test/unit/scanner/yamlParse.test.ts keeps that true). `yaml`
 * stays for what js-yaml handles differently or not at all:
 * - anchors and aliases: js-yaml shares an aliased node instead of copying it, so a "billion laughs"
 *   document would cost nothing to load and everything to walk; `yaml` counts alias expansions
 *   (`maxAliasCount`);
 * - complex keys (`? …`, and `{{ … }}` in templated files, which YAML reads as a mapping used as a
 *   key): js-yaml turns them into "[object Object]";
 * - any error or unknown tag (`!Ref`): js-yaml stops at the first, while `yaml` keeps the documents
 *   around a broken one, which is what the detectors have always been given.
 * Both load on first use (esbuild evaluates a `require`d module on its first call), so a scan that
 * parses nothing never loads either.
 */
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

let yamlPackage: typeof Yaml | undefined;
let jsYamlPackage: typeof JsYaml | undefined;

export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlPackage ??= require('yaml') as typeof Yaml;
  return yamlPackage;
}

function jsYaml(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsYamlPackage ??= require('js-yaml') as typeof JsYaml;
  return jsYamlPackage;
}

/** The documents of a YAML text (null and empty documents left out) and how many failed to parse. */
export interface ParsedYaml {
  docs: unknown[];
  failures: number;
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, logLevel: 'silent', strict: false } as const;
/** An anchor (`&name`) where a node may start: the text uses aliases, which only `yaml` bounds. */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;
/** An explicit complex key (`? key`). */
const COMPLEX_KEY = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;

export function parseYaml(text: string): ParsedYaml {
  return (fastPathAllowed(text) && parseWithJsYaml(text)) || parseWithYaml(text);
}

function fastPathAllowed(text: string): boolean {
  return !text.includes('{{') && !ANCHOR.test(text) && !COMPLEX_KEY.test(text);
}

function parseWithJsYaml(text: string): ParsedYaml | undefined {
  const lib = jsYaml();
  try {
    // CORE_SCHEMA is YAML 1.2's core schema, what `yaml` resolves by default (no timestamps, no
    // merge keys); `json: true` lets a repeated key win as `uniqueKeys: false` does.
    const docs = lib.loadAll(text, undefined, { schema: lib.CORE_SCHEMA, json: true });
    return { docs: docs.filter((d) => d !== null && d !== undefined), failures: 0 };
  } catch {
    return undefined;
  }
}

function parseWithYaml(text: string): ParsedYaml {
  const out: ParsedYaml = { docs: [], failures: 0 };
  try {
    for (const doc of yamlLib().parseAllDocuments(text, YAML_OPTIONS)) {
      if (doc.errors.length > 0) {
        out.failures++;
        continue;
      }
      try {
        const value: unknown = doc.toJS({ maxAliasCount: 100 });
        if (value !== null && value !== undefined) out.docs.push(value);
      } catch {
        out.failures++;
      }
    }
  } catch {
    out.failures++;
  }
  return out;
}
