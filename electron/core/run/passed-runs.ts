import { indexedRuns } from '../runs/run-index';
import { runsDir } from '../runs/run-store';

// Looks through this machine's runs for the proof a protected environment asks for, and for the
// version an environment last received. Newest first; unreadable journals prove nothing.

async function newestFirst(dataDir: string) {
  const runs = await indexedRuns(runsDir(dataDir));
  return runs.sort((a, b) => b.summary.id.localeCompare(a.summary.id));
}

export async function findPassedRun(dataDir: string, environment: string, version: string, commit: string | undefined) {
  for (const run of await newestFirst(dataDir)) {
    if (run.environment !== environment || run.summary.status !== 'succeeded' || run.version !== version) continue;
    if (commit && run.commit && run.commit !== commit) continue;
    return { runId: run.summary.id, endedAt: run.summary.endedAt };
  }
  return undefined;
}

/** The version the last succeeded (or rolled-back-to) run left live on this environment. */
export async function lastDeployedVersion(
  dataDir: string,
  environment: string,
  exceptRun: string,
): Promise<string | undefined> {
  for (const run of await newestFirst(dataDir)) {
    if (run.summary.id === exceptRun || run.environment !== environment) continue;
    if (run.summary.status === 'succeeded') return run.version;
    if (run.summary.status === 'rolled-back' && run.previousVersion) return run.previousVersion;
  }
  return undefined;
}
