import type { RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { formatDuration } from '../../../../shared/report/format';
import { formatClock } from './format-clock';
import type { RuleStateView } from './rule-states';

// The figures a release manager looks at first: downtime at the cutover, how many rules need
// attention, and what is being probed.

/** Strategies that switch traffic to a healthy new version promise no downtime; recreate has a planned gap. */
const promisesNone = new Set(['blue-green', 'rolling', 'canary', 'feature-flags', 'swarm']);

export function downtimeText(view: RunMonitoring): {
  value: string;
  detail: string;
  tone?: 'danger' | 'success' | 'info';
} {
  const { downtime, strategy } = view;
  if (!downtime) {
    return view.stopped || view.endedAt
      ? { value: 'Not measured', detail: 'The run recorded no cutover measurement.' }
      : { value: 'Not yet', detail: 'Measured once the cutover is over.' };
  }
  const promise = strategy && promisesNone.has(strategy) ? ` (${strategy} promises none)` : '';
  if (downtime.ms === 0)
    return { value: 'None', detail: `Probes answered throughout the cutover${promise}.`, tone: 'success' };
  const span = downtime.from && downtime.to ? `from ${formatClock(downtime.from)} to ${formatClock(downtime.to)}` : '';
  const stretch = `Longest stretch without answers ${span}`.trim();
  // Judged against what the strategy promises: a recreate's gap is planned, not a broken promise.
  if (strategy === 'recreate')
    return {
      value: formatDuration(downtime.ms),
      detail: `${stretch}; expected: recreate stops the old version first.`,
      tone: 'info',
    };
  return { value: formatDuration(downtime.ms), detail: `${stretch}${promise}`, tone: 'danger' };
}

function rulesText(
  rules: readonly RuleStateView[],
  alerts: RunMonitoring['alerts'],
): {
  value: string;
  detail: string;
  tone?: 'danger' | 'warning' | 'success';
} {
  const count = (state: RuleStateView['state']) => rules.filter((rule) => rule.state === state).length;
  const firing = count('firing');
  const pending = count('pending');
  if (rules.length === 0) return { value: 'No rules', detail: 'The runbook has no alerts: section.' };
  if (count('not-evaluated') === rules.length)
    return { value: 'Not evaluated', detail: `${rules.length} rules, never checked.` };
  const detail = `${firing} firing, ${pending} pending, ${count('ok')} OK`;
  if (firing > 0) return { value: `${firing} firing`, detail, tone: 'danger' };
  if (pending > 0) return { value: `${pending} pending`, detail, tone: 'warning' };
  // Back to OK now, but a rule that fired during the run is what the run is remembered by.
  const fired = new Set(alerts.filter((change) => change.state === 'firing').map((change) => change.rule));
  if (fired.size > 0)
    return { value: `${fired.size} fired`, detail: `${[...fired].join(', ')}; all OK by the end`, tone: 'danger' };
  return { value: 'All OK', detail, tone: 'success' };
}

function Figure({ label, value, detail, tone }: { label: string; value: string; detail: string; tone?: string }) {
  return (
    <div className="monitoring-figure">
      <dt>{label}</dt>
      <dd className={tone ? `monitoring-figure-value tone-${tone}` : 'monitoring-figure-value'}>{value}</dd>
      <dd className="monitoring-figure-detail">{detail}</dd>
    </div>
  );
}

export function MonitoringSummary({ view, rules }: { view: RunMonitoring; rules: readonly RuleStateView[] }) {
  const downtime = downtimeText(view);
  const state = rulesText(rules, view.alerts);
  const probes = view.started.find((start) => start.source === 'probes') ?? view.started[0];
  const windows = view.windows.length;
  return (
    <dl className="monitoring-figures" aria-label="Monitoring summary">
      <Figure label="Downtime during cutover" {...downtime} />
      <Figure label="Alert rules" {...state} />
      <Figure
        label="Probing"
        value={probes ? `${windows} window${windows === 1 ? '' : 's'}` : '—'}
        detail={
          probes
            ? `${probes.target}${probes.ratePerSecond ? ` at ${probes.ratePerSecond}/s` : ''}${view.stopped ? ', stopped' : ''}`
            : '—'
        }
      />
    </dl>
  );
}
