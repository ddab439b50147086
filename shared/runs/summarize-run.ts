import type { RunSummary } from '../api/schemas/run';
import type { RunEvent, RunStatus } from './run-event';

const endStatuses: Record<string, RunStatus> = {
  succeeded: 'succeeded',
  failed: 'failed',
  'rolled-back': 'rolled-back',
  aborted: 'aborted',
};

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/**
 * Folds a run's journal into the line shown in run lists. Pure, so the desktop app, the browser
 * host and the CLI show the same status for the same journal.
 */
export function summarizeRun(runId: string, events: readonly RunEvent[]): RunSummary {
  const started = events.find((e) => e.type === 'run.started');
  const ended = [...events].reverse().find((e) => e.type === 'run.finished');
  const d = started?.data ?? {};
  const endStatus = ended ? endStatuses[String(ended.data.status)] : undefined;
  return {
    id: runId,
    runbook: text(d.runbook, 'unknown runbook'),
    environment: text(d.environment, 'unknown environment'),
    version: text(d.version, 'unknown version'),
    strategy: typeof d.strategy === 'string' ? d.strategy : undefined,
    operator: typeof d.operator === 'string' ? d.operator : undefined,
    status: endStatus ?? (ended ? 'failed' : 'open'),
    startedAt: started?.at,
    endedAt: ended?.at,
    eventCount: events.length,
  };
}
