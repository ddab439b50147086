import type { MetricsSummary } from '../runs/run-events';

// The names alert rules use for probe figures. A name missing from the result means "no data yet",
// which the evaluator must not mistake for zero (an empty window is not a 0 % error rate), nor
// figures from a window this machine mostly held up (see tooFewMeasured).

export type MetricValues = Readonly<Record<string, number | undefined>>;

export const probeMetricNames = [
  'error_rate',
  'availability',
  'p50_latency',
  'p95_latency',
  'p99_latency',
  'response_time',
  'throughput',
] as const;

/**
 * Less than half the window's probes measured the app (the others were held up by this machine):
 * the few left are not a fair picture of it, so the window has no figures rather than 0 % errors.
 */
export function tooFewMeasured(metrics: Pick<MetricsSummary, 'requests' | 'notMeasured'>): boolean {
  return metrics.requests === 0 || metrics.requests < (metrics.notMeasured ?? 0);
}

export function probeMetrics(metrics: MetricsSummary): MetricValues {
  if (tooFewMeasured(metrics)) return {};
  return {
    error_rate: metrics.errorRate,
    availability: metrics.availability,
    p50_latency: metrics.p50,
    p95_latency: metrics.p95,
    p99_latency: metrics.p99,
    // The workflow's "response time > 5s" trigger means what most users waited at worst: p95.
    response_time: metrics.p95,
    throughput: metrics.throughput,
  };
}

/** Later sources win on a clash, so a Prometheus query can stand in for a probe figure by name. */
export function mergeMetrics(...sources: MetricValues[]): MetricValues {
  const merged: Record<string, number | undefined> = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) if (value !== undefined) merged[name] = value;
  }
  return merged;
}
