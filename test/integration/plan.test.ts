import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFolder } from './helpers';
import type { JobPage } from '../../src/core/pageModel';

/** The job page the details panel shows now, once it shows one that passes `check`. */
async function jobPage(what: string, check: (page: JobPage) => boolean): Promise<JobPage> {
  const { details } = await api();
  return waitFor(what, () => {
    const page = details.lastPage;
    return details.visibleId === 'job' && page?.page === 'job' && check(page) ? page : undefined;
  });
}

async function advertEditor(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
  return vscode.window.showTextDocument(document);
}

describe('Compare with a Job Advert', () => {
  before(async () => {
    const { scan } = await api();
    scan.ensureStarted();
    await waitFor('the scan to finish', () => scan.state === 'done', 60_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('compares the active editor with the workspace: evidenced with its file, missing, and the lines it could not map', async () => {
    const { scan, details } = await api();
    const folder = workspaceFolder().name;
    const terraform = scan
      .scans()
      .find((s) => s.folder === folder)
      ?.result.technologies.find((t) => t.id === 'terraform');
    assert.ok(terraform, 'the test workspace has Terraform');
    await advertEditor(['Requirements:', '- Terraform in production', '- MLflow experiment tracking', '- Excellent communication skills', '- 25 days holiday'].join('\n'));

    await vscode.commands.executeCommand('devopsRoadmap.compareJobAdvert');
    const page = await jobPage('the job page', (p) => p.requirements.length === 2);
    const [tf, mlflow] = page.requirements;
    assert.strictEqual(tf.text, 'Terraform in production');
    assert.strictEqual(tf.status, 'evidenced');
    assert.strictEqual(tf.skills[0].evidence[0].folder, folder);
    assert.ok(terraform.evidence.includes(tf.skills[0].evidence[0].path), `${tf.skills[0].evidence[0].path} is Terraform evidence`);
    assert.strictEqual(mlflow.status, 'missing');
    assert.deepStrictEqual(page.unmatched, ['Excellent communication skills', '25 days holiday']);
    await waitFor('the tab title', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Job Advert vs My Evidence'),
    );
    await waitFor('the webview to draw', () => details.lastFirstRenderMs !== undefined, 30_000);
  });

  it('compares only the selection when there is one, and follows a mark you make', async () => {
    const { actions } = await api();
    const editor = await advertEditor('- Terraform in production\n- MLflow experiment tracking\n');
    const line = editor.document.lineAt(1).range;
    editor.selection = new vscode.Selection(line.start, line.end);

    await vscode.commands.executeCommand('devopsRoadmap.compareJobAdvert');
    const page = await jobPage('the selection compared', (p) => p.requirements.length === 1 && p.requirements[0].text === 'MLflow experiment tracking');
    const skills = page.requirements[0].skills.map((s) => s.skill.id);

    for (const skill of skills) await actions.setMark(skill, 'done');
    try {
      await jobPage('the requirement marked', (p) => p.requirements[0]?.status === 'marked');
    } finally {
      for (const skill of skills) await actions.setMark(skill, 'clear');
    }
    await jobPage('the mark cleared', (p) => p.requirements[0]?.status === 'missing');
  });

  it('opens an untitled editor to paste into when there is nothing to compare', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The command then waits for the notification's Compare button, which this test does not press.
    void vscode.commands.executeCommand('devopsRoadmap.compareJobAdvert');
    const editor = await waitFor('an empty untitled editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.getText() === '' ? active : undefined;
    });
    assert.strictEqual(editor.document.languageId, 'plaintext');
  });
});
