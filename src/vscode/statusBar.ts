import * as vscode from 'vscode';
import { whatsNext } from '../core/insights';
import { STATUS_HOVER_COMMANDS, statusLine } from '../core/statusLine';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { Disposable } from './lifecycle';

/**
 * "DevOps: Mid → Senior 62%": where the user stands and how much of the next step's skills they
 * practice or marked done (core/statusLine.ts, from the same `whatsNext` as My Progress and the
 * report). A click opens My Progress; the hover says stage, target and progress, with links.
 * Shown from activation on (the extension activates when startup has finished), not only once a
 * view opens.
 */
export class ProgressStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('devopsRoadmap.progress', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressContext,
  ) {
    super();
    this.item.name = vscode.l10n.t('DevOps Roadmap Progress');
    this.item.command = 'devopsRoadmap.showProgress';
    this.register(progress.onDidChange(() => void this.update()));
  }

  async update(): Promise<void> {
    const [{ index }] = await Promise.all([this.roadmap.get(), this.progress.ready()]);
    const user = this.progress.user;
    const line = statusLine(whatsNext(index, this.progress.evidence, this.progress.marks, { currentStage: user?.currentStage, targetRole: user?.targetRole }));
    this.item.text = line.text;
    const hover = new vscode.MarkdownString(line.markdown, true);
    // Links may run these commands and no other.
    hover.isTrusted = { enabledCommands: [...STATUS_HOVER_COMMANDS] };
    this.item.tooltip = hover;
    this.item.command = line.command;
    this.item.accessibilityInformation = { label: line.label };
    this.item.show();
  }
}
