import { createServer, type Server } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../../docker/docker-client';
import { silentLogger } from '../../logging/logger';
import { createTargetHosts } from '../../run/target-hosts';
import { buildBusyboxImage, buildDemoWebImage } from '../../test-lab/busybox-image';
import { freePort, startSshdLab } from '../../test-lab/sshd-lab';
import { rejectionOf } from '../../test-support/rejection';
import { containerFacts, labEnvironment, localHosts, useLabContainers, versionAt } from '../test-support/rolling-lab';
import { testStrategyContext } from '../test-support/test-strategy-context';
import { createRollingStrategy } from './rolling';
import { StrategyError } from './rolling-errors';

// Four "hosts" on this machine's Docker engine, each its own container of the busybox demo app on
// its own loopback port, rolled in batches of two by the real strategy.

const client = createDockerClient({ via: 'local' });
const bad = 'rp-lab-rolling-bad:v3';
const imageOf = (version: string) => (version === 'v3' ? bad : `rp-lab-demo-web:${version}`);

beforeAll(async () => {
  await buildDemoWebImage(client, 'v1');
  await buildDemoWebImage(client, 'v2');
  // Starts and serves /version, but has no /health: its health URL answers 404 for ever.
  await buildBusyboxImage(client, {
    tag: bad,
    files: { '/www/version': 'v3' },
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
  });
}, 120_000);

const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(blockers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function block(port: number): Promise<void> {
  const server = createServer((socket) => socket.destroy());
  blockers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

describe('rolling strategy over 4 hosts on the real Docker engine', () => {
  const nextBase = useLabContainers(client, 'rp-roll');

  async function fourHostsOnV1(batchSize: number, healthTimeout = '20s') {
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const base = nextBase();
    const environment = labEnvironment({
      hosts: localHosts(ports),
      docker: { via: 'local' },
      app: { image: 'rp-lab-demo-web', container: base, ports: ['8080:80'] },
      deploy: { rolling: { batchSize }, healthTimeout },
    });
    const strategy = createRollingStrategy();
    const setup = testStrategyContext({ environment, version: 'v1', imageOf });
    await strategy.deploy(setup);
    const urls = environment.hosts.map((h) => h.appUrl!);
    expect(await Promise.all(urls.map(versionAt))).toEqual(['v1', 'v1', 'v1', 'v1']);
    const names = environment.hosts.map((h) => `${base}-${h.name}`);
    return { environment, strategy, urls, names, ports };
  }

  it('stops at host 3 whose port another process holds; revert puts hosts 1–2 back on v1, host 4 never touched', async () => {
    const { environment, strategy, urls, names, ports } = await fourHostsOnV1(4);
    // Host 3 lost its app and a stray process took its port: a v2 container could not publish it.
    await client.docker.getContainer(names[2]!).remove({ force: true });
    await block(ports[2]!);
    const host4Before = await containerFacts(client, names[3]!);
    const ctx = testStrategyContext({
      environment: { ...environment, deploy: { ...environment.deploy, rolling: { batchSize: 2 } } },
      version: 'v2',
      previousVersion: 'v1',
      imageOf,
    });

    const error = await rejectionOf(strategy.deploy(ctx), StrategyError);

    expect(error.code).toBe('port-taken');
    expect(error.message).toContain('batch 2');
    expect(error.message).toContain(`host-3: port ${ports[2]}`);
    expect(await Promise.all([urls[0]!, urls[1]!, urls[3]!].map(versionAt))).toEqual(['v2', 'v2', 'v1']);
    expect(ctx.stages.map((s) => `${s.stage}:${s.state}`)).toEqual([
      'batch-1:started',
      'batch-1:passed',
      'batch-2:started',
      'batch-2:failed',
    ]);
    expect(ctx.switches.at(-1)?.weights).toEqual({ v2: 50, v1: 50 });

    const outcome = await strategy.revert(ctx, 'batch 2 failed');

    expect(outcome.weights).toEqual({ v1: 100 });
    expect(await Promise.all([urls[0]!, urls[1]!, urls[3]!].map(versionAt))).toEqual(['v1', 'v1', 'v1']);
    for (const name of names.slice(0, 2)) expect((await containerFacts(client, name))?.version).toBe('v1');
    // Host 3 was never changed by this run (its batch stopped before anything there was touched).
    expect(await containerFacts(client, names[2]!)).toBeUndefined();
    expect(await containerFacts(client, names[3]!)).toEqual(host4Before);
    expect(ctx.stages.slice(4).map((s) => `${s.stage}:${s.state}`)).toEqual(['batch-1:reverted']);
  });

  it('a version whose health never passes fails batch 1 on both hosts; revert returns both, hosts 3–4 untouched', async () => {
    const { environment, strategy, urls, names } = await fourHostsOnV1(4, '2s');
    const untouched = await Promise.all(names.slice(2).map((n) => containerFacts(client, n)));
    const ctx = testStrategyContext({
      environment: { ...environment, deploy: { ...environment.deploy, rolling: { batchSize: 4, maxUnavailable: 2 } } },
      version: 'v3',
      previousVersion: 'v1',
      imageOf,
    });

    const error = await rejectionOf(strategy.deploy(ctx), StrategyError);

    expect(error.code).toBe('unhealthy');
    expect(error.message).toMatch(
      /host-1: GET http:\/\/127\.0\.0\.1:\d+\/health did not answer 200 within 2000 ms \(last: HTTP 404\)/,
    );
    expect(error.message).toContain('host-2: GET');
    expect(error.message).toContain('not touched: host-3, host-4');
    expect(await Promise.all(urls.slice(0, 2).map(versionAt))).toEqual(['v3', 'v3']);

    await strategy.revert(ctx, 'unhealthy');

    expect(await Promise.all(urls.map(versionAt))).toEqual(['v1', 'v1', 'v1', 'v1']);
    expect(await Promise.all(names.slice(2).map((n) => containerFacts(client, n)))).toEqual(untouched);
  });

  it('a rollout to a version whose image is missing changes nothing', async () => {
    const { environment, strategy, names } = await fourHostsOnV1(2);
    const before = await Promise.all(names.map((n) => containerFacts(client, n)));
    const ctx = testStrategyContext({ environment, version: 'v-missing', previousVersion: 'v1', imageOf });

    const error = await rejectionOf(strategy.deploy(ctx), StrategyError);

    expect(error.code).toBe('image-missing');
    expect(error.message).toContain('host-1: image rp-lab-demo-web:v-missing is not on local socket');
    expect(await Promise.all(names.map((n) => containerFacts(client, n)))).toEqual(before);
  });

  it('a revert without a previous version is refused with a clear code', async () => {
    const ports = [await freePort()];
    const environment = labEnvironment({
      hosts: localHosts(ports),
      app: { image: 'rp-lab-demo-web', container: nextBase(), ports: ['8080:80'] },
    });
    const ctx = testStrategyContext({ environment, version: 'v2', imageOf });
    const error = await rejectionOf(createRollingStrategy().revert(ctx, 'test'), StrategyError);
    expect(error.code).toBe('no-previous-version');
  });
});

describe("rolling strategy with Docker reached over SSH (sshd lab host, this machine's engine behind it)", () => {
  const nextBase = useLabContainers(client, 'rp-roll-ssh');

  it('replaces the container named app.container on the host through its own SSH connection', async () => {
    const lab = await startSshdLab({ hosts: 1 });
    const port = await freePort();
    const { name, address, port: sshPort, user, identityFile, knownHosts } = lab.hosts[0]!;
    const container = nextBase();
    const environment = labEnvironment({
      hosts: [{ name, address, port: sshPort, user, identityFile, knownHosts, appUrl: `http://127.0.0.1:${port}` }],
      docker: { via: 'ssh' },
      app: { image: 'rp-lab-demo-web', container, ports: [`127.0.0.1:${port}:80`] },
    });
    const hosts = createTargetHosts(environment, '/', silentLogger);
    try {
      const strategy = createRollingStrategy();
      const context = (version: string, previousVersion?: string) =>
        testStrategyContext({
          environment,
          version,
          previousVersion,
          imageOf,
          docker: (host) => hosts.docker(host),
          connection: (host) => hosts.connection(host),
        });
      await strategy.deploy(context('v1'));
      const ctx = context('v2', 'v1');
      const outcome = await strategy.deploy(ctx);
      expect(outcome.weights).toEqual({ v2: 100 });
      expect(await versionAt(`http://127.0.0.1:${port}`)).toBe('v2');
      expect((await containerFacts(client, container))?.version).toBe('v2');
      expect(ctx.output.some((o) => o.host === 'host-1' && o.line.startsWith(`started ${container}`))).toBe(true);
      expect(hosts.pool.stats().handshakes).toBe(1);
    } finally {
      await hosts.close();
      await lab.stop();
    }
  });
});
