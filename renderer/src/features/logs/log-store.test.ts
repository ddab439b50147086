import { describe, expect, it } from 'vitest';
import type { LogBatch } from '../../ui/log-view/log-line';
import { createLogStore, type FlushScheduler } from './log-store';

/** A frame clock the test advances by hand. */
function manualFrames() {
  let queued: (() => void) | undefined;
  let scheduled = 0;
  const schedule: FlushScheduler = (flush) => {
    scheduled++;
    queued = flush;
    return () => {
      queued = undefined;
    };
  };
  return {
    schedule,
    frame: () => {
      const flush = queued;
      queued = undefined;
      flush?.();
    },
    get scheduled() {
      return scheduled;
    },
  };
}

describe('log store', () => {
  it('batches pushes: nothing reaches state or listeners until the frame, then one update', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    const batches: LogBatch[] = [];
    store.feed.subscribe((b) => batches.push(b));
    let updates = 0;
    store.state.subscribe(() => updates++);
    for (let i = 0; i < 1000; i++) store.push('build.run', 'stdout', `line ${i}`);
    expect(frames.scheduled).toBe(1);
    expect(batches).toHaveLength(0);
    expect(store.state.getState().received).toBe(0);

    frames.frame();
    expect(updates).toBe(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toHaveLength(1000);
    expect(store.state.getState()).toMatchObject({ received: 1000, version: 1 });
    expect(store.state.getState().sources).toEqual([
      { name: 'build.run', retained: 1000, received: 1000, dropped: 0, capacity: 10_000 },
    ]);
  });

  it('keeps a bounded buffer per source and counts what each dropped', () => {
    const frames = manualFrames();
    const store = createLogStore({ capacity: 3, schedule: frames.schedule, maxPending: 1000 });
    for (let i = 0; i < 5; i++) store.push('a', 'stdout', `a${i}`);
    store.push('b', 'stderr', 'b0');
    frames.frame();
    const { sources } = store.state.getState();
    expect(sources.map((s) => [s.name, s.retained, s.received, s.dropped])).toEqual([
      ['a', 3, 5, 2],
      ['b', 1, 1, 0],
    ]);
    expect(store.feed.lines().map((l) => l.plain)).toEqual(['a2', 'a3', 'a4', 'b0']);
  });

  it('tells listeners which lines were dropped, and which are still retained', () => {
    const frames = manualFrames();
    const store = createLogStore({ capacity: 2, schedule: frames.schedule });
    const batches: LogBatch[] = [];
    store.feed.subscribe((b) => batches.push(b));
    for (let i = 0; i < 3; i++) store.push('a', 'stdout', `${i}`);
    frames.frame();
    const [batch] = batches;
    expect(batch!.evicted.map((l) => l.plain)).toEqual(['0']);
    expect(batch!.added.map((l) => store.feed.isRetained(l))).toEqual([false, true, true]);
  });

  it('merges the sources in arrival order', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    store.push('a', 'stdout', '1');
    store.push('b', 'stdout', '2');
    store.push('a', 'stdout', '3');
    frames.frame();
    expect(store.feed.lines().map((l) => `${l.source}:${l.plain}`)).toEqual(['a:1', 'b:2', 'a:3']);
  });

  it('strips escape codes into `plain` and keeps them in `text`; a redrawn progress line shows its last state', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    store.push('a', 'stdout', '\u001b[32mOK\u001b[0m');
    store.push('a', 'stdout', ' 10%\r100%\r\n');
    store.push('a', 'stdout', 'plain');
    frames.frame();
    const [coloured, progress, plain] = store.feed.lines();
    expect(coloured).toMatchObject({ text: '\u001b[32mOK\u001b[0m', plain: 'OK' });
    expect(progress).toMatchObject({ plain: '100%' });
    expect(plain!.plain).toBe(plain!.text);
  });

  it('flushes at once when too many lines wait (a hidden window gets no frames)', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule, maxPending: 100 });
    for (let i = 0; i < 250; i++) store.push('a', 'stdout', `${i}`);
    expect(store.state.getState().received).toBe(200);
    frames.frame();
    expect(store.state.getState().received).toBe(250);
  });

  it('shrinking the capacity drops the oldest lines and counts them', () => {
    const frames = manualFrames();
    const store = createLogStore({ capacity: 10, schedule: frames.schedule });
    const batches: LogBatch[] = [];
    store.feed.subscribe((b) => batches.push(b));
    for (let i = 0; i < 8; i++) store.push('a', 'stdout', `${i}`);
    store.setCapacity(5);
    expect(store.state.getState().sources[0]).toMatchObject({ retained: 5, dropped: 3, capacity: 5 });
    expect(batches.at(-1)!.evicted.map((l) => l.plain)).toEqual(['0', '1', '2']);
    expect(() => store.setCapacity(0)).toThrow(/capacity must be a whole number/);
  });

  it('clears everything and tells listeners to start over', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    const batches: LogBatch[] = [];
    store.feed.subscribe((b) => batches.push(b));
    store.push('a', 'stdout', 'x');
    store.clear();
    frames.frame();
    expect(store.feed.lines()).toEqual([]);
    expect(batches.map((b) => b.reset)).toEqual([true]);
    expect(store.state.getState()).toMatchObject({ sources: [], received: 0 });
  });

  it('drops chosen sources, waiting lines included, and keeps the others', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    const batches: LogBatch[] = [];
    store.feed.subscribe((b) => batches.push(b));
    store.push('build.run', 'stdout', 'kept');
    store.push('file:/var/log/app.log@web-1', 'stdout', 'gone');
    frames.frame();
    store.push('file:/var/log/app.log@web-1', 'stdout', 'gone too (still waiting)');
    store.drop((source) => source.startsWith('file:'));
    frames.frame();
    expect(store.feed.lines().map((l) => l.plain)).toEqual(['kept']);
    expect(batches.at(-1)!.reset).toBe(true);
    expect(store.state.getState()).toMatchObject({ received: 1, sources: [{ name: 'build.run', retained: 1 }] });
  });

  it('streams a million lines through one source with bounded memory for lines', () => {
    const frames = manualFrames();
    const store = createLogStore({ schedule: frames.schedule });
    for (let i = 0; i < 1_000_000; i++) {
      store.push('a', 'stdout', `line ${i}`);
      if (i % 1000 === 999) frames.frame();
    }
    frames.frame();
    const [source] = store.state.getState().sources;
    expect(source).toMatchObject({ retained: 10_000, received: 1_000_000, dropped: 990_000 });
    expect(store.feed.lines()[0]!.plain).toBe('line 990000');
  });

  it('refuses a bad capacity at creation', () => {
    expect(() => createLogStore({ capacity: -1 })).toThrow(
      'log buffer capacity must be a whole number of lines ≥ 1, got -1',
    );
  });
});
