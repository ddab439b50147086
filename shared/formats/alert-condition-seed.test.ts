import { describe, expect, it } from 'vitest';
import { parseAlertCondition } from './alert-condition';

// The alert rules of the built-in runbook (resources/runbooks/default.yml), beside alert-condition.test.ts.

describe('the default runbook alert conditions', () => {
  it('parses each into metric, comparison and threshold in base units', () => {
    const seed: Array<[string, string, string, number, string]> = [
      ['error_rate > 5%', 'error_rate', '>', 0.05, '%'],
      ['p95_latency > 2s', 'p95_latency', '>', 2000, 'ms'],
      ['availability < 99.5%', 'availability', '<', 0.995, '%'],
      ['cpu_usage > 80%', 'cpu_usage', '>', 0.8, '%'],
      ['error_rate > 10%', 'error_rate', '>', 0.1, '%'],
      ['response_time > 5s', 'response_time', '>', 5000, 'ms'],
      ['availability < 95%', 'availability', '<', 0.95, '%'],
    ];
    for (const [text, metric, op, threshold, unit] of seed) {
      expect(parseAlertCondition(text), text).toEqual({ metric, op, threshold, unit });
    }
  });

  it('reads minutes and tolerates spacing', () => {
    expect(parseAlertCondition('  p99_latency>=1.5m ')).toEqual({
      metric: 'p99_latency',
      op: '>=',
      threshold: 90_000,
      unit: 'ms',
    });
    expect(parseAlertCondition('error_rate > 5 %')).toMatchObject({ threshold: 0.05, unit: '%' });
  });

  it('refuses conditions it cannot evaluate, quoting them', () => {
    for (const text of [
      '',
      'error_rate',
      '> 5%',
      '5% < error_rate',
      'error_rate > -5%',
      'error_rate >> 5%',
      'error_rate > 5h',
    ]) {
      const parsed = parseAlertCondition(text);
      expect(parsed, text).toHaveProperty('error');
      expect((parsed as { error: string }).error).toContain(`"${text}" is not a condition`);
    }
  });
});
