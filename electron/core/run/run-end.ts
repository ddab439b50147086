import type { EndStatus } from '../../../shared/runs/run-events';
import type { Logger } from '../ports';
import { MissingAnswerError } from './run-decider';
import { RunBlockedError } from './run-errors';
import { GuardRefusedError } from './run-guards';
import { RunInterruptedError, recordInterrupted } from './run-interrupt';
import type { RunRecorder } from './run-recorder';
import type { RunToolsWithTarget } from './tool-runners';

// How run-driver.ts ends a run around the executor: a run refused before its steps, and the deploy
// lock given back however the run ended.

/**
 * A run that could not start its steps (lock, guard, unreachable host) ends here, journaled. An
 * interrupted run does not end: its monitors are stopped (`stopMonitors`), the interruption is
 * journaled and the error thrown on, so the run stays open for a resume.
 */
export async function endEarly(
  recorder: RunRecorder,
  error: unknown,
  stopMonitors: () => Promise<void> = async () => undefined,
): Promise<EndStatus> {
  if (error instanceof RunInterruptedError) {
    await stopMonitors().catch(() => undefined);
    await recordInterrupted(recorder, error);
    throw error;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (recorder.state.status !== 'open') return recorder.state.status as EndStatus;
  // Refusals (lock, guards, an answer no one gave) end a run before it changed anything: aborted.
  const refused =
    error instanceof RunBlockedError || error instanceof GuardRefusedError || error instanceof MissingAnswerError;
  const status: EndStatus = refused ? 'aborted' : 'failed';
  try {
    await recorder.emit('run.finished', { status, reason: message });
  } catch {
    // The journal itself failed; the caller still learns why from the thrown status below.
  }
  if (error instanceof RunBlockedError) throw error;
  return status;
}

/**
 * Gives the lock back however the run ended — except after an interruption: the run is still open
 * and the environment may be half-deployed, so the lock stays until a resume takes it over or a
 * close releases it. A release that fails (the host went away) is journaled, so the run's output,
 * report and run lists say the lock is still held, and the next run here can prove it stale.
 */
export async function releaseLock(recorder: RunRecorder, tools: RunToolsWithTarget, logger: Logger): Promise<void> {
  if (recorder.state.status === 'open' && recorder.state.interrupted) return;
  const site = tools.lockSite();
  try {
    await site.remove();
    if (recorder.state.status !== 'open') return;
    await recorder.emit('lock.released', { where: site.where });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn('could not release the deploy lock', { where: site.where, error: reason });
    await recorder.emit('lock.release-failed', { where: site.where, error: reason }).catch(() => undefined);
  }
}
