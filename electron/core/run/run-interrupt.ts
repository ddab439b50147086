import type { RunRecorder } from './run-recorder';

// Stopping a run because its host is going away (a signal to the CLI or the browser host, the
// desktop app quitting) — not a cancellation. The run is stopped at a safe point: questions are
// withdrawn, monitors and probes stopped, a running command stopped as a cancel stops it (a
// deployment command can take minutes and nobody is left to watch it; a resume re-checks the
// step and asks before running that action again). Then `run.interrupted` is journaled and the
// run stays open, holding its deploy lock, so a resume carries on from there (docs/cli.md).

export class RunInterruptedError extends Error {
  readonly code = 'interrupted';
  constructor(
    readonly by: string,
    readonly reason: string,
  ) {
    super(`interrupted by ${by}: ${reason}`);
    this.name = 'RunInterruptedError';
  }
}

/** Journals the interruption once the run's monitors have stopped; it is the run's last word. */
export async function recordInterrupted(recorder: RunRecorder, error: RunInterruptedError): Promise<void> {
  const state = recorder.state;
  if (state.status !== 'open') return;
  const step = state.steps.find((s) => s.id === state.currentStep) ?? state.rollbackStep;
  const action = step?.actions.find((a) => a.state === 'running');
  await recorder.emit('run.interrupted', {
    by: error.by,
    reason: error.reason,
    step: state.currentStep,
    action: action?.key,
    lockKept: state.lock?.where,
  });
}
