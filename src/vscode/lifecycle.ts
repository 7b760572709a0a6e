/**
 * One way to own things that must be disposed: listeners, emitters, views, timers, worker pools.
 * A class extends `Disposable` and `register()`s each thing as it makes it; one `dispose()` ends
 * them all. No `vscode` import (VS Code's disposables fit `DisposableLike`), so this is unit-tested
 * in plain Node.
 */

/** Anything with a `dispose()`: a VS Code `Disposable`, an `EventEmitter`, a `{ dispose }` closure. */
export interface DisposableLike {
  dispose(): unknown;
}

export class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  /** Whether `dispose()` has run. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Takes `item` to dispose with this object, and returns it. After `dispose()`, the item is
   * disposed at once: nothing registered outlives its owner.
   */
  register<T extends DisposableLike>(item: T): T {
    if (this.disposed) item.dispose();
    else this.owned.push(item);
    return item;
  }

  /**
   * Disposes everything registered, the newest first (a thing made later may use an earlier one),
   * once. One item that throws does not keep the others alive; the first error is rethrown after.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.owned.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}
