import * as vscode from 'vscode';
import { repositoryFromRecord, repositoryFromScan, type PlanContext, type RepositoryEvidence } from '../core/plan';
import type { AuthorshipService } from './authorshipService';
import type { DetailsPanel } from './detailsPanel';
import type { RoadmapService } from './roadmapService';
import type { ScanService } from './scanService';
import type { PortfolioService } from './portfolio';

/** Largest advert compared; a longer text is refused with a message rather than cut silently. */
export const MAX_ADVERT_CHARS = 1024 * 1024;
const DEFAULT_HOURS_PER_WEEK = 5;

/** The pace setting: hours a week for practice (0 turns pacing off). */
export function hoursPerWeek(): number {
  const value = vscode.workspace.getConfiguration('devopsRoadmap').get<number>('plan.hoursPerWeek', DEFAULT_HOURS_PER_WEEK);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_HOURS_PER_WEEK;
}

/**
 * What the planning parts of the pages need from the shell: the projects, the repositories to
 * verify them against (the open folders' latest scans, with git authorship where it was read, and
 * the portfolio's other repositories from its ledger) and the pace.
 */
export class PlanSource {
  constructor(
    private readonly roadmap: RoadmapService,
    private readonly scan: ScanService,
    private readonly authorship: AuthorshipService,
    /** Absent where local folders cannot be read (the web build): then only the open folders count. */
    private readonly portfolio?: PortfolioService,
  ) {}

  repositories(): RepositoryEvidence[] {
    const scans = this.scan.scans();
    const rootOf = (uri: vscode.Uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString());
    const open = new Set(scans.map((s) => rootOf(s.uri)));
    const ledger = (this.portfolio?.repositories() ?? []).filter((r) => !open.has(r.record.root)).map((r) => repositoryFromRecord(r.record));
    return [...scans.map((s) => repositoryFromScan(rootOf(s.uri), s.folder, s.result, this.authorship.filesOf(s.folder) ?? null)), ...ledger];
  }

  async context(): Promise<PlanContext> {
    const { projects } = await this.roadmap.get();
    return { projects, repositories: this.repositories(), hoursPerWeek: hoursPerWeek(), now: new Date() };
  }

  /** Whether a URL is a learning link of the data: the only links the webview may open. */
  async isKnownLink(url: string): Promise<boolean> {
    const { index } = await this.roadmap.get();
    return [...index.roadmap.skills, ...index.roadmap.certifications].some((r) => r.resources?.some((l) => l.url === url));
  }

  async editHoursPerWeek(): Promise<void> {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Hours a week for practice'),
      prompt: vscode.l10n.t('My Progress turns this into a date range for your next stage. 0 turns pacing off.'),
      value: String(hoursPerWeek()),
      validateInput: (text) => (/^\d{1,2}(\.\d)?$/.test(text.trim()) && Number(text) <= 80 ? undefined : vscode.l10n.t('A number of hours from 0 to 80, such as 5 or 7.5.')),
    });
    if (answer === undefined) return;
    await vscode.workspace.getConfiguration('devopsRoadmap').update('plan.hoursPerWeek', Number(answer.trim()), vscode.ConfigurationTarget.Global);
  }
}

/** The advert to compare: the selection, else the active editor's text. Empty when there is neither. */
function advertText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const selected = editor.selection.isEmpty ? '' : editor.document.getText(editor.selection);
  return selected.trim() ? selected : editor.document.getText();
}

/**
 * "Compare with a Job Advert…": the selection or the active editor, compared on the job page. With
 * nothing to compare, an untitled editor opens to paste the advert into, and a notification's
 * Compare button runs the comparison on what was pasted.
 */
export function registerPlanCommands(deps: { details: DetailsPanel }): vscode.Disposable[] {
  const compare = async (text: string): Promise<void> => {
    if (text.length > MAX_ADVERT_CHARS) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That text is longer than 1 MB: select the part of the advert to compare, then run the command again.'));
      return;
    }
    await deps.details.showJob(text);
  };
  return [
    vscode.commands.registerCommand('devopsRoadmap.compareJobAdvert', async () => {
      const text = advertText();
      if (text.trim()) return compare(text);
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
      await vscode.window.showTextDocument(document);
      const compareLabel = vscode.l10n.t('Compare');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Paste the job advert into this editor, then choose Compare.'), compareLabel);
      if (choice !== compareLabel) return;
      if (document.getText().trim()) await compare(document.getText());
      else void vscode.window.showWarningMessage(vscode.l10n.t('The editor is still empty: paste the advert, then run “Compare with a Job Advert…” again.'));
    }),
  ];
}
