import type { RunEvent } from '../runs/run-event';
import type { CommitRecord } from '../runs/run-events';
import type { RunState } from '../runs/run-state';
import { fieldsOf, num, text } from './event-fields';
import { between, formatDay } from './format';
import type {
  DeploymentEntry,
  IncidentEntry,
  LessonsEntry,
  NotificationFailure,
  ReportChanges,
  ReportHeader,
  WindowOverride,
} from './report-types';

// The header, the changes, the cutover record, notifications, window overrides, incidents and
// lessons: the parts of the report read straight from single events.

export interface RunFacts {
  header: ReportHeader;
  changes: ReportChanges;
  deployment: DeploymentEntry[];
  notifications: { sent: number; failed: NotificationFailure[] };
  windowOverrides: WindowOverride[];
  incidents: IncidentEntry[];
  lessons?: LessonsEntry;
}

function weightsText(weights: unknown): string {
  if (!weights || typeof weights !== 'object') return 'no weights recorded';
  return Object.entries(weights as Record<string, unknown>)
    .map(([version, weight]) => `${version} ${num(weight) ?? 0} %`)
    .join(', ');
}

function commitsOf(value: unknown): CommitRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map((c: Partial<CommitRecord>) => ({
    hash: text(c?.hash),
    author: text(c?.author),
    date: text(c?.date),
    subject: text(c?.subject),
  }));
}

export function collectRunFacts(events: readonly RunEvent[], state: RunState): RunFacts {
  const facts: RunFacts = {
    header: {},
    changes: { recorded: false, commits: [], truncated: false },
    deployment: [],
    notifications: { sent: 0, failed: [] },
    windowOverrides: [],
    incidents: [],
  };
  let previousFromRelease: string | undefined;
  let carried: number | undefined;
  let plan: ReportHeader['plan'];
  const deployment = (event: RunEvent, what: string, detail: string) =>
    facts.deployment.push({ at: event.at, what, detail });

  for (const event of events) {
    switch (event.type) {
      case 'run.started':
        carried = num(fieldsOf(event, 'run.started').carried);
        break;
      case 'plan.recorded': {
        const d = fieldsOf(event, 'plan.recorded');
        plan = { title: text(d.title), digest: text(d.digest) };
        break;
      }
      case 'changes.recorded': {
        const d = fieldsOf(event, 'changes.recorded');
        facts.changes = {
          recorded: true,
          from: text(d.from) || undefined,
          to: text(d.to) || undefined,
          commits: commitsOf(d.commits),
          truncated: d.truncated === true,
        };
        break;
      }
      case 'strategy.planned': {
        const d = fieldsOf(event, 'strategy.planned');
        const stages = Array.isArray(d.stages) ? d.stages : [];
        const list = stages.map((s) => `${text(s?.title, text(s?.id))} (${(s?.hosts ?? []).join(', ') || 'no hosts'})`);
        deployment(event, `Strategy ${text(d.strategy, 'unknown')} planned`, list.join('; ') || 'no stages');
        break;
      }
      case 'strategy.stage': {
        const d = fieldsOf(event, 'strategy.stage');
        deployment(event, `Stage ${text(d.stage)} ${text(d.state, 'changed')}`, text(d.detail));
        break;
      }
      case 'traffic.switched': {
        const d = fieldsOf(event, 'traffic.switched');
        deployment(event, `Traffic switched on ${text(d.where, 'the proxy')}`, weightsText(d.weights));
        break;
      }
      case 'release.recorded': {
        const d = fieldsOf(event, 'release.recorded');
        const previous = text(d.previous);
        const rolledBack = text(d.rolledBack);
        // A rollback's record names the version it undid, not the one live before the run.
        if (!rolledBack) previousFromRelease ??= previous || undefined;
        const live = `${text(d.version)} live in ${text(d.environment)}`;
        deployment(
          event,
          `Release recorded on ${text(d.where, 'the target')}`,
          rolledBack
            ? `${live} again; ${rolledBack} rolled back${text(d.check) ? ` (${text(d.check)})` : ''}`
            : `${live}${previous ? ` (before: ${previous})` : ''}`,
        );
        break;
      }
      case 'release.unconfirmed': {
        const d = fieldsOf(event, 'release.unconfirmed');
        deployment(
          event,
          `Release NOT recorded on ${text(d.where, 'the target')}`,
          `the rollback should have put ${text(d.expected)} back, but ${text(d.check)}`,
        );
        break;
      }
      case 'notification.sent':
        facts.notifications.sent += 1;
        break;
      case 'notification.failed': {
        const d = fieldsOf(event, 'notification.failed');
        facts.notifications.failed.push({
          at: event.at,
          channel: text(d.channel),
          kind: text(d.kind),
          trigger: text(d.trigger),
          attempt: num(d.attempt) ?? 1,
          error: text(d.error),
          final: d.final === true,
        });
        break;
      }
      case 'window.overridden': {
        const d = fieldsOf(event, 'window.overridden');
        facts.windowOverrides.push({
          at: event.at,
          rule: text(d.rule),
          reason: text(d.reason),
          by: text(d.by),
          role: text(d.role),
        });
        break;
      }
      case 'incident.opened': {
        const d = fieldsOf(event, 'incident.opened');
        facts.incidents.push({ at: event.at, id: text(d.id), reason: text(d.reason), path: text(d.path) });
        break;
      }
      case 'lessons.recorded': {
        const d = fieldsOf(event, 'lessons.recorded');
        facts.lessons = { text: text(d.text), by: text(d.by) || undefined, at: event.at, unsaved: false };
        break;
      }
    }
  }

  facts.header = {
    project: state.project,
    runbook: state.runbook,
    runbookTitle: state.runbookTitle,
    environment: state.environment,
    protected: state.protected,
    version: state.version,
    previousVersion: state.previousVersion ?? previousFromRelease ?? facts.changes.from,
    commit: state.commit,
    notGitRef: state.notGitRef,
    strategy: state.strategy,
    operator: state.operator ? { by: state.operator.by, role: state.operator.role } : undefined,
    plan,
    date: state.startedAt ? formatDay(state.startedAt) : undefined,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    durationMs: between(state.startedAt, state.endedAt),
    carriedTicks: carried,
  };
  return facts;
}
