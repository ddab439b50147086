import { AlertRollbackError, ManualRollbackError } from './deployment-session';
import { RunCancelledError } from './run-errors';
import { RunInterruptedError } from './run-interrupt';

// Why a run stopped waiting for an answer, said to the window that showed the question: a
// withdrawn dialog tells what happened, never "someone already answered" (issue #14 item 3).

export function withdrawalReason(reason: unknown): string {
  if (reason instanceof ManualRollbackError) return `rolled back now by ${reason.by}: ${reason.reason}`;
  if (reason instanceof AlertRollbackError) {
    const { rule, detail } = reason.details;
    return `automatic rollback — ${String(rule)} fired${detail ? ` (${String(detail)})` : ''}`;
  }
  if (reason instanceof RunCancelledError) return `the run was cancelled by ${reason.by}`;
  if (reason instanceof RunInterruptedError) return `the run was interrupted by ${reason.by}: ${reason.reason}`;
  return reason instanceof Error ? reason.message : 'the run stopped waiting';
}

/** A run that ended while a question was open (its end is told on the run). */
export const endedWhileAsking = 'the run ended';
