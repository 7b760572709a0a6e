import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

describe('Career Tree view', () => {
  it('shows the trunk, the specialisations and the tracks at the top', async () => {
    const { treeProvider } = await api();
    const roots = await treeProvider.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.label).slice(0, 3), ['Career Trunk', 'Specialisations', 'Career Tracks']);
  });

  it('lists the five trunk stages in order, each with years and salary', async () => {
    const { treeProvider } = await api();
    const [trunk] = await treeProvider.getChildren();
    const stages = await treeProvider.getChildren(trunk);
    assert.strictEqual(stages.length, 5);
    assert.match(stages[0].label, /^Junior DevOps Engineer/);
    const item = await treeProvider.getTreeItem(stages[0]);
    assert.match(String(item.description), /0–2 years/);
    assert.match(String(item.description), /(£40K–55K|\$65K–90K)/);
  });

  it('shows what you do, skills, milestone and readiness under a stage', async () => {
    const { treeProvider } = await api();
    const [trunk] = await treeProvider.getChildren();
    const [junior] = await treeProvider.getChildren(trunk);
    const sections = (await treeProvider.getChildren(junior)).map((n) => n.label);
    assert.ok(sections.includes('What you do'), sections.join(', '));
    assert.ok(sections.includes('Skills'), sections.join(', '));
    assert.ok(
      sections.some((s) => s.startsWith('Milestone:')),
      sections.join(', '),
    );
    assert.ok(sections.includes('Ready for the next level when'), sections.join(', '));
  });

  it('draws skills with a status icon and stages with "n/m practiced"', async () => {
    const { treeProvider, scan } = await api();
    scan.ensureStarted();
    await waitFor('the first scan', () => scan.state === 'done' || scan.state === 'empty');
    const [trunk] = await treeProvider.getChildren();
    const stages = await treeProvider.getChildren(trunk);
    const descriptions = await Promise.all(stages.map(async (s) => String((await treeProvider.getTreeItem(s)).description)));
    assert.ok(
      descriptions.some((d) => /\d+\/\d+ practiced/.test(d)),
      descriptions.join(' | '),
    );
    const skillsSection = (await treeProvider.getChildren(stages[0])).find((n) => n.label === 'Skills')!;
    const skill = (await treeProvider.getChildren(skillsSection))[0];
    const item = await treeProvider.getTreeItem(skill);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.match(String(item.contextValue), /^skill\.(practiced|done|learning|skipped|not-started)$/);
  });

  it('can reveal a deep row (stable ids and getParent)', async () => {
    const { tree, roadmap } = await api();
    await vscode.commands.executeCommand('devopsRoadmap.careerTree.focus');
    const { outline } = await roadmap.get();
    const place = outline.placeOf('stage-senior');
    assert.ok(place, 'stage-senior has a row');
    await tree.reveal(place, { select: true, focus: false });
    await waitFor('the revealed row to be selected', () => tree.selection.some((s) => (s as { id: string }).id === place.id));
  });
});
