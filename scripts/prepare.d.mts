/** Types of scripts/prepare.mjs, for its unit test (test/unit/scripts/prepare.test.ts). */
export interface Has {
  chromium: boolean;
  ripgrep: boolean;
  krb5: boolean;
  toolchain: boolean;
  python3: boolean;
}
export declare function npmInstallReason(state: { nodeModules: boolean; marker?: number; lock?: number }): string | undefined;
export declare function npmPlan(state: { nodeModules: boolean; linked?: boolean; marker?: number; lock?: number }): undefined | { ci: string } | { warn: string };
export declare function missingPackages(input: { purpose: 'test' | 'start'; hostInstalled: boolean; has: Has }): string[];
export declare function installPlan(packages: string[], machine: { root: boolean; sudo: boolean; aptGet: boolean }): undefined | { run: [string, string[]][] } | { ask: string };
export declare function prepare(purpose: 'test' | 'start'): void;
