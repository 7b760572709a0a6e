import { strict as assert } from 'node:assert';
import { Disposable } from '../../../src/vscode/lifecycle';

class Owner extends Disposable {
  get ended(): boolean {
    return this.isDisposed;
  }
}

describe("Disposable (the shell's one lifecycle helper)", () => {
  it('disposes what was registered, newest first, once', () => {
    const order: string[] = [];
    const owner = new Owner();
    const first = owner.register({ dispose: () => order.push('first') });
    owner.register({ dispose: () => order.push('second') });
    assert.equal(typeof first.dispose, 'function', 'register returns the item');
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['second', 'first']);
    assert.ok(owner.ended);
  });

  it('disposes at once what is registered after dispose', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.register({ dispose: () => (disposed = true) });
    assert.ok(disposed);
  });

  it('disposes every item even when one throws, then rethrows the first error', () => {
    const owner = new Owner();
    const done: string[] = [];
    owner.register({ dispose: () => done.push('a') });
    owner.register({
      dispose: () => {
        throw new Error('boom');
      },
    });
    owner.register({ dispose: () => done.push('c') });
    assert.throws(() => owner.dispose(), /boom/);
    assert.deepEqual(done, ['c', 'a']);
  });
});
