/**
 * Facts and figures come from the seed articles; sentences must not. This test fails when any
 * string in the data shares 12 consecutive words with a seed article (case and punctuation
 * normalised), so every description stays in our own words.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DATA_PATH = join(ROOT, 'data', 'roadmap.json');
/** The seed articles live beside the checkout (`../shared/seeds`); SEEDS_DIR overrides. */
const SEEDS_DIR = process.env.SEEDS_DIR ?? resolve(ROOT, '..', 'shared', 'seeds');
const N = 12;

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Every string value in a JSON tree with its path, skipping source file names. */
function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'file' && k !== '$schema') strings(v, `${path}.${k}`, out);
  }
}

function ngrams(ws: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

describe('seed copy check (no 12-word overlap with the articles)', function () {
  const haveSeeds = existsSync(SEEDS_DIR);
  let seedGrams: Map<string, string>;

  before(function () {
    if (!haveSeeds) this.skip();
    seedGrams = new Map();
    for (const file of readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      for (const g of ngrams(words(readFileSync(join(SEEDS_DIR, file), 'utf8')), N)) if (!seedGrams.has(g)) seedGrams.set(g, file);
    }
  });

  it('finds the five seed articles', () => {
    assert.equal(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).length, 5);
    assert.ok(seedGrams.size > 10000);
  });

  it('catches a copied sentence (self-check of the detector)', () => {
    const copied = 'The moment you push a change that affects a live system and it works that is when DevOps becomes real.';
    assert.ok(ngrams(words(copied), N).some((g) => seedGrams.has(g)));
    const ours = 'Your first real release to production users is the milestone of this stage.';
    assert.ok(!ngrams(words(ours), N).some((g) => seedGrams.has(g)));
  });

  it('no string in data/roadmap.json shares 12 consecutive words with a seed article', () => {
    const all: { path: string; text: string }[] = [];
    strings(JSON.parse(readFileSync(DATA_PATH, 'utf8')), '$', all);
    const offenders: string[] = [];
    for (const { path, text } of all) {
      for (const g of ngrams(words(text), N)) {
        const file = seedGrams.get(g);
        if (file) {
          offenders.push(`${path} shares "${g}" with ${file}`);
          break;
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
