import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { RoadmapIndex } from '../../src/core/roadmap';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { createSearch, editDistance, normalize, type Search, type SearchKind } from '../../src/core/search';

const DATA_PATH = join(__dirname, '..', '..', 'data', 'roadmap.json');

/** [query, expected top hit id, why] */
const TOP_HITS: [string, string, string][] = [
  // exact names
  ['terraform', 'terraform', 'tool title'],
  ['Kubernetes', 'kubernetes', 'tool title, any case'],
  ['platform engineering', 'platform-engineering', 'branch title'],
  ['Senior SRE', 'sre-senior', 'ladder level'],
  ['staff engineer', 'ic-staff-engineer', 'IC level'],
  ['CTO', 'mgmt-cto', 'management level'],
  ['head of platform', 'platform-head', 'ladder level'],
  ['cloud architect', 'arch-cloud-architect', 'architecture level'],
  ['junior', 'stage-junior', 'stage alias'],
  ['Staff / Principal / Architect', 'stage-staff-principal-architect', 'stage title with punctuation'],
  ['prometheus', 'prometheus', 'tool'],
  ['argo cd', 'argocd', 'tool title with a space'],
  // synonyms and aliases
  ['k8s', 'kubernetes', 'synonym'],
  ['tf', 'terraform', 'synonym'],
  ['gha', 'github-actions', 'synonym'],
  ['sre', 'site-reliability-engineering', 'the branch wins over the "SRE" ladder level'],
  ['mlops', 'ai-ml-infrastructure-mlops', 'branch alias'],
  ['devsecops', 'cloud-security-devsecops', 'branch alias'],
  ['cka', 'cka', 'certification alias'],
  ['ckad', 'ckad', 'certification alias'],
  ['finops', 'cost-optimisation', 'skill alias'],
  ['dora', 'delivery-metrics', 'skill alias'],
  ['argocd', 'argocd', 'tool id'],
  ['otel', 'opentelemetry', 'tool alias'],
  ['post-mortem', 'incident-response', 'skill alias with a hyphen'],
  // typos
  ['terrafrom', 'terraform', 'transposition'],
  ['kubernets', 'kubernetes', 'missing letter'],
  ['promethues', 'prometheus', 'transposition'],
  ['github actoins', 'github-actions', 'typo in the second word'],
  ['platfrom engineering', 'platform-engineering', 'typo in a multi-word query'],
  ['obervability', 'observability-stack', 'missing letter in a long word'],
  // prefixes, word prefixes, multi-word
  ['site rel', 'site-reliability-engineering', 'prefix'],
  ['golden path', 'golden-paths', 'prefix of a skill'],
  ['k8s rbac', 'kubernetes-in-production', 'synonym plus a descriptive word'],
  ['helm chart', 'helm-charts', 'both words must match'],
  ['chaos', 'chaos-engineering-practice', 'the skill before the tool'],
  ['security scanning', 'security-scanning-ci', 'prefix'],
  ['principal engineer', 'ic-principal-engineer', 'exact level'],
  // diacritics
  ['Têrraform', 'terraform', 'diacritics are ignored'],
  ['kubérnetes', 'kubernetes', 'diacritics are ignored'],
];

describe('search', () => {
  let index: RoadmapIndex;
  let s: Search;
  before(() => {
    index = readRoadmapFile(DATA_PATH);
    s = createSearch(index);
  });

  for (const [query, expected, why] of TOP_HITS) {
    it(`"${query}" → ${expected} (${why})`, () => {
      const hits = s.search(query, { limit: 5 });
      assert.ok(hits.length > 0, 'no hits');
      assert.equal(hits[0].id, expected, `got ${hits.map((h) => `${h.id}:${h.score}`).join(', ')}`);
    });
  }

  it('ranks exact > prefix > word-prefix > substring > fuzzy', () => {
    const score = (q: string, id: string) => s.search(q, { limit: 500 }).find((h) => h.id === id)?.score ?? -1;
    const exact = score('terraform', 'terraform');
    const prefix = score('terraform', 'terraform-proficiency');
    const wordPrefix = score('rel eng', 'site-reliability-engineering');
    const substring = score('raform', 'terraform');
    const fuzzy = score('terrafrom', 'terraform');
    assert.ok(exact > prefix, `${exact} > ${prefix}`);
    assert.ok(prefix > wordPrefix, `${prefix} > ${wordPrefix}`);
    assert.ok(wordPrefix > substring, `${wordPrefix} > ${substring}`);
    assert.ok(substring > fuzzy && fuzzy > 0, `${substring} > ${fuzzy} > 0`);
  });

  it('requires every word of a multi-word query to match', () => {
    assert.deepEqual(s.search('terraform zzzzqqq'), []);
    const hits = s.search('senior platform');
    assert.equal(hits[0].id, 'platform-senior');
    for (const h of hits) assert.ok(normalize(`${h.title} ${h.detail}`).length > 0);
  });

  it('is case and diacritic insensitive', () => {
    const a = s.search('GITHUB ACTIONS').map((h) => h.id);
    const b = s.search('github actions').map((h) => h.id);
    const c = s.search('gïthüb áctions').map((h) => h.id);
    assert.deepEqual(a, b);
    assert.deepEqual(b, c);
  });

  it('covers every searchable kind and filters by kind', () => {
    const kinds: SearchKind[] = ['stage', 'branch', 'level', 'track', 'skill', 'tool', 'certification'];
    for (const kind of kinds) {
      const hits = s.search('e', { limit: 1000, kinds: [kind] });
      assert.ok(hits.length > 0, `no ${kind} found`);
      for (const h of hits) assert.equal(h.kind, kind);
    }
    assert.equal(s.search('terraform', { kinds: ['skill'] })[0].id, 'terraform-proficiency');
    assert.equal(s.search('kubernetes', { kinds: ['certification'] })[0].id, 'cka');
    assert.equal(s.search('individual contributor')[0].id, 'track-ic');
  });

  it('respects the limit, ignores blank queries and returns details', () => {
    assert.equal(s.search('engineer', { limit: 3 }).length, 3);
    assert.deepEqual(s.search(''), []);
    assert.deepEqual(s.search('   ---  '), []);
    assert.deepEqual(s.search('terraform', { limit: 0 }), []);
    const junior = s.search('junior devops engineer')[0];
    assert.equal(junior.id, 'stage-junior');
    assert.match(junior.detail, /^Stage 1 · 0-2 years · £40,000 – £55,000$/);
    const level = s.search('senior sre')[0];
    assert.match(level.detail, /Site Reliability Engineering \(SRE\) · £90,000 – £110,000/);
  });

  it('is deterministic: equal scores break on kind, title length, then id', () => {
    const first = s.search('engineer', { limit: 100 });
    const again = createSearch(index).search('engineer', { limit: 100 });
    assert.deepEqual(first, again);
    const rank: { [k: string]: number } = { branch: 0, stage: 1, track: 2, tool: 3, skill: 4, certification: 5, level: 6 };
    for (let i = 1; i < first.length; i++) {
      const a = first[i - 1];
      const b = first[i];
      assert.ok(a.score >= b.score);
      if (a.score === b.score) {
        const key = (h: typeof a) => [rank[h.kind], h.title.length, h.id] as const;
        const ka = key(a);
        const kb = key(b);
        assert.ok(ka[0] < kb[0] || (ka[0] === kb[0] && (ka[1] < kb[1] || (ka[1] === kb[1] && ka[2] < kb[2]))), `${a.id} before ${b.id}`);
      }
    }
  });

  it('measures Damerau-Levenshtein distance with a cap', () => {
    assert.equal(editDistance('terrafrom', 'terraform', 2), 1);
    assert.equal(editDistance('kubernets', 'kubernetes', 2), 1);
    assert.equal(editDistance('abc', 'abc', 1), 0);
    assert.equal(editDistance('abc', 'xyz', 1), 2, 'capped at max + 1');
    assert.equal(editDistance('a', 'abcd', 1), 2, 'length gap beyond max');
    assert.equal(normalize('  Ça  CI/CD — Têst! '), 'ca ci cd test');
  });
});
