import type { EndStatus } from '../../../shared/runs/run-events';
import type { RunState } from '../../../shared/runs/run-state';
import { isUnreachable, RunBlockedError } from '../../core/run/run-errors';

// The CLI's exit statuses (docs/cli.md): scripts and CI branch on them.
export const exitCodes = {
  success: 0,
  runFailed: 1,
  invalidInput: 2,
  blocked: 3,
} as const;

export function exitCodeOf(status: EndStatus): number {
  return status === 'succeeded' ? exitCodes.success : exitCodes.runFailed;
}

/** Errors that mean "the environment cannot be reached or is taken" rather than "the input is wrong". */
export function isBlocking(error: unknown): boolean {
  return (
    error instanceof RunBlockedError || isUnreachable(error) || (error as { code?: unknown }).code === 'outside-window'
  );
}

/** The error of the last action that failed (in the steps or the rollback), if any. */
export function lastActionError(state: RunState): { code: string } | undefined {
  const failed = [...state.steps, ...(state.rollbackStep ? [state.rollbackStep] : [])]
    .flatMap((step) => step.actions)
    .filter((action) => action.state === 'failed' && action.error);
  return failed.at(-1)?.error;
}
