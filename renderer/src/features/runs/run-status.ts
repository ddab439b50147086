import type { RunStatus } from '../../../../shared/runs/run-event';
import type { Tone } from '../../ui/status-badge';

// How each run status reads in a badge. `open` means "no end recorded": running now, or left open
// by a crash; the label says both rather than claiming it is running.

const presentation: Record<RunStatus, { label: string; tone: Tone; description: string }> = {
  open: {
    label: 'In progress',
    tone: 'info',
    description: 'Started, with no end recorded yet (running, or interrupted)',
  },
  succeeded: { label: 'Succeeded', tone: 'success', description: 'Finished: the version is live' },
  failed: { label: 'Failed', tone: 'danger', description: 'Finished with a failure' },
  'rolled-back': { label: 'Rolled back', tone: 'warning', description: 'The previous version was restored' },
  aborted: { label: 'Aborted', tone: 'neutral', description: 'Stopped by the operator' },
  unreadable: { label: 'Unreadable', tone: 'danger', description: 'The journal could not be read' },
};

/** Set on an open run whose host stopped it at a safe point, until it is resumed (RunSummary.interrupted). */
export interface Interruption {
  at: string;
  by: string;
  reason: string;
}

export function runStatusPresentation(status: RunStatus, interrupted?: Interruption) {
  // Nothing drives an interrupted run: it waits for a person, so it must not read as in progress.
  if (status === 'open' && interrupted)
    return {
      label: 'Interrupted — resume or close',
      tone: 'warning' as Tone,
      description: `Stopped at a safe point: ${interrupted.reason} (by ${interrupted.by}). Resume it, or close it as failed`,
    };
  return presentation[status];
}

/** A run a report can be made from: it has an end, whichever way it ended. */
export function isFinished(status: RunStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'rolled-back' || status === 'aborted';
}
