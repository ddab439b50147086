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
