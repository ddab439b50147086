import { parseAlertCondition } from '../formats/alert-condition';
import { formatMetricValue } from '../monitor/format-metric';
import { fieldsOf, num, text } from '../report/event-fields';
import type { RunEvent } from '../runs/run-event';

// The worst figure each alert rule measured, as its alert.changed events carry it. A rule judges
// its own sliding window, so it can see 96 % errors while the fixed one-minute monitoring windows
// average the same seconds down to 80 %: the incident names the rule's figure, and says which
// figure came from where. Only measured values reach here (the monitor journals none for samples
// it could not measure), so a loaded laptop's late probes never make the incident look worse.

export interface RuleWorst {
  rule: string;
  condition: string;
  metric: string;
  /** Worst in the rule's direction: highest for `>`/`>=`, lowest for `<`/`<=`. */
  value: number;
  /** As the rule is written: "96%", "2480 ms". */
  shown: string;
  /** When the rule measured it. */
  at: string;
}

export function worstByRule(events: readonly RunEvent[]): RuleWorst[] {
  const worst = new Map<string, RuleWorst>();
  for (const event of events) {
    if (event.type !== 'alert.changed') continue;
    const d = fieldsOf(event, 'alert.changed');
    const value = num(d.value);
    const rule = text(d.rule);
    const condition = text(d.condition);
    const parsed = parseAlertCondition(condition);
    if (value === undefined || Number.isNaN(value) || !rule || 'error' in parsed) continue;
    const higherIsWorse = parsed.op === '>' || parsed.op === '>=';
    const seen = worst.get(rule);
    if (seen && (higherIsWorse ? value <= seen.value : value >= seen.value)) continue;
    worst.set(rule, {
      rule,
      condition,
      metric: parsed.metric,
      value,
      shown: formatMetricValue(condition, value),
      at: event.at,
    });
  }
  return [...worst.values()];
}

/** The worst error rate of the run and what measured it. */
export type WorstErrorRate =
  | { errorRate: number; measuredBy: 'alert-rule'; rule: string; condition: string; at: string }
  | { errorRate: number; measuredBy: 'monitor-window'; source: string; phase: string; from: string; to: string };

export function worstErrorRate(
  rules: readonly RuleWorst[],
  window: { errorRate: number; from: string; to: string; source: string; phase: string } | undefined,
): WorstErrorRate | undefined {
  let worst: WorstErrorRate | undefined = window && { measuredBy: 'monitor-window', ...window };
  for (const r of rules) {
    if (r.metric !== 'error_rate' || (worst && r.value <= worst.errorRate)) continue;
    worst = { errorRate: r.value, measuredBy: 'alert-rule', rule: r.rule, condition: r.condition, at: r.at };
  }
  return worst;
}
