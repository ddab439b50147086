import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type Dockerode from 'dockerode';
import { afterEach } from 'vitest';
import { Environment, type NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { DockerClient } from '../../docker/docker-client';
import { createDockerOps, type DockerOps } from '../../docker/docker-ops';
import { versionLabel } from '../../docker/docker-plans';
import type { StageState, StrategyContext } from '../deploy-strategy';

// A single-node swarm on the local engine for the Swarm strategy's tests: the swarm is created
// when missing and left active afterwards (leaving it would break other tests that found it on),
// services get random names and are removed after each test.

/** Makes this engine a swarm manager if it is not part of a swarm yet. */
export async function ensureSwarmManager(client: DockerClient): Promise<void> {
  const state = async () => ((await client.docker.info()) as { Swarm?: { LocalNodeState?: string } }).Swarm;
  if ((await state())?.LocalNodeState === 'active') return;
  await client.docker
    .swarmInit({ ListenAddr: '127.0.0.1:2377', AdvertiseAddr: '127.0.0.1' })
    // Another test file may have initialised it a moment ago; the re-check below decides.
    .catch(() => undefined);
  const now = await state();
  if (now?.LocalNodeState !== 'active')
    throw new Error(`could not make this engine a swarm manager: ${JSON.stringify(now)}`);
}

/** Random service names, each service removed (force) after the test that made it. */
export function useSwarmServices(client: DockerClient): { name(prefix?: string): string } {
  const made: string[] = [];
  afterEach(async () => {
    for (const name of made.splice(0)) {
      await client.docker
        .getService(name)
        .remove()
        .catch(() => undefined);
    }
  });
  return {
    name(prefix = 'rp-swarm') {
      const name = `${prefix}-${randomUUID().slice(0, 8)}`;
      made.push(name);
      return name;
    },
  };
}

/** A replicated service whose tasks stop at once (Init, 1 s grace), running when this resolves. */
export async function createLabService(
  client: DockerClient,
  spec: { name: string; image: string; version: string; replicas: number },
): Promise<void> {
  await client.docker.createService({
    Name: spec.name,
    TaskTemplate: {
      ContainerSpec: {
        Image: spec.image,
        Init: true,
        StopGracePeriod: 1_000_000_000,
        Labels: { [versionLabel]: spec.version },
      },
      RestartPolicy: { Condition: 'any', Delay: 500_000_000 },
    },
    Mode: { Replicated: { Replicas: spec.replicas } },
    // As a spec written by an earlier deploy would have it: the engine rolls back to this spec under
    // its RollbackConfig, and Docker's default 5 s monitor would only make the tests slower.
    RollbackConfig: { Parallelism: 0, Monitor: 1_000_000_000, FailureAction: 'pause', Order: 'stop-first' },
  } as Dockerode.CreateServiceOptions);
  await waitForTasks(client, spec.name, spec.image, spec.replicas, 20_000);
}

/** The images of the tasks that should run and do run. */
export async function runningImages(client: DockerClient, service: string): Promise<string[]> {
  const tasks = (await client.docker.listTasks({ filters: { service: [service], 'desired-state': ['running'] } })) as {
    Status?: { State?: string };
    Spec?: { ContainerSpec?: { Image?: string } };
  }[];
  return tasks
    .filter((task) => task.Status?.State === 'running')
    .map((task) => task.Spec?.ContainerSpec?.Image ?? '?')
    .sort();
}

export async function waitForTasks(
  client: DockerClient,
  service: string,
  image: string,
  replicas: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let images: string[] = [];
  while (Date.now() < deadline) {
    images = await runningImages(client, service);
    if (images.length === replicas && images.every((i) => i === image)) return;
    await sleep(200);
  }
  throw new Error(`service ${service}: wanted ${replicas} running task(s) of ${image}, have ${JSON.stringify(images)}`);
}

export interface SwarmTestEnvironment {
  service: string;
  monitor?: string;
  parallelism?: number;
  failureAction?: 'rollback' | 'pause' | 'continue';
}

/** An environment whose app image is rp-lab-demo-web and whose deploy.swarm names the service. */
export function swarmEnvironment(settings: SwarmTestEnvironment | undefined): NamedEnvironment {
  const environment = Environment.parse({
    app: { image: 'rp-lab-demo-web', container: 'web' },
    deploy: settings
      ? {
          swarm: {
            service: settings.service,
            parallelism: settings.parallelism ?? 1,
            monitor: settings.monitor ?? '1s',
            failureAction: settings.failureAction ?? 'rollback',
          },
          healthTimeout: '20s',
        }
      : {},
  });
  return { ...environment, name: 'swarm-test' };
}

/** What a strategy told its context, for assertions. */
export interface ContextRecord {
  stages: { stage: string; state: StageState; detail?: string }[];
  lines: string[];
  switched: { where: string; weights: Record<string, number> }[];
  cutovers: string[];
  analysed: { ms: number; label: string }[];
}

/**
 * A StrategyContext on the local engine (or the given ops). `analyse` is the run's monitors in
 * the real engine; here it resolves, or rejects with the given error as a firing rollback rule would.
 */
export function swarmContext(options: {
  environment: NamedEnvironment;
  version: string;
  previousVersion?: string;
  ops: DockerOps | DockerClient;
  analyseError?: Error;
}): { ctx: StrategyContext; record: ContextRecord } {
  const record: ContextRecord = { stages: [], lines: [], switched: [], cutovers: [], analysed: [] };
  const ops = 'docker' in options.ops ? createDockerOps(options.ops) : options.ops;
  const ctx: StrategyContext = {
    environment: options.environment,
    runId: 'run-swarm-test',
    version: options.version,
    previousVersion: options.previousVersion,
    imageOf: (version) => `${options.environment.app?.image}:${version}`,
    docker: async () => ops,
    connection: async (host) => {
      throw new Error(`no SSH in the swarm tests (asked for ${host})`);
    },
    stage: async (stage, state, detail) => {
      record.stages.push({ stage, state, detail });
    },
    switched: async (where, weights) => {
      record.switched.push({ where, weights });
    },
    analyse: async (ms, label) => {
      record.analysed.push({ ms, label });
      if (options.analyseError) throw options.analyseError;
    },
    cutover: (phase) => {
      record.cutovers.push(phase);
    },
    io: {
      signal: new AbortController().signal,
      output: (_host, _stream, line) => {
        record.lines.push(line);
      },
    },
  };
  return { ctx, record };
}
