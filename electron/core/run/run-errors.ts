import type { ErrorRecord } from '../../../shared/runs/run-events';

// Errors from every tool carry a `code`; the journal keeps code and message, never a stack.

export class RunCancelledError extends Error {
  constructor(readonly by: string) {
    super(`cancelled by ${by}`);
    this.name = 'RunCancelledError';
  }
}

/** The run cannot start or go on for a reason outside it (unreachable host, lock held): exit 3. */
export class RunBlockedError extends Error {
  constructor(
    message: string,
    readonly code: 'locked' | 'unreachable',
  ) {
    super(message);
    this.name = 'RunBlockedError';
  }
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : error.name || 'error', message: error.message };
  }
  return { code: 'error', message: String(error) };
}

const unreachableCodes = new Set([
  'host-unreachable',
  'timeout',
  'auth-failed',
  'host-key-mismatch',
  'host-key-unknown',
  'engine-unreachable',
  'invalid-config',
]);

/** Tool errors that mean the environment cannot be reached (as opposed to a command failing on it). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && unreachableCodes.has(code);
}

/** The run is not in a state for this: it already ended, or its journal cannot be continued. */
export class RunStateError extends Error {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'RunStateError';
  }
}
