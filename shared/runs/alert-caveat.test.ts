import { describe, expect, it } from 'vitest';
import { alertCaveat } from './alert-caveat';
import type { RunEvent } from './run-event';

let seq = 0;
const event = (type: string, data: Record<string, unknown> = {}, at = '2026-11-05T09:00:00.000Z'): RunEvent => ({
  seq: ++seq,
  at,
  type,
  data,
});
const change = (rule: string, state: string, extra: Record<string, unknown> = {}) =>
  event('alert.changed', {
    rule,
    state,
    condition: 'error_rate > 5%',
    severity: 'critical',
    action: 'notify',
    ...extra,
  });
const finished = (status: string) => event('run.finished', { status });

describe('alertCaveat', () => {
  it('says a succeeded run had a critical alert fire, with the value it fired at', () => {
    const caveat = alertCaveat([
      event('run.started'),
      change('errors', 'firing', { value: 0.12 }),
      change('errors', 'ok'),
      finished('succeeded'),
    ]);
    expect(caveat).toMatchObject({
      rule: 'errors',
      state: 'firing',
      text: 'Succeeded, but the critical alert errors fired at 12%',
    });
  });

  it('says a rollback rule was still pending when the run ended', () => {
    const caveat = alertCaveat([
      change('rb', 'pending', { action: 'rollback', severity: 'warning', value: 0.07 }),
      finished('succeeded'),
    ]);
    expect(caveat?.text).toBe('Succeeded, but the rollback rule rb was still pending at 7% when the run ended');
  });

  it('says nothing for a warning that fired, a pending rule back to OK, or a run that did not succeed', () => {
    expect(alertCaveat([change('w', 'firing', { severity: 'warning' }), finished('succeeded')])).toBeUndefined();
    expect(
      alertCaveat([
        change('rb', 'pending', { action: 'rollback' }),
        change('rb', 'ok', { action: 'rollback' }),
        finished('succeeded'),
      ]),
    ).toBeUndefined();
    expect(alertCaveat([change('errors', 'firing'), finished('rolled-back')])).toBeUndefined();
    expect(alertCaveat([change('errors', 'firing')])).toBeUndefined();
  });
});
