import type { ActionState, StepState } from '../../../../../shared/runs/run-state';
import type { Tone } from '../../../ui/status-badge';

// How step and action states read: a word that carries the meaning, and a tone that backs it up.

export const stepStatePresentation: Record<StepState, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'warning' },
  passed: { label: 'Passed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  'rolled-back': { label: 'Rolled back', tone: 'warning' },
};

export const actionStatePresentation: Record<ActionState, { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  passed: { label: 'Passed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'neutral' },
};
