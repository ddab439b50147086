import type { RunSummary } from '../api/schemas/run';
import type { RunEvent } from './run-event';
import { foldRun } from './run-state';

/**
 * Folds a run's journal into the line shown in run lists. Pure, so the desktop app, the browser
 * host and the CLI show the same status for the same journal.
 */
export function summarizeRun(runId: string, events: readonly RunEvent[]): RunSummary {
  const state = foldRun(runId, events);
  return {
    id: runId,
    runbook: state.runbook ?? 'unknown runbook',
    environment: state.environment ?? 'unknown environment',
    version: state.version ?? 'unknown version',
    strategy: state.strategy,
    operator: state.operator?.by,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    eventCount: events.length,
  };
}
