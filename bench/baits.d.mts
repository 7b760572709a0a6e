/** Types of bench/baits.mjs, for the tests that throw the same baits at the scanner. */
export declare const BAITS: Record<string, { file: string; content: string }>;
export declare function writeBaits(dir: string): { name: string; dir: string }[];
