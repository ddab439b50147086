import { describe, expect, it } from 'vitest';
import type { ProbeSample } from './probe-sample';
import { createSlidingWindow } from './sliding-window';

const sample = (at: number, ok = true): ProbeSample =>
  ok ? { at, ok, status: 200, latencyMs: 5 } : { at, ok, status: 503, latencyMs: 5 };

describe('createSlidingWindow', () => {
  it('keeps only the last window of samples', () => {
    const window = createSlidingWindow(1000);
    for (let at = 0; at <= 2500; at += 100) window.add(sample(at, at < 2000));
    // (1500, 2500]: 1600..2500, the last six failed.
    expect(window.summary(2500).metrics).toMatchObject({ requests: 10, failures: 6, errorRate: 0.6 });
    for (let at = 2600; at < 3000; at += 100) window.add(sample(at, false));
    // (2000, 3000]: 2100..2900, all failed.
    expect(window.summary(3000).metrics).toMatchObject({ requests: 9, failures: 9, availability: 0 });
    expect(window.size(3000)).toBe(9);
  });

  it('throughput covers the time seen so far until a full window has passed', () => {
    const window = createSlidingWindow(10_000);
    for (let at = 0; at < 1000; at += 10) window.add(sample(at));
    expect(window.summary(1000).metrics.throughput).toBeCloseTo(100, 0);
    for (let at = 1000; at < 20_000; at += 10) window.add(sample(at));
    expect(window.summary(20_000).metrics.throughput).toBeCloseTo(100, 0);
  });

  it('stays correct across compaction of a long run', () => {
    const window = createSlidingWindow(500);
    for (let at = 0; at < 100_000; at += 10) {
      window.add(sample(at, at % 20 === 0));
      if (at % 1000 === 0) window.summary(at);
    }
    const { metrics } = window.summary(100_000);
    expect(metrics.requests).toBe(49);
    expect(metrics.errorRate).toBeCloseTo(25 / 49, 5);
  });

  it('an empty window means no data; a non-positive length is refused', () => {
    expect(createSlidingWindow(1000).summary(5000).metrics.requests).toBe(0);
    expect(() => createSlidingWindow(0)).toThrow(/positive length, got 0 ms/);
  });
});
