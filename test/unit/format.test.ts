import { strict as assert } from 'node:assert';
import { byPreference, formatSalary, formatSalaryShort, formatYears } from '../../src/core/format';

describe('salary and year formatting', () => {
  it('formats ranges as the articles print them', () => {
    assert.equal(formatSalary({ currency: 'GBP', min: 40000, max: 55000, openEnded: false }), '£40,000 – £55,000');
    assert.equal(formatSalary({ currency: 'USD', min: 180000, max: 260000, openEnded: true }), '$180,000 – $260,000+');
    assert.equal(formatSalary({ currency: 'GBP', min: 170000, openEnded: true }), '£170,000+');
  });
  it('has a compact form for tree rows', () => {
    assert.equal(formatSalaryShort({ currency: 'GBP', min: 40000, max: 55000, openEnded: false }), '£40K–55K');
    assert.equal(formatSalaryShort({ currency: 'USD', min: 260000, openEnded: true }), '$260K+');
  });
  it('formats open and closed year ranges', () => {
    assert.equal(formatYears({ min: 0, max: 2, label: '0-2' }), '0–2 years');
    assert.equal(formatYears({ min: 8, label: '8+' }), '8+ years');
  });
  it('puts the preferred currency first', () => {
    const ranges = [
      { currency: 'GBP' as const, min: 1, openEnded: false },
      { currency: 'USD' as const, min: 2, openEnded: false },
    ];
    assert.equal(byPreference(ranges, 'USD')[0].currency, 'USD');
    assert.equal(byPreference(ranges, 'GBP')[0].currency, 'GBP');
  });
});
