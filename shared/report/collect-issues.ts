import { formatMetricValue } from '../monitor/format-metric';
import { lockLeftText } from '../runs/lock-left';
import type { RunEvent } from '../runs/run-event';
import type { RunState } from '../runs/run-state';
import { errorText, fieldsOf, num, text } from './event-fields';
import type { IssueEntry } from './report-types';

// What went wrong or off the planned path, in journal order: failures, retries (automatic or
// decided), skips with their reasons, alerts that fired, rollbacks, cancellations, interruptions,
// broken locks, locks left held and stale locks released.
// Follow-ups (a decision, an automatic retry, a completed rollback) are listed but not counted.

function itemTexts(state: RunState): Map<string, string> {
  const texts = new Map<string, string>();
  for (const step of [...state.steps, ...(state.rollbackStep ? [state.rollbackStep] : [])])
    for (const item of step.items) texts.set(item.key, item.text);
  for (const item of state.exitCriteria) texts.set(item.key, item.text);
  return texts;
}

export function collectIssues(events: readonly RunEvent[], state: RunState): IssueEntry[] {
  const issues: IssueEntry[] = [];
  const items = itemTexts(state);
  const titles = new Map<string, string>();
  const decidedRetry = new Set<string>();
  const add = (event: RunEvent, entry: Omit<IssueEntry, 'at'>) => issues.push({ at: event.at, ...entry });

  for (const event of events) {
    switch (event.type) {
      case 'guard.failed': {
        const d = fieldsOf(event, 'guard.failed');
        const guard = text(d.guard, 'guard');
        add(event, { kind: 'guard-failed', counted: true, subject: guard, summary: `Guard failed: ${text(d.detail)}` });
        break;
      }
      case 'action.started': {
        const d = fieldsOf(event, 'action.started');
        const key = text(d.action);
        titles.set(key, text(d.title, key));
        const attempt = num(d.attempt) ?? 1;
        if (attempt > 1 && !decidedRetry.delete(key))
          add(event, {
            kind: 'retry',
            counted: false,
            subject: key,
            summary: `Retried automatically (attempt ${attempt})`,
          });
        break;
      }
      case 'action.failed': {
        const d = fieldsOf(event, 'action.failed');
        const key = text(d.action);
        add(event, {
          kind: 'action-failed',
          counted: true,
          subject: key,
          summary: `${titles.get(key) ?? key} failed on attempt ${num(d.attempt) ?? 1}: ${errorText(d.error)}`,
        });
        break;
      }
      case 'check.finished': {
        const d = fieldsOf(event, 'check.finished');
        if (d.ok !== false) break;
        const key = text(d.item);
        const what = items.get(key) ?? key;
        add(event, {
          kind: 'check-failed',
          counted: true,
          subject: key,
          summary: `Automatic check of "${what}" failed: ${text(d.message, 'no message')}`,
        });
        break;
      }
      case 'failure.decided': {
        const d = fieldsOf(event, 'failure.decided');
        const key = text(d.action);
        const decision = text(d.decision, 'unknown');
        if (decision === 'retry') decidedRetry.add(key);
        const reason = text(d.reason);
        add(event, {
          kind: 'decision',
          counted: false,
          subject: key,
          summary: `Decided: ${decision}${reason ? ` — ${reason}` : ''}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'action.skipped': {
        const d = fieldsOf(event, 'action.skipped');
        add(event, {
          kind: 'action-skipped',
          counted: true,
          subject: text(d.action),
          summary: `Skipped: ${text(d.reason, 'no reason given')}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'step.skipped': {
        const d = fieldsOf(event, 'step.skipped');
        // A step the runbook limits to other environments is not an issue: the timeline says why it did not run.
        if (text(d.by) === 'runbook') break;
        add(event, {
          kind: 'step-skipped',
          counted: true,
          subject: text(d.step),
          summary: `Step skipped: ${text(d.reason, 'no reason given')}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'alert.changed': {
        const d = fieldsOf(event, 'alert.changed');
        if (d.state !== 'firing') break;
        const value = num(d.value);
        const then = d.action === 'rollback' ? 'automatic rollback' : 'notify';
        add(event, {
          kind: 'alert',
          counted: true,
          subject: text(d.rule, 'alert'),
          summary: `Alert firing (${text(d.severity, 'unknown severity')}): ${text(d.condition)}${value === undefined ? '' : `, measured ${formatMetricValue(text(d.condition), value)}`}; action: ${then}`,
        });
        break;
      }
      case 'rollback.started': {
        const d = fieldsOf(event, 'rollback.started');
        add(event, {
          kind: 'rollback',
          counted: true,
          subject: 'rollback',
          summary: `Rollback started (trigger: ${text(d.trigger, 'unknown')}): ${text(d.reason)}`,
        });
        break;
      }
      case 'rollback.finished': {
        const d = fieldsOf(event, 'rollback.finished');
        const ok = d.ok === true;
        add(event, {
          kind: 'rollback',
          counted: !ok,
          subject: 'rollback',
          summary: ok ? 'Rollback completed' : `Rollback failed: ${errorText(d.error)}`,
        });
        break;
      }
      case 'run.cancelled': {
        const d = fieldsOf(event, 'run.cancelled');
        add(event, {
          kind: 'cancelled',
          counted: true,
          subject: 'run',
          summary: `Cancelled: ${text(d.reason, 'no reason given')}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'lock.broken': {
        const d = fieldsOf(event, 'lock.broken');
        const previous = d.previous;
        const held = previous
          ? ` (held by ${text(previous.holder)} for run ${text(previous.runId)} since ${text(previous.at)})`
          : '';
        add(event, {
          kind: 'lock-broken',
          counted: true,
          subject: text(d.where, 'deploy lock'),
          summary: `Deploy lock broken${held}: ${text(d.reason, 'no reason given')}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'lock.release-failed': {
        const d = fieldsOf(event, 'lock.release-failed');
        const where = text(d.where, 'deploy lock');
        add(event, {
          kind: 'lock-held',
          counted: true,
          subject: where,
          summary: `Deploy ${lockLeftText({ where, error: text(d.error, 'unknown error') })}`,
        });
        break;
      }
      case 'lock.stale-released': {
        const d = fieldsOf(event, 'lock.stale-released');
        const previous = d.previous;
        add(event, {
          kind: 'lock-stale',
          counted: false,
          subject: text(d.where, 'deploy lock'),
          summary: `Stale deploy lock released (left by run ${text(previous?.runId, 'unknown')} of ${text(previous?.holder, 'unknown')}): ${text(d.proof)}`,
        });
        break;
      }
      case 'run.interrupted': {
        const d = fieldsOf(event, 'run.interrupted');
        add(event, {
          kind: 'interrupted',
          counted: false,
          subject: 'run',
          summary: `Interrupted: ${text(d.reason, 'no reason given')}; the run stayed open${d.lockKept ? ` and kept its lock at ${text(d.lockKept)}` : ''}`,
          by: text(d.by) || undefined,
        });
        break;
      }
      case 'run.finished': {
        const d = fieldsOf(event, 'run.finished');
        const status = text(d.status);
        if (status !== 'failed' && status !== 'aborted') break;
        const reason = text(d.reason);
        add(event, {
          kind: 'run-ended',
          counted: true,
          subject: 'run',
          summary: `Run ended ${status}${reason ? `: ${reason}` : ''}`,
        });
        break;
      }
    }
  }
  return issues;
}
