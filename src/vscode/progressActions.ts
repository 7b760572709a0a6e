import * as vscode from 'vscode';
import type { OutlineNode } from '../core/outline';
import type { Mark } from '../core/progress';
import { skillStatus } from '../core/progress';
import { MAX_NOTE_LENGTH, TARGET_ROLE_KINDS, reconcileWithData, withMark, withNote, withPosition } from '../core/userState';
import { SELECTION, type MarkChoice } from '../shared/protocol';
import type { ProgressStore } from './state';
import type { RoadmapService } from './roadmapService';
import type { ProgressContext } from './progressContext';
import { log } from './log';

/**
 * A command's argument: a tree row (menus), a record id (webview, other commands), `SELECTION`
 * (keybindings: the Career Tree's selected row), or nothing (the palette: ask with a picker; the
 * palette never acts on a selection the user may not be looking at).
 */
export type Target = OutlineNode | string | undefined;

/**
 * The user's own progress actions: marks, notes, current stage and target role. Commands, tree
 * menus and the webview all come through here, so every path validates ids the same way.
 */
export class ProgressActions {
  constructor(
    private readonly store: ProgressStore,
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressContext,
    private readonly tree: vscode.TreeView<OutlineNode>,
  ) {}

  /** Moves marks of skills that left the data set to "orphaned" (and back), telling the user once. */
  async reconcile(): Promise<void> {
    const { index } = await this.roadmap.get();
    const before = await this.store.read();
    const after = reconcileWithData(before, (id) => index.kindOf(id) === 'skill');
    if (after === before) return;
    await this.store.update(() => after);
    const count = Object.keys(after.orphaned).length;
    if (count > Object.keys(before.orphaned).length) {
      log().warn(`${count} mark(s) refer to skills no longer in the roadmap: ${Object.keys(after.orphaned).join(', ')}. They are kept under My Progress.`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('DevOps Roadmap: {0} of your marks refer to skills no longer in the roadmap. They are kept, not deleted: see My Progress.', count),
      );
    }
  }

  private async resolve(target: Target, kinds: readonly string[]): Promise<string | undefined> {
    const { index } = await this.roadmap.get();
    const id = target === SELECTION ? this.tree.selection[0]?.ref : typeof target === 'string' ? target : target?.ref;
    const kind = id ? index.kindOf(id) : undefined;
    if (id && kind && kinds.includes(kind)) return id;
    if (typeof target === 'string' && target !== SELECTION) {
      log().warn(`Ignored a progress action for ${JSON.stringify(target).slice(0, 100)}: not a ${kinds.join(' or ')} of the roadmap.`);
      return undefined;
    }
    return this.pick(kinds);
  }

  private async pick(kinds: readonly string[]): Promise<string | undefined> {
    const { index } = await this.roadmap.get();
    const r = index.roadmap;
    const items: (vscode.QuickPickItem & { id: string })[] = [];
    if (kinds.includes('skill')) {
      for (const s of [...r.skills].sort((a, b) => a.title.localeCompare(b.title))) {
        const status = skillStatus(s, this.progress.evidence, this.progress.marks);
        items.push({ label: s.title, description: status === 'not-started' ? undefined : status, id: s.id });
      }
    }
    if (kinds.includes('stage')) for (const s of index.stages) items.push({ label: `$(milestone) ${s.title}`, description: vscode.l10n.t('Stage {0}', s.order), id: s.id });
    if (kinds.includes('branch')) {
      for (const b of r.branches) {
        items.push({ label: `$(git-branch) ${b.title}`, description: vscode.l10n.t('Specialisation'), id: b.id });
        for (const l of b.ladder) items.push({ label: `$(person) ${l.title}`, description: b.title, id: l.id });
      }
    }
    if (kinds.includes('track')) {
      for (const t of r.tracks) {
        items.push({ label: `$(arrow-up) ${t.title}`, description: vscode.l10n.t('Track'), id: t.id });
        for (const l of t.levels) items.push({ label: `$(person) ${l.title}`, description: t.title, id: l.id });
      }
    }
    const placeHolder = kinds.includes('skill')
      ? vscode.l10n.t('Which skill?')
      : kinds.includes('branch')
        ? vscode.l10n.t('Which role do you aim for?')
        : vscode.l10n.t('Which stage are you at?');
    return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.id;
  }

  async setMark(target: Target, choice: MarkChoice): Promise<void> {
    const skillId = await this.resolve(target, ['skill']);
    if (!skillId) return;
    const mark: Mark | undefined = choice === 'clear' ? undefined : choice;
    await this.store.update((p) => withMark(p, skillId, mark, new Date()));
  }

  async editNote(target: Target): Promise<void> {
    const skillId = await this.resolve(target, ['skill']);
    if (!skillId) return;
    const { index } = await this.roadmap.get();
    const current = (await this.store.read()).marks[skillId]?.note ?? '';
    const note = await vscode.window.showInputBox({
      title: vscode.l10n.t('Note on {0}', index.titleOf(skillId) ?? skillId),
      value: current,
      prompt: vscode.l10n.t('Where you practised it, what is left to learn… Leave empty to remove the note.'),
      validateInput: (text) =>
        text.length > MAX_NOTE_LENGTH ? vscode.l10n.t('Keep the note under {0} characters.', MAX_NOTE_LENGTH.toLocaleString(vscode.env.language)) : undefined,
    });
    if (note === undefined) return;
    await this.store.update((p) => withNote(p, skillId, note, new Date()));
  }

  async setCurrentStage(target: Target | null): Promise<void> {
    if (target === null) {
      await this.store.update((p) => withPosition(p, { currentStage: null }));
      return;
    }
    const id = await this.resolve(target, ['stage']);
    if (id) await this.store.update((p) => withPosition(p, { currentStage: id }));
  }

  async setTargetRole(target: Target | null): Promise<void> {
    if (target === null) {
      await this.store.update((p) => withPosition(p, { targetRole: null }));
      return;
    }
    const id = await this.resolve(target, TARGET_ROLE_KINDS);
    if (id) await this.store.update((p) => withPosition(p, { targetRole: id }));
  }
}
