import { strict as assert } from 'node:assert';
import { VersionedState, type KeyValueStore } from '../../src/core/versionedState';
import { PROGRESS_KEY, PROGRESS_VERSION, emptyProgress, reconcileWithData, validateProgress, type UserProgress } from '../../src/core/userState';

class MapStore implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.map.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, structuredClone(value));
  }
  keys(): readonly string[] {
    return [...this.map.keys()];
  }
}

function progressState(store: KeyValueStore, warnings: string[], migrations: Record<number, (d: unknown) => unknown> = {}, version = PROGRESS_VERSION) {
  return new VersionedState<UserProgress>(store, {
    key: PROGRESS_KEY,
    version,
    migrations,
    validate: validateProgress,
    fallback: emptyProgress,
    warn: (m) => warnings.push(m),
  });
}

describe('versioned state (the user\'s saved progress)', () => {
  it('starts empty when nothing was saved, without a warning', async () => {
    const warnings: string[] = [];
    assert.deepEqual(await progressState(new MapStore(), warnings).read(), emptyProgress());
    assert.deepEqual(warnings, []);
  });

  it('reads back what it wrote', async () => {
    const store = new MapStore();
    const value: UserProgress = { ...emptyProgress(), marks: { 'terraform-proficiency': { mark: 'done', note: 'at work' } }, currentStage: 'stage-mid' };
    await progressState(store, []).write(value);
    assert.deepEqual(await progressState(store, []).read(), value);
  });

  it('migrates an entry of an older version step by step and writes the result back', async () => {
    const store = new MapStore();
    // Version 1 stored marks as bare strings; version 2 stores objects.
    store.map.set(PROGRESS_KEY, { version: 1, data: { marks: { 'linux-fundamentals': 'done' } } });
    const toV2 = (d: unknown) => {
      const old = d as { marks: Record<string, string> };
      return { marks: Object.fromEntries(Object.entries(old.marks).map(([k, v]) => [k, { mark: v }])) };
    };
    const warnings: string[] = [];
    const value = await progressState(store, warnings, { 1: toV2 }, 2).read();
    assert.deepEqual(value.marks, { 'linux-fundamentals': { mark: 'done' } });
    assert.deepEqual(store.map.get(PROGRESS_KEY), { version: 2, data: value });
    assert.deepEqual(warnings, []);
  });

  it('keeps a corrupt entry aside with a warning instead of dropping it', async () => {
    const store = new MapStore();
    store.map.set(PROGRESS_KEY, '{"version":1,"data":{"marks":{"a":'); // half-written
    const warnings: string[] = [];
    const value = await progressState(store, warnings).read();
    assert.deepEqual(value, emptyProgress());
    assert.equal(store.map.get(`${PROGRESS_KEY}.aside.1`), '{"version":1,"data":{"marks":{"a":');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /kept as devopsRoadmap\.progress\.aside\.1/);
  });

  it('keeps an entry from a newer version aside rather than guessing', async () => {
    const store = new MapStore();
    const future = { version: 99, data: { marks: {} } };
    store.map.set(PROGRESS_KEY, future);
    const warnings: string[] = [];
    await progressState(store, warnings).read();
    assert.deepEqual(store.map.get(`${PROGRESS_KEY}.aside.1`), future);
    assert.match(warnings[0], /newer version/);
  });

  it('never overwrites an earlier aside copy', async () => {
    const store = new MapStore();
    store.map.set(`${PROGRESS_KEY}.aside.1`, 'first');
    store.map.set(PROGRESS_KEY, 42);
    await progressState(store, []).read();
    assert.equal(store.map.get(`${PROGRESS_KEY}.aside.1`), 'first');
    assert.equal(store.map.get(`${PROGRESS_KEY}.aside.2`), 42);
  });

  it('keeps the readable marks of a partly wrong entry and moves the bad ones to "unreadable"', async () => {
    const store = new MapStore();
    store.map.set(PROGRESS_KEY, { version: PROGRESS_VERSION, data: { marks: { good: { mark: 'learning' }, bad: { mark: 'mastered' }, worse: 7 }, currentStage: 12 } });
    const value = await progressState(store, []).read();
    assert.deepEqual(value.marks, { good: { mark: 'learning' } });
    assert.deepEqual(
      value.unreadable.map((u) => u.key).sort(),
      ['currentStage', 'marks.bad', 'marks.worse'],
    );
  });
});

describe('reconciling marks with the data set', () => {
  it('moves marks of removed skills to orphaned and brings them back when the skill returns', () => {
    const progress: UserProgress = { ...emptyProgress(), marks: { kept: { mark: 'done' }, gone: { mark: 'learning', note: 'n' } } };
    const out = reconcileWithData(progress, (id) => id === 'kept');
    assert.deepEqual(out.marks, { kept: { mark: 'done' } });
    assert.deepEqual(out.orphaned, { gone: { mark: 'learning', note: 'n' } });
    const back = reconcileWithData(out, () => true);
    assert.deepEqual(back.marks, progress.marks);
    assert.deepEqual(back.orphaned, {});
  });

  it('returns the same object when nothing moves', () => {
    const progress = emptyProgress();
    assert.equal(reconcileWithData(progress, () => true), progress);
  });
});
