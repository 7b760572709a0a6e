/**
 * The manifest is ready for translation: every string VS Code shows from package.json (names,
 * titles, welcome texts, setting descriptions, the walkthrough) is a `%key%` that package.nls.json
 * defines, so a `package.nls.<locale>.json` translates all of it. A title left as plain English
 * fails here.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

/** Fields whose strings VS Code shows to people. */
const SHOWN = new Set([
  'title',
  'name',
  'contextualTitle',
  'contents',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'label',
  'shortTitle',
  'category',
  'deprecationMessage',
  'markdownDeprecationMessage',
]);

/** Every shown string of the manifest, with where it is. */
function shownStrings(): { where: string; value: string }[] {
  const found: { where: string; value: string }[] = [];
  const walk = (value: unknown, where: string, field: string) => {
    if (typeof value === 'string') {
      if (SHOWN.has(field)) found.push({ where, value });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}[${i}]`, field));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${where}.${key}`, key);
  };
  walk(manifest.contributes, 'contributes', '');
  walk(manifest.capabilities, 'capabilities', '');
  found.push({ where: 'displayName', value: manifest.displayName }, { where: 'description', value: manifest.description });
  return found;
}

describe('manifest localisation (package.nls.json)', () => {
  it('every string shown from package.json is a %key%', () => {
    const plain = shownStrings().filter(({ value }) => !/^%[^%]+%$/.test(value));
    assert.deepEqual(
      plain.map(({ where, value }) => `${where}: ${value}`),
      [],
      'put each text in package.nls.json under a key and write "%key%" in package.json',
    );
  });

  it('every %key% has its English text in package.nls.json, and every text there is used', () => {
    const keys = shownStrings().map(({ value }) => value.slice(1, -1));
    assert.deepEqual(
      keys.filter((key) => typeof nls[key] !== 'string' || nls[key].length === 0),
      [],
      'keys without a text',
    );
    assert.deepEqual(
      Object.keys(nls).filter((key) => !keys.includes(key)),
      [],
      'texts nothing uses',
    );
  });
});
