/**
 * YAML parsing for the detectors: `js-yaml` first, the `yaml` package when js-yaml cannot give the
 * same answer.
 *
 * Why two parsers: on real repositories (grafana/loki) parsing was 42% of a scan, and js-yaml reads
 * the same documents about ten times faster. On the 559 files of loki and the fixtures it accepts, it
 * returns exactly what `yaml` returns (test/unit/scanner/yamlParse.test.ts keeps that true). `yaml`
 * stays for what js-yaml handles differently or not at all:
 * - aliases to collections beyond a bound: an aliased node is shared, not copied, so a "billion
 *   laughs" document would cost nothing to load and everything to walk; `yaml` counts alias
 *   expansions (`maxAliasCount`), js-yaml does not. Told apart after the fast parse (treeShape), by the
 *   size the documents would have with every shared node copied, not by looking for `*` in the
 *   text, which shell scripts in block scalars are full of. Within the bound, js-yaml's shared
 *   nodes are kept: the same data `yaml` gives, read-only for the detectors (Compose files'
 *   `x-logging: &default` and GitLab CI's `<<: *job` templates, 11 of 5,340 files in ten public
 *   repositories, had cost `yaml`'s slower parse and, in a fresh worker, its first load);
 * - complex keys (`? …`, and `{{ … }}` in templated files, which YAML reads as a mapping used as a
 *   key): js-yaml turns them into "[object Object]", so such a result is thrown away;
 * - any error: js-yaml stops at the first, while `yaml` keeps the documents around a broken one,
 *   which is what the detectors have always been given. Such a text is read again one `---`
 *   document at a time with js-yaml (documentByDocument), which gives `yaml`'s answer there too.
 * Local tags (CloudFormation's `!Ref`, `!Sub`) are read as `yaml` reads a tag it does not know: the
 * node as it is written.
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
/**
 * An alias (`*name`) where a node may start: at a line's start, after a `- `, `? ` or `: ` indicator
 * (a blank after it: `gemini-*flash*` in a string is no alias), after a flow `[`, `{` or `,`, or
 * after a quoted key's colon (`"a":*b`). `yaml` also refuses a document that uses one anchor more
 * than 100 times, even a scalar one, so texts with aliases stay with it; a shell `case` (`*)`) or a
 * glob in a block scalar is not one, nor is anything on a comment line (prometheus-community's
 * charts write `# key: *anchor` in their values.yaml, which cost a 35 ms slow parse each). Missing an
 * alias here could only change which documents a rare text yields, never cost time: aliases to
 * collections are bounded by treeShape.
 */
const ALIAS = /(?:^[ \t]*|[-?:][ \t]+|[[{,][ \t]*|["']:[ \t]*)\*\w/gm;
/** From a line's start: its first non-blank character is `#`, a comment (or text inside a scalar), never an alias. */
const COMMENT_LINE_START = /[ \t]*#/y;

function hasAlias(text: string): boolean {
  ALIAS.lastIndex = 0;
  for (let m = ALIAS.exec(text); m; m = ALIAS.exec(text)) {
    COMMENT_LINE_START.lastIndex = text.lastIndexOf('\n', m.index) + 1;
    if (!COMMENT_LINE_START.test(text)) return true;
    const lineEnd = text.indexOf('\n', m.index);
    // A comment line: go on from the next line (each line is looked at once, so this stays linear).
    if (lineEnd < 0) return false;
    ALIAS.lastIndex = lineEnd + 1;
  }
  return false;
}
/** An explicit complex key (`? key`). */
const COMPLEX_KEY = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;

/**
 * Which parsers `parseYaml` may use: both (js-yaml first), or the `yaml` package alone, which is the
 * answer the fast path must equal. Tests switch it to compare whole scans made each way.
 */
export const yamlParsers: { use: 'both' | 'yaml-only' } = { use: 'both' };

export function parseYaml(text: string): ParsedYaml {
  if (yamlParsers.use === 'yaml-only') return withoutStacks(() => parseWithYaml(text));
  return withoutStacks(() => {
    if (!fastPathAllowed(text)) return parseWithYaml(text);
    const whole = parseWithJsYaml(text);
    if (whole === 'not-plain') return parseWithYaml(text);
    return whole === 'error' ? documentByDocument(text) : whole;
  });
}

/** A document marker: `---` at a line's start, alone or before a blank. YAML allows it nowhere else, not even inside a scalar. */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
/** Only blank lines, comments and directives. (Each line is matched once: linear.) */
const PRELUDE = /^(?:[ \t]*(?:#[^\n]*)?\r?\n|%[^\n]*\n)*[ \t]*(?:#[^\n]*)?$/;

/**
 * A text js-yaml refused as a whole (it stops at the first error), read one `---` document at a
 * time, as `yaml` reads it: the good documents kept, each broken one counted. A broken document is
 * taken as broken without asking `yaml`: on the 744 YAML files of ten public repositories js-yaml
 * refuses, `yaml` accepted 16 documents, and js-yaml read 15 of them alone (the other was UTF-16,
 * which the engine never decodes). Templated files are most of them (a Loki config with `{{ }}` on
 * every other line cost `yaml` 11–30 ms warm, and its first use in a worker 80 ms more).
 * Documents with aliases, complex keys or shared collections still go to `yaml`.
 */
function documentByDocument(text: string): ParsedYaml {
  const out: ParsedYaml = { docs: [], failures: 0 };
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) {
    // Directives (`%YAML 1.2`) and comments before a marker belong to the document it starts.
    if (m.index > 0 && !PRELUDE.test(text.slice(starts[starts.length - 1], m.index))) starts.push(m.index);
  }
  for (let i = 0; i < starts.length; i++) {
    const piece = text.slice(starts[i], starts[i + 1] ?? text.length);
    const fast = fastPathAllowed(piece) ? parseWithJsYaml(piece) : 'not-plain';
    const parsed = fast === 'error' ? { docs: [], failures: 1 } : fast === 'not-plain' ? parseWithYaml(piece) : fast;
    out.docs.push(...parsed.docs);
    out.failures += parsed.failures;
  }
  return out;
}

/**
 * Runs `parse` with no stack traces on the errors made meanwhile. The parsers make an Error for each
 * problem they meet, and only the count is used: a templated Loki config (2,408 errors in one
 * document) took 29 ms to parse with traces and 8 ms without.
 */
function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `yaml` refuses a document that aliases one anchor this many times or more (`maxAliasCount: 100`, checked as 100). */
const MAX_ALIAS_COUNT = 100;

/**
 * js-yaml gives `yaml`'s answer when no anchor is aliased MAX_ALIAS_COUNT times (a text
 * with fewer `*` than that cannot do it, however its aliases are spelled) or when the text has no
 * alias at all. Aliases to collections are bounded after the parse (treeShape), so a chart's
 * `port: *containerPortName` no longer costs the slow parser (55 ms, cold, for one helm-charts file).
 */
function fastPathAllowed(text: string): boolean {
  return !COMPLEX_KEY.test(text) && (fewStars(text) || !hasAlias(text));
}

function fewStars(text: string): boolean {
  let stars = 0;
  for (let at = text.indexOf('*'); at >= 0; at = text.indexOf('*', at + 1)) if (++stars >= MAX_ALIAS_COUNT) return false;
  return true;
}

/**
 * The most nodes js-yaml's documents may stand for with every shared collection counted as often
 * as it is reached (what a walk of them visits). Real files stay far below it (a Compose
 * file's logging block used by 30 services: a few hundred); a "billion laughs" text is far above.
 */
const MAX_EXPANDED_NODES = 100_000;

/**
 * What parsed documents are to the detectors, in one walk linear in their distinct nodes:
 * - 'plain': a tree (from js-yaml, `yaml`'s answer exactly);
 * - 'shared': collections reached more than once (aliases), standing for at most
 *   MAX_EXPANDED_NODES nodes: the data `yaml` gives;
 * - 'nested': an aliased collection that itself holds an alias to a collection. `yaml` weighs
 *   such nesting (an anchor's uses times the aliases inside it, at most 100), so these texts go to
 *   it and it decides, as before;
 * - 'too-large': shared collections standing for more than that (a "billion laughs");
 * - 'cycle': a collection inside itself (`a: &a [*a]`), which both parsers build and no detector
 *   could walk to its end: such a document counts as broken;
 * - 'complex-key': a mapping used as a key (js-yaml names it "[object Object]").
 */
function treeShape(docs: readonly unknown[]): 'plain' | 'shared' | 'nested' | 'too-large' | 'cycle' | 'complex-key' {
  /** Expanded sizes of the collections walked so far. */
  const sizes = new Map<object, number>();
  /** Collections walked so far that reach a collection met before (an alias inside them). */
  const holdingAliases = new Set<object>();
  /** Collections on the path being walked: met again, they make a cycle. */
  const open = new Set<object>();
  let shared = false;
  const stack: { node: object; children: readonly unknown[]; next: number; size: number; aliases: boolean }[] = [{ node: docs, children: docs, next: 0, size: 0, aliases: false }];
  for (;;) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (typeof child !== 'object' || child === null) {
        top.size++;
        continue;
      }
      const known = sizes.get(child);
      if (known !== undefined) {
        if (holdingAliases.has(child)) return 'nested';
        shared = true;
        top.aliases = true;
        top.size += known;
        if (top.size > MAX_EXPANDED_NODES) return 'too-large';
        continue;
      }
      if (open.has(child)) return 'cycle';
      let children: unknown[];
      if (Array.isArray(child)) children = child;
      else {
        children = [];
        for (const [key, value] of Object.entries(child)) {
          if (key === OBJECT_KEY) return 'complex-key';
          children.push(value);
        }
      }
      open.add(child);
      stack.push({ node: child, children, next: 0, size: 1, aliases: false });
      continue;
    }
    stack.pop();
    if (stack.length === 0) return shared ? 'shared' : 'plain';
    open.delete(top.node);
    sizes.set(top.node, top.size);
    if (top.aliases) holdingAliases.add(top.node);
    const parent = stack[stack.length - 1];
    parent.size += top.size;
    parent.aliases ||= top.aliases;
    // Without a shared node the size is the text's own (linear): only sharing can make it explode.
    if (shared && parent.size > MAX_EXPANDED_NODES) return 'too-large';
  }
}
const OBJECT_KEY = String({});

let schema: JsYaml.Schema | undefined;

/**
 * YAML 1.2's core schema, what `yaml` resolves by default (no timestamps, no merge keys), plus every
 * local tag (`!…`) on any kind of node, constructed as the untagged node would be.
 */
function coreSchema(lib: typeof JsYaml): JsYaml.Schema {
  const anyLocalTag = (kind: 'scalar' | 'sequence' | 'mapping') => new lib.Type('!', { kind, multi: true, construct: (data: unknown) => data ?? (kind === 'scalar' ? '' : null) });
  schema ??= lib.CORE_SCHEMA.extend([anyLocalTag('scalar'), anyLocalTag('sequence'), anyLocalTag('mapping')]);
  return schema;
}

/** js-yaml's documents; 'error' when it refuses the text, 'not-plain' when they cannot be used as they are (see treeShape). */
function parseWithJsYaml(text: string): ParsedYaml | 'error' | 'not-plain' {
  const lib = jsYaml();
  let docs: unknown[];
  try {
    // `json: true` lets a repeated key win, as `uniqueKeys: false` does.
    docs = lib.loadAll(text, undefined, { schema: coreSchema(lib), json: true });
  } catch {
    return 'error';
  }
  const shape = treeShape(docs);
  // A cycle is a broken document (read again one by one, it counts as one failure).
  if (shape === 'cycle') return 'error';
  if (shape === 'nested' || shape === 'too-large' || shape === 'complex-key') return 'not-plain';
  return { docs: docs.filter((d) => d !== null && d !== undefined), failures: 0 };
}

/** The `yaml` package alone, document by document: the slow path, and the answer the fast one must equal. */
export function parseWithYaml(text: string): ParsedYaml {
  const out: ParsedYaml = { docs: [], failures: 0 };
  try {
    for (const doc of yamlLib().parseAllDocuments(text, YAML_OPTIONS)) {
      if (doc.errors.length > 0) {
        out.failures++;
        continue;
      }
      try {
        const value: unknown = doc.toJS({ maxAliasCount: 100 });
        if (value === null || value === undefined) continue;
        if (treeShape([value]) === 'cycle') out.failures++;
        else out.docs.push(value);
      } catch {
        out.failures++;
      }
    }
  } catch {
    out.failures++;
  }
  return out;
}
