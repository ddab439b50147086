import { describe, expect, it } from 'vitest';
import { parseAlertCondition } from './alert-condition';

describe('alert conditions', () => {
  it('parses the conditions of the workflow into base units', () => {
    expect(parseAlertCondition('error_rate > 5%')).toEqual({
      metric: 'error_rate',
      op: '>',
      threshold: 0.05,
      unit: '%',
    });
    expect(parseAlertCondition('p95_latency > 2s')).toEqual({
      metric: 'p95_latency',
      op: '>',
      threshold: 2000,
      unit: 'ms',
    });
    expect(parseAlertCondition('availability < 99.5%')).toMatchObject({ op: '<', threshold: 0.995 });
    expect(parseAlertCondition('cpu_usage > 80%')).toMatchObject({ metric: 'cpu_usage', threshold: 0.8 });
    expect(parseAlertCondition('response_time >= 500ms')).toMatchObject({ op: '>=', threshold: 500, unit: 'ms' });
    expect(parseAlertCondition('throughput < 10/s')).toMatchObject({ threshold: 10, unit: '/s' });
    expect(parseAlertCondition('queue_depth<=3')).toMatchObject({ op: '<=', threshold: 3, unit: '' });
  });

  it('says how to write a condition it cannot read', () => {
    for (const text of ['errors are high', 'error_rate = 5%', 'ErrorRate > 5%', 'error_rate > five']) {
      expect(parseAlertCondition(text)).toEqual({
        error: `"${text}" is not a condition: write <metric> <op> <number>[unit], e.g. error_rate > 5%`,
      });
    }
  });
});
