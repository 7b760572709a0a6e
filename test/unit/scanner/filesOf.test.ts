import { strict as assert } from 'node:assert';
import { ScanIndex } from '../../../src/scanner/engine';
import { NodeFileSource } from '../../../src/scanner/fileSource';
import { MAX_EVIDENCE } from '../../../src/scanner/evidence';
import { cleanTrees, makeTree } from './helpers';

describe('ScanIndex.filesOf: every file behind the capped evidence', () => {
  after(cleanTrees);

  it('lists all files of a technology and of a practice, where the result names only a few', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++)
      files[`services/s${String(i).padStart(2, '0')}/Dockerfile`] = 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /app /app\n';
    files['README.md'] = '# nothing here\n';
    const index = await ScanIndex.create(new NodeFileSource(makeTree(files)));
    const docker = index.result().technologies.find((t) => t.id === 'docker')!;
    assert.equal(docker.evidence.length, MAX_EVIDENCE);
    assert.equal(docker.fileCount, 12);
    const all = index.filesOf('docker');
    assert.equal(all.length, 12, 'as many files as the count says');
    assert.deepEqual(all, [...all].sort());
    assert.ok(docker.evidence.every((p) => all.includes(p)));
    const multiStage = index.result().practices.find((p) => p.id === 'docker-multi-stage')!;
    assert.equal(multiStage.evidence.length, MAX_EVIDENCE);
    assert.equal(index.filesOf('docker-multi-stage').length, 12);
    assert.deepEqual(index.filesOf('terraform'), []);
  });

  it('follows removals', async () => {
    const index = await ScanIndex.create(new NodeFileSource(makeTree({ 'a/Dockerfile': 'FROM alpine\n', 'b/Dockerfile': 'FROM alpine\n' })));
    index.removeFile('a');
    assert.deepEqual(index.filesOf('docker'), ['b/Dockerfile']);
  });
});
