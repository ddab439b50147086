import type { EndStatus } from '../../../shared/runs/run-events';
import type { Logger } from '../ports';
import { MissingAnswerError } from './run-decider';
import { RunBlockedError } from './run-errors';
import { GuardRefusedError } from './run-guards';
import type { RunRecorder } from './run-recorder';
import type { RunToolsWithTarget } from './tool-runners';

// How run-driver.ts ends a run around the executor: a run refused before its steps, and the deploy
// lock given back however the run ended.

/** A run that could not start its steps (lock, guard, unreachable host) ends here, journaled. */
export async function endEarly(recorder: RunRecorder, error: unknown): Promise<EndStatus> {
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

export async function releaseLock(recorder: RunRecorder, tools: RunToolsWithTarget, logger: Logger): Promise<void> {
  const site = tools.lockSite();
  try {
    await site.remove();
    if (recorder.state.status !== 'open') return;
    await recorder.emit('lock.released', { where: site.where });
  } catch (error) {
    logger.warn('could not release the deploy lock', { where: site.where, error: String(error) });
  }
}
