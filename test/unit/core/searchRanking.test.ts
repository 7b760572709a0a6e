import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRoadmap } from '../../../src/core/roadmap';
import { createSearch } from '../../../src/core/search';
import { RECENT_LIMIT, emptyQuerySuggestions, rememberRecent } from '../../../src/core/searchSuggestions';

const index = loadRoadmap(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'roadmap.json'), 'utf8')));
const search = createSearch(index);
const ids = (query: string, limit = 8) => search.search(query, { limit }).map((h) => h.id);

describe('search: a role named exactly comes first, its levels next', () => {
  it('"sre" → the SRE specialisation, then its ladder levels in ladder order, and nothing else between', () => {
    const ladder = index.roadmap.branches.find((b) => b.id === 'site-reliability-engineering')!.ladder.map((l) => l.id);
    assert.deepEqual(ids('sre', 1 + ladder.length), ['site-reliability-engineering', ...ladder]);
  });

  it('"sre": the role scores strictly above its "SRE" level (no tie left to the kind order), pre-commit far below', () => {
    const hits = search.search('sre', { limit: 40 });
    const score = (id: string) => hits.find((h) => h.id === id)?.score ?? -1;
    assert.ok(score('site-reliability-engineering') > score('sre-entry'), `${score('site-reliability-engineering')} > ${score('sre-entry')}`);
    const preCommit = hits.findIndex((h) => h.id === 'pre-commit');
    assert.ok(preCommit === -1 || preCommit > hits.findIndex((h) => h.id === 'sre-head'), 'pre-commit is not among the SRE rows');
  });

  it('the same holds for other acronyms and aliases of roles: "mlops", "platform", "ic"', () => {
    assert.equal(ids('mlops')[0], 'ai-ml-infrastructure-mlops');
    assert.deepEqual(ids('mlops', 5).slice(1), ['mlops-entry', 'mlops-senior', 'mlops-staff', 'mlops-head']);
    assert.equal(ids('platform')[0], 'platform-engineering');
    assert.equal(ids('ic')[0], 'track-ic');
    assert.ok(
      ids('ic', 5)
        .slice(1)
        .every((id) => id.startsWith('ic-')),
      ids('ic', 5).join(', '),
    );
  });

  it('"k8s" → Kubernetes first; "pre-commit" → the pre-commit tool first; a level asked for by name still wins', () => {
    assert.equal(ids('k8s')[0], 'kubernetes');
    assert.equal(ids('pre-commit')[0], 'pre-commit');
    assert.equal(ids('senior sre')[0], 'sre-senior');
  });

  it('nothing typed: no hits from the ranking (the suggestions take over)', () => {
    assert.deepEqual(search.search(''), []);
  });
});

describe('search with nothing typed: your position and recent picks', () => {
  it('offers the current stage and the target, then recent picks without repeating them', () => {
    const groups = emptyQuerySuggestions(search, { currentStage: 'stage-mid', targetRole: 'site-reliability-engineering' }, ['terraform', 'stage-mid', 'gone-id', 'cka']);
    assert.deepEqual(
      groups.map((g) => [g.label, g.items.map((i) => `${i.hit.id}:${i.reason}`)]),
      [
        ['Your position', ['stage-mid:your current stage', 'site-reliability-engineering:your target']],
        ['Recent', ['terraform:recent', 'cka:recent']],
      ],
    );
    assert.equal(groups[0].items[0].hit.title, index.titleOf('stage-mid'));
  });

  it('says so once when the target is the current stage, and shows nothing without a position or history', () => {
    assert.deepEqual(
      emptyQuerySuggestions(search, { currentStage: 'stage-mid', targetRole: 'stage-mid' }, []).map((g) => g.items.map((i) => i.reason)),
      [['your current stage and target']],
    );
    assert.deepEqual(emptyQuerySuggestions(search, {}, []), []);
  });

  it('keeps recent picks newest first, once each, and at most a few', () => {
    assert.deepEqual(rememberRecent(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
    assert.deepEqual(rememberRecent([7, null, 'a'], 'z'), ['z', 'a'], 'junk in the stored list is dropped');
    const long = Array.from({ length: 20 }, (_, i) => `id-${i}`);
    assert.equal(rememberRecent(long, 'new').length, RECENT_LIMIT);
  });
});
