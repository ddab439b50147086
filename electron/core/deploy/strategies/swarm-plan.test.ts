import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { Environment, type NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { SwarmError } from './swarm-errors';
import {
  describePolicy,
  planSwarm,
  rollbackPolicy,
  swarmDockerHost,
  swarmSettingsOf,
  updatePolicy,
} from './swarm-plan';
import { sameImage, specForImage, specVersion, swarmProblem } from './swarm-service';

function environment(raw: Record<string, unknown>): NamedEnvironment {
  return { ...Environment.parse(raw), name: 'prod' };
}

const swarmed = environment({
  app: { image: 'registry.example/shop', container: 'shop' },
  deploy: { swarm: { service: 'shop_web', parallelism: 2, delay: '5s', monitor: '30s' } },
});

describe('swarm plan', () => {
  it('says what the engine will do, per stage', () => {
    expect(planSwarm(swarmed, '2.0.0', '1.9.0')).toEqual([
      {
        id: 'swarm-update',
        title:
          'update shop_web to registry.example/shop:2.0.0 (from 1.9.0): 2 tasks at a time, 5s between batches, monitor 30s, on failure rollback',
        hosts: ['local'],
        weight: 100,
      },
      {
        id: 'swarm-monitor',
        title: 'watch 30s after the update; a rollback alert rule rolls shop_web back',
        hosts: ['local'],
        weight: 100,
      },
    ]);
  });

  it('words parallelism 0, failure ratio and other failure actions; no monitor stage without a window', () => {
    const env = environment({
      deploy: { swarm: { service: 'api', parallelism: 0, monitor: 0, maxFailureRatio: 0.2, failureAction: 'pause' } },
    });
    const stages = planSwarm(env, 'v3', undefined);
    expect(stages).toHaveLength(1);
    expect(stages[0]?.title).toBe(
      'update api to the image tagged v3: all tasks at once, monitor 0ms, tolerate 20 % failed tasks, on failure pause',
    );
    expect(describePolicy(swarmSettingsOf(swarmed))).toContain('2 tasks at a time');
  });

  it('runs on the first host when Docker is reached over SSH', () => {
    const env = environment({
      hosts: [{ name: 'manager-1', address: '10.0.0.5', knownHosts: '/k' }],
      docker: { via: 'ssh' },
      deploy: { swarm: { service: 'api' } },
    });
    expect(swarmDockerHost(env)).toBe('manager-1');
    expect(planSwarm(env, 'v1', undefined)[0]?.hosts).toEqual(['manager-1']);
  });

  it('an environment without deploy.swarm → swarm-not-configured naming environment and field', () => {
    const error = (() => {
      try {
        planSwarm(environment({}), 'v1', undefined);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SwarmError);
    expect((error as SwarmError).code).toBe('swarm-not-configured');
    expect((error as SwarmError).message).toContain('environment "prod": deploy.swarm is missing');
  });
});

describe('swarm update policy', () => {
  it('converts milliseconds to the nanoseconds the engine takes and keeps the service order', () => {
    const settings = swarmSettingsOf(swarmed);
    expect(updatePolicy(settings, 'start-first')).toEqual({
      Parallelism: 2,
      Delay: 5_000_000_000,
      Monitor: 30_000_000_000,
      FailureAction: 'rollback',
      MaxFailureRatio: 0,
      Order: 'start-first',
    });
    // Rollbacks: no delay, a short watch, pause (not loop) when the rollback itself fails.
    expect(rollbackPolicy(settings)).toMatchObject({ Delay: 0, Monitor: 5_000_000_000, FailureAction: 'pause' });
  });

  it('changes only image, version label and policies of the spec', () => {
    const spec: Dockerode.ServiceSpec = {
      Name: 'shop_web',
      Labels: { team: 'shop' },
      TaskTemplate: {
        ContainerSpec: { Image: 'registry.example/shop:1.9.0@sha256:abc', Env: ['A=1'], Labels: { x: 'y' } },
      },
      Mode: { Replicated: { Replicas: 4 } },
      UpdateConfig: { Parallelism: 1, Order: 'start-first' },
    };
    const next = specForImage(spec, 'registry.example/shop:2.0.0', '2.0.0', swarmSettingsOf(swarmed));
    expect(next.Name).toBe('shop_web');
    expect(next.Labels).toEqual({ team: 'shop' });
    expect(next.Mode).toEqual({ Replicated: { Replicas: 4 } });
    expect(next.TaskTemplate).toEqual({
      ContainerSpec: {
        Image: 'registry.example/shop:2.0.0',
        Env: ['A=1'],
        Labels: { x: 'y', 'dev.release-pilot.version': '2.0.0' },
      },
    });
    expect(next.UpdateConfig?.Order).toBe('start-first');
    expect(next.RollbackConfig?.Order).toBe('start-first');
    expect(specVersion(next)).toBe('2.0.0');
    expect(specVersion(spec, '1.9.0-from-history')).toBe('1.9.0-from-history');
    expect(specVersion(spec)).toBe('1.9.0');
    expect(sameImage('registry.example/shop:1.9.0', 'registry.example/shop:1.9.0@sha256:abc')).toBe(true);
    expect(sameImage('registry.example/shop:1.9.0', 'registry.example/shop:2.0.0')).toBe(false);
  });
});

describe('swarm state of an engine', () => {
  it('inactive, worker and manager', () => {
    const inactive = swarmProblem({ LocalNodeState: 'inactive' }, 'docker on web-1 over SSH', 'api');
    expect(inactive?.code).toBe('swarm-inactive');
    expect(inactive?.message).toContain('Docker Swarm is not active on docker on web-1 over SSH');
    expect(inactive?.message).toContain('service "api"');
    expect(swarmProblem(undefined, 'local socket /var/run/docker.sock', 'api')?.code).toBe('swarm-inactive');
    const worker = swarmProblem({ LocalNodeState: 'active', ControlAvailable: false }, 'docker on w-2 over SSH', 'api');
    expect(worker?.message).toContain('is a swarm worker, not a manager');
    expect(swarmProblem({ LocalNodeState: 'active', ControlAvailable: true }, 'x', 'api')).toBeUndefined();
  });
});
