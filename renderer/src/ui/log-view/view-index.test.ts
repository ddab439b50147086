import { describe, expect, it } from 'vitest';
import type { LogLine } from './log-line';
import { countMatches, createViewIndex } from './view-index';

let seq = 0;
const line = (source: string, text: string): LogLine => ({ seq: seq++, source, stream: 'stdout', text, plain: text });
const texts = (view: { length: number; at(i: number): LogLine | undefined }) =>
  Array.from({ length: view.length }, (_, i) => view.at(i)!.plain);

describe('view index', () => {
  it('keeps only accepted lines, in order, as batches arrive', () => {
    const view = createViewIndex((l) => l.plain.includes('x'));
    view.apply({ added: [line('a', 'x1'), line('a', 'y'), line('b', 'x2')], evicted: [], reset: false }, () => true);
    view.apply({ added: [line('a', 'x3')], evicted: [], reset: false }, () => true);
    expect(texts(view)).toEqual(['x1', 'x2', 'x3']);
  });

  it('removes dropped lines from the front', () => {
    const view = createViewIndex(() => true);
    const lines = [line('a', '1'), line('a', '2'), line('a', '3')];
    view.rebuild(lines);
    const alive = new Set([lines[2]!, ...[]]);
    const fresh = line('a', '4');
    alive.add(fresh);
    view.apply({ added: [fresh], evicted: [lines[0]!, lines[1]!], reset: false }, (l) => alive.has(l));
    expect(texts(view)).toEqual(['3', '4']);
  });

  it("removes a busy source's dropped lines from between a quiet source's older ones", () => {
    const view = createViewIndex(() => true);
    const quiet = line('quiet', 'q');
    const busy1 = line('busy', 'b1');
    const busy2 = line('busy', 'b2');
    view.rebuild([quiet, busy1, busy2]);
    const busy3 = line('busy', 'b3');
    const alive = new Set([quiet, busy2, busy3]);
    view.apply({ added: [busy3], evicted: [busy1], reset: false }, (l) => alive.has(l));
    expect(texts(view)).toEqual(['q', 'b2', 'b3']);
  });

  it('ignores dropped lines it never showed', () => {
    const view = createViewIndex((l) => l.source === 'a');
    const a = line('a', 'a1');
    const b = line('b', 'b1');
    view.rebuild([a, b]);
    view.apply({ added: [], evicted: [b], reset: false }, (l) => l !== b);
    expect(texts(view)).toEqual(['a1']);
  });

  it('handles a burst larger than the buffer: lines added and dropped in the same batch', () => {
    const view = createViewIndex(() => true);
    const burst = Array.from({ length: 10 }, (_, i) => line('a', `${i}`));
    const kept = new Set(burst.slice(7));
    view.apply({ added: burst, evicted: burst.slice(0, 7), reset: false }, (l) => kept.has(l));
    expect(texts(view)).toEqual(['7', '8', '9']);
  });

  it('stays correct over many batches that drop from the front (head compaction)', () => {
    const view = createViewIndex(() => true);
    const ring: LogLine[] = [];
    for (let batch = 0; batch < 50; batch++) {
      const added = Array.from({ length: 500 }, (_, i) => line('a', `${batch}:${i}`));
      ring.push(...added);
      const evicted = ring.splice(0, Math.max(0, ring.length - 1000));
      const alive = new Set(ring);
      view.apply({ added, evicted, reset: false }, (l) => alive.has(l));
    }
    expect(view.length).toBe(1000);
    expect(view.at(0)!.plain).toBe('48:0');
    expect(view.at(999)!.plain).toBe('49:499');
  });

  it('finds a line again by seq, or the next one when it is gone', () => {
    const view = createViewIndex(() => true);
    const lines = [line('a', '1'), line('a', '2'), line('a', '3')];
    view.rebuild([lines[0]!, lines[2]!]);
    expect(view.indexOfSeq(lines[0]!.seq)).toBe(0);
    expect(view.indexOfSeq(lines[1]!.seq)).toBe(1);
    expect(view.indexOfSeq(lines[2]!.seq + 100)).toBe(2);
  });

  it('finds the next and previous passing line, wrapping around', () => {
    const view = createViewIndex(() => true);
    view.rebuild(['err', 'ok', 'err', 'ok'].map((t) => line('a', t)));
    const isErr = (l: LogLine) => l.plain === 'err';
    expect(view.find(-1, 1, isErr)).toBe(0);
    expect(view.find(0, 1, isErr)).toBe(2);
    expect(view.find(2, 1, isErr)).toBe(0);
    expect(view.find(view.length, -1, isErr)).toBe(2);
    expect(view.find(0, 1, () => false)).toBeUndefined();
  });

  it('counts matches and the current one’s place', () => {
    const view = createViewIndex(() => true);
    const lines = ['err', 'ok', 'err', 'err'].map((t) => line('a', t));
    view.rebuild(lines);
    expect(countMatches(view, (l) => l.plain === 'err', lines[2]!.seq)).toEqual({ total: 3, position: 2 });
    expect(countMatches(view, (l) => l.plain === 'err')).toEqual({ total: 3, position: undefined });
  });

  it('starts over on a reset batch', () => {
    const view = createViewIndex(() => true);
    view.rebuild([line('a', 'old')]);
    view.apply({ added: [line('a', 'new')], evicted: [], reset: true }, () => true);
    expect(texts(view)).toEqual(['new']);
  });
});
