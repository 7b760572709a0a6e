import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { EvidenceIndex } from '../../src/core/progress';
import { buildOverview, buildPage, chartSeries, type PageContext } from '../../src/core/pages';
import { salaryShown } from '../../src/core/format';
import type { Currency } from '../../src/core/model';
import type { NodePage } from '../../src/core/pageModel';

const index = readRoadmapFile('data/roadmap.json');
const ctx = (currency: Currency, position?: PageContext['position']): PageContext => ({ index, evidence: new EvidenceIndex([]), marks: {}, currency, position });
const chartOf = (id: string, currency: Currency) => (buildPage(ctx(currency), id) as NodePage).chart;

describe('salary chart series', () => {
  for (const branch of ['site-reliability-engineering', 'platform-engineering', 'cloud-security-devsecops']) {
    it(`${branch} in USD draws the trunk in dollars and the ladder in pounds, said so`, () => {
      const chart = chartOf(branch, 'USD')!;
      assert.deepEqual(
        chart.series.map((s) => [s.currency, s.points.length, s.note]),
        [
          ['USD', 3, undefined],
          ['GBP', 4, 'UK figures only'],
        ],
      );
      assert.ok(chart.series[1].label.endsWith('ladder'));
    });
  }

  it('in GBP the trunk and the ladder are one currency and carry no note', () => {
    const chart = chartOf('site-reliability-engineering', 'GBP')!;
    assert.deepEqual(
      chart.series.map((s) => [s.currency, s.points.length, s.note]),
      [
        ['GBP', 3, undefined],
        ['GBP', 4, undefined],
      ],
    );
  });

  it('a ladder level page has its ladder chart in USD too, in pounds, with itself marked', () => {
    const chart = chartOf('sre-staff', 'USD')!;
    assert.equal(chart.series.length, 1);
    const [ladder] = chart.series;
    assert.equal(ladder.currency, 'GBP');
    assert.equal(ladder.note, 'UK figures only');
    assert.deepEqual(
      ladder.points.filter((p) => p.current).map((p) => p.id),
      ['sre-staff'],
    );
  });

  it('tracks have both currencies, so USD is drawn in USD', () => {
    const chart = chartOf('track-ic', 'USD')!;
    assert.deepEqual(
      chart.series.map((s) => [s.currency, s.note, s.points.length]),
      [['USD', undefined, 4]],
    );
  });

  it('names the roles that have no figure in the series currency instead of dropping them', () => {
    const series = chartSeries('USD', 'Mixed', [
      { id: 'a', title: 'Only pounds', salary: [{ currency: 'GBP', min: 1, max: 2, openEnded: false }] },
      {
        id: 'b',
        title: 'Both',
        salary: [
          { currency: 'GBP', min: 3, max: 4, openEnded: false },
          { currency: 'USD', min: 5, max: 6, openEnded: false },
        ],
      },
      { id: 'c', title: 'None', salary: [] },
    ])!;
    assert.equal(series.currency, 'GBP', 'the currency most roles have');
    assert.deepEqual(
      series.points.map((p) => p.id),
      ['a', 'b'],
    );
    assert.deepEqual(series.missing, ['None']);
  });
});

describe('salary shown where a currency is asked for', () => {
  it('gives the preferred currency plainly, and the other one labelled when it is all there is', () => {
    const gbpOnly = [{ currency: 'GBP' as const, min: 70000, max: 90000, openEnded: false }];
    assert.deepEqual(salaryShown(gbpOnly, 'GBP'), { range: gbpOnly[0] });
    assert.deepEqual(salaryShown(gbpOnly, 'USD'), { range: gbpOnly[0], note: 'UK figures only' });
    assert.equal(salaryShown([], 'USD'), undefined);
  });
});

describe('overview page model', () => {
  it('marks the current stage and the path to a target ladder level through its branch', () => {
    const page = buildOverview(ctx('USD', { currentStage: 'stage-mid', targetRole: 'sre-staff' }));
    assert.equal(page.current, 'stage-mid');
    assert.deepEqual(page.target, { id: 'site-reliability-engineering', title: index.titleOf('sre-staff') });
    assert.deepEqual(page.path, ['stage-mid', 'stage-senior', 'site-reliability-engineering']);
  });

  it('without a current stage the path starts at the first stage; without a target there is none', () => {
    assert.deepEqual(buildOverview(ctx('GBP', { targetRole: 'track-management' })).path, ['stage-junior', 'stage-mid', 'stage-senior', 'track-management']);
    assert.deepEqual(buildOverview(ctx('GBP', { currentStage: 'stage-senior' })).path, []);
  });

  it('labels a box whose only figure is in another currency', () => {
    const devops = buildOverview(ctx('GBP')).nodes.find((n) => n.id === 'devops-engineer')!;
    assert.equal(devops.salaryNote, 'US figures only');
    assert.match(devops.salary!, /^\$/);
    const stage = buildOverview(ctx('GBP')).nodes.find((n) => n.id === 'stage-senior')!;
    assert.equal(stage.salaryNote, undefined);
    assert.equal(stage.years, '4–6 years');
  });
});
