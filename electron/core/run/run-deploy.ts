import { formatDuration } from '../../../shared/formats/duration';
import type { PlanOf } from '../../../shared/plans/action-plan';
import { type StrategyContext, selfRevertedTo } from '../deploy/deploy-strategy';
import type { RunMonitorHandle } from './deployment-session';
import type { ExecutorContext } from './executor-context';
import type { ToolIO } from './run-tools';

// The two actions that belong to the run rather than to one tool: `deploy` (a strategy, watched by
// the monitors, its release recorded on the target) and `watch` (the post-deployment window).

export async function runDeploymentPlan(
  ctx: ExecutorContext,
  stepId: string,
  plan: PlanOf<'deploy'> | PlanOf<'watch'>,
  io: ToolIO,
): Promise<unknown> {
  return plan.kind === 'watch' ? await watch(ctx, plan.durationMs, io) : await deploy(ctx, stepId, plan, io);
}

async function watch(ctx: ExecutorContext, ms: number, io: ToolIO): Promise<unknown> {
  const monitor = ctx.deployment.monitor();
  if (!monitor) {
    io.output(
      undefined,
      'info',
      `nothing to watch on ${ctx.plan.environment.name}: give it urls.health, monitoring.probes.url or monitoring.prometheus`,
    );
    return { watchedMs: 0 };
  }
  io.output(undefined, 'info', `watching ${ctx.plan.environment.name} for ${formatDuration(ms)}`);
  await monitor.waitQuiet(ms, io.signal);
  return { watchedMs: ms };
}

async function deploy(ctx: ExecutorContext, _stepId: string, plan: PlanOf<'deploy'>, io: ToolIO): Promise<unknown> {
  const { deployment } = ctx;
  const strategy = deployment.targets.strategy(plan.strategy);
  const environment = ctx.plan.environment;
  await ctx.recorder.emit('strategy.planned', {
    strategy: strategy.name,
    stages: strategy.plan(environment, plan.version, plan.previousVersion),
  });
  const fresh = !deployment.monitoring();
  const monitor = deployment.monitor();
  if (monitor && fresh) {
    // A baseline before the cutover, so the report can compare before with during and after.
    const baseline = environment.monitoring.probes.baseline;
    io.output(undefined, 'info', `measuring a ${formatDuration(baseline)} baseline before the cutover`);
    await ctx.sleep(baseline, io.signal);
  }
  const strategyCtx = strategyContext(ctx, plan, io, monitor);
  deployment.deployed = { strategy, ctx: strategyCtx };
  let outcome: unknown;
  try {
    outcome = await strategy.deploy(strategyCtx);
  } catch (error) {
    const back = selfRevertedTo(error);
    if (back !== undefined) {
      // The engine rolled back by itself: the previous version is live again and nothing of this
      // run is left to revert, so a rollback does not switch (or record) a second time.
      deployment.deployed = undefined;
      await recordRelease(ctx, back, plan.previousVersion, strategy.name, io, plan.version);
    }
    throw error;
  }
  await recordRelease(ctx, plan.version, plan.previousVersion, strategy.name, io);
  return outcome;
}

export function strategyContext(
  ctx: ExecutorContext,
  plan: PlanOf<'deploy'>,
  io: ToolIO,
  monitor: RunMonitorHandle | undefined,
): StrategyContext {
  const environment = ctx.plan.environment;
  const targets = ctx.deployment.targets;
  return {
    environment,
    runId: ctx.plan.scope.runId,
    version: plan.version,
    previousVersion: plan.previousVersion,
    imageOf(version) {
      if (!environment.app) throw new Error(`environment "${environment.name}" has no app: image to deploy`);
      return `${environment.app.image}:${version}`;
    },
    docker: (host) => targets.docker(host),
    connection: (host) => targets.connection(host),
    traffic: targets.traffic,
    flags: targets.flags,
    async stage(stage, state, detail) {
      await ctx.recorder.emit('strategy.stage', { stage, state, detail });
    },
    async switched(where, weights) {
      await ctx.recorder.emit('traffic.switched', { where, weights });
    },
    async analyse(ms, label) {
      io.output(undefined, 'info', `${label}: watching for ${formatDuration(ms)}`);
      if (monitor) await monitor.waitQuiet(ms, io.signal);
      else await ctx.sleep(ms, io.signal);
    },
    cutover(phase, options) {
      monitor?.cutover(phase, options);
    },
    io,
  };
}

/** The target's release history learns what is live now; a history that cannot be written is said, not fatal. */
export async function recordRelease(
  ctx: ExecutorContext,
  version: string,
  previous: string | undefined,
  strategy: string | undefined,
  io: ToolIO,
  rolledBack?: string,
  check?: string,
): Promise<void> {
  const history = ctx.deployment.targets.history;
  const at = new Date().toISOString();
  try {
    // A rollback run (the `rollback` verb) undoes the release that was live: say so beside its own.
    const undone = ctx.recorder.state.rollbackOf;
    const undoes = undone && undone.version !== version && undone.version !== rolledBack ? undone : undefined;
    if (undoes) {
      await history.append({ version: undoes.version, at, runId: undoes.runId, strategy, status: 'rolled-back' }, io);
    }
    if (rolledBack) {
      await history.append(
        { version: rolledBack, at, runId: ctx.plan.scope.runId, strategy, status: 'rolled-back' },
        io,
      );
    }
    await history.append(
      { version, at, runId: ctx.plan.scope.runId, by: ctx.operator.by, strategy, status: 'live' },
      io,
    );
    await ctx.recorder.emit('release.recorded', {
      environment: ctx.plan.environment.name,
      version,
      previous,
      where: history.where,
      ...(rolledBack || undoes ? { rolledBack: rolledBack ?? undoes?.version } : {}),
      ...(check ? { check } : {}),
    });
  } catch (error) {
    io.output(undefined, 'stderr', `could not record the release on ${history.where}: ${(error as Error).message}`);
  }
}
