import { resolve } from 'node:path';
import { projectRuns } from '../environments/project-runs';

// Looks through this machine's runs of ONE project for the proof a protected environment asks
// for, and for the version an environment last received. Two projects in one data folder may both
// have a `staging`: project A's staging pass must not let project B into production, nor tell B
// what is live. Newest first; unreadable journals prove nothing.

export async function findPassedRun(
  dataDir: string,
  environment: string,
  version: string,
  commit: string | undefined,
  projectRoot: string,
) {
  for (const run of await projectRuns(dataDir, resolve(projectRoot))) {
    if (run.environment !== environment || run.status !== 'succeeded' || run.version !== version) continue;
    if (commit && run.commit && run.commit !== commit) continue;
    return { runId: run.runId, endedAt: run.endedAt };
  }
  return undefined;
}

/** The version the last succeeded (or rolled-back-to) run of the project left live on this environment. */
export async function lastDeployedVersion(
  dataDir: string,
  projectRoot: string,
  environment: string,
  exceptRun: string,
): Promise<string | undefined> {
  for (const run of await projectRuns(dataDir, resolve(projectRoot))) {
    if (run.runId === exceptRun || run.environment !== environment) continue;
    if (run.status === 'succeeded') return run.version;
    if (run.status === 'rolled-back' && run.previousVersion) return run.previousVersion;
  }
  return undefined;
}
