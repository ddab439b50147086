import type { DockerClient } from '../../docker/docker-client';
import type { DeployOutcome, DeployStrategy, StrategyContext } from '../deploy-strategy';
import { SwarmError } from './swarm-errors';
import { awaitTasksRunning, type FollowResult, followSwarmUpdate, type TaskFailure } from './swarm-follow';
import {
  describePolicy,
  monitorStageId,
  planSwarm,
  rollbackStageId,
  type SwarmSettings,
  swarmDockerHost,
  swarmSettingsOf,
  updateStageId,
} from './swarm-plan';
import {
  checkSwarmManager,
  inspectService,
  listServiceTasks,
  type SwarmService,
  type SwarmTask,
  sameImage,
  specForImage,
  specImage,
  specVersion,
  updateService,
} from './swarm-service';

// Docker Swarm services: the engine does the rolling update (parallelism, delay, monitor window,
// failure action) and, on failure, its own rollback; we set the policy, follow it live, journal
// what it did, and let the run's alert rules order a rollback during the monitor window.

export interface SwarmStrategyOptions {
  /** How often the service and its tasks are polled while an update runs. */
  pollMs?: number;
}

export function createSwarmStrategy(options: SwarmStrategyOptions = {}): DeployStrategy {
  return {
    name: 'swarm',
    revertCheck: () => ({ kind: 'serving' }),
    plan: (environment, version, previousVersion) => planSwarm(environment, version, previousVersion),
    deploy: (ctx) => deploySwarm(ctx, options),
    revert: (ctx, reason) => revertSwarm(ctx, reason, options),
  };
}

/** The engine, its label and where output lines go, for one environment. */
interface SwarmTarget {
  settings: SwarmSettings;
  client: DockerClient;
  /** Host name for io.output; undefined for this machine. */
  outputHost: string | undefined;
  where: string;
}

async function openTarget(ctx: StrategyContext, settings: SwarmSettings): Promise<SwarmTarget> {
  const host = swarmDockerHost(ctx.environment);
  const { client } = await ctx.docker(host);
  await checkSwarmManager(client, settings.service);
  return {
    settings,
    client,
    outputHost: host === 'local' ? undefined : host,
    where: `swarm service ${settings.service} on ${client.label}`,
  };
}

async function deploySwarm(ctx: StrategyContext, options: SwarmStrategyOptions): Promise<DeployOutcome> {
  const settings = swarmSettingsOf(ctx.environment);
  const image = ctx.imageOf(ctx.version);
  await ctx.stage(updateStageId, 'started', `update ${settings.service} to ${image}: ${describePolicy(settings)}`);
  let target: SwarmTarget;
  let result: FollowResult;
  let previous: string | undefined;
  try {
    target = await openTarget(ctx, settings);
    const service = await inspectService(target.client, settings.service);
    const from = specImage(service.Spec);
    previous = specVersion(service.Spec, ctx.previousVersion);
    const before = await listServiceTasks(target.client, service);
    say(ctx, target, `updating ${target.where} from ${from ?? '?'} to ${image}: ${describePolicy(settings)}`);
    ctx.cutover('during');
    const spec = specForImage(service.Spec, image, ctx.version, settings);
    for (const warning of await updateService(target.client, service, spec)) {
      ctx.io.output(target.outputHost, 'stderr', `engine warning: ${warning}`);
    }
    result = await follow(ctx, target, service, image, before, options);
  } catch (error) {
    await ctx.stage(updateStageId, 'failed', messageOf(error));
    throw error;
  }

  if (result.end === 'completed' || result.end === 'converged') {
    await ctx.stage(updateStageId, 'passed', `${settings.service} runs ${image}`);
    ctx.cutover('after');
    await ctx.switched(target.where, { [ctx.version]: 100 });
    await watchMonitorWindow(ctx, settings);
    return { weights: { [ctx.version]: 100 }, detail: `${target.where} updated to ${image}` };
  }
  const error = updateFailure(target, result, image, previous);
  await ctx.stage(updateStageId, 'failed', error.message);
  if (result.end === 'rollback_completed') {
    // The engine put the previous spec back: that is the version live now, read from it, once its
    // tasks run again (the engine says "completed" while they may still be starting).
    const back = specVersion(result.service.Spec, previous);
    const backImage = specImage(result.service.Spec);
    const limit = ctx.environment.deploy.healthTimeout;
    const running =
      backImage !== undefined &&
      (await awaitTasksRunning(target.client, result.service, backImage, limit, ctx.io.signal));
    ctx.cutover('after');
    if (back && running) {
      await ctx.switched(target.where, { [back]: 100 });
      error.details.revertedTo = back;
    } else {
      ctx.io.output(
        target.outputHost,
        'stderr',
        `the engine rolled ${target.where} back to ${backImage ?? 'its previous spec'}, but its tasks did not run within ${limit / 1000} s: not recorded as live`,
      );
    }
  }
  throw error;
}

/** The alert rules get the monitor window after the engine's own: a rollback rule firing rejects. */
async function watchMonitorWindow(ctx: StrategyContext, settings: SwarmSettings): Promise<void> {
  if (settings.monitor <= 0) return;
  await ctx.stage(monitorStageId, 'started');
  try {
    await ctx.analyse(settings.monitor, `swarm service ${settings.service} after the update`);
  } catch (error) {
    await ctx.stage(monitorStageId, 'failed', messageOf(error));
    throw error;
  }
  await ctx.stage(monitorStageId, 'passed');
}

async function revertSwarm(
  ctx: StrategyContext,
  reason: string,
  options: SwarmStrategyOptions,
): Promise<DeployOutcome> {
  const settings = swarmSettingsOf(ctx.environment);
  const image = ctx.imageOf(ctx.version);
  await ctx.stage(rollbackStageId, 'started', reason);
  try {
    const target = await openTarget(ctx, settings);
    const service = await inspectService(target.client, settings.service);
    let result: FollowResult;
    if (sameImage(specImage(service.Spec), image)) {
      if (!service.PreviousSpec) {
        throw new SwarmError(
          'swarm-no-previous',
          `Cannot roll back ${target.where}: the engine keeps no previous spec for it (it was created with ${image})`,
          { engine: target.client.label, service: settings.service },
        );
      }
      const back = specImage(service.PreviousSpec) ?? '?';
      say(ctx, target, `rolling back ${target.where} from ${image} to ${back} (${reason})`);
      const before = await listServiceTasks(target.client, service);
      await updateService(target.client, service, service.Spec, { rollback: true });
      result = await follow(ctx, target, service, back, before, options);
    } else {
      // The engine already rolled back on its own, or our update never reached it: nothing of this
      // run is live, so only wait for a rollback still under way to settle.
      const current = specImage(service.Spec) ?? '?';
      say(ctx, target, `${target.where} runs ${current}, not ${image}: nothing to roll back`);
      result = await follow(ctx, target, service, current, await listServiceTasks(target.client, service), options);
    }
    if (result.end === 'paused' || result.end === 'rollback_paused') {
      throw new SwarmError(
        'swarm-rollback-paused',
        `The rollback of ${target.where} paused: ${reasonOf(result, specImage(result.service.PreviousSpec))}; run \`docker service ps ${settings.service}\` and fix it by hand`,
        { engine: target.client.label, service: settings.service },
      );
    }
    const version = specVersion(result.service.Spec, ctx.previousVersion) ?? 'previous';
    const backImage = specImage(result.service.Spec) ?? '?';
    const limit = ctx.environment.deploy.healthTimeout;
    if (!(await awaitTasksRunning(target.client, result.service, backImage, limit, ctx.io.signal))) {
      throw new SwarmError(
        'swarm-rollback-not-running',
        `The engine rolled ${target.where} back to ${backImage}, but its tasks did not run within ${limit / 1000} s; run \`docker service ps ${settings.service}\``,
        { engine: target.client.label, service: settings.service },
      );
    }
    await ctx.stage(rollbackStageId, 'passed', `${settings.service} runs ${specImage(result.service.Spec)}`);
    await ctx.stage(updateStageId, 'reverted', reason);
    await ctx.switched(target.where, { [version]: 100 });
    return { weights: { [version]: 100 }, detail: `${target.where} back on ${specImage(result.service.Spec)}` };
  } catch (error) {
    await ctx.stage(rollbackStageId, 'failed', messageOf(error));
    throw error;
  }
}

async function follow(
  ctx: StrategyContext,
  target: SwarmTarget,
  service: SwarmService,
  image: string,
  before: SwarmTask[],
  options: SwarmStrategyOptions,
): Promise<FollowResult> {
  const { settings } = target;
  return followSwarmUpdate({
    client: target.client,
    service,
    image,
    before,
    io: ctx.io,
    host: target.outputHost,
    // Each batch may take a health check's time plus the delay, and the engine watches `monitor` after.
    stallMs: ctx.environment.deploy.healthTimeout + settings.delay + settings.monitor + 10_000,
    pollMs: options.pollMs,
    onState: async (state, message) => {
      if (state === 'updating' || state === 'rollback_started') {
        await ctx.stage(updateStageId, 'started', `engine: ${state}${message ? ` — ${message}` : ''}`);
      }
    },
  });
}

function updateFailure(target: SwarmTarget, result: FollowResult, image: string, previous?: string): SwarmError {
  const details = { engine: target.client.label, service: target.settings.service, state: result.end };
  const why = reasonOf(result, image);
  if (result.end === 'rollback_completed') {
    const back = specImage(result.service.Spec) ?? previous ?? 'the previous spec';
    return new SwarmError(
      'swarm-rolled-back',
      `The Swarm engine rolled back ${target.where} from ${image} to ${back}: ${why}`,
      details,
    );
  }
  if (result.end === 'rollback_paused') {
    return new SwarmError(
      'swarm-rollback-paused',
      `The Swarm engine started rolling back ${target.where} from ${image} and paused: ${why}`,
      details,
    );
  }
  return new SwarmError(
    'swarm-update-paused',
    `The Swarm engine paused the update of ${target.where} to ${image}: ${why}; some tasks may run ${image}, a revert rolls them back`,
    details,
  );
}

// Progress messages say nothing about why; the engine's "… due to failure … of task x" does.
const routineMessages = new Set([
  'update in progress',
  'update completed',
  'rollback in progress',
  'rollback completed',
]);

/** Why the engine stopped: its own messages, then the first failing task (of the new image when any). */
function reasonOf(result: FollowResult, image: string | undefined): string {
  const said = result.messages.filter((message) => !routineMessages.has(message));
  const ofImage = result.failures.filter((failure) => sameImage(failure.image, image));
  const failure: TaskFailure | undefined = ofImage[0] ?? result.failures[0];
  const parts = [...said];
  if (failure) {
    const more = result.failures.length > 1 ? ` (${result.failures.length} tasks failed)` : '';
    parts.push(`task ${failure.task} (${failure.image ?? '?'}) ${failure.state}: ${failure.error}${more}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'the engine gave no reason';
}

function say(ctx: StrategyContext, target: SwarmTarget, line: string): void {
  ctx.io.output(target.outputHost, 'info', line);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
