/**
 * The Settings editor as people see it. VS Code labels a setting by its key with the group's id
 * trimmed off the front ("devopsRoadmap.scan.exclude" in the group "devopsRoadmap.scan" reads
 * "Exclude" under "Workspace Scan"); in a group without an id it prints the key's prefix in words,
 * "Devops Roadmap › Scan: Exclude", the spelling the issue saw. So every group has an id that
 * starts each of its keys.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const text = (value: string) => (/^%.+%$/.test(value) ? nls[value.slice(1, -1)] : value);

interface Group {
  id?: string;
  title: string;
  properties: Record<string, unknown>;
}

describe('settings in the Settings editor', () => {
  const groups: Group[] = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];

  it('are titled "DevOps Roadmap", as the extension is named', () => {
    assert.equal(text(groups[0].title), 'DevOps Roadmap');
    assert.equal(text(manifest.displayName), 'DevOps Roadmap');
  });

  it('sit in groups whose id starts every key, so no label reads "Devops Roadmap ›"', () => {
    for (const group of groups) {
      assert.ok(group.id, `the group "${text(group.title)}" has no id`);
      for (const key of Object.keys(group.properties)) assert.ok(key === group.id || key.startsWith(`${group.id}.`), `${key} is not under ${group.id}`);
    }
    assert.equal(new Set(groups.map((g) => g.id)).size, groups.length, 'ids are unique (the editor keys its table of contents by them)');
  });
});
