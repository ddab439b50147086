import type { Problem } from '../../../../../shared/api/schemas/common';
import { errorCode, errorMessage } from '../../../lib/error-message';

// A refused start, read by its code (never its words): what to show and what the dialog must ask.

export interface StartFailure {
  message: string;
  /** Project-file problems, each with file:line:column. */
  problems: Problem[];
  /** Outside the deployment window: the dialog asks for a written override reason. */
  windowRule?: string;
  /** Set your name in Settings first. */
  needsOperator: boolean;
}

export function readStartFailure(error: unknown): StartFailure {
  const code = errorCode(error);
  const details = ((error as { details?: Record<string, unknown> }).details ?? {}) as Record<string, unknown>;
  return {
    message: errorMessage(error),
    problems: Array.isArray(details.problems) ? (details.problems as Problem[]) : [],
    windowRule: code === 'unavailable' && typeof details.rule === 'string' ? details.rule : undefined,
    needsOperator: code === 'invalid-request' && details.field === 'operatorName',
  };
}
