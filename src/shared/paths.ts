/**
 * Checks a path that arrived from an untrusted place (the webview) before the host opens it: only
 * a plain relative path inside a workspace folder passes. It sits beside the protocol: both guard
 * what the webview sends. No `vscode` here.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  if (path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)) return false; // absolute or scheme
  return path.split('/').every((segment) => segment !== '..' && segment !== '.' && segment !== '');
}
