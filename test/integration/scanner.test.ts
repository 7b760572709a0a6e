import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFolder } from './helpers';

describe('Workspace scanner in VS Code', () => {
  it('finds Terraform, the Helm chart and GitHub Actions in the demo workspace', async () => {
    const { scan } = await api();
    scan.ensureStarted();
    await waitFor('the scan to finish', () => scan.state === 'done');
    const ids = scan.scans().flatMap((s) => s.result.technologies.map((t) => t.id));
    for (const id of ['terraform', 'helm', 'github-actions', 'docker', 'prometheus']) assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
  });

  it('marks the matching skills practiced', async () => {
    const { progress, roadmap } = await api();
    const { index } = await roadmap.get();
    const terraformSkill = index.skillsForEvidence('terraform')[0];
    assert.ok(terraformSkill, 'a skill is evidenced by terraform');
    assert.ok(progress.evidence.isPracticed(terraformSkill));
    assert.ok(progress.evidence.evidenceFor(terraformSkill).some((e) => e.path.endsWith('.tf')));
  });

  it('lists technologies by family in the Detected view, files as children that open', async () => {
    const { detectedProvider } = await api();
    const families = await detectedProvider.getChildren();
    const labels = families.map((f) => (f as { label: string }).label);
    assert.ok(labels.includes('IaC and config') && labels.includes('CI/CD'), labels.join(', '));
    const iac = families[labels.indexOf('IaC and config')];
    const technologies = await detectedProvider.getChildren(iac);
    const terraform = technologies.find((t) => (t as { signal: string }).signal === 'terraform')!;
    const files = await detectedProvider.getChildren(terraform);
    // Terraform's evidence is its .tf files and the pipeline that runs `terraform init`: open a .tf file.
    const tf = files.find((f) => (f as { path?: string }).path?.endsWith('.tf'));
    assert.ok(tf, 'a .tf file among the Terraform evidence');
    const item = await detectedProvider.getTreeItem(tf);
    assert.strictEqual(item.command?.command, 'devopsRoadmap.openEvidence');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor('the evidence file to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('.tf'));
  });

  it('picks up a new Jenkinsfile without a manual rescan, and drops it when deleted', async () => {
    const { scan } = await api();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'Jenkinsfile');
    const has = () => scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'jenkins'));
    assert.strictEqual(has(), false, 'no Jenkinsfile before the test');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode("pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'make' } }\n  }\n}\n"));
    await waitFor('jenkins to be detected', has);
    await vscode.workspace.fs.delete(uri);
    await waitFor('jenkins to disappear', () => !has());
  });

  it('merges a burst of 1,000 file events into a few updates, without duplicate evidence', async () => {
    const { scan } = await api();
    const folder = workspaceFolder().uri;
    // What a user sees: each change event redraws the views.
    let redraws = 0;
    const listener = scan.onDidChange(() => redraws++);
    const files = Array.from({ length: 1000 }, (_, i) => vscode.Uri.joinPath(folder, 'burst', `service-${i}`, 'Dockerfile'));
    const started = Date.now();
    await Promise.all(files.map((f) => vscode.workspace.fs.writeFile(f, new TextEncoder().encode('FROM alpine:3.20\n'))));
    const writeMs = Date.now() - started;
    await waitFor('the burst to be applied', () => scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'docker' && t.fileCount >= 1000)), 60_000);
    await waitFor('the views to be told', () => redraws > 0);
    await new Promise((r) => setTimeout(r, 1000)); // let any straggling batch land before counting
    listener.dispose();
    console.log(`[burst] 1000 files written in ${writeMs} ms, views redrawn ${redraws} time(s)`);
    assert.ok(redraws <= 10, `views redrawn ${redraws} times`);
    for (const s of scan.scans()) {
      for (const t of s.result.technologies) assert.strictEqual(new Set(t.evidence).size, t.evidence.length, `${t.id} evidence repeats`);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'burst'), { recursive: true });
    await waitFor('the burst to be removed', () => scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'docker' && t.fileCount < 10)), 60_000);
  });

  it('a rescan asked for during a scan cancels the first; both calls settle and the result is whole', async () => {
    const { scan } = await api();
    const first = scan.rescan();
    const second = scan.rescan();
    await Promise.all([first, second]);
    assert.strictEqual(scan.state, 'done');
    const ids = scan.scans().flatMap((s) => s.result.technologies.map((t) => t.id));
    assert.strictEqual(new Set(ids).size, ids.length, 'no technology twice');
    for (const id of ['terraform', 'helm', 'github-actions']) assert.ok(ids.includes(id), id);
  });
});

describe('Workspace scanner: many rescans at once', () => {
  it('runs one scan for five quick rescans, and every call settles with its result', async () => {
    const { scan } = await api();
    let published = 0;
    const listener = scan.onDidChange(() => published++);
    try {
      await Promise.all([scan.rescan(), scan.rescan(), scan.rescan(), scan.rescan(), scan.rescan()]);
    } finally {
      listener.dispose();
    }
    assert.strictEqual(scan.state, 'done');
    // Before, each waiting call started a scan of its own once the first was cancelled: five results.
    assert.strictEqual(published, 1, `${published} scans published`);
  });
});

describe('Workspace scanner: folder deletes and ignore rules', () => {
  it('drops the evidence of a deleted folder', async () => {
    const { scan } = await api();
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, 'pipelines');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'ci', '.gitlab-ci.yml'),
      new TextEncoder().encode('stages: [build]\nbuild:\n  stage: build\n  script: [make]\n'),
    );
    const has = () => scan.scans().some((s) => s.result.technologies.some((t) => t.id === 'gitlab-ci'));
    await waitFor('gitlab-ci to be detected', has);
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitFor('gitlab-ci to disappear with its folder', () => !has());
  });

  it('does not count a new file that .gitignore excludes', async () => {
    const { scan } = await api();
    const root = workspaceFolder().uri;
    const has = (id: string) => scan.scans().some((s) => s.result.technologies.some((t) => t.id === id));
    /** Runs `change`, then waits until the scan service has applied a scan or update after it. */
    const applied = async (what: string, change: () => Thenable<void>) => {
      const before = scan.updatesApplied;
      await change();
      await waitFor(what, () => scan.updatesApplied > before && scan.state === 'done');
    };
    await applied('the rescan after the .gitignore change', () => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, '.gitignore'), new TextEncoder().encode('generated/\n')));
    try {
      // The ignored file and a control beside it that is not ignored, written in that order: once
      // the control is evidence, the update that saw the ignored file has been applied too.
      await applied('the update after the new files', async () => {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, 'generated', 'Jenkinsfile'), new TextEncoder().encode('pipeline { agent any }\n'));
        await vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(root, 'control', '.gitlab-ci.yml'),
          new TextEncoder().encode('stages: [build]\nbuild:\n  stage: build\n  script: [make]\n'),
        );
      });
      await waitFor('the control file to be detected', () => has('gitlab-ci'));
      assert.ok(!has('jenkins'), 'an ignored Jenkinsfile is not evidence');
    } finally {
      await applied('the update after the cleanup', async () => {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'generated'), { recursive: true });
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'control'), { recursive: true });
      });
      await applied('the rescan after the .gitignore removal', () => vscode.workspace.fs.delete(vscode.Uri.joinPath(root, '.gitignore')));
      await waitFor('the control file to be gone', () => !has('gitlab-ci'));
    }
  });
});

describe('Workspace scanner: the exclude setting', () => {
  it('honours devopsRoadmap.scan.exclude, brace patterns included, and takes effect at once', async () => {
    const { scan } = await api();
    const config = vscode.workspace.getConfiguration('devopsRoadmap');
    const has = (id: string) => scan.scans().some((s) => s.result.technologies.some((t) => t.id === id));
    await waitFor('terraform and helm before excluding', () => has('terraform') && has('helm'));
    // Every evidence path, technologies and practices alike.
    const evidence = () => scan.scans().flatMap((s) => [...s.result.technologies.flatMap((t) => t.evidence), ...s.result.practices.flatMap((p) => p.evidence)]);
    await config.update('scan.exclude', ['**/{infra,charts}/**'], vscode.ConfigurationTarget.Workspace);
    try {
      // Helm lives only in charts/; Terraform also in the workflow that runs it, which stays.
      await waitFor('infra/ and charts/ to be excluded', () => scan.state === 'done' && !has('helm') && !evidence().some((p) => p.startsWith('infra/') || p.startsWith('charts/')));
      assert.ok(has('docker'), 'the rest of the workspace is still scanned');
    } finally {
      await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('terraform to return', () => has('terraform') && has('helm'));
  });
});
