import { beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../docker/docker-client';
import { DockerError } from '../../docker/docker-errors';
import { CodedError } from '../../lib/coded-error';
import { buildBusyboxImage, buildDemoWebImage } from '../../test-lab/busybox-image';
import { rejectionOf } from '../../test-support/rejection';
import {
  createLabService,
  ensureSwarmManager,
  runningImages,
  swarmContext,
  swarmEnvironment,
  useSwarmServices,
} from '../test-support/swarm-lab';
import { createSwarmStrategy } from './swarm';
import { SwarmError } from './swarm-errors';

// The real engine as a single-node swarm: services of the busybox demo app, updated by the
// strategy, rolled back by the engine itself and by the strategy's revert.

const client = createDockerClient({ via: 'local' });
const strategy = createSwarmStrategy({ pollMs: 200 });
const v1 = 'swarm-v1';
const v2 = 'swarm-v2';
const bad = 'swarm-bad';
const image = (version: string) => `rp-lab-demo-web:${version}`;

beforeAll(async () => {
  await ensureSwarmManager(client);
  await buildDemoWebImage(client, v1);
  await buildDemoWebImage(client, v2);
  // Starts, runs for a moment, exits 1: fails inside the update's monitor window.
  await buildBusyboxImage(client, { tag: image(bad), cmd: ['sh', '-c', 'sleep 1; exit 1'] });
});

describe('swarm strategy on a real single-node swarm', () => {
  const services = useSwarmServices(client);

  it('updates 2 replicas from v1 to v2, followed live, then watches the monitor window', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v1), version: v1, replicas: 2 });
    const environment = swarmEnvironment({ service, monitor: '1s' });
    const { ctx, record } = swarmContext({ environment, version: v2, previousVersion: v1, ops: client });

    const outcome = await strategy.deploy(ctx);

    expect(outcome.weights).toEqual({ [v2]: 100 });
    expect(await runningImages(client, service)).toEqual([image(v2), image(v2)]);
    const spec = (await client.docker.getService(service).inspect()).Spec;
    expect(spec.UpdateConfig).toMatchObject({ Parallelism: 1, Monitor: 1_000_000_000, FailureAction: 'rollback' });
    expect(spec.TaskTemplate.ContainerSpec.Labels['dev.release-pilot.version']).toBe(v2);
    expect(record.lines.some((line) => line.includes(`${image(v2)}: running`))).toBe(true);
    expect(record.lines.some((line) => line.includes(': completed'))).toBe(true);
    expect(record.stages.map((s) => `${s.stage}:${s.state}`)).toEqual(
      expect.arrayContaining(['swarm-update:started', 'swarm-update:passed', 'swarm-monitor:passed']),
    );
    expect(record.analysed).toEqual([{ ms: 1000, label: expect.stringContaining(service) }]);
    expect(record.cutovers).toEqual(['during', 'after']);
    expect(record.switched).toEqual([{ where: expect.stringContaining(service), weights: { [v2]: 100 } }]);
  });

  it('an update whose new tasks fail is rolled back by the engine, and the error says so and why', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v1), version: v1, replicas: 2 });
    const environment = swarmEnvironment({ service, monitor: '2s', failureAction: 'rollback' });
    const { ctx, record } = swarmContext({ environment, version: bad, previousVersion: v1, ops: client });

    const error = await rejectionOf(strategy.deploy(ctx), SwarmError);

    expect(error.code).toBe('swarm-rolled-back');
    expect(error.message).toContain('Swarm engine rolled back');
    expect(error.message).toContain(service);
    expect(error.message).toContain(image(bad));
    expect(error.message).toContain('non-zero exit (1)');
    expect(error.details).toMatchObject({ service, engine: client.label });
    expect(await runningImages(client, service)).toEqual([image(v1), image(v1)]);
    expect(record.lines.some((line) => line.includes('rollback_started'))).toBe(true);
    expect(record.stages.at(-1)).toMatchObject({ stage: 'swarm-update', state: 'failed' });
    expect(record.switched).toEqual([{ where: expect.any(String), weights: { [v1]: 100 } }]);

    // The run engine then reverts: the engine already did, so nothing is rolled (forward) again.
    const reverted = await strategy.revert(ctx, 'deploy failed');
    expect(reverted.weights).toEqual({ [v1]: 100 });
    expect(record.lines.some((line) => line.includes('nothing to roll back'))).toBe(true);
    expect(await runningImages(client, service)).toEqual([image(v1), image(v1)]);
  });

  it('a rollback rule firing in the monitor window rejects; revert rolls the service back to v1', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v1), version: v1, replicas: 2 });
    const environment = swarmEnvironment({ service, monitor: '1s', parallelism: 2 });
    const alert = new CodedError('alert-rollback', 'error rate > 10 % for 1s');
    const { ctx, record } = swarmContext({
      environment,
      version: v2,
      previousVersion: v1,
      ops: client,
      analyseError: alert,
    });

    const error = await rejectionOf(strategy.deploy(ctx), CodedError);
    expect(error.code).toBe('alert-rollback');
    expect(await runningImages(client, service)).toEqual([image(v2), image(v2)]);
    expect(record.stages.at(-1)).toMatchObject({ stage: 'swarm-monitor', state: 'failed' });

    const outcome = await strategy.revert(ctx, 'error rate > 10 % for 1s');
    expect(outcome.weights).toEqual({ [v1]: 100 });
    expect(await runningImages(client, service)).toEqual([image(v1), image(v1)]);
    expect(record.lines.some((line) => line.includes('rollback_completed'))).toBe(true);
    expect(record.stages.slice(-2).map((s) => `${s.stage}:${s.state}`)).toEqual([
      'swarm-rollback:passed',
      'swarm-update:reverted',
    ]);
  });

  it('failure action pause: the update pauses with the failing task named; revert rolls back', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v1), version: v1, replicas: 2 });
    const environment = swarmEnvironment({ service, monitor: '2s', failureAction: 'pause' });
    const { ctx } = swarmContext({ environment, version: bad, previousVersion: v1, ops: client });

    const error = await rejectionOf(strategy.deploy(ctx), SwarmError);
    expect(error.code).toBe('swarm-update-paused');
    expect(error.message).toContain('paused the update');
    expect(error.message).toContain('non-zero exit (1)');

    const outcome = await strategy.revert(ctx, 'update paused');
    expect(outcome.weights).toEqual({ [v1]: 100 });
    expect(await runningImages(client, service)).toEqual([image(v1), image(v1)]);
  });

  it('deploying the version already running changes no task and ends at once', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v1), version: v1, replicas: 1 });
    const before = await runningImages(client, service);
    const { ctx } = swarmContext({
      environment: swarmEnvironment({ service, monitor: '0s' }),
      version: v1,
      ops: client,
    });
    const outcome = await strategy.deploy(ctx);
    expect(outcome.weights).toEqual({ [v1]: 100 });
    expect(await runningImages(client, service)).toEqual(before);
  });
});

describe('swarm strategy: bad input', () => {
  const services = useSwarmServices(client);

  it('an unknown service → swarm-service-not-found naming the service and the engine', async () => {
    const environment = swarmEnvironment({ service: 'rp-no-such-service-x' });
    const { ctx, record } = swarmContext({ environment, version: v2, ops: client });
    const error = await rejectionOf(strategy.deploy(ctx), SwarmError);
    expect(error.code).toBe('swarm-service-not-found');
    expect(error.message).toContain('"rp-no-such-service-x"');
    expect(error.message).toContain(client.label);
    expect(record.stages.at(-1)).toMatchObject({ stage: 'swarm-update', state: 'failed' });
    expect(record.cutovers).toEqual([]);
  });

  it('a revert with no previous spec → swarm-no-previous, the service left alone', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: image(v2), version: v2, replicas: 1 });
    const { ctx } = swarmContext({ environment: swarmEnvironment({ service }), version: v2, ops: client });
    const error = await rejectionOf(strategy.revert(ctx, 'test'), SwarmError);
    expect(error.code).toBe('swarm-no-previous');
    expect(error.message).toContain(service);
    expect(await runningImages(client, service)).toEqual([image(v2)]);
  });

  it('an engine that is not there → engine-unreachable naming the socket', async () => {
    const gone = createDockerClient({ via: 'local', socket: '/tmp/rp-no-docker-here.sock' });
    const { ctx } = swarmContext({ environment: swarmEnvironment({ service: 'web' }), version: v2, ops: gone });
    const error = await rejectionOf(strategy.deploy(ctx), DockerError);
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toContain('/tmp/rp-no-docker-here.sock');
  });
});
