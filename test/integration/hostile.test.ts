import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFolder } from './helpers';

/**
 * A workspace with baits in it. The e2e launcher starts code-server with
 * DEVOPS_ROADMAP_TEST_STALL_ON=stall-bait.yaml: the scanner's worker spins for ever on a file of that
 * name, as a detector that never returns would.
 */
const STALL_BAIT = 'stall-bait.yaml';
const encode = (text: string) => new TextEncoder().encode(text);

/** How long one of our commands takes, run from this extension host (its thread, then the workbench). */
async function commandLatencyMs(): Promise<number> {
  const started = performance.now();
  await vscode.commands.executeCommand('devopsRoadmap.showLog');
  return performance.now() - started;
}

/**
 * What the scanner's own listing (findFiles over the whole folder) sees: it answers from a file
 * index that learns of new files a moment after they are written.
 */
async function listed(): Promise<string[]> {
  return (await vscode.workspace.findFiles(new vscode.RelativePattern(workspaceFolder(), '**/*'))).map((uri) => uri.path);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('Workspace scanner: a hostile repository', () => {
  const root = () => workspaceFolder().uri;
  const bait = () => vscode.Uri.joinPath(root(), 'bait');
  const outside = () => vscode.Uri.joinPath(root(), '..', 'outside-secret');

  after(async () => {
    await vscode.workspace.fs.delete(bait(), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(outside(), { recursive: true }).then(undefined, () => undefined);
    const { scan } = await api();
    await scan.rescan();
  });

  it('answers commands while a file stalls the scan, skips that file as timeout, and keeps everything else', async () => {
    const { scan } = await api();
    scan.ensureStarted();
    await waitFor('the first scan', () => scan.state === 'done');
    const idle: number[] = [];
    for (let i = 0; i < 7; i++) idle.push(await commandLatencyMs());

    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bait(), STALL_BAIT), encode('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stall}\n'));
    await waitFor('findFiles to list the bait', async () => (await listed()).some((path) => path.endsWith(STALL_BAIT)));
    // The default budget (3 s) is long enough to measure inside.
    let settled = false;
    const scanning = scan.rescan().finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 500)); // the worker is inside the bait by now
    const busy: number[] = [];
    for (let i = 0; i < 7; i++) busy.push(await commandLatencyMs());
    const stillScanning = !settled;
    await scanning;
    console.log(
      `[hostile] command latency: median ${median(idle).toFixed(2)} ms idle, ${median(busy).toFixed(2)} ms while the scan is stuck (ratio ${(median(busy) / Math.max(0.1, median(idle))).toFixed(2)})`,
    );
    // Every command answered while the worker was still stuck in the bait: the host never waited for it.
    assert.ok(stillScanning, 'the commands answered only after the stuck file was given up');

    const result = scan.scans()[0].result;
    assert.deepStrictEqual(
      result.skipped.filter((s) => s.path.startsWith('bait/')),
      [{ path: `bait/${STALL_BAIT}`, reason: 'timeout' }],
    );
    const ids = result.technologies.map((t) => t.id);
    for (const id of ['terraform', 'docker', 'helm', 'github-actions']) assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
  });

  it('reads nothing outside the folder: a name with backslashes stays a name, a FIFO is never opened', async () => {
    const { scan } = await api();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(bait(), STALL_BAIT)).then(undefined, () => undefined);
    // Outside the workspace folder, a Jenkinsfile the scan must not reach.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(outside(), 'Jenkinsfile'), encode('pipeline { agent any }\n'));
    // A name, not a path: backslashes are ordinary characters on Linux.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bait(), '..\\..\\outside-secret\\Jenkinsfile'), encode('pipeline { agent any }\n'));
    execFileSync('mkfifo', [vscode.Uri.joinPath(bait(), 'docker-compose.yml').fsPath]);
    await waitFor('findFiles to list the new name', async () => (await listed()).some((path) => path.endsWith('\\Jenkinsfile')));
    await scan.rescan();
    assert.ok(scan.scans()[0].result.filesSeen > 0);
    const result = scan.scans()[0].result;
    assert.ok(!result.technologies.some((t) => t.id === 'jenkins'), 'a Jenkinsfile outside the folder was read');
    for (const path of result.technologies.flatMap((t) => t.evidence)) assert.ok(!path.split('/').includes('..'), path);
    assert.ok(!result.technologies.some((t) => t.id === 'docker-compose'), 'the FIFO counted as Compose');
  });
});
