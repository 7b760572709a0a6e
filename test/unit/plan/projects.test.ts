/**
 * Project verification on real folders: the fixture repositories are scanned by the real scanner,
 * and authorship comes from real git repositories made here with commits by you or by someone else.
 */

import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { scan } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { readAuthorship } from '../../../src/git/authorship';
import {
  checkProject,
  loadProjects,
  recommendProjects,
  projectsFor,
  repositoryFromRecord,
  repositoryFromScan,
  type Project,
  type RepositoryEvidence,
} from '../../../src/core/plan';
import type { RepositoryRecord } from '../../../src/core/portfolio/ledger';

const ROOT = nodePath.resolve(__dirname, '../../..');
const FIXTURES = nodePath.join(ROOT, 'test/fixtures/plan');
const projects = loadProjects(JSON.parse(readFileSync(nodePath.join(ROOT, 'data/projects.json'), 'utf8')));
const byId = (id: string): Project => projects.find((p) => p.id === id) as Project;
const TERRAFORM = byId('project-terraform-module-remote-state');

const ME = 'me@example.com';
const SOMEONE_ELSE = 'someone@example.com';
const made: string[] = [];

async function scanned(dir: string, name = nodePath.basename(dir), authorship: RepositoryEvidence['authorship'] = null): Promise<RepositoryEvidence> {
  return repositoryFromScan(dir, name, await scan(new NodeFileSource(dir)), authorship);
}

function git(root: string, args: string[], who = ME): void {
  execFileSync('git', ['-C', root, ...args], {
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: who,
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: who,
    },
  });
}

/** A copy of a fixture as a git repository whose files were all committed by `author`; you are `me@example.com`. */
async function committedBy(fixture: string, author: string): Promise<RepositoryEvidence> {
  const root = mkdtempSync(nodePath.join(tmpdir(), 'dr-plan-'));
  made.push(root);
  cpSync(nodePath.join(FIXTURES, fixture), root, { recursive: true });
  git(root, ['init', '-q']);
  git(root, ['config', 'user.email', ME]);
  git(root, ['add', '-A'], author);
  git(root, ['commit', '-q', '--no-gpg-sign', '-m', 'infrastructure'], author);
  const base = await scanned(root, fixture);
  const files = [...new Set([...base.technologies, ...base.practices].flatMap((t) => t.evidence))];
  const result = await readAuthorship(root, files);
  assert.ok(result.available, 'git authorship should be readable in the test repository');
  return { ...base, authorship: result.files };
}

after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('project verification', () => {
  it('is verified in the repository that shows every required id, naming a file for each', async () => {
    const check = checkProject(TERRAFORM, [await scanned(nodePath.join(FIXTURES, 'infra-no-backend')), await scanned(nodePath.join(FIXTURES, 'infra-complete'))]);
    assert.equal(check.status, 'verified');
    assert.deepEqual(
      check.verifiedIn.map((r) => r.name),
      ['infra-complete'],
    );
    assert.deepEqual(check.verifiedIn[0].evidence, [
      { id: 'terraform', path: 'main.tf' },
      { id: 'terraform-modules', path: 'main.tf' },
      { id: 'terraform-remote-state', path: 'main.tf' },
    ]);
    assert.equal(check.verifiedIn[0].authored, null, 'no git here: authorship unknown, not claimed');
  });

  it('names the one requirement still missing, and the repository closest to it', async () => {
    const check = checkProject(TERRAFORM, [await scanned(nodePath.join(FIXTURES, 'infra-no-backend'))]);
    assert.equal(check.status, 'open');
    assert.deepEqual(check.missing, { technologies: [], practices: ['terraform-remote-state'] });
    assert.equal(check.closest?.name, 'infra-no-backend');
  });

  it('lists every requirement when no repository shows any of them', async () => {
    const check = checkProject(byId('project-helm-chart-rbac-netpol'), [await scanned(nodePath.join(FIXTURES, 'infra-complete'))]);
    assert.equal(check.status, 'open');
    assert.equal(check.closest, undefined);
    assert.deepEqual(check.missing, { technologies: ['helm'], practices: ['helm-chart-authoring', 'k8s-rbac', 'k8s-network-policy'] });
  });

  it('is not verified when git says someone else wrote the evidence', async () => {
    const check = checkProject(TERRAFORM, [await committedBy('infra-complete', SOMEONE_ELSE)]);
    assert.equal(check.status, 'not-yours');
    assert.deepEqual(check.verifiedIn, []);
    assert.deepEqual(
      check.notYours.map((r) => r.name),
      ['infra-complete'],
    );
  });

  it('is verified, as yours, when you wrote the commits', async () => {
    const check = checkProject(TERRAFORM, [await committedBy('infra-complete', ME)]);
    assert.equal(check.status, 'verified');
    assert.equal(check.verifiedIn[0].authored, true);
  });
});

describe('project verification from the portfolio ledger', () => {
  const at = '2026-11-01T00:00:00.000Z';
  const record = (authored: RepositoryRecord['authored']): RepositoryRecord => ({
    identity: 'https://git.example.com/me/infra.git',
    root: '/home/me/src/infra',
    name: 'infra',
    firstSeen: at,
    scannedAt: at,
    technologies: [{ id: 'terraform', fileCount: 2, evidence: ['main.tf'], fixtureOnly: false, firstSeen: at, lastSeen: at }],
    practices: [
      { id: 'terraform-modules', evidence: ['main.tf'], firstSeen: at, lastSeen: at },
      { id: 'terraform-remote-state', evidence: ['backend.tf'], firstSeen: at, lastSeen: at },
    ],
    authored,
  });

  it('verifies a closed repository from its record, as yours when the ledger says you wrote the evidence', () => {
    const files = { 'main.tf': { yourCommits: 3, otherCommits: 1 }, 'backend.tf': { yourCommits: 1, otherCommits: 0 } };
    const check = checkProject(TERRAFORM, [repositoryFromRecord(record({ readAt: at, files }))]);
    assert.equal(check.status, 'verified');
    assert.deepEqual(check.verifiedIn[0], {
      root: '/home/me/src/infra',
      name: 'infra',
      authored: true,
      evidence: [
        { id: 'terraform', path: 'main.tf' },
        { id: 'terraform-modules', path: 'main.tf' },
        { id: 'terraform-remote-state', path: 'backend.tf' },
      ],
    });
  });

  it('does not count it where the ledger says others wrote a piece of the evidence, nor where git was never asked it claims authorship', () => {
    const files = { 'main.tf': { yourCommits: 3, otherCommits: 1 }, 'backend.tf': { yourCommits: 0, otherCommits: 4 } };
    assert.equal(checkProject(TERRAFORM, [repositoryFromRecord(record({ readAt: at, files }))]).status, 'not-yours');
    assert.equal(checkProject(TERRAFORM, [repositoryFromRecord(record(null))]).verifiedIn[0].authored, null);
  });
});

describe('project recommendations', () => {
  const none: RepositoryEvidence[] = [];

  it('picks the three projects that close the most open gaps, best first', () => {
    const gaps = new Set(['slo-error-budgets', 'monitoring-alerting', 'observability-stack', 'chaos-engineering-practice', 'incident-response', 'capacity-planning']);
    const picks = recommendProjects(
      projects.map((p) => checkProject(p, none)),
      gaps,
    );
    assert.equal(picks.length, 3);
    // Both close three gaps; the tie goes to the project with fewer requirements still missing.
    assert.equal(picks[0].check.project.id, 'project-chaos-experiment');
    assert.deepEqual(picks[0].closes, ['chaos-engineering-practice', 'slo-error-budgets', 'incident-response']);
    assert.equal(picks[1].check.project.id, 'project-slo-alerts-dashboards');
    assert.ok(picks.every((p, i) => i === 0 || p.closes.length <= picks[i - 1].closes.length));
  });

  it('leaves out verified projects and those that close nothing', async () => {
    const repo = await scanned(nodePath.join(FIXTURES, 'infra-complete'));
    const picks = recommendProjects(
      projects.map((p) => checkProject(p, [repo])),
      new Set(['terraform-proficiency', 'advanced-terraform']),
    );
    assert.ok(!picks.some((p) => p.check.project.id === 'project-terraform-module-remote-state'), 'already verified');
    assert.deepEqual(
      picks.map((p) => p.check.project.id),
      ['project-terraform-environments'],
    );
  });

  it('breaks a tie in favour of a project for the stage or role you are heading for', () => {
    const checks = projects.map((p) => checkProject(p, none));
    const gaps = new Set(['kubernetes-in-production']);
    assert.equal(recommendProjects(checks, gaps, { limit: 1 })[0].check.project.id, 'project-gitops-repository', 'fewest requirements missing');
    assert.equal(recommendProjects(checks, gaps, { heading: ['site-reliability-engineering'], limit: 1 })[0].check.project.id, 'project-k8s-autoscale-loadtest');
  });

  it('lists a stage’s and a specialisation’s projects', () => {
    assert.ok(projectsFor(projects, 'stage-junior').some((p) => p.id === 'project-container-build-scan'));
    assert.ok(projectsFor(projects, 'site-reliability-engineering').some((p) => p.id === 'project-slo-alerts-dashboards'));
  });
});
