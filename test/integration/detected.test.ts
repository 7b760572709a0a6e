import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, waitFor, workspaceFolder } from './helpers';
import type { DetectedNode, DetectedTreeProvider } from '../../src/vscode/detectedTree';
import type { ScanService } from '../../src/vscode/scanService';
import type { ProgressContext } from '../../src/vscode/progressContext';
import type { ProgressStore } from '../../src/vscode/state';

type Node = DetectedNode;

async function rows(provider: DetectedTreeProvider): Promise<{ family: Node; signals: Node[] }[]> {
  const families = await provider.getChildren();
  return Promise.all(families.map(async (family) => ({ family, signals: await provider.getChildren(family) })));
}

async function signalRow(provider: DetectedTreeProvider, id: string): Promise<Extract<Node, { type: 'signal' }>> {
  for (const { signals } of await rows(provider)) {
    const found = signals.find((s) => s.type === 'signal' && s.signal === id);
    if (found) return found as Extract<Node, { type: 'signal' }>;
  }
  throw new Error(`no ${id} row`);
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** The view's menus as package.json contributes them, for a row's contextValue. */
function menuCommands(contextValue: string, group?: RegExp): string[] {
  const extension = vscode.extensions.getExtension('devops-roadmap.devops-roadmap')!;
  const entries = (extension.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[]).filter((m) =>
    m.when.includes('view == devopsRoadmap.detected'),
  );
  return entries
    .filter((m) => {
      const exact = /viewItem == ([\w.]+)/.exec(m.when);
      const pattern = /viewItem =~ \/(.+)\//.exec(m.when);
      const applies = exact ? exact[1] === contextValue : pattern ? new RegExp(pattern[1]).test(contextValue) : false;
      return applies && (!group || group.test(m.group ?? ''));
    })
    .map((m) => m.command);
}

describe('Detected in Workspace: names, counts and actions', () => {
  before(async () => {
    const { scan } = await api();
    scan.ensureStarted();
    await waitFor('the scan to finish', () => scan.state === 'done');
  });

  it('shows the names people read, never raw ids, in rows and hovers', async () => {
    const { detectedProvider } = await api();
    const gha = await detectedProvider.getTreeItem(await signalRow(detectedProvider, 'github-actions'));
    assert.strictEqual(label(gha), 'GitHub Actions');
    const hover = gha.tooltip as vscode.MarkdownString;
    assert.ok(hover instanceof vscode.MarkdownString);
    assert.ok(!hover.value.includes('github-actions'), hover.value);
    const practice = await detectedProvider.getTreeItem(await signalRow(detectedProvider, 'docker-multi-stage'));
    assert.strictEqual(label(practice), 'Multi-stage Docker builds');
    assert.ok(!(practice.tooltip as vscode.MarkdownString).value.includes('docker-multi-stage'));
    // No row of the view reads as a hyphenated id.
    for (const { signals } of await rows(detectedProvider)) {
      for (const s of signals) {
        const text = label(await detectedProvider.getTreeItem(s));
        assert.ok(s.type === 'signal' && (text !== s.signal || !s.signal.includes('-')), `"${text}" is a raw id`);
      }
    }
  });

  it('counts every file, lists a few, and a "Show all N files" row opens any of them', async () => {
    const { detectedProvider, scan } = await api();
    const terraform = await signalRow(detectedProvider, 'terraform');
    const item = await detectedProvider.getTreeItem(terraform);
    const real = scan.scans().reduce((n, s) => n + (s.result.technologies.find((t) => t.id === 'terraform')?.fileCount ?? 0), 0);
    assert.ok(real > 5, `the demo has more Terraform files than a result lists (${real})`);
    assert.strictEqual(item.description, `${real} files`);
    const children = await detectedProvider.getChildren(terraform);
    const more = children.find((c) => c.type === 'more');
    assert.ok(more && more.type === 'more', 'a "Show all" row');
    assert.strictEqual(more.total, real);
    assert.strictEqual(label(await detectedProvider.getTreeItem(more)), `Show all ${real} files…`);
    assert.strictEqual(detectedProvider.allFiles('terraform').length, real);

    const opened = Promise.resolve(vscode.commands.executeCommand<boolean>('devopsRoadmap.detected.showAllFiles', more));
    let settled = false;
    void opened.finally(() => (settled = true));
    await waitFor('a file picked from the list to open', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    assert.strictEqual(await opened, true);
    const shown = vscode.window.activeTextEditor?.document.uri.path ?? '';
    assert.ok(
      detectedProvider.allFiles('terraform').some((f) => shown.endsWith(`/${f.path}`)),
      `${shown} is one of Terraform's files`,
    );
  });

  it('labels evidence rows with the file name and describes them with the folder', async () => {
    const { detectedProvider } = await api();
    const files = await detectedProvider.getChildren(await signalRow(detectedProvider, 'terraform'));
    const nested = files.find((f) => f.type === 'file' && f.path === 'infra/modules/network/main.tf');
    assert.ok(nested, 'the module file is listed');
    const item = await detectedProvider.getTreeItem(nested);
    assert.strictEqual(label(item), 'main.tf');
    assert.strictEqual(item.description, 'infra/modules/network');
    assert.strictEqual(item.contextValue, 'detected.file.inFolder');
  });

  it('offers the skill page, the roles, every file, reveal and exclude on the right rows', async () => {
    const { detectedProvider } = await api();
    const technology = await detectedProvider.getTreeItem(await signalRow(detectedProvider, 'terraform'));
    assert.deepStrictEqual(menuCommands(technology.contextValue!).sort(), [
      'devopsRoadmap.detected.openSkill',
      'devopsRoadmap.detected.openSkill',
      'devopsRoadmap.detected.showAllFiles',
      'devopsRoadmap.rolesUsingTechnology',
    ]);
    assert.deepStrictEqual(menuCommands(technology.contextValue!, /^inline/), ['devopsRoadmap.detected.openSkill']);
    assert.deepStrictEqual(menuCommands('detected.file.inFolder').sort(), [
      'devopsRoadmap.detected.excludeFolder',
      'devopsRoadmap.detected.revealInExplorer',
      'devopsRoadmap.detected.revealInExplorer',
    ]);
    assert.deepStrictEqual(
      menuCommands('detected.file'),
      ['devopsRoadmap.detected.revealInExplorer', 'devopsRoadmap.detected.revealInExplorer'],
      'a root file has no folder to exclude',
    );
    const registered = await vscode.commands.getCommands(true);
    for (const command of [
      'devopsRoadmap.detected.openSkill',
      'devopsRoadmap.detected.showAllFiles',
      'devopsRoadmap.detected.revealInExplorer',
      'devopsRoadmap.detected.excludeFolder',
    ]) {
      assert.ok(registered.includes(command), command);
    }
  });

  it("opens a technology's skill page", async () => {
    const { detectedProvider, details, roadmap } = await api();
    const { index } = await roadmap.get();
    const opened = await vscode.commands.executeCommand<string | undefined>('devopsRoadmap.detected.openSkill', await signalRow(detectedProvider, 'docker'));
    assert.deepStrictEqual(
      [opened],
      index.skillsForEvidence('docker').map((s) => s.id),
      'Docker shows one skill, opened at once',
    );
    await waitFor('the details panel to show the skill', () => details.visibleId === opened);
  });

  it('reveals an evidence file in the Explorer', async () => {
    const { detectedProvider } = await api();
    const files = await detectedProvider.getChildren(await signalRow(detectedProvider, 'docker'));
    const dockerfile = files.find((f) => f.type === 'file' && f.path === 'Dockerfile');
    assert.ok(dockerfile);
    assert.strictEqual(await vscode.commands.executeCommand('devopsRoadmap.detected.revealInExplorer', dockerfile), true);
  });

  it('excludes a folder from scanning: the setting gains the folder and the rescan drops its files', async () => {
    const { detectedProvider, scan } = await api();
    const config = vscode.workspace.getConfiguration('devopsRoadmap');
    const files = await detectedProvider.getChildren(await signalRow(detectedProvider, 'helm'));
    const chart = files.find((f) => f.type === 'file' && f.path.startsWith('charts/shop-api/'));
    assert.ok(chart && chart.type === 'file');
    try {
      const pattern = await vscode.commands.executeCommand<string>('devopsRoadmap.detected.excludeFolder', chart);
      const folder = chart.path.slice(0, chart.path.lastIndexOf('/'));
      assert.strictEqual(pattern, `${folder}/**`);
      assert.ok(vscode.workspace.getConfiguration('devopsRoadmap').get<string[]>('scan.exclude', []).includes(pattern));
      const underFolder = () => scan.scans().some((s) => [...s.result.technologies, ...s.result.practices].some((t) => t.evidence.some((p) => p.startsWith(`${folder}/`))));
      await waitFor(`${folder}/ to leave the results`, () => scan.state === 'done' && !underFolder());
      assert.ok(
        scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'terraform')),
        'the rest of the workspace is still scanned',
      );
    } finally {
      await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('helm to return', async () => (await detectedProvider.getChildren()).length > 0 && scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'helm')));
  });

  it('filters and sorts, and says so in the view description', async () => {
    const { detectedProvider } = await api();
    try {
      await vscode.commands.executeCommand('devopsRoadmap.detected.filter', 'terraform');
      assert.strictEqual(detectedProvider.description, 'filter: terraform');
      const shown = (await rows(detectedProvider)).flatMap((r) => r.signals.map((s) => (s.type === 'signal' ? s.signal : '')));
      assert.ok(shown.length > 0 && shown.every((id) => id.includes('terraform')), shown.join(', '));
      await vscode.commands.executeCommand('devopsRoadmap.detected.clearFilter');
      assert.strictEqual(detectedProvider.description, undefined);

      await vscode.commands.executeCommand('devopsRoadmap.detected.sortByFiles');
      assert.strictEqual(detectedProvider.description, 'by file count');
      const families = await rows(detectedProvider);
      for (const { signals } of families) {
        const counts = await Promise.all(signals.map(async (s) => Number(/^(\d+)/.exec(String((await detectedProvider.getTreeItem(s)).description))?.[1])));
        assert.deepStrictEqual(
          counts,
          [...counts].sort((a, b) => b - a),
        );
      }
    } finally {
      await vscode.commands.executeCommand('devopsRoadmap.detected.clearFilter');
      await vscode.commands.executeCommand('devopsRoadmap.detected.sortByName');
    }
    assert.ok(workspaceFolder());
  });
});

/** A workspaceState of its own, in memory, for a second ScanService that must not touch the extension's. */
function memoryMemento(initial: Record<string, unknown> = {}): vscode.Memento & { setKeysForSync(keys: readonly string[]): void } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    keys: () => [...data.keys()],
    get: <T>(key: string, fallback?: T) => (data.has(key) ? (data.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void data.set(key, value),
    setKeysForSync: () => undefined,
  };
}

describe('Detected in Workspace before the first scan ends', () => {
  /** A scan service and a view of their own over the same folder, as a freshly opened window has them. */
  async function freshView(state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    const ext = await api();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    // The extension's own classes (this bundle's copies would look for the scanner bundle beside it).
    const Scan = ext.scan.constructor as typeof ScanService;
    const Provider = ext.detectedProvider.constructor as typeof DetectedTreeProvider;
    const Context = ext.progress.constructor as typeof ProgressContext;
    const Store = ext.store.constructor as typeof ProgressStore;
    const scan = new Scan(state, new Context(new Store(memoryMemento())), extensionUri);
    const provider = new Provider(scan, ext.roadmap);
    let message: string | undefined;
    provider.showMessage = (m) => (message = m);
    const ids = async () => (await rows(provider)).flatMap(({ signals }) => signals.map((s) => (s.type === 'signal' ? s.signal : '')));
    return { scan, provider, ids, message: () => message };
  }

  after(async () => {
    // The services made here set the scan state's context key too: the extension's own scan sets it back.
    await (await api()).scan.rescan();
  });

  it("shows the first scan's findings as they come, said to be partial, and only what the scan ends with", async () => {
    const view = await freshView(memoryMemento());
    try {
      const partial: { ids: string[]; message: string | undefined }[] = [];
      view.scan.onDidChangeProvisional(() => {
        if (view.scan.shown().provisional !== 'partial') return;
        void view.ids().then((ids) => partial.push({ ids, message: view.message() }));
      });
      await view.scan.rescan();
      const final = await view.ids();
      const first = partial.find((p) => p.ids.length > 0);
      assert.ok(first, `rows were shown before the scan ended: ${JSON.stringify(partial)}`);
      assert.ok(first.ids.length <= final.length, JSON.stringify(first));
      assert.match(first.message ?? '', /showing what it has found so far/);
      for (const { ids } of partial) for (const id of ids) assert.ok(final.includes(id), `${id} was shown during the scan but is not in its result`);
      assert.strictEqual(view.message(), undefined, 'the message goes when the scan ends');
    } finally {
      view.scan.dispose();
    }
  });

  it("shows the last session's results at once, said to be so, until the scan replaces them", async () => {
    const folder = workspaceFolder();
    const old = { root: folder.uri.fsPath, filesSeen: 1, filesRead: 1, bytesRead: 10, durationMs: 1, truncated: false, skipped: [], practices: [] };
    const cached = { ...old, technologies: [{ id: 'pulumi', evidence: ['Pulumi.yaml'], fileCount: 1, fixtureOnly: false }] };
    const view = await freshView(memoryMemento({ 'devopsRoadmap.scanCache': { version: 1, scans: [{ uri: folder.uri.toString(), result: cached }] } }));
    try {
      view.scan.showLastResults();
      assert.deepStrictEqual(await view.ids(), ['pulumi']);
      assert.match(view.message() ?? '', /From the last session/);
      await view.scan.rescan();
      const now = await view.ids();
      assert.ok(!now.includes('pulumi') && now.includes('github-actions'), now.join());
      assert.strictEqual(view.message(), undefined);
    } finally {
      view.scan.dispose();
    }
  });
});
