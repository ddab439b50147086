import type { RunState } from '../../../../../shared/runs/run-state';

/**
 * "Roll back now…" is offered once something was done that a rollback undoes (an action has
 * started: the deploy, its watch) and until a rollback is under way.
 */
export function canRollBackNow(run: RunState): boolean {
  if (run.status !== 'open' || run.rollback) return false;
  return run.steps.some((step) => step.actions.some((action) => action.state !== 'pending'));
}
