import { alertCaveat } from '../runs/alert-caveat';
import { createRedactor, type Redactor } from '../runs/redact';
import type { RunEvent } from '../runs/run-event';
import { foldRun } from '../runs/run-state';
import { collectApprovals, collectChecklists, collectConfirmations, summarizeGates } from './collect-checklists';
import { collectIssues } from './collect-issues';
import { collectMetrics } from './collect-metrics';
import { collectRunFacts } from './collect-run';
import { collectTimeline } from './collect-timeline';
import type { ReportData, ReportOptions } from './report-types';

// The report as a plain JSON object, derived only from the journal's events (and, for lessons
// learned, the operator's edit). The markdown renderer reads this; `--format json` prints it.

function runIdOf(events: readonly RunEvent[], fallback?: string): string {
  const started = events.find((event) => event.type === 'run.started');
  const id = started?.data.runId;
  return (typeof id === 'string' && id) || fallback || 'unknown-run';
}

/** Masks secrets in every string of the report, keys included (a version label is a key in `versions`). */
function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redact(key)] = redactDeep(item, redact);
    return out as T;
  }
  return value;
}

/**
 * Action, process and monitoring events are most of a long journal, and the reducer looks each
 * action up in its step's list; the report rebuilds every attempt itself (collect-timeline), so it
 * folds the run without them: step, item, approval and run states come out the same.
 */
function foldWithoutAttempts(runId: string, events: readonly RunEvent[]) {
  return foldRun(
    runId,
    events.filter(
      (e) => !e.type.startsWith('action.') && !e.type.startsWith('process.') && e.type !== 'monitor.window',
    ),
  );
}

export function reportData(events: readonly RunEvent[], options: ReportOptions = {}): ReportData {
  const runId = runIdOf(events, options.runId);
  const state = foldWithoutAttempts(runId, events);
  const open = state.status === 'open';
  const { timeline, failedActions } = collectTimeline(events, state);
  const issues = collectIssues(events, state);
  const { metrics, downtime } = collectMetrics(events);
  const checklists = collectChecklists(state);
  const facts = collectRunFacts(events, state);
  const lastEvent = events.at(-1);
  // An edit equal to what the journal holds is not an unsaved change.
  const edited = options.lessons !== undefined && options.lessons !== facts.lessons?.text;
  const lessons = edited ? { text: options.lessons ?? '', unsaved: true } : facts.lessons;
  const data: ReportData = {
    runId,
    open,
    generatedAt: options.now,
    journal: { events: events.length, finalHash: lastEvent?.hash, lastAt: lastEvent?.at, problem: options.problem },
    header: facts.header,
    results: {
      status: state.status,
      endReason: state.endReason,
      downtime,
      issueCount: issues.filter((issue) => issue.counted).length,
      rollback: state.rollback,
      lockLeft: state.lockLeft,
      interrupted: open ? state.interrupted : undefined,
      caveat: alertCaveat(events),
    },
    metrics,
    timeline,
    deployment: facts.deployment,
    gates: summarizeGates(checklists),
    checklists,
    approvals: collectApprovals(events, state),
    confirmations: collectConfirmations(events),
    changes: facts.changes,
    issues,
    notifications: facts.notifications,
    windowOverrides: facts.windowOverrides,
    incidents: facts.incidents,
    lessons,
    failedActions,
  };
  const secrets = options.secrets ?? [];
  return secrets.length > 0 ? redactDeep(data, createRedactor(secrets)) : data;
}
