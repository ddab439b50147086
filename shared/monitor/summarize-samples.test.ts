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
    // The 500 named v2 in its header, but an error answer is not a version (issue #18).
    expect(versions).toEqual({ v1: 2 });
  });

  it('counts a version only from a successful answer: an error page is not a version', () => {
    const page = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>';
    const { versions } = summarizeSamples(
      [ok(0, 5, 'v2'), { at: 10, ok: false, status: 404, latencyMs: 3, version: page }, ok(20, 5, 'v2')],
      1000,
    );
    expect(versions).toEqual({ v2: 2 });
  });

  it('leaves probes this machine held up out of every figure, and counts them apart', () => {
    const held: ProbeSample = { at: 50, ok: false, error: 'timed out', notMeasured: 'its request left 900 ms late' };
    const { metrics, versions } = summarizeSamples(
      [ok(0, 10, 'v1'), held, held, { at: 60, ok: false, status: 500, readLateMs: 400 }, ok(70, 20, 'v1')],
      1000,
    );
    // 3 measured (one a 500 whose latency was ours), 2 not measured: no timeout counted.
    expect(metrics).toEqual({
      requests: 3,
      failures: 1,
      errorRate: 1 / 3,
      availability: 1 - 1 / 3,
      p50: 10,
      p95: 20,
      p99: 20,
      throughput: 3,
      notMeasured: 2,
    });
    expect(versions).toEqual({ v1: 2 });
  });

  it('a stretch of only held-up probes has no requests, and says how many were not measured', () => {
    const { metrics } = summarizeSamples([{ at: 0, ok: false, notMeasured: 'not sent' }], 1000);
    expect(metrics).toMatchObject({ requests: 0, failures: 0, notMeasured: 1 });
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
