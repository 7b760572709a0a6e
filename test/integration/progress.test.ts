import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

describe('My progress: marks and position', () => {
  it('marking a skill done by command updates its tree row and the status bar', async () => {
    const { treeProvider, roadmap, statusBar, actions } = await api();
    await actions.setCurrentStage('stage-junior');
    await waitFor('the status bar to show Junior → Mid', () => /DevOps: Junior → Mid \d+%/.test(statusBar.item.text));
    const before = Number(/(\d+)%/.exec(statusBar.item.text)![1]);

    const { index, outline } = await roadmap.get();
    // A skill of the next stage that the demo workspace does not already show.
    const skill = index.skillsOf('stage-mid').find((s) => !s.detectable)!;
    assert.ok(skill, 'stage-mid has a skill no file can show');
    await vscode.commands.executeCommand('devopsRoadmap.markDone', skill.id);

    const row = outline.placeOf(skill.id)!;
    await waitFor('the row to show "done"', async () => (await treeProvider.getTreeItem(row)).contextValue === 'skill.done');
    await waitFor('the status bar percentage to rise', () => Number(/(\d+)%/.exec(statusBar.item.text)?.[1]) > before);

    await vscode.commands.executeCommand('devopsRoadmap.clearMark', skill.id);
    await waitFor('the mark to clear', async () => (await treeProvider.getTreeItem(row)).contextValue === 'skill.not-started');
  });

  it('keeps a note beside the mark and stores both in globalState', async () => {
    const { actions, store } = await api();
    // The note command asks in an input box; the store path it ends in is the same.
    const { withNote } = await import('../../src/core/userState');
    await store.update((p) => withNote(p, 'linux-fundamentals', 'Ran the on-call rota for a year', new Date()));
    await actions.setMark('linux-fundamentals', 'learning');
    const saved = await store.read();
    assert.deepStrictEqual(
      { mark: saved.marks['linux-fundamentals']?.mark, note: saved.marks['linux-fundamentals']?.note },
      { mark: 'learning', note: 'Ran the on-call rota for a year' },
    );
  });

  it('ignores a mark for an id that is not a skill', async () => {
    const { actions, store } = await api();
    const before = JSON.stringify(await store.read());
    await actions.setMark('stage-junior', 'done');
    await actions.setMark('../../etc/passwd', 'done');
    assert.strictEqual(JSON.stringify(await store.read()), before);
  });

  it('sets a target role and highlights it in the tree', async () => {
    const { actions, treeProvider, roadmap, store } = await api();
    await actions.setTargetRole('site-reliability-engineering');
    assert.strictEqual((await store.read()).targetRole, 'site-reliability-engineering');
    const { outline } = await roadmap.get();
    const item = await treeProvider.getTreeItem(outline.placeOf('site-reliability-engineering')!);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'target');
  });

  it('shows My Progress in the details panel', async () => {
    const { details } = await api();
    await vscode.commands.executeCommand('devopsRoadmap.showProgress');
    assert.strictEqual(details.visibleId, 'progress');
    await waitFor('the progress tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label === 'My DevOps Progress'));
  });
});
