import * as vscode from 'vscode';
import { completion } from '../core/progress';
import { nextTrunkStage } from '../core/insights';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { Disposable } from './lifecycle';

/**
 * "DevOps: Mid → Senior 62%": where the user stands and how much of the next step's skills they
 * practice or marked done. A click opens My Progress.
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
    const current = user?.currentStage ? index.stages.find((s) => s.id === user.currentStage) : undefined;
    const targetId = user?.targetRole;
    const next = current ? nextTrunkStage(index, current.id) : undefined;
    const goalId = next?.id ?? targetId;
    if (!current && !targetId) {
      this.item.text = '$(milestone) DevOps: set your stage';
      this.item.tooltip = 'DevOps Roadmap: choose your current stage to see your progress to the next one';
      this.item.command = 'devopsRoadmap.setCurrentStage';
      this.item.show();
      return;
    }
    this.item.command = 'devopsRoadmap.showProgress';
    const goal = goalId ? index.skillsOf(goalId) : [];
    const c = completion(goal, this.progress.evidence, this.progress.marks);
    const percent = c.total ? Math.round((100 * (c.practiced + c.done)) / c.total) : 100;
    const from = current?.shortTitle ?? '';
    const to = next?.shortTitle ?? (targetId ? index.titleOf(targetId) : undefined) ?? '';
    this.item.text = `$(milestone) DevOps: ${[from, to].filter(Boolean).join(' → ')}${goalId ? ` ${percent}%` : ''}`;
    this.item.tooltip = goalId
      ? `${index.titleOf(goalId)}: ${c.practiced} of ${c.total} skills practiced, ${c.done} marked done. Click for My Progress.`
      : 'You are at the top of the trunk. Click for My Progress.';
    this.item.accessibilityInformation = { label: `DevOps Roadmap: ${from} to ${to}, ${percent} percent` };
    this.item.show();
  }
}
