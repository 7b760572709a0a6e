/**
 * The evidence of one id while results are merged: how many files, whether all are fixtures, and
 * the few paths a person is shown. Kept apart from the engine so the merge rule reads on its own.
 */

/** Evidence paths listed per id. */
export const MAX_EVIDENCE = 5;

/** Keeps `list` (sorted) the MAX_EVIDENCE smallest paths seen. */
function keepSmallest(list: string[], path: string): void {
  if (list.length === MAX_EVIDENCE && path >= list[MAX_EVIDENCE - 1]) return;
  let i = list.length;
  while (i > 0 && list[i - 1] > path) i--;
  list.splice(i, 0, path);
  if (list.length > MAX_EVIDENCE) list.pop();
}

/**
 * The files of one id: how many, whether all are fixtures, and the evidence (at most MAX_EVIDENCE
 * paths, real files before fixtures, smallest first, returned sorted), found in one pass without
 * sorting every file of the id: result() runs after every incremental update.
 */
export class EvidenceSet {
  count = 0;
  realCount = 0;
  private readonly real: string[] = [];
  private readonly fixtures: string[] = [];
  private last: string | undefined;

  /** Paths arrive file by file, so a file's repeated hits for one id come one after another. */
  add(path: string, fixture: boolean): void {
    if (path === this.last) return;
    this.last = path;
    this.count++;
    if (fixture) keepSmallest(this.fixtures, path);
    else {
      this.realCount++;
      keepSmallest(this.real, path);
    }
  }

  evidence(): string[] {
    const chosen = this.real.slice(0, MAX_EVIDENCE);
    if (chosen.length < MAX_EVIDENCE) chosen.push(...this.fixtures.slice(0, MAX_EVIDENCE - chosen.length));
    return chosen.sort();
  }
}
