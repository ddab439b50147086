import type { EndStatus } from '../../../shared/runs/run-events';
import type { RunState } from '../../../shared/runs/run-state';
import { isUnreachable, RunBlockedError } from '../../core/run/run-errors';

// The CLI's exit statuses (docs/cli.md): scripts and CI branch on them.
export const exitCodes = {
  success: 0,
  runFailed: 1,
  invalidInput: 2,
  blocked: 3,
  /** The run succeeded but left its deploy lock held on the target (it could not be released). */
  lockLeft: 4,
  /** The run was interrupted (a signal) and stays open: resume or close it. 128 + SIGINT, as shells say. */
  interrupted: 130,
} as const;

/** A failure outranks a lock left behind; a success that left one is not a silent 0. */
export function exitCodeOf(status: EndStatus, state?: Pick<RunState, 'lockLeft'>): number {
  if (status !== 'succeeded') return exitCodes.runFailed;
  return state?.lockLeft ? exitCodes.lockLeft : exitCodes.success;
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
