import type { ShownActionState, ShownStepState } from '../../../../../shared/runs/shown-run';
import type { Tone } from '../../../ui/status-badge';

// How step and action states read: a word that carries the meaning, and a tone that backs it up.
// `interrupted`: the run's host stopped it there and nothing drives it until it is resumed.

export const stepStatePresentation: Record<ShownStepState, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'warning' },
  passed: { label: 'Passed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  'rolled-back': { label: 'Rolled back', tone: 'warning' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};

export const actionStatePresentation: Record<ShownActionState, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  passed: { label: 'Passed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};
