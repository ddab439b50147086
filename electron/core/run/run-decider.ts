import type { FailureChoice, SignerRecord } from '../../../shared/runs/run-events';

// Where a run's human decisions come from. The executor asks; a terminal prompt, an answers file or
// the UI answers. `null` means "no one can answer" (a run with no terminal and no answer): the run
// then stops cleanly, saying which answer was missing, instead of hanging.

export interface ItemRequest {
  step: string;
  item: string;
  text: string;
  checklist: string;
  gate?: number;
  /** Set when an automatic check failed and a person is asked to decide. */
  checkFailed?: string;
}

export interface FailureRequest {
  step: string;
  /** `<step>.<action>` or `<step>.<item>` for a failed automatic check. */
  action: string;
  title: string;
  error: { code: string; message: string };
  attempt: number;
  tail: string[];
}

export interface FailureAnswer {
  decision: FailureChoice;
  reason?: string;
  by: string;
}

export interface LockHolder {
  holder: string;
  runId: string;
  at: string;
  where: string;
  stale: boolean;
}

/**
 * Every question takes an optional signal: aborted when the run no longer waits for the answer (it
 * was cancelled, or a rollback rule fired). A decider that shows questions withdraws it then.
 */
export interface RunDecider {
  /** Who ticks a checklist item (after any automatic check passed or was absent). */
  tick(request: ItemRequest, signal?: AbortSignal): Promise<SignerRecord | null>;
  /** `refused`: why the previous answer to this same question was refused (it is asked again). */
  approve(
    request: {
      step: string;
      role: string;
      roleTitle: string;
      refused?: string;
      /** For a window to refuse the operator's own name before sending it (the engine checks again). */
      environment?: string;
      protected?: boolean;
      operator?: string;
      missing?: string[];
    },
    signal?: AbortSignal,
  ): Promise<SignerRecord | null>;
  onFailure(request: FailureRequest, signal?: AbortSignal): Promise<FailureAnswer | null>;
  /** The environment's name as typed by the operator, for protected environments. */
  confirm(
    request: { environment: string; refused?: string },
    signal?: AbortSignal,
  ): Promise<{ text: string; by: string } | null>;
  manual(
    request: { step: string; action: string; instructions: string },
    signal?: AbortSignal,
  ): Promise<SignerRecord | null>;
  /** Whether to break another run's lock; only ever by an explicit decision. */
  breakLock(holder: LockHolder, signal?: AbortSignal): Promise<{ by: string; reason: string } | null>;
}

/** Thrown when a decision had no answer; the run ends `aborted` with this message. */
export class MissingAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingAnswerError';
  }
}
