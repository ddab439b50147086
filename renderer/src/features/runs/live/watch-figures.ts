import type { RunMonitoring } from '../../../../../shared/api/schemas/monitoring';
import { parseAlertCondition } from '../../../../../shared/formats/alert-condition';
import { formatMetricValue } from '../../../../../shared/monitor/format-metric';
import { probeMetrics, tooFewMeasured } from '../../../../../shared/monitor/probe-metrics';
import { type RuleStateView, ruleStates } from '../../monitoring/rule-states';

// What a running watch shows: the last probe window's error rate, p95 and availability, each rule
// beside its threshold with the figure it is judged on now, and its state (pending/firing with the
// value that changed it). A window this machine mostly held up is "not measured", never 0 %.

export interface WatchFigure {
  label: string;
  /** Undefined: no window yet, or the last one was not measured. */
  value?: string;
}

export interface WatchRule extends RuleStateView {
  /** The rule's metric in the last window, written the way the rule is. */
  now?: string;
}

export interface WatchFigures {
  /** The last window's end; undefined before the first window. */
  at?: string;
  /** The last window's probes this machine held up (issue #18), when there were any. */
  notMeasured?: number;
  /** Too few probes measured the app in the last window for its figures to mean anything. */
  heldUp: boolean;
  figures: WatchFigure[];
  rules: WatchRule[];
}

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

export function watchFigures(view: RunMonitoring): WatchFigures {
  const probes = view.windows.filter((w) => w.source === 'probes');
  const last = (probes.length > 0 ? probes : view.windows).at(-1);
  const heldUp = last !== undefined && tooFewMeasured(last.metrics);
  const metrics = last && !heldUp ? last.metrics : undefined;
  const values = last ? probeMetrics(last.metrics) : {};
  return {
    at: last?.to,
    notMeasured: last?.metrics.notMeasured || undefined,
    heldUp,
    figures: [
      { label: 'Error rate', value: metrics ? percent(metrics.errorRate) : undefined },
      { label: 'p95 latency', value: metrics?.p95 !== undefined ? `${Math.round(metrics.p95)} ms` : undefined },
      { label: 'Availability', value: metrics ? percent(metrics.availability) : undefined },
    ],
    rules: ruleStates(view).map((rule) => {
      const parsed = parseAlertCondition(rule.condition);
      const value = 'error' in parsed ? undefined : values[parsed.metric];
      return { ...rule, now: value !== undefined ? formatMetricValue(rule.condition, value) : undefined };
    }),
  };
}

/** `m:ss` left of the watch, never below zero. */
export function timeLeft(startedAt: string, durationMs: number, now: number): string {
  const left = Math.max(0, Date.parse(startedAt) + durationMs - now);
  const seconds = Math.ceil(left / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
