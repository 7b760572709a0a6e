/**
 * Figures carry over exactly: this test parses the seed articles (tables, salary lines, ladder
 * arrows, benchmarks, lists of names) and checks that every figure is in data/roadmap.json with
 * the same value. Nothing here restates a number by hand; the seeds are the expected values.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Branch, Fact, LadderLevel, Roadmap, SalaryRange, Stage, Track } from '../../src/core/model';

const ROOT = join(__dirname, '..', '..');
const SEEDS_DIR = process.env.SEEDS_DIR ?? resolve(ROOT, '..', 'shared', 'seeds');
const data = JSON.parse(readFileSync(join(ROOT, 'data', 'roadmap.json'), 'utf8')) as Roadmap;

/** The seed text of the source whose file name starts with `prefix` ("001"). */
function seed(prefix: string): string {
  const src = data.sources.find((s) => s.file.startsWith(prefix + '_'));
  assert.ok(src, `no source ${prefix}`);
  return readFileSync(join(SEEDS_DIR, src.file), 'utf8');
}
const lines = (text: string) => text.split(/\r?\n/);
const num = (s: string) => Number(s.replace(/,/g, ''));
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

interface Money {
  currency: 'GBP' | 'USD';
  min: number;
  max?: number;
  openEnded: boolean;
}
/** "£40,000 £55,000" / "$220,000+" style pair as printed in 001 (the dash was lost in the seed). */
function pair(cell: string, currency: 'GBP' | 'USD'): Money {
  const sym = currency === 'GBP' ? '£' : '\\$';
  const m = new RegExp(`${sym}([\\d,]+)\\s+${sym}([\\d,]+)(\\+?)`).exec(cell);
  assert.ok(m, `cannot parse a ${currency} range in "${cell}"`);
  return { currency, min: num(m[1]), max: num(m[2]), openEnded: m[3] === '+' };
}
function sameRange(actual: SalaryRange | undefined, expected: Money, where: string) {
  assert.ok(actual, `${where}: no ${expected.currency} range`);
  assert.deepEqual({ currency: actual.currency, min: actual.min, max: actual.max, openEnded: actual.openEnded }, expected, where);
}
const inCurrency = (salary: SalaryRange[], c: 'GBP' | 'USD') => salary.find((s) => s.currency === c);
function yearsOf(label: string): { min: number; max?: number; label: string } {
  const m = /^(\d+)(?:[-–](\d+))?(\+)?$/.exec(label);
  assert.ok(m, `cannot parse years "${label}"`);
  return m[2] ? { min: Number(m[1]), max: Number(m[2]), label } : { min: Number(m[1]), label };
}

/** All strings in the data, for figures that live in prose (market notes, facts, advice). */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}
/** Money tokens ("£40,000", "$140K", "$2 billion") as [currency, value] keys. */
const MONEY = /([$£])(\d[\d,]*(?:\.\d+)?)(?:\s*(K|k)\b|\s+(billion)\b)?/g;
function moneyKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MONEY)) {
    let v = num(m[2]);
    if (m[3]) v *= 1000;
    if (m[4]) v *= 1e9;
    out.push(`${m[1] === '£' ? 'GBP' : 'USD'} ${v}`);
  }
  return out;
}

const BRANCH_OF_001_HEADING: { [heading: string]: string } = {
  'Site Reliability Engineering (SRE)': 'site-reliability-engineering',
  'Platform Engineering': 'platform-engineering',
  'AI/ML Infrastructure Engineering': 'ai-ml-infrastructure-mlops',
  'Cloud Security Engineering': 'cloud-security-devsecops',
};
const TRACK_TABLE_ORDER = ['track-ic', 'track-management', 'track-architecture'];

describe('seed figures carry over exactly', function () {
  before(function () {
    if (!existsSync(SEEDS_DIR)) this.skip();
  });

  const stage = (order: number) => data.stages.find((s) => s.order === order) as Stage;
  const branch = (id: string) => data.branches.find((b) => b.id === id) as Branch;
  const track = (id: string) => data.tracks.find((t) => t.id === id) as Track;

  it('each source title is printed in its article', () => {
    for (const s of data.sources) {
      const text = readFileSync(join(SEEDS_DIR, s.file), 'utf8');
      assert.ok(
        lines(text).some((l) => l.trim() === s.title),
        `"${s.title}" is not a line of ${s.file}`,
      );
    }
  });

  it('001 overview table: every stage title, year range, UK and US range and milestone', () => {
    const rows = lines(seed('001'))
      .map((l) => /^\| (\d) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    assert.equal(rows.length, 5);
    for (const [, order, title, years, uk, us, milestone] of rows) {
      const s = stage(Number(order));
      assert.ok(s, `stage ${order}`);
      assert.equal(s.title, title.trim());
      assert.deepEqual(s.years, yearsOf(years.trim()));
      assert.equal(s.milestone, milestone.trim());
      sameRange(inCurrency(s.salary, 'GBP'), pair(uk, 'GBP'), `${s.id} UK`);
      sameRange(inCurrency(s.salary, 'USD'), pair(us, 'USD'), `${s.id} US`);
    }
  });

  it('001 stage and branch "Salary:" lines match the records', () => {
    let current: { id: string; salary: SalaryRange[] } | undefined;
    let checked = 0;
    for (const line of lines(seed('001'))) {
      const st = /^Stage (\d): .*\(Years (\d+)-(\d+)\)$/.exec(line);
      if (st) {
        const s = stage(Number(st[1]));
        assert.deepEqual([s.years.min, s.years.max], [Number(st[2]), Number(st[3])], `${s.id} years`);
        current = s;
      }
      const br = /^Branch \d: (.+)$/.exec(line);
      if (br) {
        const id = BRANCH_OF_001_HEADING[br[1].trim()];
        assert.ok(id, `unmapped branch heading "${br[1]}"`);
        current = branch(id);
      }
      const sal = /^Salary: (.+) \(UK\) \/ (.+) \(US\)$/.exec(line);
      if (sal && current) {
        sameRange(inCurrency(current.salary, 'GBP'), pair(sal[1], 'GBP'), `${current.id} UK`);
        sameRange(inCurrency(current.salary, 'USD'), pair(sal[2], 'USD'), `${current.id} US`);
        checked++;
        current = undefined;
      }
    }
    assert.equal(checked, 3 + 4, 'three detailed stages and four branches');
  });

  it('001 ladder arrows: every level title and UK range, in order', () => {
    let current: Branch | undefined;
    let ladders = 0;
    for (const line of lines(seed('001'))) {
      const br = /^Branch \d: (.+)$/.exec(line);
      if (br) current = branch(BRANCH_OF_001_HEADING[br[1].trim()]);
      if (!line.includes('→') || !line.startsWith('- ') || !current) continue;
      const steps = line.slice(2).split(' → ');
      const ladder: LadderLevel[] = current.ladder;
      assert.equal(ladder.length, steps.length, `${current.id} ladder length`);
      steps.forEach((step, i) => {
        const m = /^(.+?) \(£(\d+)K-(\d+)K(\+?)\)$/.exec(step.trim());
        assert.ok(m, `cannot parse "${step}"`);
        assert.equal(ladder[i].title, m[1]);
        sameRange(inCurrency(ladder[i].salary, 'GBP'), { currency: 'GBP', min: num(m[2]) * 1000, max: num(m[3]) * 1000, openEnded: m[4] === '+' }, ladder[i].id);
      });
      ladders++;
      current = undefined;
    }
    assert.equal(ladders, 4);
  });

  it('001 IC, management and architecture tables: every level, both ranges and the scope', () => {
    const text = lines(seed('001'));
    let table = -1;
    let inTable = false;
    let rows = 0;
    for (const line of text) {
      if (line.startsWith('| Level | UK Salary | US Salary | Scope |')) {
        table++;
        inTable = true;
        continue;
      }
      if (!inTable) continue;
      if (!line.startsWith('|')) {
        inTable = false;
        continue;
      }
      if (line.startsWith('|---')) continue;
      const [title, uk, us, scope] = line
        .split('|')
        .slice(1, 5)
        .map((c) => c.trim());
      const t = track(TRACK_TABLE_ORDER[table]);
      const level = t.levels.find((l) => l.title === title);
      assert.ok(level, `${t.id} has no level "${title}"`);
      sameRange(inCurrency(level.salary, 'GBP'), pair(uk, 'GBP'), `${level.id} UK`);
      sameRange(inCurrency(level.salary, 'USD'), pair(us, 'USD'), `${level.id} US`);
      assert.equal(level.scope, scope);
      rows++;
    }
    assert.equal(table, 2);
    assert.equal(rows, 12);
    for (const id of TRACK_TABLE_ORDER) assert.equal(track(id).levels.length, 4);
  });

  it('001 timeline table: every transition with its typical and accelerated timeline', () => {
    const rows = lines(seed('001'))
      .map((l) => /^\| (\w+) → ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    assert.equal(rows.length, 4);
    const timeline = data.timelines.find((t) => t.transitions.length === rows.length);
    assert.ok(timeline);
    rows.forEach(([, from, to, typical, accelerated], i) => {
      const tr = timeline.transitions[i];
      assert.deepEqual([tr.from, tr.to, tr.typical, tr.accelerated], [from.trim(), to.trim(), typical.trim(), accelerated.trim()]);
      assert.ok(tr.accelerator && tr.accelerator.length > 10);
    });
  });

  it('003 experience benchmarks by level keep their year ranges', () => {
    const benchmarks = data.facts.filter((f) => f.topic === 'experience-benchmark');
    const found = lines(seed('003'))
      .map((l) => /^\s*•\s*([^(:]+) \((\d+(?:–\d+)?\+?) years\):/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    assert.equal(found.length, 3);
    for (const [, level, label] of found) {
      const fact = benchmarks.find((f: Fact) => f.years?.label === label);
      assert.ok(fact, `no benchmark for ${level} (${label})`);
      assert.deepEqual(fact.years, yearsOf(label));
    }
    const typical = /Typical experience\s*\n\s*(\S+) years/.exec(seed('003'));
    assert.ok(typical && benchmarks.some((f) => f.years?.label === typical[1]), 'typical experience span');
  });

  it('every money figure in the articles is in the data (as a range bound or in prose)', () => {
    const have = new Set<string>();
    const addRange = (s: SalaryRange) => {
      have.add(`${s.currency} ${s.min}`);
      if (s.max !== undefined) have.add(`${s.currency} ${s.max}`);
    };
    for (const s of data.stages) s.salary.forEach(addRange);
    for (const b of data.branches) {
      b.salary.forEach(addRange);
      for (const l of b.ladder) l.salary.forEach(addRange);
    }
    for (const t of data.tracks) for (const l of t.levels) l.salary.forEach(addRange);
    for (const f of data.facts) (f.salary ?? []).forEach(addRange);
    for (const text of allStrings(data)) for (const k of moneyKeys(text)) have.add(k);
    // Left out on purpose: the author's own biography in 002 ("a $500/month internship").
    const skip = new Set(['002 USD 500']);
    const missing: string[] = [];
    for (const prefix of ['000', '001', '002', '003', '004']) {
      for (const k of moneyKeys(seed(prefix))) if (!have.has(k) && !skip.has(`${prefix} ${k}`)) missing.push(`${prefix}: ${k}`);
    }
    assert.deepEqual(missing, []);
  });

  it('every percentage in the articles is in the data', () => {
    const text = allStrings(data).join('\n');
    // Left out on purpose: a vendor's "top 1%" pitch and an example CV bullet ("reduced deployment time by 40%") in 004.
    const skip = new Set(['004 1%', '004 40%']);
    const missing: string[] = [];
    for (const prefix of ['000', '001', '002', '003', '004']) {
      for (const m of seed(prefix).matchAll(/(\d+(?:\.\d+)?)%/g)) {
        const p = `${m[1]}%`;
        if (!skip.has(`${prefix} ${p}`) && !text.includes(p)) missing.push(`${prefix}: ${p}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('other figures quoted in prose carry over (counts, years, minutes, days)', () => {
    const text = allStrings(data).join('\n');
    const probes: [string, RegExp][] = [
      ['001', /fewer than (\w+) Principal Engineers in a company of (\d+) engineers/],
      ['001', /more than (\w+) years/],
      ['001', /Specialisation in years (\d+-\d+)/],
      ['001', /Two strategic moves in your first (\w+) years/],
      ['000', /every (\d+) days/],
      ['000', /errors by (\d+%)/],
      ['002', /valued at (\$\d+ billion) in (\d{4}) and is projected to reach (\$\d+ billion) by (\d{4})/],
      ['003', /from (\d+) minutes to (\d+) minutes/],
      ['003', /contraction in (\d{4}–\d{4})/],
      ['004', /(\d+%) between (\d{4}) and (\d{4}), with an estimated ([\d,]+) new positions/],
      ['004', /AWS holds the largest market share at (\d+%)/],
      ['004', /around (\$[\d,]+) in the first half of (\d{4})/],
    ];
    for (const [prefix, re] of probes) {
      const m = re.exec(seed(prefix));
      assert.ok(m, `${prefix}: probe ${re} no longer matches the article`);
      for (const figure of m.slice(1)) assert.ok(text.includes(figure), `${prefix}: "${figure}" (from ${re}) missing`);
    }
  });

  it('names carry over: certifications, DORA metrics and alternative job titles', () => {
    const certWords = data.certifications.map((c) => new Set(norm([c.title, ...(c.aliases ?? [])].join(' ')).split(' ')));
    const certNames: string[] = [];
    const s3 = lines(seed('003'));
    const start = s3.findIndex((l) => l.startsWith('Certifications that carry weight'));
    for (let i = start + 1; i < s3.length && (!s3[i].trim() || /^\s*•/.test(s3[i])); i++) {
      if (!s3[i].trim()) continue;
      const body = s3[i].replace(/^\s*•\s*/, '').replace(/ for roles .*$/, '');
      const parts = body.split(' or ');
      for (const part of parts) certNames.push(part.includes(' ') ? part : `${parts[0].split(' ').slice(0, -1).join(' ')} ${part}`);
    }
    const s4 = lines(seed('004'));
    const k = s4.findIndex((l) => l.startsWith('Key Certifications to Consider'));
    for (let i = k + 1; i < s4.length && !s4[i].startsWith('Career Benefits'); i++) {
      if (/^\s*•/.test(s4[i])) certNames.push(s4[i].replace(/^\s*•\s*/, ''));
    }
    assert.ok(certNames.length >= 12, `parsed ${certNames.length} certification names`);
    for (const name of certNames) {
      const want = norm(name).split(' ');
      assert.ok(
        certWords.some((w) => want.every((x) => w.has(x))),
        `certification "${name}" missing`,
      );
    }

    const dora = s4.filter((l) => /^\s*\d\. [^:]+:/.test(l) && s4.indexOf(l) > s4.findIndex((x) => x.startsWith('Understanding DORA')));
    const doraNames = dora.slice(0, 4).map((l) => /^\s*\d\. ([^:]+):/.exec(l)?.[1] as string);
    assert.equal(doraNames.length, 4);
    const doraFacts = data.facts.filter((f) => f.topic === 'dora-metric').map((f) => f.title);
    for (const n of doraNames) assert.ok(doraFacts.includes(n), `DORA metric "${n}" missing`);

    const t = s4.findIndex((l) => l.startsWith('Alternative Job Titles'));
    const titles: string[] = [];
    for (let i = t + 1; i < s4.length && !s4[i].startsWith('Related Team Roles'); i++) {
      if (/^\s*•/.test(s4[i])) titles.push(s4[i].replace(/^\s*•\s*/, '').trim());
    }
    assert.equal(titles.length, 5);
    const jobFacts = data.facts.filter((f) => f.topic === 'job-title').map((f) => f.title);
    for (const n of titles) assert.ok(jobFacts.includes(n), `job title "${n}" missing`);
  });

  it('000 names six paths and each one is a branch', () => {
    const paths = lines(seed('000'))
      .map((l) => /^Path \d: (.+?) - /.exec(l)?.[1])
      .filter((x): x is string => !!x);
    assert.equal(paths.length, 6);
    const names = data.branches.map((b) => norm([b.title, ...(b.aliases ?? [])].join(' | ')));
    for (const p of paths) {
      const want = norm(p.replace(/\(.*\)/, ''));
      assert.ok(
        names.some((n) => n.includes(want)),
        `000 path "${p}" has no branch`,
      );
    }
  });
});
