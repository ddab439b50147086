import type { StrategyStage } from '../../../../shared/runs/run-events';
import { DockerError } from '../../docker/docker-errors';
import type { DeployOutcome, DeployStrategy, StrategyContext } from '../deploy-strategy';
import { messageOf, StrategyError, strategyCodeOf } from './rolling-errors';
import { awaitHealth, preflight, startVersion } from './rolling-host-step';
import { type AppTarget, appOf, appTargets, targetName } from './rolling-targets';

// Recreate: stop the old container, start the new one under the same name and ports, wait for
// health. Users get no answer in between; the cutover phases bracket exactly that gap, so the
// probes' measured downtime is the price of this strategy and the report can say so.

const hostsOf = (targets: AppTarget[]) => targets.flatMap((t) => (t.host ? [t.host] : []));

export function createRecreateStrategy(): DeployStrategy {
  return {
    name: 'recreate',
    revertCheck: () => ({ kind: 'serving' }),
    plan(environment, version, previous) {
      const targets = appTargets(environment);
      const where = targets.map((t) => `${t.container} on ${targetName(t)}`).join(', ');
      const stages: StrategyStage[] = [
        { id: 'stop-old', title: `Stop ${where}${previous ? ` (${previous})` : ''}`, hosts: hostsOf(targets) },
        { id: 'start-new', title: `Start ${version} as ${where}, same ports`, hosts: hostsOf(targets) },
        {
          id: 'health',
          title: `GET ${targets.map((t) => t.healthUrl).join(', ')} until 200`,
          hosts: hostsOf(targets),
        },
      ];
      return stages;
    },
    deploy: (ctx) => recreate(ctx, ctx.version, 'deploy'),
    async revert(ctx, reason) {
      if (!ctx.previousVersion) {
        throw new StrategyError('no-previous-version', `recreate: no previous version to return to (${reason})`);
      }
      const outcome = await recreate(ctx, ctx.previousVersion, 'revert');
      return { ...outcome, detail: `${outcome.detail} (${reason})` };
    },
  };
}

async function recreate(ctx: StrategyContext, version: string, why: 'deploy' | 'revert'): Promise<DeployOutcome> {
  const { environment, io } = ctx;
  const app = appOf(environment);
  const targets = appTargets(environment);
  const image = ctx.imageOf(version);
  const engines = await Promise.all(targets.map(async (target) => ({ target, ops: await ctx.docker(target.engine) })));
  const step = async <T>(id: string, fn: (entry: (typeof engines)[number]) => Promise<T>) => {
    await ctx.stage(id, 'started', why === 'revert' ? `back to ${version}` : undefined);
    const settled = await Promise.allSettled(engines.map(fn));
    const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ t: targets[i]!, e: s.reason }] : []));
    if (failed.length > 0) {
      const detail = failed.map(({ t, e }) => prefixed(targetName(t), messageOf(e))).join('; ');
      await ctx.stage(id, 'failed', detail);
      throw new StrategyError(strategyCodeOf(failed[0]!.e, 'start-failed'), `recreate ${version}: ${detail}`, {
        stage: id,
      });
    }
    await ctx.stage(id, 'passed');
  };
  // The image must be there before the old container goes, or the gap would never close.
  await Promise.all(
    engines.map(({ target, ops }) =>
      preflight(ops, { ...target, published: [] }, image).catch((error: unknown) => {
        throw new StrategyError(strategyCodeOf(error, 'image-missing'), `recreate ${version}: ${messageOf(error)}`);
      }),
    ),
  );
  // The planned gap: a start slowed by a busy machine must not read as the new version failing.
  ctx.cutover('during', { outage: true });
  await step('stop-old', async ({ target, ops }) => {
    await ops.stop(target.container).catch((error: unknown) => {
      if (error instanceof DockerError && error.code === 'container-not-found') return;
      throw error;
    });
    io.output(target.host, 'info', `stopped ${target.container}`);
  });
  const options = { app, image, version, healthTimeoutMs: environment.deploy.healthTimeout, io };
  await step('start-new', ({ target, ops }) => startVersion(ops, target, options));
  await step('health', ({ target }) => awaitHealth(target, options));
  ctx.cutover('after');
  await ctx.switched(`${targets.length > 1 ? 'hosts' : 'app'} of ${environment.name}`, { [version]: 100 });
  return { weights: { [version]: 100 }, detail: `${targets.map(targetName).join(', ')} recreated on ${version}` };
}

const prefixed = (who: string, text: string) => (text.startsWith(`${who}:`) ? text : `${who}: ${text}`);
