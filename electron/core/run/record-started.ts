import { interpolate } from '../../../shared/formats/interpolate';
import type { ActionPlan } from '../../../shared/plans/action-plan';
import { rollbackStepId } from '../../../shared/runs/run-state';
import { checkAnsweringVersion } from './confirm-live';
import type { ExecutorContext } from './executor-context';
import { recordRelease } from './run-deploy';
import type { ToolIO } from './run-tools';

// Every path that starts a version tells the target's release history which version it started,
// so the history, the app container's label and the runs agree on what is live:
// - a docker.run of the environment's app container: the version its image tag names, at once;
// - the runbook's rollback actions: what they started (or, when they start no app container, the
//   previous version), with the bad version marked rolled back, checked against what answers;
// - a run that succeeded without recording anything (a runbook of ssh/shell actions): its version.
// A `deploy` action's strategy records its own release (run-deploy.ts, run-revert.ts).

const versionLabel = 'dev.release-pilot.version';
const outputSource = `${rollbackStepId}.release`;

function releaseIO(ctx: ExecutorContext, source: string): ToolIO {
  return { signal: ctx.signal, output: (_host, stream, line) => ctx.output(source, stream, line) };
}

/** The version a docker.run plan starts as the environment's app container; undefined for other containers. */
export function appVersionOf(ctx: ExecutorContext, plan: unknown): { version?: string; image: string } | undefined {
  const p = plan as ActionPlan | undefined;
  const app = ctx.plan.environment.app;
  if (p?.kind !== 'docker.run' || !app || p.name !== interpolate(app.container, ctx.plan.scope)) return undefined;
  return { version: p.labels[versionLabel], image: p.image };
}

/** After a docker.run of a run's step passed: the app now runs that image's version. */
export async function recordAppStarted(
  ctx: ExecutorContext,
  stepId: string,
  plan: ActionPlan,
  io: ToolIO,
): Promise<void> {
  // The rollback's actions are recorded together once they ran (recordRollback).
  if (stepId === rollbackStepId) return;
  const started = appVersionOf(ctx, plan);
  if (!started) return;
  if (!started.version) {
    io.output(
      undefined,
      'stderr',
      `release history not changed: ${started.image} names no version (no tag, no version label)`,
    );
    return;
  }
  await recordRelease(ctx, started.version, ctx.plan.scope.previousVersion, undefined, io);
}

/** The version the rollback's passed actions started as the app container, the last one winning. */
function startedByRollback(ctx: ExecutorContext): string | undefined {
  let version: string | undefined;
  for (const action of ctx.recorder.state.rollbackStep?.actions ?? []) {
    if (action.state !== 'passed') continue;
    const started = appVersionOf(ctx, action.plan);
    if (started?.version) version = started.version;
  }
  return version;
}

/**
 * After the runbook's rollback actions: what they started is live and the run's version rolled
 * back. `ran` says they all passed; then, with no app container among them (ssh actions), they put
 * the previous version back. A strategy's revert already recorded its own release.
 */
export async function recordRollback(ctx: ExecutorContext, ran: boolean): Promise<void> {
  const bad = ctx.plan.scope.version;
  const started = startedByRollback(ctx);
  const reverted = ctx.deployment.deployed !== undefined;
  const version = started ?? (ran && !reverted ? ctx.plan.scope.previousVersion : undefined);
  if (!version) return;
  const io = releaseIO(ctx, outputSource);
  // Already recorded by this run (an engine that rolled back by itself): once is the truth.
  if (!started && (await recordedByThisRun(ctx, version, io))) return;
  const environment = ctx.plan.environment;
  const check = await checkAnsweringVersion(environment, version, ctx.sleep, ctx.signal);
  if (check.state === 'disagrees') {
    io.output(
      undefined,
      'stderr',
      `release history not changed: the rollback should have put ${version} back, but ${check.text}`,
    );
    await ctx.recorder.emit('release.unconfirmed', {
      environment: environment.name,
      expected: version,
      answered: check.answered,
      where: ctx.deployment.targets.history.where,
      check: check.text,
    });
    return;
  }
  io.output(undefined, 'info', check.text);
  await recordRelease(ctx, version, bad, undefined, io, version !== bad ? bad : undefined, check.text);
}

async function recordedByThisRun(ctx: ExecutorContext, version: string, io: ToolIO): Promise<boolean> {
  try {
    const live = await ctx.deployment.targets.history.live(io);
    return live?.version === version && live.runId === ctx.plan.scope.runId;
  } catch {
    return false;
  }
}

/** A run that succeeded and recorded no release (no app container, no strategy): its version is live. */
export async function recordSucceeded(ctx: ExecutorContext): Promise<void> {
  const io = releaseIO(ctx, 'run.release');
  const history = ctx.deployment.targets.history;
  try {
    const live = await history.live(io);
    if (live?.runId === ctx.plan.scope.runId) return;
  } catch (error) {
    io.output(
      undefined,
      'stderr',
      `could not read the release history on ${history.where}: ${(error as Error).message}`,
    );
    return;
  }
  await recordRelease(ctx, ctx.plan.scope.version, ctx.plan.scope.previousVersion, undefined, io);
}
