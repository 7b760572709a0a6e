/** The web worker host's capabilities (see platform.ts, which the Node build uses instead). */
import type { Capabilities } from './platform';

export type { Capabilities } from './platform';
export { unavailableOnWeb } from './platform';

export const isWeb: boolean = true;

export const capabilities: Capabilities = { processes: false, localFolders: false, workerThreads: false };
