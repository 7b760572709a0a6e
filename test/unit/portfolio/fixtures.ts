/**
 * The portfolio the tests judge pages and words against: one repository, "infra", where you wrote
 * the Terraform with modules (main.tf, 6 commits from April 2023 to June 2025) and a colleague wrote
 * the Dockerfile. `more` adds findings (a fixture-only technology, say).
 */
import { recordScan, type RepositoryRecord } from '../../../src/core/portfolio/ledger';
import type { ScanFindings } from '../../../src/core/detection';

export const PORTFOLIO_NOW = new Date('2026-11-30T12:00:00Z');

export function infraRecord(more: ScanFindings['technologies'] = [], at = PORTFOLIO_NOW): RepositoryRecord {
  return recordScan(undefined, {
    identity: 'git@example.com:me/infra.git',
    root: '/src/infra',
    name: 'infra',
    findings: {
      technologies: [
        { id: 'terraform', evidence: ['main.tf'], fileCount: 4, fixtureOnly: false },
        { id: 'docker', evidence: ['Dockerfile'], fileCount: 1, fixtureOnly: false },
        ...more,
      ],
      practices: [{ id: 'terraform-modules', evidence: ['main.tf'] }],
    },
    authored: {
      email: 'me@example.com',
      files: {
        'main.tf': { yourCommits: 6, totalCommits: 6, firstYours: '2023-04-02T00:00:00Z', lastYours: '2025-06-01T00:00:00Z' },
        Dockerfile: { yourCommits: 0, totalCommits: 3 },
      },
    },
    at,
  });
}
