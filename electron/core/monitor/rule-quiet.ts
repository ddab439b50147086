import { parseAlertCondition } from '../../../shared/formats/alert-condition';
import { type AlertRuleSpec, conditionHolds } from '../../../shared/monitor/alert-evaluator';
import { type MetricValues, mergeMetrics, probeMetrics } from '../../../shared/monitor/probe-metrics';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { createSlidingWindow } from '../../../shared/monitor/sliding-window';

// After a revert that leaves the code in place (a feature flag turned off), what shows it worked
// is that the errors stopped: the rule that fired, judged only on probes sent since the revert,
// stays under its threshold for as long as its own `for` (at least 1 s) would need to fire again.
// The monitor's own sliding window cannot say so: it still holds the bad minute before the revert.

export interface RuleQuietResult {
  /** The rule held false over a full fresh window. */
  quiet: boolean;
  /** The metric over the last fresh window judged (undefined: nothing measured it since). */
  value?: number;
  /** Probe samples seen since the watch began. */
  samples: number;
}

export interface RuleQuietWatch {
  /** Feed every probe sample taken after the watch began. */
  add(sample: ProbeSample, now: number): void;
  /** Resolves quiet as soon as the rule held false over a full window, or with the last figures at the deadline. */
  readonly result: Promise<RuleQuietResult>;
  /** Ends the watch now (deadline, abort): resolves `result` with what was seen. */
  end(): void;
}

/** Fewer answers than this are too few to call a rule quiet, whatever their error rate. */
const MIN_SAMPLES = 5;

export function watchRuleQuiet(
  rule: AlertRuleSpec,
  startedAt: number,
  otherValues: () => MetricValues = () => ({}),
): RuleQuietWatch {
  const parsed = parseAlertCondition(rule.condition);
  if ('error' in parsed) throw new Error(`alert rule "${rule.name}": ${parsed.error}`);
  const span = Math.max(rule.for, 1000);
  const window = createSlidingWindow(span);
  let samples = 0;
  let value: number | undefined;
  let settle: (result: RuleQuietResult) => void = () => {};
  const result = new Promise<RuleQuietResult>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (quiet: boolean): void => {
    if (done) return;
    done = true;
    settle({ quiet, value, samples });
  };
  return {
    add(sample, now) {
      if (done || sample.at < startedAt) return;
      samples++;
      window.add(sample);
      const values = mergeMetrics(probeMetrics(window.summary(now).metrics), otherValues());
      const measured = values[parsed.metric];
      if (measured === undefined || Number.isNaN(measured)) return;
      value = measured;
      // A whole window of fresh probes, and enough of them to mean something.
      if (now - startedAt < span || window.size(now) < MIN_SAMPLES) return;
      if (!conditionHolds(parsed, measured)) finish(true);
    },
    result,
    end: () => finish(false),
  };
}
