import type { AlertState, MonitoringRule, RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { formatMetricValue } from '../../../../shared/monitor/format-metric';
import { type ChartId, chartOfRule } from './chart-data';

// Each alert rule's state as the journal last recorded it. A rule that never changed was ok for
// as long as monitoring ran; with no monitoring at all it was never evaluated, which is not "ok".

export type RuleState = AlertState | 'not-evaluated';

export interface RuleStateView extends MonitoringRule {
  state: RuleState;
  /** When the rule entered its state (its last alert.changed). */
  since?: string;
  /** The value that changed it, as the rule writes it (`12 %`, `2480 ms`). */
  value?: string;
  chart?: ChartId;
}

export function ruleStates(view: RunMonitoring): RuleStateView[] {
  const monitored = view.started.length > 0;
  return view.rules.map((rule) => {
    const last = view.alerts.findLast((change) => change.rule === rule.name);
    return {
      ...rule,
      state: last?.state ?? (monitored ? 'ok' : 'not-evaluated'),
      since: last?.at,
      value: last?.value !== undefined ? formatMetricValue(rule.condition, last.value) : undefined,
      chart: chartOfRule(rule),
    };
  });
}

/** Firing first, then pending: what needs attention leads the list. */
export function byUrgency(rules: readonly RuleStateView[]): RuleStateView[] {
  const rank: Record<RuleState, number> = { firing: 0, pending: 1, ok: 2, 'not-evaluated': 3 };
  return [...rules].sort((a, b) => rank[a.state] - rank[b.state]);
}
