// `npm run bench -- --profile`: where a CLI scan of a tree spends its time. Runs `node --cpu-prof`
// on the bundled CLI (the main thread and the scanner worker each write a profile) and sums each
// function's self time, so the table shows the five functions that cost most in each thread.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Self time per function of one .cpuprofile, in ms, heaviest first (idle time left out). */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const { callFrame } = byId.get(profile.samples[i]);
    if (callFrame.functionName === '(idle)') continue;
    const file = (callFrame.url || '').split('/').pop();
    const key = `${callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${callFrame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...self].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** The CLI and its worker as in dist/, but not minified, so the profile names real functions. */
function buildReadable(repo) {
  const outdir = path.join(repo, 'out', 'bench', 'profile');
  esbuild.buildSync({
    entryPoints: { cli: path.join(repo, 'src', 'cli.ts'), scanWorker: path.join(repo, 'src', 'scanner', 'worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outdir,
    logLevel: 'warning',
  });
  return path.join(outdir, 'cli.js');
}

/** Profiles one CLI scan of `dir`: for each thread, its busy time and its `top` costliest functions. */
export function profileScan(repo, dir, top = 5) {
  const cli = buildReadable(repo);
  const out = mkdtempSync(path.join(os.tmpdir(), 'dr-profile-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, cli, 'scan', dir, '--json'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`profiled CLI scan failed (${r.status})`);
    // Node names each thread's profile CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main one.
    return readdirSync(out)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .map((f) => {
        const times = selfTimes(JSON.parse(readFileSync(path.join(out, f), 'utf8')));
        const thread = f.split('.')[4] === '0' ? 'main' : 'worker';
        return { thread, busyMs: times.reduce((a, t) => a + t.ms, 0), top: times.slice(0, top) };
      });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
