import type { RunSummary } from '../api/schemas/run';
import type { RunEvent } from './run-event';
import { foldRun, type RunState } from './run-state';

/**
 * Folds a run's journal into the line shown in run lists. Pure, so the desktop app, the browser
 * host and the CLI show the same status for the same journal.
 */
export function summarizeRun(runId: string, events: readonly RunEvent[]): RunSummary {
  return summaryOf(foldRun(runId, events));
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
