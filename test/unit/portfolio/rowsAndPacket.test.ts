import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadRoadmap } from '../../../src/core/roadmap';
import { recordScan, type RepositoryRecord } from '../../../src/core/portfolio/ledger';
import { findingRows, repositoryRow } from '../../../src/core/portfolio/rows';
import { PortfolioLevels } from '../../../src/core/portfolio/levels';
import { promotionPacket } from '../../../src/core/portfolio/packet';
import { evidenceTitle } from '../../../src/core/portfolio/profile';
import { EvidenceIndex } from '../../../src/core/progress';

const index = loadRoadmap(JSON.parse(readFileSync('data/roadmap.json', 'utf8')));
const titleOf = (id: string) => evidenceTitle(index, id);
const NOW = new Date('2026-11-30T12:00:00Z');

function infra(at: Date, techs: string[], practices: string[] = [], mine = 4): RepositoryRecord {
  const files = Object.fromEntries(
    [...techs, ...practices].map((id) => [`${id}.tf`, { yourCommits: mine, totalCommits: mine + 1, firstYours: '2025-02-01T00:00:00Z', lastYours: '2026-03-01T00:00:00Z' }]),
  );
  return recordScan(undefined, {
    identity: 'git@github.com:me/infra.git',
    root: '/home/me/src/infra',
    name: 'infra',
    findings: {
      technologies: techs.map((id) => ({ id, evidence: [`${id}.tf`], fileCount: 2, fixtureOnly: false })),
      practices: practices.map((id) => ({ id, evidence: [`${id}.tf`] })),
    },
    authored: { email: 'me@example.com', files },
    at,
  });
}

describe('My Portfolio rows', () => {
  it('says "not on disk" for a repository that left the disk, and keeps what it showed', () => {
    const record = infra(NOW, ['terraform', 'helm', 'docker', 'kubernetes']);
    const row = repositoryRow(record, { onDisk: false, open: false }, titleOf);
    assert.equal(row.description, 'not on disk · 16 of your commits · Docker, Helm +2');
    assert.match(row.tooltip, /Not on disk: its evidence is kept until you forget it\./);
    assert.equal(repositoryRow(record, { onDisk: true, open: true }, titleOf).description, 'open · 16 of your commits · Docker, Helm +2');
  });

  it('lists what a repository no longer shows with when it was last seen', () => {
    const first = infra(new Date('2026-01-05T00:00:00Z'), ['terraform', 'docker']);
    const later = recordScan(first, {
      ...first,
      findings: { technologies: [{ id: 'terraform', evidence: ['main.tf'], fileCount: 3, fixtureOnly: false }], practices: [] },
      authored: null,
      at: NOW,
    });
    assert.deepEqual(
      findingRows(later, titleOf).map((r) => [r.label, r.description]),
      [
        ['Docker', 'no longer found, last seen January 2026'],
        ['Terraform', '3 files'],
      ],
    );
  });
});

describe('the promotion packet', () => {
  const records = [infra(NOW, ['terraform', 'docker'], ['terraform-modules', 'docker-multi-stage'])];
  const marks = { 'linux-fundamentals': { mark: 'done' as const } };
  const levels = new PortfolioLevels(records, marks, { now: NOW });
  const markdown = promotionPacket({ index, levels, evidence: new EvidenceIndex([], levels), marks, position: { currentStage: 'stage-junior' }, repositories: 1, now: NOW });

  it('has the milestone, the signs, the skills and the gaps, in that order', () => {
    assert.deepEqual(
      markdown.split('\n').filter((l) => /^#{1,3} /.test(l)),
      [
        '# Promotion packet: Junior DevOps Engineer → DevOps Engineer (Mid)',
        '## Milestone: Independent ownership of systems',
        '## Signs you are ready for DevOps Engineer (Mid)',
        ...index.stages[0].readiness.map((s) => `### ${s}`),
        '## Skills',
        '## Gaps still open',
      ],
    );
  });

  it('backs a sign with dated evidence from your repositories, and says so where files cannot', () => {
    const ship = markdown.split('### ')[1];
    assert.match(
      ship,
      /^You can ship a complete application stack without help\.\n\n- \*\*Production Docker\*\* \(practiced\): Practiced: Multi-stage Docker builds in 1 repository, 8 of your commits, last in March 2026\.\n {2}- infra: docker\.tf \(your commits February 2025 – March 2026\)\n {2}- infra: docker-multi-stage\.tf \(your commits February 2025 – March 2026\)/,
    );
    // Systems in your hands: monitoring and reliability would speak for it; these files show neither.
    const systems = markdown.split('### ').find((s) => s.startsWith('Seniors are happy'))!;
    assert.match(systems, /^[^\n]+\n\n_No repository shows this: tell it with an example in your own words\._\n/);
    const views = markdown.split('### ').find((s) => s.startsWith('You hold views'))!;
    assert.match(views, /Terraform proficiency/);
  });

  it('labels a done mark without files as a claim in the skills table, and lists open gaps', () => {
    assert.match(markdown, /\| Linux in depth \| practiced, your claim \| Practiced \(your claim\): you marked it done; no repository shows it yet\. \|/);
    assert.match(markdown, /## Gaps still open\n\n- \*\*/);
  });
});
