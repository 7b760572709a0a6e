import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline';
import type { Search, SearchHit } from '../core/search';
import { emptyQuerySuggestions, rememberRecent } from '../core/searchSuggestions';
import type { RoadmapService } from './roadmapService';
import type { DetailsPanel } from './detailsPanel';
import { OVERVIEW_ID, PROGRESS_ID } from './detailsPanel';
import type { ProgressActions, Target } from './progressActions';
import type { ProgressContext } from './progressContext';
import type { ScanService } from './scanService';
import { openEvidenceFile } from './evidence';
import { signalOf } from './detectedCommands';
import { log } from './log';

const KIND_LABEL: Record<string, string> = {
  stage: 'Stage',
  branch: 'Specialisation',
  track: 'Track',
  level: 'Role',
  skill: 'Skill',
  tool: 'Tool',
  certification: 'Certification',
};

const KIND_ICON: Record<string, string> = {
  stage: 'milestone',
  branch: 'git-branch',
  track: 'arrow-up',
  level: 'person',
  skill: 'symbol-event',
  tool: 'tools',
  certification: 'verified',
};

interface HitItem extends vscode.QuickPickItem {
  hit?: SearchHit;
}

const RECENT_KEY = 'devopsRoadmap.recentSearches';

export interface CommandDeps {
  roadmap: RoadmapService;
  details: DetailsPanel;
  progress: ProgressContext;
  tree: vscode.TreeView<OutlineNode>;
  detectedTree: vscode.TreeView<unknown>;
  scan: ScanService;
  actions: ProgressActions;
  /** Where the recent search picks are kept (this machine only: they are not worth syncing). */
  memento: vscode.Memento;
  refreshTree(): void;
}

/** Registers the command-palette lookups and the actions behind the views. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { roadmap, details } = deps;

  /**
   * Selects the record's row in the Career Tree (its first place, for a skill); returns the id shown.
   * `ifVisible`: only while the tree is on screen (following the panel must not open the side bar).
   */
  async function revealInTree(id: string, { ifVisible = false } = {}): Promise<string> {
    const { outline, index } = await roadmap.get();
    // A tool has no row of its own: show the first skill that it evidences.
    const target = index.kindOf(id) === 'tool' ? (index.skillsForEvidence(id)[0]?.id ?? id) : id;
    const node = outline.placeOf(target);
    if (node && (deps.tree.visible || !ifVisible)) {
      try {
        await deps.tree.reveal(node, { select: true, focus: false, expand: node.children.length > 0 ? 1 : false });
      } catch (error) {
        log().warn(`Could not reveal ${target} in the Career Tree: ${String(error)}`);
      }
    }
    return target;
  }

  /** Selects the record's row in the Career Tree and opens its details. */
  async function revealAndOpen(id: string): Promise<void> {
    await details.show(await revealInTree(id));
  }

  async function pick(placeholder: string, items: (HitItem & { hit: SearchHit })[]): Promise<SearchHit | undefined> {
    const choice = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true });
    return choice?.hit;
  }

  const toItem = (hit: SearchHit): HitItem => ({
    label: `$(${KIND_ICON[hit.kind] ?? 'circle'}) ${hit.title}`,
    description: KIND_LABEL[hit.kind] ?? hit.kind,
    // The description already names the kind; the detail's own leading "Skill · " would repeat it.
    detail: hit.detail.startsWith(`${KIND_LABEL[hit.kind]} · `) ? hit.detail.slice(KIND_LABEL[hit.kind].length + 3) : hit.detail,
    alwaysShow: true,
    hit,
  });

  /** Before anything is typed: your stage and target, then what you opened from search lately. */
  function suggestions(search: Search): HitItem[] {
    const user = deps.progress.user;
    const recent = deps.memento.get<unknown[]>(RECENT_KEY, []);
    const groups = emptyQuerySuggestions(
      search,
      { currentStage: user?.currentStage, targetRole: user?.targetRole },
      Array.isArray(recent) ? recent.filter((r): r is string => typeof r === 'string') : [],
    );
    const items: HitItem[] = groups.flatMap((g) => [
      { label: g.label, kind: vscode.QuickPickItemKind.Separator },
      ...g.items.map((s) => ({ ...toItem(s.hit), description: `${KIND_LABEL[s.hit.kind] ?? s.hit.kind} · ${s.reason}` })),
    ]);
    if (!user?.currentStage)
      items.unshift({
        label: `$(location) ${vscode.l10n.t('Set my current stage…')}`,
        description: vscode.l10n.t('to see it here and in the status bar'),
        alwaysShow: true,
      });
    return items;
  }

  async function searchRoadmap(): Promise<void> {
    const { search } = await roadmap.get();
    const quickPick = vscode.window.createQuickPick<HitItem>();
    quickPick.title = vscode.l10n.t('Search the DevOps Roadmap');
    quickPick.placeholder = vscode.l10n.t('Stages, roles, skills, tools, certifications (e.g. k8s, terraform, sre, cka)');
    // The core search ranks with synonyms and typo tolerance; `alwaysShow` keeps VS Code's own label
    // filter from hiding hits such as "k8s" → Kubernetes.
    quickPick.matchOnDescription = false;
    // VS Code would also re-sort the hits by how its own matcher likes their labels ("SRE" and
    // "Senior SRE" above "Site Reliability Engineering (SRE)"): keep the core's order. The property
    // is not in the 1.90 typings; the hosts tested here honour it and one without it ignores it.
    (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
    const update = (value: string) => {
      quickPick.items = value.trim() ? search.search(value, { limit: 40 }).map(toItem) : suggestions(search);
    };
    update('');
    const chosen = await new Promise<SearchHit | 'set-stage' | undefined>((resolve) => {
      quickPick.onDidChangeValue(update);
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        resolve(item?.hit ?? (item ? 'set-stage' : undefined));
        quickPick.hide();
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
    if (chosen === 'set-stage') {
      await deps.actions.setCurrentStage(undefined);
      return;
    }
    if (!chosen) return;
    await deps.memento.update(RECENT_KEY, rememberRecent(deps.memento.get<unknown[]>(RECENT_KEY, []), chosen.id));
    await revealAndOpen(chosen.id);
  }

  async function openStage(): Promise<void> {
    const { index } = await roadmap.get();
    const items = index.stages.map((stage) => ({
      label: `$(milestone) ${stage.title}`,
      description: vscode.l10n.t('Stage {0} · {1} years', stage.order, stage.years.label),
      detail: stage.milestone,
      hit: { id: stage.id, kind: 'stage', title: stage.title, detail: '', score: 0 } as SearchHit,
    }));
    const hit = await pick(vscode.l10n.t('Open a stage of the career trunk'), items);
    if (hit) await revealAndOpen(hit.id);
  }

  /** Given a Detected row (or an id), asks only for the role; from the palette, for the technology first. */
  async function rolesUsingTechnology(from?: unknown): Promise<void> {
    const { index } = await roadmap.get();
    const found = deps.progress.evidence;
    const given = signalOf(from);
    const tools = [...index.roadmap.tools].sort((a, b) => Number(found.has(b.id)) - Number(found.has(a.id)) || a.title.localeCompare(b.title));
    const tool = given
      ? { label: index.titleOf(given) ?? given, id: given }
      : await vscode.window.showQuickPick(
          tools.map((t) => ({ label: t.title, description: found.has(t.id) ? vscode.l10n.t('{0} · in this workspace', t.group) : t.group, id: t.id })),
          { placeHolder: vscode.l10n.t('Which technology? (those found in this workspace come first)'), matchOnDescription: true },
        );
    if (!tool) return;
    const roles = index.rolesUsing(tool.id);
    if (roles.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No stage or role of the roadmap names {0} among its skills.', tool.label));
      return;
    }
    const role = await vscode.window.showQuickPick(
      roles.map((r) => ({ label: r.title, description: KIND_LABEL[r.kind] ?? r.kind, id: r.id })),
      { placeHolder: vscode.l10n.t('Roles and stages that use {0}', tool.label) },
    );
    if (role) await revealAndOpen(role.id);
  }

  return [
    vscode.commands.registerCommand('devopsRoadmap.search', searchRoadmap),
    vscode.commands.registerCommand('devopsRoadmap.openStage', openStage),
    vscode.commands.registerCommand('devopsRoadmap.rolesUsingTechnology', rolesUsingTechnology),
    vscode.commands.registerCommand('devopsRoadmap.showOverview', () => details.show(OVERVIEW_ID)),
    vscode.commands.registerCommand('devopsRoadmap.refresh', () => {
      deps.refreshTree();
      if (deps.scan.state !== undefined) void deps.scan.rescan();
    }),
    vscode.commands.registerCommand('devopsRoadmap.collapseAll', () => vscode.commands.executeCommand('workbench.actions.treeView.devopsRoadmap.careerTree.collapseAll')),
    vscode.commands.registerCommand('devopsRoadmap.showLog', () => log().show()),
    vscode.commands.registerCommand('devopsRoadmap.showProgress', () => details.show(PROGRESS_ID)),
    vscode.commands.registerCommand('devopsRoadmap.details.back', () => details.go('back')),
    vscode.commands.registerCommand('devopsRoadmap.details.forward', () => details.go('forward')),
    // The tree follows the pages opened inside the panel, as the Explorer follows the active editor.
    details.onDidNavigateInPanel((id) => void revealInTree(id, { ifVisible: true })),
    vscode.commands.registerCommand('devopsRoadmap.markDone', (t: Target) => deps.actions.setMark(t, 'done')),
    vscode.commands.registerCommand('devopsRoadmap.markLearning', (t: Target) => deps.actions.setMark(t, 'learning')),
    vscode.commands.registerCommand('devopsRoadmap.markSkipped', (t: Target) => deps.actions.setMark(t, 'skipped')),
    vscode.commands.registerCommand('devopsRoadmap.clearMark', (t: Target) => deps.actions.setMark(t, 'clear')),
    vscode.commands.registerCommand('devopsRoadmap.editNote', (t: Target) => deps.actions.editNote(t)),
    vscode.commands.registerCommand('devopsRoadmap.setCurrentStage', (t: Target) => deps.actions.setCurrentStage(t)),
    vscode.commands.registerCommand('devopsRoadmap.setTargetRole', (t: Target) => deps.actions.setTargetRole(t)),
    vscode.commands.registerCommand('devopsRoadmap.rescan', () => deps.scan.rescan({ interactive: true })),
    vscode.commands.registerCommand('devopsRoadmap.showDetected', async () => {
      deps.scan.ensureStarted();
      await vscode.commands.executeCommand('devopsRoadmap.detected.focus');
    }),
    vscode.commands.registerCommand('devopsRoadmap.openDetails', (id: unknown) => (typeof id === 'string' ? details.show(id, { preserveFocus: true }) : undefined)),
    vscode.commands.registerCommand('devopsRoadmap.openEvidence', (folder: unknown, path: unknown) =>
      typeof folder === 'string' && typeof path === 'string' ? openEvidenceFile(folder, path) : undefined,
    ),
  ];
}
