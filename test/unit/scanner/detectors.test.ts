import * as assert from 'node:assert/strict';
import { PRACTICE_IDS, TECHNOLOGY_IDS } from '../../../src/scanner/ids';
import { PRACTICE_CASES, TECH_CASES } from './cases';
import { cleanTrees, scanTree } from './helpers';

describe('scanner detectors: one positive and one negative per id', () => {
  after(cleanTrees);

  it('covers every technology id and every practice id of the spec', () => {
    assert.deepEqual(TECH_CASES.map((c) => c.id).sort(), [...TECHNOLOGY_IDS].sort());
    assert.deepEqual(PRACTICE_CASES.map((c) => c.id).sort(), [...PRACTICE_IDS].sort());
  });

  for (const c of TECH_CASES) {
    it(`technology ${c.id}`, async () => {
      const pos = await scanTree(c.pos);
      const found = pos.technologies.find((t) => t.id === c.id);
      assert.ok(found, `${c.id} not found in ${JSON.stringify(pos.technologies.map((t) => t.id))}`);
      assert.ok(found.evidence.length > 0 && found.fileCount >= found.evidence.length);
      assert.equal(found.fixtureOnly, false);
      const neg = await scanTree(c.neg);
      assert.equal(
        neg.technologies.find((t) => t.id === c.id),
        undefined,
        `${c.id} wrongly found: ${JSON.stringify(neg.technologies)}`,
      );
    });
  }

  for (const c of PRACTICE_CASES) {
    it(`practice ${c.id}`, async () => {
      const pos = await scanTree(c.pos);
      assert.ok(
        pos.practices.some((p) => p.id === c.id),
        `${c.id} not found in ${JSON.stringify(pos.practices.map((p) => p.id))}`,
      );
      const neg = await scanTree(c.neg);
      assert.equal(
        neg.practices.find((p) => p.id === c.id),
        undefined,
        `${c.id} wrongly found: ${JSON.stringify(neg.practices)}`,
      );
    });
  }
});
