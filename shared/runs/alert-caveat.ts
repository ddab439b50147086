import { formatMetricValue } from '../monitor/format-metric';
import type { RunEvent } from './run-event';

// A run that ends "succeeded" while a critical alert fired, or while a rollback rule was still
// pending, did not go as well as its status says. Run lists, the run view, the dashboard and the
// report all say so, from this one reading of the journal.

export interface AlertCaveat {
  rule: string;
  /** firing: a critical rule fired during the run; pending: a rollback rule was pending at the end. */
  state: 'firing' | 'pending';
  at: string;
  /** One sentence: "Succeeded, but the critical alert high-error-rate fired at 12%". */
  text: string;
}

interface Change {
  rule: string;
  state: string;
  severity?: string;
  action?: string;
  condition?: string;
  value?: number;
  at: string;
}

const changeOf = (event: RunEvent): Change | undefined => {
  const d = event.data;
  if (typeof d.rule !== 'string' || typeof d.state !== 'string') return undefined;
  return {
    rule: d.rule,
    state: d.state,
    severity: typeof d.severity === 'string' ? d.severity : undefined,
    action: typeof d.action === 'string' ? d.action : undefined,
    condition: typeof d.condition === 'string' ? d.condition : undefined,
    value: typeof d.value === 'number' ? d.value : undefined,
    at: event.at,
  };
};

const valueText = (change: Change) =>
  change.value !== undefined && change.condition ? ` at ${formatMetricValue(change.condition, change.value)}` : '';

export function alertCaveat(events: readonly RunEvent[]): AlertCaveat | undefined {
  const finished = events.findLast((event) => event.type === 'run.finished');
  if (finished?.data.status !== 'succeeded') return undefined;
  const changes = events.filter((event) => event.type === 'alert.changed').flatMap((e) => changeOf(e) ?? []);
  const fired = changes.find((c) => c.state === 'firing' && c.severity === 'critical');
  if (fired) {
    return {
      rule: fired.rule,
      state: 'firing',
      at: fired.at,
      text: `Succeeded, but the critical alert ${fired.rule} fired${valueText(fired)}`,
    };
  }
  const last = new Map<string, Change>();
  for (const change of changes) last.set(change.rule, change);
  const pending = [...last.values()].find((c) => c.state === 'pending' && c.action === 'rollback');
  if (pending) {
    return {
      rule: pending.rule,
      state: 'pending',
      at: pending.at,
      text: `Succeeded, but the rollback rule ${pending.rule} was still pending${valueText(pending)} when the run ended`,
    };
  }
  return undefined;
}
