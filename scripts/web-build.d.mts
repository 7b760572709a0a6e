/** Types of scripts/web-build.mjs, for its unit test (test/unit/webBundle.test.ts). */
import type { BuildOptions, Plugin } from 'esbuild';

export declare const webTwins: Plugin;
export declare function webBuilds(common: BuildOptions): BuildOptions[];
