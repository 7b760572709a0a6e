import * as vscode from 'vscode';

/**
 * The "DevOps Roadmap" log channel. Details and stack traces go here; notifications carry one
 * sentence and at most one action (see `notifyError`).
 */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('DevOps Roadmap', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}

/** Logs the full error and shows one short notification with a "Show Log" action. `message` is already translated. */
export async function notifyError(message: string, error: unknown): Promise<void> {
  log().error(message, error instanceof Error ? (error.stack ?? error.message) : String(error));
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('DevOps Roadmap: {0}', message), showLog);
  if (choice === showLog) log().show(true);
}
