import type { RunSummary } from '../api/schemas/run';
import { alertCaveat } from './alert-caveat';
import type { RunEvent } from './run-event';
import { foldRun, type RunState } from './run-state';

/**
 * Folds a run's journal into the line shown in run lists. Pure, so the desktop app, the browser
 * host and the CLI show the same status for the same journal.
 */
export function summarizeRun(runId: string, events: readonly RunEvent[]): RunSummary {
  return withCaveat(summaryOf(foldRun(runId, events)), events);
}

/** Adds what a "succeeded" status does not say: a critical alert fired, a rollback rule pending. */
export function withCaveat(summary: RunSummary, events: readonly RunEvent[]): RunSummary {
  const caveat = alertCaveat(events);
  return caveat ? { ...summary, caveat } : summary;
}

/** The run-list line of a run already folded (callers that need more of the state fold once). */
export function summaryOf(state: RunState): RunSummary {
  return {
    id: state.id,
    runbook: state.runbook ?? 'unknown runbook',
    environment: state.environment ?? 'unknown environment',
    version: state.version ?? 'unknown version',
    strategy: state.strategy,
    operator: state.operator?.by,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    eventCount: state.eventCount,
    lockLeft: state.lockLeft,
    interrupted: state.status === 'open' ? state.interrupted : undefined,
  };
}
