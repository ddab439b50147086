import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { runsDir } from '../runs/run-store';

// Looks through this machine's run journals for the proof a protected environment asks for, and
// for the version an environment last received. Newest first; unreadable journals prove nothing.

async function runIds(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(runsDir(dataDir))).sort().reverse();
  } catch {
    return [];
  }
}

export async function findPassedRun(dataDir: string, environment: string, version: string, commit: string | undefined) {
  for (const id of await runIds(dataDir)) {
    const { events } = await readJournal(join(runsDir(dataDir), id, 'journal.ndjson'));
    const state = foldRun(id, events);
    if (state.environment !== environment || state.status !== 'succeeded' || state.version !== version) continue;
    if (commit && state.commit && state.commit !== commit) continue;
    return { runId: id, endedAt: state.endedAt };
  }
  return undefined;
}

/** The version the last succeeded (or rolled-back-to) run left live on this environment. */
export async function lastDeployedVersion(
  dataDir: string,
  environment: string,
  exceptRun: string,
): Promise<string | undefined> {
  for (const id of await runIds(dataDir)) {
    if (id === exceptRun) continue;
    const { events } = await readJournal(join(runsDir(dataDir), id, 'journal.ndjson'));
    const state = foldRun(id, events);
    if (state.environment !== environment) continue;
    if (state.status === 'succeeded') return state.version;
    if (state.status === 'rolled-back' && state.previousVersion) return state.previousVersion;
  }
  return undefined;
}
