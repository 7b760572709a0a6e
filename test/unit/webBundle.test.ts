/**
 * The web build (scripts/web-build.mjs) runs in the web worker extension host of vscode.dev and
 * github.dev, where no Node built-in exists: one `require('fs')` and the extension does not start.
 * These tests build the web bundles as shipped and fail on any Node built-in in them, and check
 * that every `x.web.ts` twin offers what its Node sibling `x.ts` does.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { webBuilds } from '../../scripts/web-build.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isNodeBuiltin = (specifier: string) => NODE_BUILTINS.has(specifier) || specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

/** Builds each web bundle in memory; a build that fails to resolve a built-in fails here with esbuild's message. */
async function buildWeb(): Promise<{ name: string; metafile: esbuild.Metafile; text: string }[]> {
  const bundles = [];
  for (const options of webBuilds({ bundle: true, minify: true, logLevel: 'silent', legalComments: 'none' })) {
    const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false }).catch((error: esbuild.BuildFailure) => {
      assert.fail(`the web build fails:\n${error.errors.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n')}`);
    });
    const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
    assert.ok(output && result.metafile, 'the build writes a bundle and a metafile');
    bundles.push({ name: path.relative(ROOT, output.path), metafile: result.metafile, text: output.text });
  }
  return bundles;
}

/** `require("x")` and `import("x")` left in a bundle's text (both bundles are CommonJS or IIFE: no static imports). */
function loadsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:require|import)\s*\(\s*["'`]([\w@][\w@./:+-]*)["'`]\s*\)/g)].map((m) => m[1]))];
}

describe('the web bundle (vscode.dev, github.dev)', function () {
  this.timeout(120_000);
  let bundles: Awaited<ReturnType<typeof buildWeb>>;
  before(async () => {
    bundles = await buildWeb();
  });

  it('builds the extension entry and the scanner worker', () => {
    assert.deepEqual(bundles.map((b) => b.name).sort(), ['dist/web/extension.js', 'dist/web/scanWorker.js']);
  });

  it('contains no Node built-in: none among its inputs or imports, none loaded by its code', () => {
    for (const { name, metafile, text } of bundles) {
      const inputs = Object.entries(metafile.inputs);
      const builtinImports = inputs.flatMap(([file, input]) => input.imports.filter((i) => isNodeBuiltin(i.path)).map((i) => `${file} imports ${i.path}`));
      assert.deepEqual(builtinImports, [], `${name}: Node built-ins imported`);
      const externals = loadsIn(text).filter((specifier) => specifier !== 'vscode');
      assert.deepEqual(externals, [], `${name}: modules loaded at run time that the web host does not have`);
    }
  });

  it('uses the web twins: the engine and the scanner without Node (no fileSource.ts, threads.ts or git)', () => {
    const inputs = bundles.flatMap((b) => Object.keys(b.metafile.inputs));
    for (const nodeOnly of ['src/scanner/fileSource.ts', 'src/scanner/threads.ts', 'src/scanner/worker.ts', 'src/git/authorship.ts', 'src/core/roadmapFile.ts'])
      assert.ok(!inputs.includes(nodeOnly), `${nodeOnly} is not in the web bundle`);
    for (const twin of ['src/scanner/threads.web.ts', 'src/vscode/platform.web.ts', 'src/vscode/scannerEngine.web.ts', 'src/git/authorship.web.ts'])
      assert.ok(inputs.includes(twin), `${twin} is in the web bundle`);
  });

  it('every x.web.ts exports the names its Node sibling x.ts does', () => {
    const twins: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.web.ts')) twins.push(full);
      }
    };
    walk(path.join(ROOT, 'src'));
    assert.ok(twins.length >= 5, 'the twins are found');
    const pairs = twins.map((twin) => [twin.replace(/\.web\.ts$/, '.ts'), twin] as const);
    const program = ts.createProgram(pairs.flat(), {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: ['node'],
    });
    const checker = program.getTypeChecker();
    const exportsOf = (file: string) => {
      const source = program.getSourceFile(file);
      const symbol = source && checker.getSymbolAtLocation(source);
      assert.ok(symbol, `${file} is a module`);
      return checker
        .getExportsOfModule(symbol)
        .map((s) => s.getName())
        .sort();
    };
    for (const [node, web] of pairs) {
      const missing = exportsOf(node).filter((name) => !exportsOf(web).includes(name));
      assert.deepEqual(missing, [], `${path.relative(ROOT, web)} lacks what ${path.basename(node)} exports`);
    }
  });
});
