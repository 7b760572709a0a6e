/**
 * When the extension may run git to read authorship. Pure, so the rule is tested on its own: only
 * in a trusted workspace, with the setting on, and for folders on the local disk (git cannot read
 * a virtual or remote file system from the extension host).
 */
export function mayReadAuthorship(input: { trusted: boolean; enabled: boolean; scheme: string }): boolean {
  return input.trusted && input.enabled && input.scheme === 'file';
}
