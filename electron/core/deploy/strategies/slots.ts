import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { DockerOps } from '../../docker/docker-ops';
import { versionLabel } from '../../docker/docker-plans';
import { CodedError } from '../../lib/coded-error';
import type { ToolIO } from '../../run/run-tools';
import type { StrategyContext, TrafficSwitch, UpstreamServer } from '../deploy-strategy';

// Two slots on one host, blue and green, each a container of the app published on its own loopback
// port; the proxy on that host points at one (blue-green) or both (canary). What runs where is read
// back from the containers' labels and the proxy's file, never remembered in memory, so a revert
// in a resumed run (another process) finds the same slots.

export type SlotName = 'blue' | 'green';
export const slotNames: readonly SlotName[] = ['blue', 'green'];
export const otherSlot = (slot: SlotName): SlotName => (slot === 'blue' ? 'green' : 'blue');

export const slotLabel = 'dev.release-pilot.slot';
/** The run that started the container: a revert stops exactly what its own run started. */
export const runLabel = 'dev.release-pilot.run';

export type SlotErrorCode =
  | 'strategy-config-invalid'
  | 'slot-start-failed'
  | 'slot-unhealthy'
  | 'no-previous-slot'
  | 'cancelled';

/** Failures of a slot strategy; the message names the strategy, the host, the slot and its port. */
export class SlotError extends CodedError<SlotErrorCode> {}

export interface SlotLayout {
  strategy: string;
  /** 'local' or a host's name, as StrategyContext.docker takes it. */
  dockerHost: string;
  /** "this machine" or "web-1": how messages name it. */
  where: string;
  ports: Record<SlotName, number>;
  containerPort: number;
  healthPath: string;
  healthTimeoutMs: number;
  container(slot: SlotName): string;
  /** What the proxy's `server` line names: the slot's port on the proxy host's loopback. */
  address(slot: SlotName): string;
}

/** The slots an environment describes, or a SlotError naming the missing or contradictory field. */
export function slotLayout(environment: NamedEnvironment, strategy: string): SlotLayout {
  const bad = (message: string, field: string) =>
    new SlotError('strategy-config-invalid', `${strategy} in environment "${environment.name}": ${message}`, {
      environment: environment.name,
      field,
    });
  const { app, proxy } = environment;
  const slots = environment.deploy.slots;
  if (!app) throw bad('app is missing (image, container and ports of the app to deploy)', 'app');
  if (!slots)
    throw bad(
      'deploy.slots is missing (the blue and green host ports, e.g. { blue: 8081, green: 8082 })',
      'deploy.slots',
    );
  if (!proxy) throw bad('proxy is missing (the nginx that switches traffic between the slots)', 'proxy');
  // The proxy reaches the slots on its own loopback, so the containers must run on the proxy's host.
  if (environment.docker.via === 'ssh' && !proxy.host) {
    throw bad('docker is reached over SSH, so proxy.host must name the host the slots and nginx run on', 'proxy.host');
  }
  if (environment.docker.via === 'local' && proxy.host) {
    throw bad(`nginx runs on ${proxy.host} but Docker is this machine's; set docker.via: ssh`, 'docker.via');
  }
  const dockerHost = environment.docker.via === 'ssh' ? proxy.host! : 'local';
  return {
    strategy,
    dockerHost,
    where: dockerHost === 'local' ? 'this machine' : dockerHost,
    ports: { blue: slots.blue, green: slots.green },
    containerPort: containerPortOf(app.ports[0]),
    healthPath: app.healthPath,
    healthTimeoutMs: environment.deploy.healthTimeout,
    container: (slot) => `${app.container}-${slot}`,
    address: (slot) => `127.0.0.1:${slot === 'blue' ? slots.blue : slots.green}`,
  };
}

/** "127.0.0.1:8080:80/tcp" → 80; no mapping → 80, the web default. */
function containerPortOf(mapping: string | undefined): number {
  if (!mapping) return 80;
  return Number(mapping.split('/')[0]!.split(':').at(-1));
}

/** "green (v2) on 127.0.0.1:8082" */
export function describeSlot(layout: SlotLayout, slot: SlotName, version?: string): string {
  return `${slot}${version ? ` (${version})` : ''} on ${layout.address(slot)}`;
}

export function slotAt(layout: SlotLayout, address: string): SlotName | undefined {
  return slotNames.find((slot) => layout.address(slot) === address);
}

export function requireTraffic(ctx: StrategyContext, layout: SlotLayout): TrafficSwitch {
  if (ctx.traffic) return ctx.traffic;
  throw new SlotError(
    'strategy-config-invalid',
    `${layout.strategy} in environment "${ctx.environment.name}": no traffic switch (proxy) was given to the strategy`,
    { environment: ctx.environment.name, field: 'proxy' },
  );
}

/** Weight of each slot in what the proxy serves now (slots it does not list are absent). */
export async function slotWeights(
  layout: SlotLayout,
  traffic: TrafficSwitch,
  io: ToolIO,
): Promise<Partial<Record<SlotName, number>>> {
  const servers = (await traffic.current(io)) ?? [];
  const weights: Partial<Record<SlotName, number>> = {};
  for (const server of servers) {
    const slot = slotAt(layout, server.address);
    if (slot) weights[slot] = (weights[slot] ?? 0) + server.weight;
  }
  return weights;
}

/** The slot taking most traffic now; undefined when the proxy points at neither (a first deploy). */
export async function liveSlot(layout: SlotLayout, traffic: TrafficSwitch, io: ToolIO): Promise<SlotName | undefined> {
  const weights = await slotWeights(layout, traffic, io);
  const live = slotNames.filter((slot) => (weights[slot] ?? 0) > 0);
  return live.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0))[0];
}

export interface SlotState {
  running: boolean;
  version?: string;
  runId?: string;
}

/** What each slot's container is (absent: no container of that name). */
export async function slotStates(ops: DockerOps, layout: SlotLayout): Promise<Partial<Record<SlotName, SlotState>>> {
  const states: Partial<Record<SlotName, SlotState>> = {};
  for (const slot of slotNames) {
    const [found] = await ops.list({ name: layout.container(slot) });
    if (found) {
      states[slot] = {
        running: found.state === 'running',
        version: found.labels[versionLabel],
        runId: found.labels[runLabel],
      };
    }
  }
  return states;
}

/** Starts `version` in `slot`, replacing whatever container held that slot before. */
export async function startSlot(
  ctx: StrategyContext,
  layout: SlotLayout,
  ops: DockerOps,
  slot: SlotName,
): Promise<void> {
  const app = ctx.environment.app!;
  try {
    await ops.runContainer({
      name: layout.container(slot),
      image: ctx.imageOf(ctx.version),
      ports: [`${layout.address(slot)}:${layout.containerPort}`],
      env: app.env,
      labels: { [slotLabel]: slot, [runLabel]: ctx.runId },
      version: ctx.version,
      replace: true,
    });
  } catch (error) {
    throw new SlotError(
      'slot-start-failed',
      `${layout.strategy} on ${layout.where}: cannot start ${describeSlot(layout, slot, ctx.version)} ` +
        `(container ${layout.container(slot)}): ${(error as Error).message}`,
      { host: layout.dockerHost, slot, port: layout.ports[slot], cause: error },
    );
  }
}

/** The proxy's servers for these slot weights, the larger share first (it reads best in the file). */
export function slotServers(
  layout: SlotLayout,
  shares: Partial<Record<SlotName, { weight: number; version: string | undefined }>>,
): UpstreamServer[] {
  return slotNames
    .filter((slot) => shares[slot] !== undefined)
    .map((slot) => ({
      address: layout.address(slot),
      weight: shares[slot]!.weight,
      label: `${slot} ${shares[slot]!.version ?? '(unknown version)'}`,
    }))
    .sort((a, b) => b.weight - a.weight);
}

/** Weights by version for traffic.switched; two slots on one version add up. */
export function weightsByVersion(pairs: [string | undefined, number][]): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [version, weight] of pairs) {
    const key = version ?? '(unknown version)';
    weights[key] = (weights[key] ?? 0) + weight;
  }
  return weights;
}

/** Journals a stage around `work`: started, then passed (with the detail it returns) or failed. */
export async function runStage<T>(
  ctx: StrategyContext,
  stage: string,
  detail: string,
  work: () => Promise<T>,
  passed?: (result: T) => string,
): Promise<T> {
  await ctx.stage(stage, 'started', detail);
  try {
    const result = await work();
    await ctx.stage(stage, 'passed', passed ? passed(result) : undefined);
    return result;
  } catch (error) {
    await ctx.stage(stage, 'failed', (error as Error).message);
    throw error;
  }
}
