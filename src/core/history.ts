/**
 * Back and forward through the pages a panel showed, as a browser does: visiting a page drops the
 * pages ahead of the current one; visiting the page already shown changes nothing. Bounded, so a long
 * session does not grow it for ever. Pure: the details panel (src/vscode/detailsPanel.ts) owns one.
 */
export class History<T> {
  private entries: T[] = [];
  private index = -1;

  constructor(private readonly limit = 100) {}

  get current(): T | undefined {
    return this.entries[this.index];
  }

  get canGoBack(): boolean {
    return this.index > 0;
  }

  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  visit(entry: T): void {
    if (this.current === entry) return;
    this.entries = this.entries.slice(0, this.index + 1);
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    this.index = this.entries.length - 1;
  }

  /** The page before the current one (now current), or undefined at the start. */
  back(): T | undefined {
    if (!this.canGoBack) return undefined;
    return this.entries[--this.index];
  }

  /** The page after the current one (now current), or undefined at the end. */
  forward(): T | undefined {
    if (!this.canGoForward) return undefined;
    return this.entries[++this.index];
  }
}
