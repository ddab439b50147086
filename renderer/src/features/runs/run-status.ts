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

export function runStatusPresentation(status: RunStatus) {
  return presentation[status];
}

/** A run a report can be made from: it has an end, whichever way it ended. */
export function isFinished(status: RunStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'rolled-back' || status === 'aborted';
}
