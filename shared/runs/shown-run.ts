import type { ActionState, ActionView, RunState, StepState, StepView } from './run-state';

// What the screens show of a run's steps and actions. The fold keeps an interrupted run's action
// `running` and its step `running`/`waiting`, because a resume starts from them (run-resume.ts);
// but nothing drives that run until `run.resumed`, so no screen may say "Running", spin, or count
// time past the interruption. Surfaces fold once and show through this view.

export type ShownStepState = StepState | 'interrupted';
export type ShownActionState = ActionState | 'interrupted';

export interface ShownAction extends Omit<ActionView, 'state'> {
  state: ShownActionState;
}

export interface ShownStep extends Omit<StepView, 'state' | 'actions'> {
  state: ShownStepState;
  actions: ShownAction[];
}

/** When an open run was stopped by its host and not resumed since; undefined while driven or ended. */
export function interruptedAt(run: RunState): string | undefined {
  return run.status === 'open' ? run.interrupted?.at : undefined;
}

function shownAction(action: ActionView, stopped: string): ShownAction {
  if (action.state !== 'running') return action;
  // Its time stops where the run stopped (the fold has no duration for an action that never ended).
  const began = action.startedAt ? Date.parse(action.startedAt) : Number.NaN;
  const ms = Date.parse(stopped) - began;
  return { ...action, state: 'interrupted', durationMs: Number.isFinite(ms) ? Math.max(0, ms) : undefined };
}

/** One step as shown: while the run is interrupted, what was running or waiting reads as interrupted. */
export function shownStep(step: StepView, stopped: string | undefined): ShownStep {
  if (!stopped) return step;
  const active = step.state === 'running' || step.state === 'waiting';
  return {
    ...step,
    state: active ? 'interrupted' : step.state,
    waitingFor: active ? undefined : step.waitingFor,
    actions: step.actions.map((action) => shownAction(action, stopped)),
  };
}

/** The run's steps as shown, the rollback step last once a rollback began. */
export function shownSteps(run: RunState): ShownStep[] {
  const stopped = interruptedAt(run);
  const steps = run.rollback && run.rollbackStep ? [...run.steps, run.rollbackStep] : run.steps;
  return steps.map((step) => shownStep(step, stopped));
}
