import { join } from 'node:path';
import type { EndStatus, RunEventData } from '../../../shared/runs/run-events';
import { readJournal } from '../journal/journal-reader';
import { openIncident } from '../planning/incident';
import type { Logger } from '../ports';

// A production run that failed or rolled back opens an incident: its record and post-mortem
// draft are drawn from the journal as it stands just before the run's end.

export async function openRunIncident(
  dataDir: string,
  runDir: string,
  status: EndStatus,
  logger: Logger,
): Promise<RunEventData['incident.opened'] | undefined> {
  try {
    const { events } = await readJournal(join(runDir, 'journal.ndjson'));
    const incident = await openIncident(dataDir, events, { status });
    return incident && { id: incident.id, reason: incident.reason, path: incident.path };
  } catch (error) {
    // The run's end must still be journaled; the missing incident is in the log for someone to see.
    logger.warn('could not open an incident record', { runDir, error: String(error) });
    return undefined;
  }
}

/**
 * Once the run's end is journaled (by the executor, an early end or `close`): the incident files
 * are written again from the whole journal, so they name the end, its time and reason. Nothing is
 * journaled here — nothing about a run comes after run.finished — and a run that calls for no
 * incident gets none.
 */
export async function completeRunIncident(dataDir: string, runDir: string, logger: Logger): Promise<void> {
  try {
    const { events } = await readJournal(join(runDir, 'journal.ndjson'));
    if (!events.some((e) => e.type === 'run.finished')) return;
    await openIncident(dataDir, events);
  } catch (error) {
    logger.warn('could not complete the incident record', { runDir, error: String(error) });
  }
}
