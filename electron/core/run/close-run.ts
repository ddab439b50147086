import { join } from 'node:path';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { openJournal } from '../journal/journal-writer';
import type { Logger } from '../ports';
import { runsDir } from '../runs/run-store';
import { RunStateError } from './run-errors';
import { completeRunIncident, openRunIncident } from './run-incident';
import { assertNotDriven } from './run-owner';
import { loadRunTarget } from './run-target';
import { createRunTools } from './tool-runners';

// Closing a run left open by a crash, as failed, when the operator decides not to resume it.
// The decision is journaled, and the run's own deploy lock (never anyone else's) is released.

export async function closeRun(
  dataDir: string,
  runId: string,
  by: string,
  reason: string,
  logger: Logger,
): Promise<{ lockReleased: boolean }> {
  const runDir = join(runsDir(dataDir), runId);
  await assertNotDriven(runDir, runId);
  const { events, problems } = await readJournal(join(runDir, 'journal.ndjson'));
  if (problems.length > 0 && events.length === 0)
    throw new RunStateError(`cannot read run ${runId}: ${problems[0]?.message}`);
  const state = foldRun(runId, events);
  if (state.status !== 'open') throw new RunStateError(`run ${runId} already ended (${state.status})`);
  // A protected run closed as failed opens its incident as any failed run does: journaled before
  // the end, so the report links it, then completed from the journal with the end in it.
  const incident = await openRunIncident(dataDir, runDir, 'failed', logger);
  const journal = await openJournal(runDir, { create: false });
  try {
    // Opened already when the app stopped between the incident and the end: journaled once.
    if (incident && !events.some((e) => e.type === 'incident.opened'))
      await journal.append('incident.opened', incident);
    await journal.append('run.finished', {
      status: 'failed',
      reason: `closed by ${by} after the app stopped: ${reason}`,
    });
  } finally {
    await journal.close();
  }
  await completeRunIncident(dataDir, runDir, logger);
  if (!state.projectPath || !state.environment) return { lockReleased: false };
  const target = await loadRunTarget(state.projectPath, state.environment, state.runbook).catch(() => undefined);
  if (!target) return { lockReleased: false };
  const tools = createRunTools({
    projectRoot: state.projectPath,
    environment: target.environment,
    logger,
    dataDir,
    project: target.project,
  });
  try {
    const site = tools.lockSite();
    const probe = await site.tryCreate({ holder: by, runId, at: new Date().toISOString() });
    if (probe.ok || probe.holder?.runId === runId) {
      await site.remove();
      return { lockReleased: true };
    }
    return { lockReleased: false };
  } catch (error) {
    logger.warn('could not release the lock of a closed run', { runId, error: String(error) });
    return { lockReleased: false };
  } finally {
    await tools.close();
  }
}
