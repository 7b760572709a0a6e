import { strict as assert } from 'node:assert';
import { VersionedState, type KeyValueStore } from '../../src/core/versionedState';
import { PROGRESS_KEY, PROGRESS_VERSION, emptyProgress, reconcileWithData, validateProgress, withMark, withNote, type UserProgress } from '../../src/core/userState';

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

describe("versioned state (the user's saved progress)", () => {
  it('starts empty when nothing was saved, without a warning', async () => {
    const warnings: string[] = [];
    assert.deepEqual(await progressState(new MapStore(), warnings).read(), emptyProgress());
    assert.deepEqual(warnings, []);
  });

  it('reads back what it wrote', async () => {
    const store = new MapStore();
    const value: UserProgress = { ...emptyProgress(), marks: { 'terraform-proficiency': { mark: 'done', note: 'at work' } }, currentStage: 'stage-mid' };
    await progressState(store, []).write(value);
    const back = await progressState(store, []).read();
    assert.deepEqual({ ...back, marks: { ...back.marks }, orphaned: { ...back.orphaned } }, { ...value, marks: { ...value.marks }, orphaned: { ...value.orphaned } });
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
    assert.deepEqual({ ...value.marks }, { 'linux-fundamentals': { mark: 'done' } });
    assert.equal(JSON.stringify(store.map.get(PROGRESS_KEY)), JSON.stringify({ version: 2, data: value }));
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
    const warnings: string[] = [];
    const value = await progressState(store, warnings).read();
    assert.deepEqual({ ...value.marks }, { good: { mark: 'learning' } });
    assert.deepEqual(value.unreadable.map((u) => u.key).sort(), ['currentStage', 'marks.bad', 'marks.worse']);
    assert.equal(warnings.length, 1, 'one warning names what was set aside');
    assert.match(warnings[0], /3 entries could not be read \(marks\.bad, marks\.worse, currentStage\)/);
  });
});

describe('saved marks whose id is a property of every object', () => {
  // What VS Code's Memento hands back: JSON.parse keeps "__proto__" as an ordinary own key.
  const saved = (ids: string[]) =>
    JSON.parse(
      JSON.stringify({ version: PROGRESS_VERSION, data: { marks: { 'terraform-proficiency': { mark: 'learning' } }, orphaned: {} } }).replace(
        '"marks":{',
        `"marks":{${ids.map((id) => `"${id}":{"mark":"done","note":"kept for ${id}"}`).join(',')},`,
      ),
    );

  for (const id of ['__proto__', 'constructor', 'prototype']) {
    it(`sets a "${id}" mark aside with a warning and never loses it on the next write`, async () => {
      const store = new MapStore();
      store.map.set(PROGRESS_KEY, saved([id]));
      const warnings: string[] = [];
      const state = progressState(store, warnings);
      const value = await state.read();
      assert.equal(Object.getPrototypeOf(value.marks), null, 'the marks object is not re-parented');
      assert.deepEqual(Object.keys(value.marks), ['terraform-proficiency']);
      assert.deepEqual(value.unreadable, [{ key: `marks.${id}`, value: { mark: 'done', note: `kept for ${id}` } }]);
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0].includes(`marks.${id}`), warnings[0]);
      // The user marks another skill: what is written still holds the set-aside entry.
      await state.write(withMark(value, 'linux-fundamentals', 'done', new Date('2024-05-01T00:00:00Z')));
      const written = JSON.stringify(store.map.get(PROGRESS_KEY));
      assert.ok(written.includes(`kept for ${id}`), written);
      const again: string[] = [];
      const reread = await progressState(store, again).read();
      assert.deepEqual(reread.unreadable, [{ key: `marks.${id}`, value: { mark: 'done', note: `kept for ${id}` } }]);
      assert.deepEqual(again, [], 'told once, not on every start');
    });
  }

  it('keeps marks and notes in objects without a prototype through every change', () => {
    const start = validateProgress({ marks: { a: { mark: 'done' } }, orphaned: { gone: { note: 'old' } } });
    assert.ok(start.ok);
    const now = new Date('2024-05-01T00:00:00Z');
    const steps = [
      start.value,
      withMark(start.value, 'b', 'learning', now),
      withNote(start.value, 'c', 'note', now),
      reconcileWithData(start.value, (id) => id !== 'a'),
      emptyProgress(),
    ];
    for (const p of steps) {
      assert.equal(Object.getPrototypeOf(p.marks), null);
      assert.equal(Object.getPrototypeOf(p.orphaned), null);
      assert.equal(p.marks['constructor' as string], undefined, 'no inherited "constructor" mark');
    }
  });
});

describe('reconciling marks with the data set', () => {
  it('moves marks of removed skills to orphaned and brings them back when the skill returns', () => {
    const progress: UserProgress = { ...emptyProgress(), marks: { kept: { mark: 'done' }, gone: { mark: 'learning', note: 'n' } } };
    const out = reconcileWithData(progress, (id) => id === 'kept');
    assert.deepEqual({ ...out.marks }, { kept: { mark: 'done' } });
    assert.deepEqual({ ...out.orphaned }, { gone: { mark: 'learning', note: 'n' } });
    const back = reconcileWithData(out, () => true);
    assert.deepEqual({ ...back.marks }, progress.marks);
    assert.deepEqual({ ...back.orphaned }, {});
  });

  it('returns the same object when nothing moves', () => {
    const progress = emptyProgress();
    assert.equal(
      reconcileWithData(progress, () => true),
      progress,
    );
  });
});
