import * as vscode from 'vscode';
import { buildReport, describeImport, mergeProgress, parseProgressImport, reportToMarkdown } from '../core/report';
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
  extensionVersion: string;
}

/**
 * "Export Skills Report" writes `<name>.md` and `<name>.json` side by side and opens the Markdown;
 * "Import Progress" reads such a JSON back and merges it into the stored marks. Both take an
 * optional target URI (tests, other extensions); without one they ask with a file dialog.
 */
export function registerReportCommands(deps: ReportDeps): vscode.Disposable[] {
  async function exportReport(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export Skills Report',
        defaultUri: defaultFolder ? vscode.Uri.joinPath(defaultFolder, 'devops-skills-report.md') : undefined,
        filters: { Markdown: ['md'] },
      }));
    if (!uri) return undefined;
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
      const jsonUri = uri.with({ path: uri.path.replace(/\.md$/i, '') + '.json' });
      const encoder = new TextEncoder();
      await vscode.workspace.fs.writeFile(uri, encoder.encode(reportToMarkdown(report)));
      await vscode.workspace.fs.writeFile(jsonUri, encoder.encode(JSON.stringify(report, null, 2) + '\n'));
      log().info(`Skills report written to ${uri.toString()} and ${jsonUri.toString()}.`);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    } catch (error) {
      void notifyError('the skills report could not be written.', error);
      return undefined;
    }
  }

  async function importProgress(source?: vscode.Uri): Promise<boolean> {
    const uri = source ?? (await vscode.window.showOpenDialog({ title: 'Import Progress', canSelectMany: false, filters: { 'Skills report (JSON)': ['json'] } }))?.[0];
    if (!uri) return false;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      log().warn(`Import from ${uri.toString()} failed: ${String(error)}`);
      void vscode.window.showErrorMessage('DevOps Roadmap: that file is not a JSON skills report. Nothing was changed.');
      return false;
    }
    const parsed = parseProgressImport(json);
    if (!parsed.ok) {
      log().warn(`Import from ${uri.toString()} refused: ${parsed.reason}`);
      void vscode.window.showErrorMessage(`DevOps Roadmap: ${parsed.reason} Nothing was changed.`);
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
