import type { DeploySettings } from '../../../../shared/formats/deploy-schema';
import { formatDuration } from '../../../../shared/formats/duration';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../../shared/runs/run-events';
import { SwarmError } from './swarm-errors';

// The pure half of the Swarm strategy: what to ask the engine for and how to say it. The stages
// here are what `run --dry-run` and the UI show; swarm.ts journals the same stage ids.

export type SwarmSettings = NonNullable<DeploySettings['swarm']>;

export const updateStageId = 'swarm-update';
export const monitorStageId = 'swarm-monitor';
export const rollbackStageId = 'swarm-rollback';

/** The engine's update/rollback policy as the Docker API takes it (durations in nanoseconds). */
export interface SwarmUpdatePolicy {
  Parallelism: number;
  Delay: number;
  Monitor: number;
  FailureAction: string;
  MaxFailureRatio: number;
  Order: string;
}

// A rollback should be quick: the engine holds "rollback_completed" until its monitor period has
// passed after the last task, so the rollback watches at most Docker's own default of 5 s. The
// engine rolls back under the RollbackConfig of the spec it returns to, so this takes effect from
// the second deploy by Release Pilot on (every spec we write carries it).
const rollbackMonitorCapMs = 5_000;

export function swarmSettingsOf(environment: NamedEnvironment): SwarmSettings {
  const settings = environment.deploy.swarm;
  if (!settings) {
    throw new SwarmError(
      'swarm-not-configured',
      `environment "${environment.name}": deploy.swarm is missing; name the service, e.g. deploy: { swarm: { service: web } }`,
      { environment: environment.name, field: 'deploy.swarm' },
    );
  }
  return settings;
}

/** Which engine the service lives on: the first host's (over SSH) when Docker is reached that way, else 'local'. */
export function swarmDockerHost(environment: NamedEnvironment): string {
  const first = environment.hosts[0];
  return environment.docker.via === 'ssh' && first ? first.name : 'local';
}

/** "app:v2" for a version, as the engine's ctx.imageOf will name it (the plan has no context). */
export function planImage(environment: NamedEnvironment, version: string): string {
  return environment.app ? `${environment.app.image}:${version}` : `the image tagged ${version}`;
}

const ns = (ms: number) => Math.round(ms * 1_000_000);

/** UpdateConfig for the update; `order` keeps the service's own start-first/stop-first choice. */
export function updatePolicy(settings: SwarmSettings, order = 'stop-first'): SwarmUpdatePolicy {
  return {
    Parallelism: settings.parallelism,
    Delay: ns(settings.delay),
    Monitor: ns(settings.monitor),
    FailureAction: settings.failureAction,
    MaxFailureRatio: settings.maxFailureRatio,
    Order: order,
  };
}

/** RollbackConfig: same batches, no delay, a short watch; a failing rollback pauses rather than looping. */
export function rollbackPolicy(settings: SwarmSettings, order = 'stop-first'): SwarmUpdatePolicy {
  return {
    Parallelism: settings.parallelism,
    Delay: 0,
    Monitor: ns(Math.min(settings.monitor, rollbackMonitorCapMs)),
    FailureAction: 'pause',
    MaxFailureRatio: settings.maxFailureRatio,
    Order: order,
  };
}

/** "2 tasks at a time, 5s between batches, monitor 30s, on failure rollback". */
export function describePolicy(settings: SwarmSettings): string {
  const batch =
    settings.parallelism === 0
      ? 'all tasks at once'
      : `${settings.parallelism} task${settings.parallelism === 1 ? '' : 's'} at a time`;
  const parts = [batch];
  if (settings.delay > 0) parts.push(`${formatDuration(settings.delay)} between batches`);
  parts.push(`monitor ${formatDuration(settings.monitor)}`);
  if (settings.maxFailureRatio > 0) parts.push(`tolerate ${Math.round(settings.maxFailureRatio * 100)} % failed tasks`);
  parts.push(`on failure ${settings.failureAction}`);
  return parts.join(', ');
}

export function planSwarm(environment: NamedEnvironment, version: string, previousVersion?: string): StrategyStage[] {
  const settings = swarmSettingsOf(environment);
  const hosts = [swarmDockerHost(environment)];
  const from = previousVersion ? ` (from ${previousVersion})` : '';
  const stages: StrategyStage[] = [
    {
      id: updateStageId,
      title: `update ${settings.service} to ${planImage(environment, version)}${from}: ${describePolicy(settings)}`,
      hosts,
      weight: 100,
    },
  ];
  if (settings.monitor > 0) {
    stages.push({
      id: monitorStageId,
      title: `watch ${formatDuration(settings.monitor)} after the update; a rollback alert rule rolls ${settings.service} back`,
      hosts,
      weight: 100,
    });
  }
  return stages;
}
