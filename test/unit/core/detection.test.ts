import { strict as assert } from 'node:assert';
import { TITLED_PRACTICES, practiceTitle } from '../../../src/core/detection';
import { PRACTICE_IDS } from '../../../src/scanner/ids';
import { EvidenceIndex } from '../../../src/core/progress';
import type { ScanResult } from '../../../src/scanner/types';

describe('the detection spec as the core sees it', () => {
  it('names every practice id of the spec, and nothing else', () => {
    assert.deepEqual([...TITLED_PRACTICES].sort(), [...PRACTICE_IDS].sort());
    for (const id of PRACTICE_IDS) assert.ok(practiceTitle(id), id);
  });

  it('has no title for other ids, including names an object inherits', () => {
    for (const id of ['terraform', 'constructor', 'toString', '__proto__', '']) assert.equal(practiceTitle(id), undefined, id);
  });

  it('reads a scanner ScanResult as it is (the shell hands one to the other without converting it)', () => {
    const result: ScanResult = {
      root: '/r',
      filesSeen: 1,
      filesRead: 1,
      bytesRead: 1,
      durationMs: 1,
      truncated: false,
      skipped: [],
      technologies: [{ id: 'terraform', evidence: ['main.tf'], fileCount: 1, fixtureOnly: false }],
      practices: [{ id: 'terraform-modules', evidence: ['modules/net/main.tf'] }],
    };
    const index = new EvidenceIndex([{ folder: 'app', result }]);
    assert.ok(index.has('terraform') && index.has('terraform-modules'));
    assert.ok(index.hasFile('app', 'modules/net/main.tf'));
  });
});
