import { describe, expect, it } from 'vitest';
import type { ProbeSample } from './probe-sample';
import { nearestRank, summarizeSamples } from './summarize-samples';

const ok = (at: number, latencyMs: number, version?: string): ProbeSample => ({
  at,
  ok: true,
  status: 200,
  latencyMs,
  version,
});

describe('summarizeSamples', () => {
  it('counts failed answers and unanswered probes as down, latencies over answers only', () => {
    const samples: ProbeSample[] = [
      ok(0, 10, 'v1'),
      ok(100, 20, 'v1'),
      { at: 200, ok: false, status: 500, latencyMs: 30, version: 'v2' },
      { at: 300, ok: false, error: 'connection refused' },
    ];
    const { metrics, versions } = summarizeSamples(samples, 2000);
    expect(metrics).toEqual({
      requests: 4,
      failures: 2,
      errorRate: 0.5,
      availability: 0.5,
      p50: 20,
      p95: 30,
      p99: 30,
      throughput: 1.5,
    });
    expect(versions).toEqual({ v1: 2, v2: 1 });
  });

  it('an empty stretch has no requests, no latencies and full availability', () => {
    expect(summarizeSamples([], 1000)).toEqual({
      metrics: { requests: 0, failures: 0, errorRate: 0, availability: 1, throughput: 0 },
      versions: {},
    });
  });

  it('all probes unanswered: availability 0, no latency, throughput 0', () => {
    const { metrics } = summarizeSamples(
      [
        { at: 0, ok: false },
        { at: 1, ok: false },
      ],
      1000,
    );
    expect(metrics).toMatchObject({ requests: 2, failures: 2, availability: 0, throughput: 0 });
    expect(metrics.p50).toBeUndefined();
  });
});

describe('nearestRank', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  it('takes the value at rank ceil(p/100 × n)', () => {
    expect(nearestRank(values, 50)).toBe(50);
    expect(nearestRank(values, 95)).toBe(95);
    expect(nearestRank(values, 99)).toBe(99);
    expect(nearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(nearestRank([15, 20, 35, 40, 50], 100)).toBe(50);
    expect(nearestRank([7], 1)).toBe(7);
  });
  it('refuses an empty list', () => {
    expect(() => nearestRank([], 50)).toThrow(/no values/);
  });
});
