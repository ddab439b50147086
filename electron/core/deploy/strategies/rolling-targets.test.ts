import { describe, expect, it } from 'vitest';
import { labEnvironment, localHosts } from '../test-support/rolling-lab';
import { createFeatureFlagStrategy } from './feature-flags';
import { createRecreateStrategy } from './recreate';
import { createRollingStrategy } from './rolling';
import { StrategyError } from './rolling-errors';
import { appTargets, batchesOf } from './rolling-targets';

const app = { image: 'web', container: 'web', ports: ['8080:80'] };

function thrown(fn: () => unknown): StrategyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StrategyError) return error;
    throw error;
  }
  throw new Error('expected a StrategyError');
}

describe('app targets', () => {
  it('several hosts on one local engine: a container per host, published on its appUrl port', () => {
    const environment = labEnvironment({ hosts: localHosts([18001, 18002]), app });
    expect(appTargets(environment)).toEqual([
      {
        host: 'host-1',
        engine: 'local',
        container: 'web-host-1',
        ports: ['127.0.0.1:18001:80'],
        published: [{ address: '127.0.0.1', port: 18001 }],
        healthUrl: 'http://127.0.0.1:18001/health',
      },
      expect.objectContaining({ host: 'host-2', container: 'web-host-2', ports: ['127.0.0.1:18002:80'] }),
    ]);
  });

  it('docker over ssh: each host its own engine, the container keeps app.container and app.ports', () => {
    const environment = labEnvironment({
      hosts: localHosts([18001, 18002]),
      docker: { via: 'ssh' },
      app: { ...app, healthPath: '/up' },
    });
    expect(appTargets(environment).map((t) => [t.engine, t.container, t.ports, t.healthUrl])).toEqual([
      ['host-1', 'web', ['8080:80'], 'http://127.0.0.1:18001/up'],
      ['host-2', 'web', ['8080:80'], 'http://127.0.0.1:18002/up'],
    ]);
  });

  it('no hosts: this machine, health from urls.health', () => {
    const environment = labEnvironment({ app, urls: { health: 'http://127.0.0.1:8080/health' } });
    expect(appTargets(environment)).toEqual([
      expect.objectContaining({ host: undefined, engine: 'local', container: 'web', published: [{ port: 8080 }] }),
    ]);
  });

  it('bad input names the field: a host without appUrl, empty app.ports, no app', () => {
    const hosts = localHosts([18001, 18002]);
    delete hosts[1]!.appUrl;
    expect(thrown(() => appTargets(labEnvironment({ hosts, app }))).message).toContain('hosts[1].appUrl is missing');
    const noPorts = labEnvironment({ hosts: localHosts([1, 2]), app: { ...app, ports: [] } });
    expect(thrown(() => appTargets(noPorts)).details).toEqual({ field: 'app.ports' });
    expect(thrown(() => appTargets(labEnvironment({}))).code).toBe('invalid-config');
  });

  it('batches follow batchSize, capped by maxUnavailable', () => {
    const items = [1, 2, 3, 4, 5];
    expect(batchesOf(items, { batchSize: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(batchesOf(items, { batchSize: 4, maxUnavailable: 1 })).toEqual([[1], [2], [3], [4], [5]]);
  });
});

describe('strategy plans', () => {
  it('rolling: one stage per batch, naming hosts and health URLs', () => {
    const environment = labEnvironment({ hosts: localHosts([1, 2, 3, 4]), app, deploy: { rolling: { batchSize: 2 } } });
    const stages = createRollingStrategy().plan(environment, 'v2', 'v1');
    expect(stages.map((s) => [s.id, s.hosts])).toEqual([
      ['batch-1', ['host-1', 'host-2']],
      ['batch-2', ['host-3', 'host-4']],
    ]);
    expect(stages[0]!.title).toBe(
      'Batch 1 of 2: host-1, host-2: v1 → v2, then GET http://127.0.0.1:1/health, http://127.0.0.1:2/health until 200',
    );
  });

  it('recreate: stop, start, health on every host', () => {
    const environment = labEnvironment({ app, urls: { health: 'http://127.0.0.1:8080/health' } });
    expect(
      createRecreateStrategy()
        .plan(environment, 'v2', 'v1')
        .map((s) => s.title),
    ).toEqual([
      'Stop web on this machine (v1)',
      'Start v2 as web on this machine, same ports',
      'GET http://127.0.0.1:8080/health until 200',
    ]);
  });

  it('feature flags: off first, then each step with its weight', () => {
    const environment = labEnvironment({
      deploy: {
        flags: {
          provider: { kind: 'file', path: '/srv/flags.json', hosts: ['web-1'] },
          flag: 'new-ui',
          steps: [10, 100],
          analysis: '30s',
        },
      },
    });
    expect(createFeatureFlagStrategy().plan(environment, 'v2', 'v1')).toEqual([
      {
        id: 'flag-0',
        title: 'Flag new-ui off in flag file /srv/flags.json on web-1 (v2 deployed dark)',
        hosts: ['web-1'],
        weight: 0,
      },
      { id: 'flag-10', title: 'Flag new-ui on for 10 % of users, then watch 30 s', hosts: ['web-1'], weight: 10 },
      { id: 'flag-100', title: 'Flag new-ui on for 100 % of users, then watch 30 s', hosts: ['web-1'], weight: 100 },
    ]);
  });
});
