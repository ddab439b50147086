import { beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../docker/docker-client';
import { buildDemoWebImage } from '../../test-lab/busybox-image';
import { freePort } from '../../test-lab/sshd-lab';
import { rejectionOf } from '../../test-support/rejection';
import {
  containerFacts,
  labEnvironment,
  longestGapMs,
  probeEvery,
  useLabContainers,
  versionAt,
} from '../test-support/rolling-lab';
import { testStrategyContext } from '../test-support/test-strategy-context';
import { createRecreateStrategy } from './recreate';
import { StrategyError } from './rolling-errors';

// Recreate on the real engine while the test itself probes the app every 20 ms: users see a gap
// between the old container stopping and the new one answering, and the strategy's cutover
// phases bracket it.

const client = createDockerClient({ via: 'local' });
const imageOf = (version: string) => `rp-lab-demo-web:${version}`;

beforeAll(async () => {
  await buildDemoWebImage(client, 'v1');
  await buildDemoWebImage(client, 'v2');
}, 120_000);

describe('recreate strategy on the real Docker engine', () => {
  const nextBase = useLabContainers(client, 'rp-recreate');

  async function appOnV1() {
    const port = await freePort();
    const container = nextBase();
    const url = `http://127.0.0.1:${port}`;
    const environment = labEnvironment({
      app: { image: 'rp-lab-demo-web', container, ports: [`127.0.0.1:${port}:80`] },
      urls: { health: `${url}/health` },
      deploy: { healthTimeout: '20s' },
    });
    const strategy = createRecreateStrategy();
    await strategy.deploy(testStrategyContext({ environment, version: 'v1', imageOf }));
    expect(await versionAt(url)).toBe('v1');
    return { environment, strategy, url, container };
  }

  it('v1 → v2 under probes every 20 ms: a measurable gap, then v2 answers', async () => {
    const { environment, strategy, url, container } = await appOnV1();
    const ctx = testStrategyContext({ environment, version: 'v2', previousVersion: 'v1', imageOf });
    const probes = probeEvery(`${url}/version`, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const outcome = await strategy.deploy(ctx);
    // A probe sent into the gap may hang until its timeout: wait for a few sent after the deploy.
    const deployed = performance.now();
    for (let waited = 0; probes.answers.filter((a) => a.at > deployed).length < 5 && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await probes.stop();

    expect(outcome.weights).toEqual({ v2: 100 });
    const failures = probes.answers.filter((a) => !a.ok);
    const gap = longestGapMs(probes.answers);
    console.log(
      `recreate: ${failures.length} failed probes of ${probes.answers.length}, longest gap ${gap.toFixed(0)} ms`,
    );
    expect(failures.length).toBeGreaterThan(0);
    expect(gap).toBeGreaterThan(0);
    expect(probes.answers[0]?.body).toBe('v1');
    expect(probes.answers.at(-1)?.body).toBe('v2');
    // Once v2 answered, nothing else did: the gap is one stretch, not flapping.
    const firstV2 = probes.answers.findIndex((a) => a.body === 'v2');
    expect(probes.answers.slice(firstV2).every((a) => a.ok && a.body === 'v2')).toBe(true);
    expect(ctx.cutovers).toEqual(['during', 'after']);
    expect(ctx.stages.map((s) => `${s.stage}:${s.state}`)).toEqual([
      'stop-old:started',
      'stop-old:passed',
      'start-new:started',
      'start-new:passed',
      'health:started',
      'health:passed',
    ]);
    expect((await containerFacts(client, container))?.version).toBe('v2');
  });

  it('revert recreates the previous version', async () => {
    const { environment, strategy, url } = await appOnV1();
    const ctx = testStrategyContext({ environment, version: 'v2', previousVersion: 'v1', imageOf });
    await strategy.deploy(ctx);
    expect(await versionAt(url)).toBe('v2');
    const outcome = await strategy.revert(ctx, 'alert fired');
    expect(outcome.weights).toEqual({ v1: 100 });
    expect(await versionAt(url)).toBe('v1');
  });

  it('a missing image is refused before the old container is stopped', async () => {
    const { environment, strategy, url, container } = await appOnV1();
    const before = await containerFacts(client, container);
    const ctx = testStrategyContext({ environment, version: 'v-none', previousVersion: 'v1', imageOf });
    const error = await rejectionOf(strategy.deploy(ctx), StrategyError);
    expect(error.code).toBe('image-missing');
    expect(error.message).toContain('image rp-lab-demo-web:v-none is not on local socket /var/run/docker.sock');
    expect(await containerFacts(client, container)).toEqual(before);
    expect(await versionAt(url)).toBe('v1');
    expect(ctx.cutovers).toEqual([]);
  });

  it('an environment without an app section is a clear config error', async () => {
    const environment = labEnvironment({ urls: { health: 'http://127.0.0.1:9/health' } });
    const ctx = testStrategyContext({ environment, version: 'v2', imageOf });
    const error = await rejectionOf(createRecreateStrategy().deploy(ctx), StrategyError);
    expect(error.code).toBe('invalid-config');
    expect(error.message).toContain('environment lab: the strategy needs an app: section');
  });
});
