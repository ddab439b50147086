import { formatMetricValue } from '../monitor/format-metric';
import { errorText, fieldsOf, num, text } from '../report/event-fields';
import { formatDuration } from '../report/format';
import type { RunEvent } from '../runs/run-event';

// An incident's timeline: the journal's notable events (who started what, guards, approvals,
// failures and decisions, traffic switches, alerts, downtime, the rollback, the end), each as one
// sentence with its time. Routine events (checklist ticks, passed actions, monitor windows, output)
// are left out: the full report has them. Fields are read defensively, as the report does.

export interface IncidentTimelineEntry {
  at: string;
  event: string;
  text: string;
}

type Describe = (event: RunEvent, steps: Map<string, string>) => string | undefined;

const weightsText = (weights: unknown) =>
  Object.entries((weights ?? {}) as Record<string, unknown>)
    .map(([version, weight]) => `${version} ${num(weight) ?? '?'} %`)
    .join(', ');

const describers: Record<string, Describe> = {
  'run.started': (e) => {
    const d = fieldsOf(e, 'run.started');
    const strategy = text(d.strategy) ? ` (${text(d.strategy)})` : '';
    return `Run started by ${text(d.operator?.by, 'someone')}: ${text(d.version)} to ${text(d.environment)}${strategy}`;
  },
  'version.resolved': (e) => {
    const d = fieldsOf(e, 'version.resolved');
    const commit = text(d.commit)
      ? ` is commit ${text(d.commit).slice(0, 12)}`
      : d.notGitRef === true
        ? ' (not a git ref)'
        : ' resolved';
    return `Version ${text(d.version)}${commit}; live before: ${text(d.previousVersion, 'unknown')}`;
  },
  'window.overridden': (e) => {
    const d = fieldsOf(e, 'window.overridden');
    return `Deployment window (${text(d.rule)}) overridden by ${text(d.by)} (${text(d.role)}): ${text(d.reason)}`;
  },
  'guard.failed': (e) => {
    const d = fieldsOf(e, 'guard.failed');
    return `Guard "${text(d.guard)}" refused the run: ${text(d.detail)}`;
  },
  'lock.broken': (e) => {
    const d = fieldsOf(e, 'lock.broken');
    return `Deploy lock held by ${text(d.previous?.holder, 'someone')} broken by ${text(d.by)}: ${text(d.reason)}`;
  },
  'confirmation.given': (e) => `${text(fieldsOf(e, 'confirmation.given').by)} confirmed the environment by name`,
  'approval.granted': (e, steps) => {
    const d = fieldsOf(e, 'approval.granted');
    return `${text(d.role)} approval by ${text(d.by)} for ${steps.get(text(d.step)) ?? text(d.step)}`;
  },
  'step.started': (e, steps) => `Step started: ${steps.get(text(fieldsOf(e, 'step.started').step)) ?? '?'}`,
  'step.passed': (e, steps) => `Step passed: ${steps.get(text(fieldsOf(e, 'step.passed').step)) ?? '?'}`,
  'step.failed': (e, steps) => {
    const d = fieldsOf(e, 'step.failed');
    return `Step failed: ${steps.get(text(d.step)) ?? text(d.step)}: ${errorText(d.error)}`;
  },
  'action.failed': (e) => {
    const d = fieldsOf(e, 'action.failed');
    return `Action ${text(d.action)} failed (attempt ${num(d.attempt) ?? 1}): ${errorText(d.error)}`;
  },
  'failure.decided': (e) => {
    const d = fieldsOf(e, 'failure.decided');
    const why = text(d.reason) ? `: ${text(d.reason)}` : '';
    return `${text(d.by)} chose ${text(d.decision)} for ${text(d.action)}${why}`;
  },
  'strategy.stage': (e) => {
    const d = fieldsOf(e, 'strategy.stage');
    return `Stage ${text(d.stage)} ${text(d.state)}${text(d.detail) ? `: ${text(d.detail)}` : ''}`;
  },
  'traffic.switched': (e) => {
    const d = fieldsOf(e, 'traffic.switched');
    return `Traffic switched at ${text(d.where)}: ${weightsText(d.weights)}`;
  },
  'alert.changed': (e) => {
    const d = fieldsOf(e, 'alert.changed');
    if (d.state === 'pending') return undefined;
    const measured = num(d.value);
    const value = measured === undefined ? '' : `, measured ${formatMetricValue(text(d.condition), measured)}`;
    const then = d.state === 'firing' ? ` → ${text(d.action)}` : '';
    return `Alert ${text(d.rule)} ${d.state === 'ok' ? 'resolved' : 'firing'} (${text(d.condition)}${value}, ${text(d.severity)})${then}`;
  },
  'downtime.measured': (e) => {
    const d = fieldsOf(e, 'downtime.measured');
    return `Downtime measured: ${formatDuration(num(d.ms))}`;
  },
  'rollback.started': (e) => {
    const d = fieldsOf(e, 'rollback.started');
    return `Rollback started (${text(d.trigger, 'operator')}): ${text(d.reason)}`;
  },
  'rollback.finished': (e) => {
    const d = fieldsOf(e, 'rollback.finished');
    return d.ok ? 'Rollback finished' : `Rollback FAILED: ${errorText(d.error)}`;
  },
  'release.recorded': (e) => {
    const d = fieldsOf(e, 'release.recorded');
    const was = text(d.previous) ? ` (was ${text(d.previous)})` : '';
    return `Release history: ${text(d.version)} live on ${text(d.environment)}${was}`;
  },
  'notification.failed': (e) => {
    const d = fieldsOf(e, 'notification.failed');
    return d.final ? `Notification to ${text(d.channel)} gave up: ${text(d.error)}` : undefined;
  },
  'run.cancelled': (e) => {
    const d = fieldsOf(e, 'run.cancelled');
    return `Run cancelled by ${text(d.by)}: ${text(d.reason)}`;
  },
  'run.finished': (e) => {
    const d = fieldsOf(e, 'run.finished');
    return `Run ended: ${text(d.status)}${text(d.reason) ? ` (${text(d.reason)})` : ''}`;
  },
};

export function incidentTimeline(events: readonly RunEvent[]): IncidentTimelineEntry[] {
  const steps = new Map<string, string>([['@rollback', 'Rollback']]);
  for (const event of events) {
    if (event.type !== 'run.started') continue;
    const planned = fieldsOf(event, 'run.started').steps;
    for (const step of Array.isArray(planned) ? planned : []) steps.set(text(step.id), text(step.title, step.id));
  }
  const entries: IncidentTimelineEntry[] = [];
  for (const event of events) {
    const line = describers[event.type]?.(event, steps);
    if (line) entries.push({ at: event.at, event: event.type, text: line });
  }
  return entries;
}
