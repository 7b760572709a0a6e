import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRoadmap } from '../../../src/core/roadmap';
import {
  detectedName,
  detectedViewDescription,
  evidenceRowText,
  excludeGlobForFolder,
  fileCountText,
  matchesDetectedFilter,
  sortDetected,
  withExcludedFolder,
} from '../../../src/core/detectedView';
import { PRACTICE_IDS, TECHNOLOGY_IDS } from '../../../src/scanner/ids';
import { practiceTitle } from '../../../src/core/detection';
import picomatch from 'picomatch';

const index = loadRoadmap(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'roadmap.json'), 'utf8')));
const titleOf = (id: string) => index.titleOf(id);

describe('the Detected view: names, evidence rows, exclude, sort and filter', () => {
  it('names ids the way people read them', () => {
    assert.equal(detectedName('github-actions', titleOf), 'GitHub Actions');
    assert.equal(detectedName('ci-matrix', titleOf), 'CI build matrix');
    assert.equal(detectedName('k8s-rbac', titleOf), 'Kubernetes RBAC');
    assert.equal(detectedName('some-new-tool', titleOf), 'Some new tool', 'an id nobody named yet still reads as words');
  });

  it('takes every technology and practice name of the spec from the data, not from the id', () => {
    for (const id of [...TECHNOLOGY_IDS, ...PRACTICE_IDS]) {
      const named = titleOf(id) ?? practiceTitle(id);
      assert.ok(named, `${id} has no name in the roadmap data or the practice table`);
      assert.equal(detectedName(id, titleOf), named);
    }
  });

  it('labels an evidence row with the file name and describes it with its folder', () => {
    assert.deepEqual(evidenceRowText('infra/modules/net/main.tf'), { label: 'main.tf', description: 'infra/modules/net' });
    assert.deepEqual(evidenceRowText('Dockerfile'), { label: 'Dockerfile', description: '' });
    assert.deepEqual(evidenceRowText('.github/workflows/ci.yml', 'api'), { label: 'ci.yml', description: 'api • .github/workflows' });
    assert.deepEqual(evidenceRowText('Dockerfile', 'api'), { label: 'Dockerfile', description: 'api' });
  });

  it('excludes a folder and everything below it, and only that folder, names with glob characters included', () => {
    for (const folder of ['infra', 'deploy/charts', '[draft] {old}', 'a*b?c', 'x!y(z)+@q']) {
      const glob = excludeGlobForFolder(folder);
      const matches = picomatch(glob, { dot: true });
      assert.ok(matches(`${folder}/main.tf`), `${glob} matches a file in ${folder}`);
      assert.ok(matches(`${folder}/deep/down/main.tf`), `${glob} matches a nested file`);
      assert.ok(!matches(`${folder}x/main.tf`), `${glob} leaves a sibling folder alone`);
      assert.ok(!matches('main.tf'), `${glob} leaves the root alone`);
    }
    assert.ok(!picomatch(excludeGlobForFolder('a*b'), { dot: true })('axxb/main.tf'), 'a star in a name is not a wildcard');
  });

  it("adds the folder's pattern once and keeps the user's own patterns", () => {
    assert.deepEqual(withExcludedFolder(['**/examples/**'], 'infra'), ['**/examples/**', 'infra/**']);
    assert.deepEqual(withExcludedFolder(['infra/**'], 'infra'), ['infra/**']);
    assert.deepEqual(withExcludedFolder([42, 'x/**'], 'infra'), ['x/**', 'infra/**'], 'a non-string entry of a hand-edited setting is dropped');
  });

  it('sorts by name or by file count, ties by name', () => {
    const rows = [
      { id: 'helm', name: 'Helm', fileCount: 165 },
      { id: 'docker', name: 'Docker', fileCount: 3 },
      { id: 'argocd', name: 'Argo CD', fileCount: 3 },
    ];
    assert.deepEqual(
      sortDetected(rows, 'name').map((r) => r.id),
      ['argocd', 'docker', 'helm'],
    );
    assert.deepEqual(
      sortDetected(rows, 'files').map((r) => r.id),
      ['helm', 'argocd', 'docker'],
    );
  });

  it('filters by words of the name, the id or the family, in any case', () => {
    const gha = { id: 'github-actions', name: 'GitHub Actions', family: 'CI/CD' };
    assert.ok(matchesDetectedFilter(gha, ''));
    assert.ok(matchesDetectedFilter(gha, 'git act'));
    assert.ok(matchesDetectedFilter(gha, 'CI/CD'));
    assert.ok(matchesDetectedFilter(gha, 'github-actions'));
    assert.ok(!matchesDetectedFilter(gha, 'helm'));
    assert.ok(!matchesDetectedFilter(gha, 'github helm'), 'every word must match');
  });

  it('describes the active filter and sort for the view title', () => {
    assert.equal(detectedViewDescription('', 'name'), undefined);
    assert.equal(detectedViewDescription(' helm ', 'name'), 'filter: helm');
    assert.equal(detectedViewDescription('helm', 'files'), 'filter: helm · by file count');
    assert.equal(detectedViewDescription('', 'files'), 'by file count');
  });

  it('counts files in words', () => {
    assert.equal(fileCountText(1), '1 file');
    assert.equal(fileCountText(165), '165 files');
    assert.equal(fileCountText(2, true), '2 files · test fixtures only');
  });
});
