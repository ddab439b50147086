import type { MetricsSummary } from '../runs/run-events';
import { answered, measured, type ProbeSample } from './probe-sample';

// The figures of a stretch of probes: rates over all probes (a probe that got no answer counts as
// down, since that is what a user saw), latencies and throughput over the answers only. Probes
// this machine held up (notMeasured) are counted apart and in no figure: they say nothing of the
// app. A version counts only from a successful answer: an error page is not a version.

export interface SampleSummary {
  metrics: MetricsSummary;
  /** Answers counted per version that answered. */
  versions: Record<string, number>;
}

/**
 * Summarizes samples covering `spanMs` milliseconds (throughput is answers per second of that
 * span). An empty stretch gives zero requests and no latencies; callers treat that as "no data".
 */
export function summarizeSamples(samples: readonly ProbeSample[], spanMs: number): SampleSummary {
  const latencies: number[] = [];
  const versions: Record<string, number> = {};
  let failures = 0;
  let answers = 0;
  let notMeasured = 0;
  for (const sample of samples) {
    if (!measured(sample)) {
      notMeasured++;
      continue;
    }
    if (!sample.ok) failures++;
    if (!answered(sample)) continue;
    answers++;
    if (sample.latencyMs !== undefined) latencies.push(sample.latencyMs);
    if (sample.ok && sample.version !== undefined) versions[sample.version] = (versions[sample.version] ?? 0) + 1;
  }
  latencies.sort((a, b) => a - b);
  const requests = samples.length - notMeasured;
  const errorRate = requests === 0 ? 0 : failures / requests;
  const metrics: MetricsSummary = {
    requests,
    failures,
    errorRate,
    availability: requests === 0 ? 1 : 1 - errorRate,
    throughput: spanMs > 0 ? answers / (spanMs / 1000) : 0,
  };
  if (latencies.length > 0) {
    metrics.p50 = nearestRank(latencies, 50);
    metrics.p95 = nearestRank(latencies, 95);
    metrics.p99 = nearestRank(latencies, 99);
  }
  if (notMeasured > 0) metrics.notMeasured = notMeasured;
  return { metrics, versions };
}

/** Nearest-rank percentile of ascending values: the smallest value with at least p % at or below it. */
export function nearestRank(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) throw new RangeError('no values to take a percentile of');
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
