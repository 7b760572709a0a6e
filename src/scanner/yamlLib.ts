/**
 * The `yaml` package, loaded on the first parse. Most YAML files are decided by cheap header checks
 * and never parsed, so a scan may parse none; loading the parser lazily keeps it off the CLI's and
 * the engine bundle's start-up path (esbuild evaluates a `require`d module on its first call).
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}
