import { join } from 'node:path';
import { overrideRolesOf } from '../../../shared/planning/override-roles';
import { plannedExitCriteria, plannedSteps } from '../../../shared/runs/planned-steps';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { guardWindow } from '../planning/window-guard';
import { runsDir } from '../runs/run-store';
import { resolveSecrets } from '../secrets/resolve-secrets';
import { drive, newRunId, type RunHandle, type RunRequest, type RunServices } from './run-driver';
import { RunStateError } from './run-errors';
import { assertNotDriven } from './run-owner';
import { checkRunInput, InvalidRunInputError, type LoadedRunTarget, loadRunTarget, targetDigest } from './run-target';
import { resolveRunVersion } from './run-version';

// Starting a run, and resuming one a crash left open. Everything else is in run-driver.ts.

export type { RunHandle, RunRequest, RunServices } from './run-driver';
export { newRunId } from './run-driver';

export async function startRun(request: RunRequest, services: RunServices): Promise<RunHandle> {
  checkRunInput(request.version, request.strategy);
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  checkPreTicks(target, request.preTicks ?? []);
  const now = (services.now ?? (() => new Date()))();
  // Refused before anything is written: a run outside its window never starts (unless overridden).
  const window = guardWindow(
    target.environment,
    overrideRolesOf(target.runbook),
    now,
    request.windowOverride === undefined
      ? undefined
      : { reason: request.windowOverride, by: request.operator.by, role: request.operator.role ?? '' },
  );
  // A version that names nothing is refused here, before the journal and the lock (exit 2).
  const version = await resolveRunVersion(request.projectRoot, target, request.version);
  const secrets = await resolveSecrets([target.runbook, target.environment], services.secrets);
  const runId = newRunId(target.environment.name, now);
  return drive(
    { target, runDir: join(runsDir(services.dataDir), runId), runId, secrets, overridden: window.overridden, version },
    request,
    services,
    false,
  );
}

/** Pre-ticks name manual items of this runbook; anything else would be journaled as ticking nothing. */
function checkPreTicks(target: LoadedRunTarget, ticks: NonNullable<RunRequest['preTicks']>): void {
  const planned = [
    ...plannedSteps(target.runbook, target.environment.name).flatMap((step) => step.items),
    ...plannedExitCriteria(target.runbook.exitCriteria),
  ];
  const problems = ticks.flatMap((tick) => {
    const item = planned.find((i) => i.key === tick.item);
    if (!item) return [`pre-tick "${tick.item}": no such checklist item in runbook ${target.runbookId}`];
    if (item.automatic) return [`pre-tick "${tick.item}": the item is checked automatically during the run`];
    if (!tick.by.trim()) return [`pre-tick "${tick.item}": say who ticked it`];
    return [];
  });
  if (problems.length > 0) throw new InvalidRunInputError(problems.join('; '));
}

/** Resumes a run left open (a crash): from the step that was running, after re-taking the lock. */
export async function resumeRun(
  runId: string,
  request: Pick<RunRequest, 'operator' | 'decider'>,
  services: RunServices,
): Promise<RunHandle> {
  const runDir = join(runsDir(services.dataDir), runId);
  await assertNotDriven(runDir, runId);
  const { events, problems } = await readJournal(join(runDir, 'journal.ndjson'));
  if (problems.length > 0)
    throw new RunStateError(`cannot resume ${runId}: ${problems[0]?.message ?? 'journal damaged'}`);
  const state = foldRun(runId, events);
  if (state.status !== 'open')
    throw new RunStateError(`run ${runId} already ended (${state.status}); nothing to resume`);
  if (!state.projectPath || !state.environment || !state.version)
    throw new RunStateError(`run ${runId} has no run.started event; it cannot be resumed`);
  const target = await loadRunTarget(state.projectPath, state.environment, state.runbook);
  const started = events.find((e) => e.type === 'run.started')?.data.definition;
  if (typeof started === 'string' && started !== targetDigest(target)) {
    throw new RunStateError(
      `the runbook or environment "${state.environment}" changed since run ${runId} started; restore them to resume, or close the run (release-pilot close ${runId} --reason …) and start a new one`,
    );
  }
  const secrets = await resolveSecrets([target.runbook, target.environment], services.secrets);
  return drive(
    { target, runDir, runId, secrets },
    {
      projectRoot: state.projectPath,
      environment: state.environment,
      version: state.version,
      strategy: state.strategy,
      ...request,
    },
    services,
    true,
  );
}
