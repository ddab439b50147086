import { join } from 'node:path';
import type { RunSummary } from '../../../shared/api/schemas/run';
import type { RunStatus } from '../../../shared/runs/run-event';
import { ndjsonLines } from '../journal/ndjson-lines';
import { assertNotDriven } from '../run/run-owner';
import { indexedRuns } from '../runs/run-index';
import { runsDir } from '../runs/run-store';

// This machine's runs of one project, per environment, for the dashboard: the last finished run,
// a run left open by a crash (to resume or close), one running now, and the version the runs say
// is live. The run index does not record the project, so each run's first journal line
// (run.started, which never changes) is read once and remembered.

export interface ProjectRun {
  runId: string;
  environment: string;
  version: string;
  status: RunStatus;
  startedAt?: string;
  endedAt?: string;
  operator?: string;
  previousVersion?: string;
  commit?: string;
  /** An open run its host stopped at a safe point (RunSummary.interrupted). */
  interrupted?: { at: string; by: string; reason: string };
  caveat?: RunSummary['caveat'];
}

export interface EnvironmentRuns {
  lastRun?: ProjectRun;
  openRun?: ProjectRun;
  activeRun?: ProjectRun;
  /** What the runs left live: the newest succeeded run's version, or what a rollback put back. */
  deployedVersion?: string;
}

const projectOfRun = new Map<string, string | null>();

async function projectPathOf(dir: string, runId: string): Promise<string | undefined> {
  const known = projectOfRun.get(runId);
  if (known !== undefined) return known ?? undefined;
  let path: string | null = null;
  try {
    for await (const line of ndjsonLines(join(dir, runId, 'journal.ndjson'))) {
      const event = JSON.parse(line.text) as { type?: string; data?: { projectPath?: unknown } };
      if (event.type === 'run.started' && typeof event.data?.projectPath === 'string') path = event.data.projectPath;
      break;
    }
  } catch {
    return undefined; // unreadable now; maybe readable later, so not remembered
  }
  projectOfRun.set(runId, path);
  return path ?? undefined;
}

/** The project's runs, newest first. Unreadable journals are left out (the Runs screen shows them). */
export async function projectRuns(dataDir: string, projectRoot: string): Promise<ProjectRun[]> {
  const dir = runsDir(dataDir);
  const facts = await indexedRuns(dir);
  const candidates = facts.filter((f) => f.summary.status !== 'unreadable' && f.environment && f.version);
  const owned = await Promise.all(
    candidates.map(async (f) => ((await projectPathOf(dir, f.summary.id)) === projectRoot ? f : undefined)),
  );
  return owned
    .filter((f) => f !== undefined)
    .map((f) => ({
      runId: f.summary.id,
      environment: f.environment!,
      version: f.version!,
      status: f.summary.status,
      startedAt: f.summary.startedAt,
      endedAt: f.summary.endedAt,
      operator: f.summary.operator,
      previousVersion: f.previousVersion,
      commit: f.commit,
      interrupted: f.summary.interrupted,
      ...(f.summary.caveat ? { caveat: f.summary.caveat } : {}),
    }))
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || b.runId.localeCompare(a.runId));
}

/** True when another live process on this machine drives the run (its owner file says so). */
async function drivenElsewhere(dataDir: string, runId: string): Promise<boolean> {
  try {
    await assertNotDriven(join(runsDir(dataDir), runId), runId);
    return false;
  } catch {
    return true;
  }
}

/** One environment's runs, from `runs` (newest first). `isActive`: this app drives the run now. */
export async function environmentRuns(
  runs: readonly ProjectRun[],
  environment: string,
  dataDir: string,
  isActive: (runId: string) => boolean,
): Promise<EnvironmentRuns> {
  const mine = runs.filter((run) => run.environment === environment);
  const result: EnvironmentRuns = {};
  for (const run of mine) {
    if (run.status === 'open') {
      const running = isActive(run.runId) || (await drivenElsewhere(dataDir, run.runId));
      if (running) result.activeRun ??= run;
      else result.openRun ??= run;
      continue;
    }
    result.lastRun ??= run;
    if (result.deployedVersion === undefined) {
      if (run.status === 'succeeded') result.deployedVersion = run.version;
      else if (run.status === 'rolled-back' && run.previousVersion) result.deployedVersion = run.previousVersion;
    }
  }
  return result;
}
