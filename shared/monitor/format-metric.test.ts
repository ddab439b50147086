import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './format-metric';

describe('formatMetricValue', () => {
  it('shows values in the unit the rule was written in', () => {
    expect(formatMetricValue('error_rate > 10%', 0.3123)).toBe('31.2%');
    expect(formatMetricValue('p95_latency > 2s', 2480.4)).toBe('2480 ms');
    expect(formatMetricValue('throughput < 5/s', 3.333)).toBe('3.3/s');
    expect(formatMetricValue('queue_depth > 100', 120.06)).toBe('120.06');
    expect(formatMetricValue('exporter_errors > 0.03', 0.04217)).toBe('0.042');
    expect(formatMetricValue('not a condition', 0.5)).toBe('0.5');
  });
});
