import type { RunEvent } from '../runs/run-event';
import type { RunState, StepState, StepView } from '../runs/run-state';
import { errorText, fieldsOf, num, text } from './event-fields';
import { between } from './format';
import type { FailedActionOutput, TimelineEntry, TimelineOutcome } from './report-types';

// Every step and every action attempt, from the events that recorded them: an attempt starts at
// its `action.started` and ends at its `action.passed` / `action.failed`; one with no end was
// interrupted (a crash, then a resume) or is still running. Planned actions never started say so.

interface Collected {
  timeline: TimelineEntry[];
  failedActions: FailedActionOutput[];
}

function stepOutcome(state: StepState, open: boolean): TimelineOutcome {
  switch (state) {
    case 'pending':
      return 'not run';
    case 'running':
      return open ? 'running' : 'interrupted';
    case 'waiting':
      return open ? 'waiting' : 'interrupted';
    case 'rolled-back':
      return 'rolled back';
    default:
      return state;
  }
}

function appendDetail(entry: TimelineEntry, more: string): void {
  entry.detail = entry.detail ? `${entry.detail}; ${more}` : more;
}

export function collectTimeline(events: readonly RunEvent[], state: RunState): Collected {
  const open = state.status === 'open';
  const steps: StepView[] = [...state.steps, ...(state.rollbackStep ? [state.rollbackStep] : [])];
  const titles = new Map(steps.map((step) => [step.id, step.title]));
  const attemptsByStep = new Map<string, TimelineEntry[]>();
  // The latest attempt of each action, by step then action (no joined string keys: this runs per event).
  const latest = new Map<string, Map<string, TimelineEntry>>();
  const running = new Set<TimelineEntry>();
  const lastOf = (step: string, action: string) => latest.get(step)?.get(action);
  const passedBeforeRollback = new Set<string>();
  const failedActions: FailedActionOutput[] = [];

  const attemptsOf = (step: string) => {
    const list = attemptsByStep.get(step) ?? [];
    attemptsByStep.set(step, list);
    return list;
  };

  // An attempt cut short by an interruption or a crash lasted until the run stopped, not until the
  // end of the report: until `run.interrupted`, else the last event journaled before the resume.
  let previousAt: string | undefined;
  const stopRunning = (at: string | undefined) => {
    for (const entry of running) entry.durationMs ??= between(entry.startedAt, at);
  };

  for (const event of events) {
    const lastAt = previousAt;
    previousAt = event.at;
    switch (event.type) {
      case 'run.interrupted':
        stopRunning(event.at);
        break;
      case 'run.finished':
        // Closed after a crash: what was running stopped before the close was journaled.
        stopRunning(lastAt);
        break;
      case 'action.started': {
        const d = fieldsOf(event, 'action.started');
        const step = text(d.step);
        const action = text(d.action);
        const entry: TimelineEntry = {
          kind: 'action',
          step,
          stepTitle: titles.get(step) ?? step,
          action,
          title: text(d.title) || action || 'unnamed action',
          type: text(d.type) || undefined,
          attempt: num(d.attempt) ?? 1,
          startedAt: event.at,
          outcome: 'running',
        };
        attemptsOf(step).push(entry);
        running.add(entry);
        const actions = latest.get(step) ?? new Map<string, TimelineEntry>();
        latest.set(step, actions);
        actions.set(action, entry);
        break;
      }
      case 'action.passed':
      case 'action.failed': {
        const d = fieldsOf(event, 'action.failed');
        const entry = lastOf(text(d.step), text(d.action));
        if (!entry) break;
        running.delete(entry);
        entry.durationMs = num(d.durationMs) ?? between(entry.startedAt, event.at);
        if (event.type === 'action.passed') {
          entry.outcome = 'passed';
          break;
        }
        entry.outcome = 'failed';
        entry.detail = errorText(d.error);
        failedActions.push({
          step: entry.step,
          action: entry.action ?? '',
          title: entry.title,
          attempt: num(d.attempt) ?? entry.attempt ?? 1,
          at: event.at,
          error: { code: text(d.error?.code, 'error'), message: text(d.error?.message, 'unknown error') },
          tail: Array.isArray(d.tail) ? d.tail.map((line) => text(line)) : [],
        });
        break;
      }
      case 'action.skipped': {
        const d = fieldsOf(event, 'action.skipped');
        const step = text(d.step);
        const action = text(d.action);
        const why = `skipped by ${text(d.by, 'someone')}: ${text(d.reason, 'no reason given')}`;
        const entry = lastOf(step, action);
        if (entry) appendDetail(entry, why);
        else
          attemptsOf(step).push({
            kind: 'action',
            step,
            stepTitle: titles.get(step) ?? step,
            action,
            title: action,
            startedAt: event.at,
            outcome: 'skipped',
            detail: why,
          });
        break;
      }
      case 'manual.continued': {
        const d = fieldsOf(event, 'manual.continued');
        const entry = lastOf(text(d.step), text(d.action));
        const note = text(d.note);
        if (entry) appendDetail(entry, `continued by ${text(d.by, 'someone')}${note ? `: ${note}` : ''}`);
        break;
      }
      case 'run.resumed':
        // Whatever was running when the app stopped did not finish in that process.
        stopRunning(lastAt);
        for (const entry of running) entry.outcome = 'interrupted';
        running.clear();
        break;
      case 'step.passed':
        passedBeforeRollback.add(text(fieldsOf(event, 'step.passed').step));
        break;
    }
  }
  for (const entry of running) entry.outcome = open ? 'running' : 'interrupted';

  const timeline: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const attempts = attemptsByStep.get(step.id) ?? [];
    // The rollback procedure is listed only when the run rolled back.
    if (step.id.startsWith('@') && step.state === 'pending' && attempts.length === 0) continue;
    seen.add(step.id);
    const outcome = stepOutcome(step.state, open);
    const startedAt = step.startedAt ?? step.endedAt;
    let detail = step.skipReason ?? (step.error ? errorText(step.error) : undefined);
    if (outcome === 'rolled back') detail = passedBeforeRollback.has(step.id) ? 'passed, then rolled back' : detail;
    timeline.push({
      kind: 'step',
      step: step.id,
      stepTitle: step.title,
      title: step.title,
      startedAt,
      durationMs: step.endedAt ? between(startedAt, step.endedAt) : undefined,
      outcome,
      detail,
    });
    timeline.push(...attempts);
    if (outcome === 'not run' || step.state === 'skipped') continue;
    const started = new Set(attempts.map((a) => a.action));
    for (const action of step.actions) {
      if (started.has(action.key)) continue;
      timeline.push({
        kind: 'action',
        step: step.id,
        stepTitle: step.title,
        action: action.key,
        title: action.title,
        type: action.type,
        outcome: 'not run',
      });
    }
  }
  // Actions journaled under a step the run did not plan (a damaged or hand-made journal) still show.
  for (const [step, attempts] of attemptsByStep) if (!seen.has(step)) timeline.push(...attempts);
  return { timeline, failedActions };
}
