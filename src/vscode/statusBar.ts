import * as vscode from 'vscode';
import { whatsNext } from '../core/insights';
import { statusLine } from '../core/statusLine';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { Disposable } from './lifecycle';

/**
 * "DevOps: Mid → Senior 62%": where the user stands and how much of the next step's skills they
 * practice or marked done (core/statusLine.ts, from the same `whatsNext` as My Progress and the
 * report). A click opens My Progress.
 */
export class ProgressStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('devopsRoadmap.progress', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressContext,
  ) {
    super();
    this.item.name = 'DevOps Roadmap Progress';
    this.item.command = 'devopsRoadmap.showProgress';
    this.register(progress.onDidChange(() => void this.update()));
  }

  async update(): Promise<void> {
    const [{ index }] = await Promise.all([this.roadmap.get(), this.progress.ready()]);
    const user = this.progress.user;
    const line = statusLine(whatsNext(index, this.progress.evidence, this.progress.marks, { currentStage: user?.currentStage, targetRole: user?.targetRole }));
    this.item.text = line.text;
    this.item.tooltip = line.tooltip;
    this.item.command = line.command;
    this.item.accessibilityInformation = { label: line.label };
    this.item.show();
  }
}
