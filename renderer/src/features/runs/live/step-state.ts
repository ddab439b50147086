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

/** What a state reads as, also once the run has ended (aborted, cancelled, rolled back, failed). */
export type ShownState = ShownStepState | ShownActionState | 'not-reached' | 'stopped';

const endedPresentation = {
  'not-reached': { label: 'Not reached', tone: 'neutral' },
  stopped: { label: 'Stopped', tone: 'neutral' },
} satisfies Record<string, { label: string; tone: Tone }>;

/**
 * A finished run looks finished: nothing of it is still pending, running or waiting. What never
 * started says "Not reached"; what was under way when the run ended says "Stopped" (no pause icon).
 */
export function shownState(state: ShownStepState | ShownActionState, ended: boolean): ShownState {
  if (!ended) return state;
  if (state === 'pending') return 'not-reached';
  if (state === 'running' || state === 'waiting' || state === 'interrupted') return 'stopped';
  return state;
}

export function shownPresentation(state: ShownState): { label: string; tone: Tone } {
  if (state === 'not-reached' || state === 'stopped') return endedPresentation[state];
  return state === 'waiting' || state === 'rolled-back' ? stepStatePresentation[state] : actionStatePresentation[state];
}
