import { tooFewMeasured } from '../monitor/probe-metrics';
import { collectMetrics } from '../report/collect-metrics';
import { errorText, fieldsOf, num, text } from '../report/event-fields';
import type { PhaseMetrics } from '../report/report-types';
import type { RunEvent } from '../runs/run-event';
import type { EndStatus } from '../runs/run-events';
import { foldRun, type RunState } from '../runs/run-state';
import { type IncidentTimelineEntry, incidentTimeline } from './incident-timeline';
import { type RuleWorst, type WorstErrorRate, worstByRule, worstErrorRate } from './rule-worst';

// What an incident record says about a run, drawn from its journal alone: whether the run calls
// for one (it failed or rolled back on a protected environment), why, its timeline and its
// measured impact. Called at the end of a run, before or after run.finished is journaled.

export interface IncidentImpact {
  /** Undefined: no downtime was measured (no probes ran), which is not the same as none. */
  downtime?: { ms: number; from?: string; to?: string };
  /** Monitoring folded per source and phase (before, during, after the cutover). */
  phases: PhaseMetrics[];
  /** The worst error rate any one fixed monitoring window saw, with when. */
  worstWindow?: { errorRate: number; from: string; to: string; source: string; phase: string };
  /** The worst value each alert rule measured over its own sliding window (from alert.changed). */
  worstByRule: RuleWorst[];
  /** The worst error rate of the run, the rules' and the windows' together, with what measured it. */
  worstErrorRate?: WorstErrorRate;
  alertsFired: Array<{ rule: string; condition: string; severity: string; action: string; at: string }>;
}

export interface IncidentFacts {
  runId: string;
  state: RunState;
  /** failed / rolled-back (or aborted after a failure) call for an incident on a protected environment. */
  outcome: EndStatus | 'open';
  /** The run failed or rolled back on a protected environment. */
  callsForIncident: boolean;
  reason: string;
  timeline: IncidentTimelineEntry[];
  impact: IncidentImpact;
}

function runIdOf(events: readonly RunEvent[]): string | undefined {
  const started = events.find((e) => e.type === 'run.started');
  return started ? text(fieldsOf(started, 'run.started').runId) || undefined : undefined;
}

/** The end status given, else the journaled one, else the one a rollback under way implies. */
function outcomeOf(state: RunState, status: EndStatus | undefined): EndStatus | 'open' {
  if (status) return status;
  if (state.status !== 'open' && state.status !== 'unreadable') return state.status;
  if (state.rollback) return state.rollback.ok === false ? 'failed' : 'rolled-back';
  return 'open';
}

function failureText(state: RunState): string | undefined {
  const failed = [...state.steps, ...(state.rollbackStep ? [state.rollbackStep] : [])].filter((s) => s.error);
  const last = failed.at(-1);
  return last?.error ? `step ${last.id} failed: ${errorText(last.error)}` : undefined;
}

function impactOf(events: readonly RunEvent[]): IncidentImpact {
  const { metrics, downtime } = collectMetrics(events);
  let worstWindow: IncidentImpact['worstWindow'];
  const alertsFired: IncidentImpact['alertsFired'] = [];
  for (const event of events) {
    if (event.type === 'monitor.window') {
      const d = fieldsOf(event, 'monitor.window');
      const rate = num(d.metrics?.errorRate);
      // A window mostly held up by this machine (probe-metrics.ts) has no error rate to speak of.
      const measured = !tooFewMeasured({
        requests: num(d.metrics?.requests) ?? 0,
        notMeasured: num(d.metrics?.notMeasured),
      });
      if (measured && rate !== undefined && (!worstWindow || rate > worstWindow.errorRate))
        worstWindow = {
          errorRate: rate,
          from: text(d.from, event.at),
          to: text(d.to, event.at),
          source: text(d.source),
          phase: text(d.phase),
        };
    } else if (event.type === 'alert.changed') {
      const d = fieldsOf(event, 'alert.changed');
      if (d.state === 'firing')
        alertsFired.push({
          rule: text(d.rule),
          condition: text(d.condition),
          severity: text(d.severity),
          action: text(d.action),
          at: event.at,
        });
    }
  }
  const rules = worstByRule(events);
  return {
    downtime,
    phases: metrics.phases,
    worstWindow,
    worstByRule: rules,
    worstErrorRate: worstErrorRate(rules, worstWindow),
    alertsFired,
  };
}

function reasonOf(state: RunState, outcome: EndStatus | 'open'): string {
  const env = state.environment ?? 'the environment';
  if (outcome === 'rolled-back')
    return `${env} rolled back: ${state.rollback?.reason ?? state.endReason ?? 'no reason recorded'}`;
  if (outcome === 'failed')
    return `${env} run failed: ${state.endReason ?? failureText(state) ?? 'no reason recorded'}`;
  const failure = outcome === 'aborted' ? failureText(state) : undefined;
  return `${env} run ${outcome}${state.endReason ? `: ${state.endReason}` : ''}${failure ? ` after ${failure}` : ''}`;
}

/**
 * The incident facts of a run; undefined when the events hold no run.started. `status`: the end
 * the caller is about to journal, when run.finished is not written yet.
 */
export function incidentFacts(events: readonly RunEvent[], status?: EndStatus): IncidentFacts | undefined {
  const runId = runIdOf(events);
  if (!runId) return undefined;
  const state = foldRun(runId, events);
  const outcome = outcomeOf(state, status);
  return {
    runId,
    state,
    outcome,
    // An abort after an action failed left production as that failure left it: an incident too.
    callsForIncident:
      state.protected === true &&
      (outcome === 'failed' ||
        outcome === 'rolled-back' ||
        (outcome === 'aborted' && failureText(state) !== undefined)),
    reason: reasonOf(state, outcome),
    timeline: incidentTimeline(events),
    impact: impactOf(events),
  };
}
