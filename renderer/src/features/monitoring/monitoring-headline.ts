import type { AlertChange, RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { formatMetricValue } from '../../../../shared/monitor/format-metric';
import { formatDuration } from '../../../../shared/report/format';
import { formatClock } from './format-clock';

// What happened, in one line, before any figure: the rule that fired and what it led to
// ("high-error-rate fired 09:03:45 at 12% → rolled back in 0.1 s"). A rule back to OK by the end
// of the run still fired; the headline must not read "All OK" over a rollback.

export interface Headline {
  tone: 'danger' | 'warning';
  text: string;
}

const atValue = (change: AlertChange) =>
  change.value !== undefined ? ` at ${formatMetricValue(change.condition, change.value)}` : '';

/** The firing that matters most: the rollback rule that started the rollback, else the first critical, else the first. */
function leadingFiring(view: RunMonitoring): AlertChange | undefined {
  const fired = view.alerts.filter((change) => change.state === 'firing');
  const rollback = view.rollback;
  if (rollback?.trigger === 'alert') {
    const cause = fired.findLast((c) => c.action === 'rollback' && Date.parse(c.at) <= Date.parse(rollback.at));
    if (cause) return cause;
  }
  return fired.find((c) => c.severity === 'critical') ?? fired[0];
}

function rollbackPart(view: RunMonitoring, since: string): string {
  const rollback = view.rollback;
  if (!rollback) return '';
  const took = (to: string) => formatDuration(Date.parse(to) - Date.parse(since));
  if (!rollback.endedAt) return ` → rolling back since ${formatClock(rollback.at)}`;
  return rollback.ok
    ? ` → rolled back in ${took(rollback.endedAt)}`
    : ` → the rollback failed after ${took(rollback.endedAt)}`;
}

export function monitoringHeadline(view: RunMonitoring): Headline | undefined {
  const firing = leadingFiring(view);
  if (firing) {
    const others = new Set(
      view.alerts.filter((c) => c.state === 'firing' && c.rule !== firing.rule).map((c) => c.rule),
    );
    const more = others.size > 0 ? ` (and ${[...others].join(', ')} fired)` : '';
    return {
      tone: 'danger',
      text: `${firing.rule} fired ${formatClock(firing.at)}${atValue(firing)}${rollbackPart(view, firing.at)}${more}`,
    };
  }
  if (view.rollback) {
    const who = { operator: 'by the operator', policy: 'by the failure policy', alert: 'by an alert' }[
      view.rollback.trigger
    ];
    return {
      tone: 'danger',
      text: `Rolled back ${who} at ${formatClock(view.rollback.at)}: ${view.rollback.reason}${rollbackPart(view, view.rollback.at).replace(' → rolled back', ' → done')}`,
    };
  }
  // A rollback rule still pending when the run ended: it was on its way to rolling back.
  if (view.endedAt) {
    const pending = view.rules
      .map((rule) => view.alerts.findLast((c) => c.rule === rule.name))
      .filter((c): c is AlertChange => c?.state === 'pending' && c.action === 'rollback');
    if (pending[0]) {
      return {
        tone: 'warning',
        text: `${pending[0].rule} was pending${atValue(pending[0])} when the run ended (since ${formatClock(pending[0].at)}): it would have rolled back had it held`,
      };
    }
  }
  return undefined;
}
