import type { StrategyStage } from '../../../../shared/runs/run-events';
import type { DockerOps } from '../../docker/docker-ops';
import type { DeployStrategy, StrategyContext } from '../deploy-strategy';
import { messageOf, StrategyError, strategyCodeOf } from './rolling-errors';
import { preflight, runsVersion, runVersion } from './rolling-host-step';
import { waitForHttp200 } from './rolling-http-health';
import { type AppTarget, appOf, appTargets, batchesOf, targetName } from './rolling-targets';

// Rolling: the hosts in batches; a batch's hosts are replaced in parallel and the next batch
// starts only once every host of this one answers its health URL. On a failure nothing further
// is touched, and revert() returns every host this run changed to the previous version.

const stageId = (i: number) => `batch-${i + 1}`;
/** Container names repeat across hosts (docker via ssh): the engine tells them apart. */
const keyOf = (target: AppTarget) => `${target.engine}/${target.container}`;

export function createRollingStrategy(): DeployStrategy {
  // Hosts each run changed (the failed one included: its old container is gone). Kept per run id
  // so one strategy object serves several runs; a revert without a record inspects the hosts.
  const changed = new Map<string, Set<string>>();

  const plan = (environment: StrategyContext['environment'], version: string, previous: string | undefined) => {
    const batches = batchesOf(appTargets(environment), environment.deploy.rolling);
    return batches.map(
      (batch, i): StrategyStage => ({
        id: stageId(i),
        title: `Batch ${i + 1} of ${batches.length}: ${batch.map(targetName).join(', ')}: ${previous ? `${previous} → ` : ''}${version}, then GET ${batch.map((t) => t.healthUrl).join(', ')} until 200`,
        hosts: batch.flatMap((t) => (t.host ? [t.host] : [])),
      }),
    );
  };

  return {
    name: 'rolling',
    revertCheck: () => ({ kind: 'serving' }),
    plan,
    async deploy(ctx) {
      const { environment, version, io } = ctx;
      const app = appOf(environment);
      const targets = appTargets(environment);
      const batches = batchesOf(targets, environment.deploy.rolling);
      const image = ctx.imageOf(version);
      const touched = changed.get(ctx.runId) ?? new Set<string>();
      changed.set(ctx.runId, touched);
      ctx.cutover('during');
      let done = 0;
      for (const [i, batch] of batches.entries()) {
        const id = stageId(i);
        await ctx.stage(id, 'started', batch.map(targetName).join(', '));
        const stop = async (error: unknown, fallback: 'start-failed' | 'unhealthy', note: string) => {
          const untouched = batches
            .slice(i + 1)
            .flat()
            .map(targetName);
          const detail = `${messageOf(error)}${note}${untouched.length ? `; not touched: ${untouched.join(', ')}` : ''}`;
          await ctx.stage(id, 'failed', detail);
          return new StrategyError(strategyCodeOf(error, fallback), `rolling ${version}, batch ${i + 1}: ${detail}`, {
            batch: i + 1,
          });
        };
        // Every host of the batch is checked before any of them is stopped.
        const checked = await Promise.allSettled(
          batch.map(async (target) => {
            const ops = await ctx.docker(target.engine);
            await preflight(ops, target, image);
            return { target, ops };
          }),
        );
        let ready: Array<{ target: AppTarget; ops: DockerOps }>;
        try {
          ready = failIfAny(checked, batch, 'start-failed');
        } catch (error) {
          throw await stop(error, 'start-failed', '; nothing in this batch was changed');
        }
        const outcome = await Promise.allSettled(
          ready.map(async ({ target, ops }) => {
            if ((await runsVersion(ops, target, version)) && (await healthy(target, ctx))) {
              io.output(target.host, 'info', `${targetName(target)} already runs ${version}; left as it is`);
              return;
            }
            touched.add(keyOf(target));
            await runVersion(ops, target, {
              app,
              image,
              version,
              healthTimeoutMs: environment.deploy.healthTimeout,
              io,
            });
          }),
        );
        try {
          failIfAny(outcome, batch, 'unhealthy');
        } catch (error) {
          throw await stop(error, 'unhealthy', '');
        }
        done += batch.length;
        await ctx.stage(id, 'passed');
        await ctx.switched(`hosts of ${environment.name}`, weights(version, ctx.previousVersion, done, targets.length));
      }
      ctx.cutover('after');
      return {
        weights: { [version]: 100 },
        detail: `${targets.length} host(s) on ${version} in ${batches.length} batch(es)`,
      };
    },
    async revert(ctx, reason) {
      const { environment, io } = ctx;
      const previous = ctx.previousVersion;
      if (!previous) {
        throw new StrategyError('no-previous-version', `rolling: no previous version to return to (${reason})`);
      }
      const app = appOf(environment);
      const image = ctx.imageOf(previous);
      const targets = appTargets(environment);
      const record = changed.get(ctx.runId);
      const batches = batchesOf(targets, environment.deploy.rolling);
      ctx.cutover('during');
      const failures: string[] = [];
      let reverted = 0;
      for (const [i, batch] of batches.entries()) {
        const outcome = await Promise.allSettled(
          batch.map(async (target) => {
            const ops = await ctx.docker(target.engine);
            const wasChanged = record ? record.has(keyOf(target)) : !(await runsVersion(ops, target, previous));
            if (!wasChanged) return false;
            await runVersion(ops, target, {
              app,
              image,
              version: previous,
              healthTimeoutMs: environment.deploy.healthTimeout,
              io,
            });
            record?.delete(keyOf(target));
            return true;
          }),
        );
        const count = outcome.filter((o) => o.status === 'fulfilled' && o.value).length;
        const failed = outcome.flatMap((o) => (o.status === 'rejected' ? [messageOf(o.reason)] : []));
        failures.push(...failed);
        reverted += count;
        if (failed.length > 0) await ctx.stage(stageId(i), 'failed', `revert to ${previous}: ${failed.join('; ')}`);
        else if (count > 0) await ctx.stage(stageId(i), 'reverted', `${count} host(s) back on ${previous}`);
      }
      if (failures.length > 0) {
        throw new StrategyError('revert-failed', `rolling back to ${previous}: ${failures.join('; ')}`, {
          failures: failures.length,
        });
      }
      await ctx.switched(`hosts of ${environment.name}`, { [previous]: 100 });
      ctx.cutover('after');
      return { weights: { [previous]: 100 }, detail: `${reverted} host(s) back on ${previous} (${reason})` };
    },
  } satisfies DeployStrategy;
}

async function healthy(target: AppTarget, ctx: StrategyContext): Promise<boolean> {
  return waitForHttp200(target.healthUrl, { timeoutMs: 1000, signal: ctx.io.signal, host: targetName(target) }).then(
    () => true,
    () => false,
  );
}

/** Throws one StrategyError naming every failed host; returns the values otherwise. */
function failIfAny<T>(settled: PromiseSettledResult<T>[], batch: AppTarget[], fallback: 'start-failed' | 'unhealthy') {
  const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ target: batch[i]!, error: s.reason }] : []));
  if (failed.length === 0) return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  const first = failed[0]!.error;
  const said = failed.map(({ target, error }) => {
    const text = messageOf(error);
    return text.startsWith(`${targetName(target)}:`) ? text : `${targetName(target)}: ${text}`;
  });
  throw new StrategyError(strategyCodeOf(first, fallback), said.join('; '), {
    hosts: failed.map((f) => targetName(f.target)),
  });
}

function weights(version: string, previous: string | undefined, done: number, total: number): Record<string, number> {
  const share = Math.round((done / total) * 100);
  if (!previous || previous === version || share === 100) return { [version]: 100 };
  return { [version]: share, [previous]: 100 - share };
}
