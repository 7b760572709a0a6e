/**
 * Git authorship in the web build (authorship.ts is the Node build's): no process can start in a web
 * worker host, so git is never run and the answer says why.
 */
import type { AuthorshipResult } from './authorship';

export type { AuthorshipFailure, AuthorshipOptions, AuthorshipResult, FileAuthorship } from './authorship';

export async function readAuthorship(_root: string, _files: string[]): Promise<AuthorshipResult> {
  return { available: false, reason: 'no-git', message: 'git cannot run in VS Code for the Web' };
}
