import { describe, expect, it } from 'vitest';
import { type AlertRuleSpec, createAlertEvaluator } from './alert-evaluator';

const rule = (over: Partial<AlertRuleSpec> = {}): AlertRuleSpec => ({
  name: 'errors',
  condition: 'error_rate > 10%',
  for: 2000,
  severity: 'critical',
  action: 'rollback',
  ...over,
});

describe('createAlertEvaluator', () => {
  it('goes ok → pending → firing → ok, one transition per change', () => {
    const evaluator = createAlertEvaluator([rule()]);
    expect(evaluator.evaluate({ error_rate: 0.05 }, 0)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 1000)).toEqual([
      {
        rule: 'errors',
        condition: 'error_rate > 10%',
        state: 'pending',
        previous: 'ok',
        value: 0.3,
        severity: 'critical',
        action: 'rollback',
        at: 1000,
      },
    ]);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 2000)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: 0.25 }, 3000)).toMatchObject([
      { state: 'firing', previous: 'pending', value: 0.25 },
    ]);
    expect(evaluator.evaluate({ error_rate: 0.4 }, 4000)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: 0.01 }, 5000)).toMatchObject([{ state: 'ok', previous: 'firing' }]);
    expect(evaluator.statuses()).toMatchObject([{ rule: 'errors', state: 'ok', value: 0.01, since: 5000 }]);
  });

  it('pending goes back to ok when the condition clears before `for` elapsed, and restarts the clock', () => {
    const evaluator = createAlertEvaluator([rule()]);
    evaluator.evaluate({ error_rate: 0.3 }, 0);
    expect(evaluator.evaluate({ error_rate: 0.0 }, 1500)).toMatchObject([{ state: 'ok', previous: 'pending' }]);
    evaluator.evaluate({ error_rate: 0.3 }, 1600);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 3000)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 3600)).toMatchObject([{ state: 'firing' }]);
  });

  it('restart judges anew: a condition still holding starts its `for` again from the restart', () => {
    const evaluator = createAlertEvaluator([rule()]);
    evaluator.evaluate({ error_rate: 0.3 }, 0);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 2500)).toMatchObject([{ state: 'firing' }]);
    evaluator.restart(3000);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 3500)).toMatchObject([{ state: 'pending', previous: 'firing' }]);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 4900)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: 0.3 }, 5000)).toMatchObject([{ state: 'firing', previous: 'pending' }]);
    // A rule that was ok stays ok; restarting changes no state by itself.
    const quiet = createAlertEvaluator([rule()]);
    quiet.evaluate({ error_rate: 0.01 }, 0);
    quiet.restart(100);
    expect(quiet.statuses()[0]!.state).toBe('ok');
  });

  it('for: 0 fires at once, without passing through pending', () => {
    const evaluator = createAlertEvaluator([rule({ for: 0, condition: 'availability < 95%' })]);
    expect(evaluator.evaluate({ availability: 0.9 }, 10)).toMatchObject([{ state: 'firing', previous: 'ok' }]);
  });

  it('an unknown metric (no data yet) changes nothing', () => {
    const evaluator = createAlertEvaluator([rule({ for: 0 }), rule({ name: 'slow', condition: 'p95_latency > 2s' })]);
    expect(evaluator.evaluate({}, 0)).toEqual([]);
    expect(evaluator.evaluate({ error_rate: Number.NaN }, 0)).toEqual([]);
    expect(evaluator.statuses().map((s) => s.state)).toEqual(['ok', 'ok']);
    evaluator.evaluate({ error_rate: 0.5 }, 100);
    // A firing rule whose source goes quiet stays firing rather than being called healthy.
    expect(evaluator.evaluate({}, 200)).toEqual([]);
    expect(evaluator.statuses()[0]!.state).toBe('firing');
  });

  it('compares in base units: seconds become ms, percent a fraction; >= and <= hold at the threshold', () => {
    const evaluator = createAlertEvaluator([
      rule({ name: 'slow', condition: 'response_time >= 5s', for: 0 }),
      rule({ name: 'down', condition: 'availability <= 95%', for: 0 }),
      rule({ name: 'custom', condition: 'queue_depth > 100', for: 0 }),
    ]);
    const changes = evaluator.evaluate({ response_time: 5000, availability: 0.95, queue_depth: 100 }, 0);
    expect(changes.map((c) => c.rule)).toEqual(['slow', 'down']);
  });

  it('a malformed condition is refused naming the rule', () => {
    expect(() => createAlertEvaluator([rule({ name: 'broken', condition: 'error_rate is high' })])).toThrow(
      /alert rule "broken": "error_rate is high" is not a condition/,
    );
    expect(() => createAlertEvaluator([rule({ name: 'neg', for: -1 })])).toThrow(/alert rule "neg": for must be/);
  });
});
