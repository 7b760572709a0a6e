import { strict as assert } from 'node:assert';
import { History } from '../../../src/core/history';

describe('details panel history', () => {
  it('goes back and forward like a browser, and a new visit drops the pages ahead', () => {
    const h = new History<string>();
    for (const id of ['stage-junior', 'linux-fundamentals', 'stage-mid']) h.visit(id);
    assert.equal(h.back(), 'linux-fundamentals');
    assert.equal(h.back(), 'stage-junior');
    assert.equal(h.canGoBack, false);
    assert.equal(h.back(), undefined);
    assert.equal(h.forward(), 'linux-fundamentals');
    h.visit('cka');
    assert.equal(h.canGoForward, false, 'stage-mid was ahead and is gone');
    assert.equal(h.back(), 'linux-fundamentals');
  });

  it('does not record the page already shown twice (a redraw is not a visit)', () => {
    const h = new History<string>();
    h.visit('overview');
    h.visit('overview');
    assert.equal(h.canGoBack, false);
  });

  it('keeps at most its limit of pages, dropping the oldest', () => {
    const h = new History<number>(3);
    for (let i = 1; i <= 5; i++) h.visit(i);
    assert.equal(h.back(), 4);
    assert.equal(h.back(), 3);
    assert.equal(h.back(), undefined);
  });
});
