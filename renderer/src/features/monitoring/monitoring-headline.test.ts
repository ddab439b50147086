import { describe, expect, it } from 'vitest';
import type { AlertChange, RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { monitoringHeadline } from './monitoring-headline';

const t0 = Date.parse('2026-11-05T09:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
const clock = /\d\d:\d\d:\d\d/.source;

const rule = {
  rule: 'RollbackOnErrorRate',
  condition: 'error_rate > 20%',
  severity: 'critical',
  action: 'rollback',
} as const;
const change = (s: number, state: AlertChange['state'], value?: number): AlertChange => ({
  ...rule,
  at: iso(s),
  state,
  ...(value !== undefined ? { value } : {}),
});

function view(overrides: Partial<RunMonitoring>): RunMonitoring {
  return {
    runId: 'r1',
    lastSeq: 0,
    rules: [{ name: rule.rule, condition: rule.condition, for: 1000, severity: 'critical', action: 'rollback' }],
    started: [{ at: iso(0), source: 'probes', target: 'http://127.0.0.1/health' }],
    stopped: true,
    windows: [],
    alerts: [],
    ...overrides,
  };
}

describe('monitoringHeadline', () => {
  it('names the rule that fired, its value and how long the rollback took, even once the rule is OK again', () => {
    const headline = monitoringHeadline(
      view({
        alerts: [change(10, 'pending', 0.25), change(11, 'firing', 0.286), change(20, 'ok', 0)],
        rollback: { at: iso(11), trigger: 'alert', reason: 'alert fired', endedAt: iso(11.1), ok: true },
        endedAt: iso(30),
      }),
    );
    expect(headline?.tone).toBe('danger');
    expect(headline?.text).toMatch(new RegExp(`^RollbackOnErrorRate fired ${clock} at 28.6% → rolled back in 100 ms$`));
  });

  it('says a rollback is under way, or failed', () => {
    const alerts = [change(11, 'firing', 0.3)];
    const rollback = { at: iso(11), trigger: 'alert' as const, reason: 'alert fired' };
    expect(monitoringHeadline(view({ alerts, rollback }))?.text).toMatch(/→ rolling back since/);
    expect(monitoringHeadline(view({ alerts, rollback: { ...rollback, endedAt: iso(14), ok: false } }))?.text).toMatch(
      /→ the rollback failed after 3.0 s$/,
    );
  });

  it('tells an operator’s rollback without a rule', () => {
    const headline = monitoringHeadline(
      view({ rollback: { at: iso(5), trigger: 'operator', reason: 'checkout broken', endedAt: iso(7), ok: true } }),
    );
    expect(headline?.text).toMatch(
      new RegExp(`^Rolled back by the operator at ${clock}: checkout broken → done in 2.0 s$`),
    );
  });

  it('warns when a run ended with a rollback rule still pending', () => {
    const headline = monitoringHeadline(view({ alerts: [change(10, 'pending', 0.25)], endedAt: iso(12) }));
    expect(headline?.tone).toBe('warning');
    expect(headline?.text).toMatch(/^RollbackOnErrorRate was pending at 25% when the run ended/);
  });

  it('has nothing to headline for a quiet run', () => {
    expect(monitoringHeadline(view({ endedAt: iso(12) }))).toBeUndefined();
  });
});
