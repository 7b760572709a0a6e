import { strict as assert } from 'node:assert';
import { mayReadAuthorship } from '../../../src/git/policy';

describe('when git may run for authorship', () => {
  it('only in a trusted workspace, with the setting on, on a local folder', () => {
    assert.equal(mayReadAuthorship({ trusted: true, enabled: true, scheme: 'file' }), true);
    assert.equal(mayReadAuthorship({ trusted: false, enabled: true, scheme: 'file' }), false);
    assert.equal(mayReadAuthorship({ trusted: true, enabled: false, scheme: 'file' }), false);
    assert.equal(mayReadAuthorship({ trusted: true, enabled: true, scheme: 'vscode-vfs' }), false);
  });
});
