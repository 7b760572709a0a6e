import * as vscode from 'vscode';
import { GROUP_TRUNK_ID, type OutlineNode } from '../core/outline';
import type { Skill, Stage, Branch, LadderLevel } from '../core/model';
import { completion, describeCompletion, skillStatus, type SkillStatus } from '../core/progress';
import { formatYears } from '../core/format';
import { levelHoverMarkdown, salaryDescription, stageHoverMarkdown } from '../core/treeText';
import { levelView, skillBadge } from '../core/portfolio/pageViews';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { preferredCurrency } from './settings';
import { Disposable } from './lifecycle';

const STATUS_ICON: Record<SkillStatus, vscode.ThemeIcon> = {
  practiced: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  done: new vscode.ThemeIcon('check'),
  learning: new vscode.ThemeIcon('mortar-board', new vscode.ThemeColor('charts.blue')),
  skipped: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  'not-started': new vscode.ThemeIcon('circle-large-outline'),
};

const STATUS_TEXT: Record<SkillStatus, string> = {
  practiced: 'practiced',
  done: 'done',
  learning: 'learning',
  skipped: 'skipped',
  'not-started': '',
};

const KIND_ICON: Partial<Record<OutlineNode['kind'], vscode.ThemeIcon>> = {
  group: new vscode.ThemeIcon('list-tree'),
  stage: new vscode.ThemeIcon('milestone'),
  branch: new vscode.ThemeIcon('git-branch'),
  track: new vscode.ThemeIcon('arrow-up'),
  level: new vscode.ThemeIcon('debug-stackframe-dot'),
  section: new vscode.ThemeIcon('symbol-folder'),
  item: new vscode.ThemeIcon('dash'),
};

/**
 * The Career Tree view. Rows come from the pure outline (stable ids, so expansion state and
 * `reveal` survive refreshes); statuses and progress are computed when a row is drawn.
 */
export class RoadmapTreeProvider extends Disposable implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = this.register(new vscode.EventEmitter<OutlineNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressContext,
    /** Called when the tree first draws: its practiced marks need a scan. */
    private readonly onFirstDraw: () => void = () => undefined,
  ) {
    super();
    this.register(progress.onDidChange(() => this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsRoadmap.currency')) this.refresh();
      }),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: OutlineNode): Promise<OutlineNode[]> {
    if (!element) this.onFirstDraw();
    const [{ outline }] = await Promise.all([this.roadmap.get(), this.progress.ready()]);
    return outline.children(element?.id);
  }

  async getParent(element: OutlineNode): Promise<OutlineNode | undefined> {
    const { outline } = await this.roadmap.get();
    return outline.parent(element.id);
  }

  async getTreeItem(node: OutlineNode): Promise<vscode.TreeItem> {
    const { index } = await this.roadmap.get();
    // The trunk is what people come for, so it starts open; everything else starts closed.
    const collapsible =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.id === GROUP_TRUNK_ID
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.contextValue = node.kind;
    item.iconPath = KIND_ICON[node.kind];
    if (node.tooltip) item.tooltip = node.tooltip;
    if (node.ref) item.command = { command: 'devopsRoadmap.openDetails', title: vscode.l10n.t('Open Details'), arguments: [node.ref] };

    const record = node.ref ? index.get(node.ref) : undefined;
    const currency = preferredCurrency();
    switch (node.kind) {
      case 'skill': {
        const skill = record as Skill;
        const status = skillStatus(skill, this.progress.evidence, this.progress.marks);
        item.iconPath = STATUS_ICON[status];
        // With a portfolio the badge is the depth level ("proficient · rusty"), and the hover says why.
        const level = levelView(this.progress.evidence, skill, index);
        item.description = level ? skillBadge(status, level) : STATUS_TEXT[status];
        item.contextValue = `skill.${status}`;
        const why = level && level.level !== 'none' ? `\n\n${level.why}` : '';
        item.tooltip = new vscode.MarkdownString(`**${skill.title}**\n\n${skill.summary}${why}${skill.evidenceHint ? `\n\n_${skill.evidenceHint}_` : ''}`);
        item.accessibilityInformation = { label: `${skill.title}, ${item.description || 'not started'}` };
        break;
      }
      case 'stage': {
        const stage = record as Stage;
        const progress = completion(index.skillsOf(stage.id), this.progress.evidence, this.progress.marks);
        item.description = [formatYears(stage.years), salaryDescription(stage.salary, currency), describeCompletion(progress)].filter(Boolean).join(' · ');
        const isCurrent = this.progress.user?.currentStage === stage.id;
        if (isCurrent) item.iconPath = new vscode.ThemeIcon('location', new vscode.ThemeColor('charts.green'));
        item.tooltip = new vscode.MarkdownString(
          stageHoverMarkdown({
            stage,
            stageCount: index.stages.length,
            completion: progress,
            preferred: currency,
            isCurrent,
            isTarget: this.progress.user?.targetRole === stage.id,
          }),
        );
        break;
      }
      case 'branch': {
        const branch = record as Branch;
        const done = describeCompletion(completion(index.skillsOf(branch.id), this.progress.evidence, this.progress.marks));
        item.description = [salaryDescription(branch.salary, currency), done].filter(Boolean).join(' · ');
        if (this.progress.user?.targetRole === branch.id) item.iconPath = new vscode.ThemeIcon('target', new vscode.ThemeColor('charts.orange'));
        break;
      }
      case 'level': {
        const level = record as LadderLevel;
        // The ladders' figures are the UK articles' (GBP); among $ rows, the £ says so.
        item.description = [salaryDescription(level.salary, currency), level.scope].filter(Boolean).join(' · ');
        const owner = index.levelOwner(level.id);
        item.tooltip = new vscode.MarkdownString(levelHoverMarkdown(level, owner?.title ?? '', currency));
        if (this.progress.user?.targetRole === level.id) item.iconPath = new vscode.ThemeIcon('target', new vscode.ThemeColor('charts.orange'));
        break;
      }
    }
    return item;
  }
}
