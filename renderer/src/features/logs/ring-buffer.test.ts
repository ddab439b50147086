import { describe, expect, it } from 'vitest';
import { createRingBuffer } from './ring-buffer';

describe('ring buffer', () => {
  it('keeps items in order until full', () => {
    const ring = createRingBuffer<number>(3);
    expect(ring.push(1)).toBeUndefined();
    expect(ring.push(2)).toBeUndefined();
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
  });

  it('overwrites the oldest item when full and hands it back', () => {
    const ring = createRingBuffer<number>(3);
    const out: (number | undefined)[] = [];
    for (let i = 1; i <= 7; i++) out.push(ring.push(i));
    expect(out).toEqual([undefined, undefined, undefined, 1, 2, 3, 4]);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect([ring.at(0), ring.at(2), ring.at(3), ring.at(-1)]).toEqual([5, 7, undefined, undefined]);
  });

  it('shrinks keeping the newest items, and returns the rest oldest first', () => {
    const ring = createRingBuffer<number>(5);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.resize(2)).toEqual([3, 4, 5]);
    expect(ring.toArray()).toEqual([6, 7]);
    expect(ring.push(8)).toBe(6);
  });

  it('grows without losing anything', () => {
    const ring = createRingBuffer<number>(2);
    for (let i = 1; i <= 3; i++) ring.push(i);
    expect(ring.resize(4)).toEqual([]);
    ring.push(4);
    ring.push(5);
    expect(ring.toArray()).toEqual([2, 3, 4, 5]);
    ring.clear();
    expect(ring.size).toBe(0);
  });

  it('refuses a capacity that is not a whole number ≥ 1, saying what it got', () => {
    expect(() => createRingBuffer(0)).toThrow('log buffer capacity must be a whole number of lines ≥ 1, got 0');
    expect(() => createRingBuffer(2.5)).toThrow(/got 2\.5/);
    expect(() => createRingBuffer<number>(2).resize(Number.NaN)).toThrow(/got NaN/);
  });
});
