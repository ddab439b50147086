import { describe, expect, it } from 'vitest';
import type { AlertRuleSpec } from '../../../shared/monitor/alert-evaluator';
import { watchRuleQuiet } from './rule-quiet';

// The fired rule judged only on probes sent after the revert, over a whole window of its own.

const rule: AlertRuleSpec = {
  name: 'RollbackOnErrorRate',
  condition: 'error_rate > 10%',
  for: 2000,
  severity: 'critical',
  action: 'rollback',
};

const sample = (at: number, ok: boolean) => ({ at, ok, status: ok ? 200 : 500, latencyMs: 5 });

describe('watchRuleQuiet', () => {
  it('is quiet once a whole window of fresh probes is under the threshold, ignoring probes from before', async () => {
    const watch = watchRuleQuiet(rule, 10_000);
    // Failures sent before the revert (answered after it) do not count.
    for (let at = 9_000; at < 10_000; at += 100) watch.add(sample(at, false), 10_050);
    for (let at = 10_000; at < 11_900; at += 100) watch.add(sample(at, true), at + 5);
    watch.add(sample(12_000, true), 12_005);
    await expect(watch.result).resolves.toEqual({ quiet: true, value: 0, samples: 20 });
  });

  it('is not quiet while the rule still holds, and says what it measured at the end', async () => {
    const watch = watchRuleQuiet(rule, 0);
    for (let at = 0; at < 5_000; at += 100) watch.add(sample(at, at % 200 === 0), at + 5);
    watch.end();
    await expect(watch.result).resolves.toEqual({ quiet: false, value: 0.5, samples: 50 });
  });

  it('does not call a window quiet before it is whole, nor on too few probes', async () => {
    const watch = watchRuleQuiet(rule, 0);
    watch.add(sample(0, true), 5);
    watch.add(sample(2_500, true), 2_505);
    watch.end();
    await expect(watch.result).resolves.toMatchObject({ quiet: false, samples: 2 });
  });

  it('refuses a rule whose condition does not parse, naming it', () => {
    expect(() => watchRuleQuiet({ ...rule, condition: 'error_rate >' }, 0)).toThrow(/alert rule "RollbackOnErrorRate"/);
  });
});
