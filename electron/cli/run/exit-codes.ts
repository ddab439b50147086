import type { EndStatus } from '../../../shared/runs/run-events';
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
  return error instanceof RunBlockedError || isUnreachable(error);
}
