import * as vscode from 'vscode';
import { buildReport, describeImport, mergeProgress, parseProgressImport, reportToMarkdown } from '../core/report';
import { companionJsonPath, defaultExportLocation } from '../core/report/location';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import type { ProgressStore } from './state';
import type { ScanService } from './scanService';
import type { AuthorshipService } from './authorshipService';
import { log, notifyError } from './log';

export interface ReportDeps {
  roadmap: RoadmapService;
  progress: ProgressContext;
  store: ProgressStore;
  scan: ScanService;
  authorship: AuthorshipService;
  /** Remembers the folder of the last export the user chose (a report is personal: it goes where they put the last one). */
  memento: vscode.Memento;
  extensionVersion: string;
}

const LAST_EXPORT_FOLDER_KEY = 'devopsRoadmap.lastExportFolder';

/** What an export wrote, and the sentence the notification said. */
export interface ExportResult {
  markdown: vscode.Uri;
  json: vscode.Uri;
  message: string;
}

/** The user's home folder where the extension host has one (not in a browser): never the workspace. */
function homeFolder(): string | undefined {
  const env = typeof process === 'object' ? process.env : undefined;
  return env?.HOME || env?.USERPROFILE || undefined;
}

/** The file the save dialog offers: in the last export folder, else in the home folder. */
export function defaultExportUri(memento: vscode.Memento, now = new Date()): vscode.Uri | undefined {
  const remembered = memento.get<unknown>(LAST_EXPORT_FOLDER_KEY);
  let lastFolder: vscode.Uri | undefined;
  try {
    lastFolder = typeof remembered === 'string' ? vscode.Uri.parse(remembered, true) : undefined;
  } catch {
    lastFolder = undefined;
  }
  const home = homeFolder();
  const location = defaultExportLocation({ lastFolder, home: home ? vscode.Uri.file(home) : undefined, now });
  return location.folder && vscode.Uri.joinPath(location.folder, location.fileName);
}

/**
 * "Export Skills Report" writes `<name>.md` and `<name>.json` side by side, opens the Markdown in
 * the Markdown preview and names both files in its notification. The dialog starts in the folder of
 * the last export or the home folder, never the open repository (the report is personal).
 * "Import Progress" reads such a JSON back and merges it into the stored marks. Both take an
 * optional target URI (tests, other extensions); without one they ask with a file dialog.
 */
export function registerReportCommands(deps: ReportDeps): vscode.Disposable[] {
  async function exportReport(target?: vscode.Uri): Promise<ExportResult | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Skills Report (a .json copy is saved beside it)'),
        defaultUri: defaultExportUri(deps.memento),
        filters: { Markdown: ['md'] },
      }));
    if (!uri) return undefined;
    // Only a folder the user picked is remembered (not one a test or another extension passed).
    if (!target) await deps.memento.update(LAST_EXPORT_FOLDER_KEY, vscode.Uri.joinPath(uri, '..').toString());
    try {
      const [{ index }] = await Promise.all([deps.roadmap.get(), deps.progress.ready()]);
      const report = buildReport({
        index,
        evidence: deps.progress.evidence,
        progress: await deps.store.read(),
        scans: deps.scan.scans().map((s) => ({ folder: s.folder, result: s.result })),
        authorship: deps.authorship.all(),
        generatedAt: new Date(),
        extensionVersion: deps.extensionVersion,
      });
      const jsonUri = uri.with({ path: companionJsonPath(uri.path) });
      const encoder = new TextEncoder();
      await vscode.workspace.fs.writeFile(uri, encoder.encode(reportToMarkdown(report)));
      await vscode.workspace.fs.writeFile(jsonUri, encoder.encode(JSON.stringify(report, null, 2) + '\n'));
      log().info(`Skills report written to ${uri.toString()} and ${jsonUri.toString()}.`);
      await openPreview(uri);
      const message = vscode.l10n.t('DevOps Roadmap: skills report saved as {0} and {1} (for Import Progress) in {2}.', fileName(uri), fileName(jsonUri), folderName(uri));
      const openMarkdown = vscode.l10n.t('Open Markdown');
      const openJson = vscode.l10n.t('Open JSON');
      void vscode.window.showInformationMessage(message, openMarkdown, openJson).then(async (choice) => {
        if (choice === openMarkdown) await vscode.window.showTextDocument(uri, { preview: false });
        if (choice === openJson) await vscode.window.showTextDocument(jsonUri, { preview: false });
      });
      return { markdown: uri, json: jsonUri, message };
    } catch (error) {
      void notifyError(vscode.l10n.t('the skills report could not be written.'), error);
      return undefined;
    }
  }

  async function importProgress(source?: vscode.Uri): Promise<boolean> {
    const uri =
      source ??
      (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Progress'), canSelectMany: false, filters: { [vscode.l10n.t('Skills report (JSON)')]: ['json'] } }))?.[0];
    if (!uri) return false;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      log().warn(`Import from ${uri.toString()} failed: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('DevOps Roadmap: that file is not a JSON skills report. Nothing was changed.'));
      return false;
    }
    const parsed = parseProgressImport(json);
    if (!parsed.ok) {
      log().warn(`Import from ${uri.toString()} refused: ${parsed.reason}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('DevOps Roadmap: {0} Nothing was changed.', parsed.reason));
      return false;
    }
    await deps.store.update((current) => mergeProgress(current, parsed.progress));
    const summary = describeImport(parsed, uri.scheme === 'file' ? uri.fsPath : uri.toString());
    for (const line of summary.log) log().warn(line);
    void vscode.window.showInformationMessage(summary.message);
    return true;
  }

  return [
    vscode.commands.registerCommand('devopsRoadmap.exportReport', (target?: unknown) => exportReport(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('devopsRoadmap.importProgress', (source?: unknown) => importProgress(source instanceof vscode.Uri ? source : undefined)),
  ];
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The folder as a person reads it: a local path, else the URI. */
function folderName(uri: vscode.Uri): string {
  const folder = vscode.Uri.joinPath(uri, '..');
  return folder.scheme === 'file' ? folder.fsPath : folder.toString(true);
}

/** The rendered report (VS Code's Markdown preview); the text itself where that extension is disabled. */
async function openPreview(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch (error) {
    log().info(`No Markdown preview (${String(error)}); opening the report as text.`);
    await vscode.window.showTextDocument(uri, { preview: false });
  }
}
