import { formatDuration } from '../formats/duration';
import type { NotifyTrigger } from '../formats/notifications-schema';
import type { ErrorRecord } from '../runs/run-events';
import { type RunState, rollbackStepId, type StepView } from '../runs/run-state';
import type { Fact, MessageOptions, NotificationMessage, RunBrief, Severity, TriggerContext } from './message-types';

// What a stakeholder is told at each moment of a run, drawn from the run's state (folded from its
// journal) and the event that triggered it. Pure: the notifier, the preview and the tests agree.

function stepOf(state: RunState, id: string | undefined): StepView | undefined {
  if (!id) return undefined;
  return id === rollbackStepId ? state.rollbackStep : state.steps.find((step) => step.id === id);
}

function stepName(state: RunState, id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (id === rollbackStepId) return 'Rollback';
  return stepOf(state, id)?.title ?? id;
}

function roleName(state: RunState, role: string): string {
  const title = state.roles[role];
  return title && title !== role ? `${title} (${role})` : role;
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

interface Failure {
  step?: string;
  action?: string;
  error?: ErrorRecord;
}

/** The failure a `failed` notification is about: the event's own words first, then the state's. */
function failureOf(state: RunState, context: TriggerContext): Failure {
  const stepId = context.step ?? state.currentStep;
  const step = stepOf(state, stepId);
  const decision = step?.waitingFor?.decision;
  const action =
    step?.actions.find((a) => a.key === (context.action ?? decision)) ??
    step?.actions.find((a) => a.state === 'failed');
  const item = step?.items.find((i) => i.key === (context.action ?? decision));
  const itemError = item?.check && !item.check.ok ? { code: 'check-failed', message: item.check.message } : undefined;
  const error = context.error ?? action?.error ?? itemError ?? step?.error;
  return {
    step: stepId,
    action: context.action ?? action?.key ?? item?.key,
    error: error ?? (state.endReason ? { code: 'failed', message: state.endReason } : undefined),
  };
}

export function runBrief(state: RunState): RunBrief {
  return {
    id: state.id,
    project: state.project,
    environment: state.environment,
    version: state.version,
    previousVersion: state.previousVersion,
    runbook: state.runbookTitle ?? state.runbook,
    strategy: state.strategy,
    operator: state.operator?.by,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}

function baseFacts(state: RunState): Fact[] {
  const facts: Array<[string, string | undefined]> = [
    ['Environment', state.environment],
    ['Version', state.version],
    ['Previous version', state.previousVersion],
    ['Project', state.project],
    ['Operator', state.operator?.by],
    ['Runbook', state.runbookTitle ?? state.runbook],
    ['Strategy', state.strategy],
    ['Run', state.id],
  ];
  return facts.filter((f): f is [string, string] => Boolean(f[1])).map(([name, value]) => ({ name, value }));
}

interface Parts {
  title: string;
  text: string;
  severity: Severity;
  facts: Fact[];
}

const endWords = {
  succeeded: { word: 'Succeeded', severity: 'success' },
  failed: { word: 'Failed', severity: 'error' },
  'rolled-back': { word: 'Rolled back', severity: 'warning' },
  aborted: { word: 'Aborted', severity: 'warning' },
} as const;

function partsFor(trigger: NotifyTrigger, state: RunState, context: TriggerContext, at?: string): Parts {
  const what = [state.project, state.version].filter(Boolean).join(' ') || 'the release';
  const where = state.environment ?? 'its environment';
  switch (trigger) {
    case 'run-started': {
      const live = state.previousVersion ? ` (live now: ${state.previousVersion})` : '';
      const who = state.operator?.by ?? 'The operator';
      return {
        title: `Deploying ${what} to ${where}`,
        text: `${who} started deploying ${what} to ${where}${live}.`,
        severity: 'info',
        facts: [],
      };
    }
    case 'approval-requested': {
      const stepId = context.step ?? state.currentStep;
      const step = stepOf(state, stepId);
      const roles =
        context.roles ?? step?.waitingFor?.approvals ?? step?.approvals.filter((a) => !a.by).map((a) => a.role);
      const who = list((roles ?? []).map((role) => roleName(state, role))) || 'an approver';
      const name = stepName(state, stepId) ?? 'the next step';
      return {
        title: `Approval needed: ${what} on ${where}`,
        text: `Step "${name}" waits for approval by ${who} before it goes on.`,
        severity: 'info',
        facts: [
          { name: 'Step', value: name },
          { name: 'Waiting for', value: who },
        ],
      };
    }
    case 'failed': {
      const failure = failureOf(state, context);
      const name = stepName(state, failure.step);
      const waits = stepOf(state, failure.step)?.waitingFor?.decision !== undefined && state.status === 'open';
      const place = name ? ` in step "${name}"` : '';
      const message = failure.error?.message ?? 'no reason was recorded';
      return {
        title: `Failure: ${what} on ${where}`,
        text: `The deployment failed${place}: ${message}.${waits ? ' It waits for a decision: retry, skip, roll back or abort.' : ''}`,
        severity: 'error',
        facts: [
          ...(name ? [{ name: 'Step', value: name }] : []),
          ...(failure.action ? [{ name: 'Failed', value: failure.action }] : []),
          { name: 'Error', value: message },
        ],
      };
    }
    case 'rolled-back': {
      const reason = context.reason ?? state.rollback?.reason ?? 'no reason recorded';
      const how = context.rollbackTrigger ?? state.rollback?.trigger;
      const back = rollbackWords(state);
      return {
        title: `Rolling back ${what} on ${where}`,
        text: `The deployment is being rolled back: ${reason}.${back}`,
        severity: 'warning',
        facts: [
          { name: 'Reason', value: reason },
          ...(how ? [{ name: 'Triggered by', value: how === 'alert' ? 'an alert rule' : how }] : []),
        ],
      };
    }
    case 'finished': {
      const status =
        context.status ?? (state.status === 'open' || state.status === 'unreadable' ? 'failed' : state.status);
      const end = endWords[status];
      const reason = context.reason ?? state.endReason;
      const took = durationOf(state.startedAt, state.endedAt ?? at);
      const outcome =
        status === 'succeeded'
          ? `${what} is live on ${where}.`
          : `The deployment of ${what} to ${where} ${status === 'failed' ? 'failed' : `was ${end.word.toLowerCase()}`}${reason ? `: ${reason}` : ''}.`;
      return {
        title: `${end.word}: ${what} on ${where}`,
        text: took ? `${outcome} It took ${took}.` : outcome,
        severity: end.severity,
        facts: [{ name: 'Status', value: status }, ...(took ? [{ name: 'Duration', value: took }] : [])],
      };
    }
  }
}

/**
 * What this rollback changes, from what the run did: traffic goes back only where traffic had
 * moved to the new version; otherwise the strategy's changes are undone and the runbook's
 * rollback actions run, each said as it is.
 */
function rollbackWords(state: RunState): string {
  const previous = state.previousVersion ?? 'the previous version';
  const version = state.version ?? 'the new version';
  const deploy = state.steps.flatMap((step) => step.actions).find((a) => a.type === 'deploy' && a.state !== 'pending');
  const moved = (state.traffic?.[version] ?? 0) > 0;
  const actions = state.rollbackStep?.actions.filter((a) => a.type !== 'deploy.revert').map((a) => a.title) ?? [];
  const parts: string[] = [];
  if (moved) parts.push(`Traffic goes back to ${previous}.`);
  else if (deploy) {
    const strategy = (deploy.plan as { strategy?: string } | undefined)?.strategy ?? state.strategy ?? 'deploy';
    parts.push(`No traffic had moved to ${version}: the ${strategy} deployment's changes are undone.`);
  }
  if (actions.length > 0) parts.push(`The runbook's rollback actions run: ${actions.join('; ')}.`);
  if (parts.length === 0) parts.push(`No traffic had moved to ${version} and the runbook has no rollback actions.`);
  return ` ${parts.join(' ')}`;
}

function durationOf(from: string | undefined, to: string | undefined): string | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? formatDuration(ms) : undefined;
}

/** The message for one moment of a run; `options.context` carries what the triggering event said. */
export function messageFor(trigger: NotifyTrigger, state: RunState, options: MessageOptions = {}): NotificationMessage {
  const parts = partsFor(trigger, state, options.context ?? {}, options.at);
  const report = options.report;
  const link = report?.url ?? report?.path;
  const facts = [...parts.facts, ...baseFacts(state), ...(link ? [{ name: 'Report', value: link }] : [])];
  return {
    trigger,
    title: parts.title,
    text: parts.text,
    facts,
    severity: parts.severity,
    run: runBrief(state),
    ...(report?.path || report?.url ? { report: { path: report.path, url: report.url } } : {}),
    ...(report?.markdown ? { reportMarkdown: report.markdown } : {}),
  };
}
