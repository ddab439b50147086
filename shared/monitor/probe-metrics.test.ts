import { describe, expect, it } from 'vitest';
import { mergeMetrics, probeMetrics, tooFewMeasured } from './probe-metrics';

describe('probeMetrics', () => {
  it('names the figures as alert rules write them; response_time is p95', () => {
    const values = probeMetrics({
      requests: 10,
      failures: 1,
      errorRate: 0.1,
      availability: 0.9,
      p50: 5,
      p95: 40,
      p99: 90,
      throughput: 9,
    });
    expect(values).toEqual({
      error_rate: 0.1,
      availability: 0.9,
      p50_latency: 5,
      p95_latency: 40,
      p99_latency: 90,
      response_time: 40,
      throughput: 9,
    });
  });

  it('no probes: no values at all (not zeros)', () => {
    expect(probeMetrics({ requests: 0, failures: 0, errorRate: 0, availability: 1, throughput: 0 })).toEqual({});
  });

  it('a window this machine mostly held up has no values: too few measured probes are not 0 % errors', () => {
    const base = { failures: 0, errorRate: 0, availability: 1, throughput: 3 };
    expect(probeMetrics({ ...base, requests: 3, notMeasured: 4 })).toEqual({});
    expect(probeMetrics({ ...base, requests: 0, notMeasured: 9 })).toEqual({});
    expect(tooFewMeasured({ requests: 4, notMeasured: 4 })).toBe(false);
    expect(probeMetrics({ ...base, requests: 4, notMeasured: 4 })).toMatchObject({ error_rate: 0 });
  });

  it('merges sources, later ones winning, skipping unknown values', () => {
    expect(mergeMetrics({ a: 1, b: 2 }, { b: 3, c: undefined })).toEqual({ a: 1, b: 3 });
  });
});
