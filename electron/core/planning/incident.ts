import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { incidentFacts } from '../../../shared/planning/incident-facts';
import { renderPostmortem } from '../../../shared/planning/postmortem';
import { mergePostmortem } from '../../../shared/planning/postmortem-merge';
import type { RunEvent } from '../../../shared/runs/run-event';
import type { EndStatus } from '../../../shared/runs/run-events';
import { CodedError } from '../lib/coded-error';

// Opens the incident record of a run that failed or rolled back on a protected environment:
// `<data>/incidents/<run-id>/incident.json` (the facts and timeline, from the journal) and
// `postmortem.md` (the draft the team completes). The caller journals incident.opened with what
// comes back; calling again for the same run (once run.finished is journaled, or after `close`)
// refreshes both files: incident.json is rewritten keeping the first opening time, the post-mortem
// only in its marked regions, so what people already wrote in it stays.

export class IncidentError extends CodedError<'not-a-run' | 'write-failed'> {}

export interface OpenedIncident {
  id: string;
  reason: string;
  /** The post-mortem draft, which the report links to. */
  path: string;
  /** incident.json. */
  record: string;
  dir: string;
}

export function incidentsDir(dataDir: string): string {
  return join(dataDir, 'incidents');
}

/** Written beside, then renamed over: a reader never sees half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function firstOpenedAt(record: string): Promise<string | undefined> {
  try {
    const earlier = JSON.parse(await readFile(record, 'utf8')) as { openedAt?: unknown };
    return typeof earlier.openedAt === 'string' ? earlier.openedAt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Undefined when the run calls for no incident (it went well, or its environment is not
 * protected). `status`: the end about to be journaled, when run.finished is not written yet.
 */
export async function openIncident(
  dataDir: string,
  events: readonly RunEvent[],
  options: { status?: EndStatus; now?: Date } = {},
): Promise<OpenedIncident | undefined> {
  const facts = incidentFacts(events, options.status);
  if (!facts) throw new IncidentError('not-a-run', 'cannot open an incident: the events hold no run.started');
  if (!facts.callsForIncident) return undefined;
  const id = `INC-${facts.runId}`;
  const dir = join(incidentsDir(dataDir), facts.runId);
  const record = join(dir, 'incident.json');
  const path = join(dir, 'postmortem.md');
  const s = facts.state;
  try {
    await mkdir(dir, { recursive: true });
    const openedAt = (await firstOpenedAt(record)) ?? (options.now ?? new Date()).toISOString();
    const incident = {
      id,
      runId: facts.runId,
      openedAt,
      reason: facts.reason,
      outcome: facts.outcome,
      project: s.project,
      environment: s.environment,
      version: s.version,
      previousVersion: s.previousVersion,
      strategy: s.strategy,
      operator: s.operator,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      endReason: s.endedAt ? s.endReason : undefined,
      rollback: s.rollback,
      impact: facts.impact,
      timeline: facts.timeline,
      report: `release-pilot report ${facts.runId}`,
      postmortem: 'postmortem.md',
    };
    await writeAtomically(record, `${JSON.stringify(incident, null, 2)}\n`);
    const fresh = renderPostmortem(events, { incidentId: id, status: options.status });
    const existing = await readIfThere(path);
    const text = existing === undefined ? fresh : mergePostmortem(existing, fresh);
    if (text !== existing) await writeAtomically(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new IncidentError('write-failed', `cannot write incident ${id} in ${dir} (${reason})`, { dir, cause: error });
  }
  return { id, reason: facts.reason, path, record, dir };
}
