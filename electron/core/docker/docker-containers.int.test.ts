import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusyboxImage, buildDemoWebImage } from '../test-lab/busybox-image';
import { createDockerClient } from './docker-client';
import { createDockerOps } from './docker-ops';
import { versionLabel } from './docker-plans';
import { publishedPort, useDockerCleanup } from './test-support/docker-cleanup';

const client = createDockerClient({ via: 'local' });
const ops = createDockerOps(client);
let v1 = '';
let v2 = '';
let plain = '';

beforeAll(async () => {
  v1 = (await buildDemoWebImage(client, '1.0.0')).tag;
  v2 = (await buildDemoWebImage(client, '2.0.0')).tag;
  plain = (await buildBusyboxImage(client, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
});

describe('run, replace, health', () => {
  const cleanup = useDockerCleanup(client);
  it('runs with Init and the version label; replace swaps the old container out', async () => {
    const name = cleanup.name('rp-web');
    const first = await ops.runContainer({ name, image: v1, ports: ['127.0.0.1::80'], version: '1.0.0' });
    const info = await client.docker.getContainer(first.id).inspect();
    expect(info.HostConfig.Init).toBe(true);
    await ops.waitHealthy(name, { timeoutMs: 15_000 });

    const second = await ops.runContainer({
      name,
      image: v2,
      ports: ['127.0.0.1::80'],
      version: '2.0.0',
      replace: true,
    });
    expect(second.id).not.toBe(first.id);
    await expect(client.docker.getContainer(first.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await ops.inspectVersion(name)).toBe('2.0.0');
    const health = await ops.waitHealthy(name, { timeoutMs: 15_000 });
    expect(health.status).toBe('healthy');

    const [listed] = await ops.list({ name });
    expect(listed?.labels[versionLabel]).toBe('2.0.0');
    const port = publishedPort(listed?.ports ?? []);
    expect(await (await fetch(`http://127.0.0.1:${port}/version`)).text()).toBe('2.0.0');
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).text()).toBe('ok');
  });

  it('a second container of the same name without replace → conflict that says how to fix it', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image: plain });
    const error = await ops.runContainer({ name, image: plain }).catch((e) => e);
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(name);
    expect(error.message).toContain('replace: true');
  });

  it('an image that does not exist → image-not-found naming it', async () => {
    const error = await ops.runContainer({ name: cleanup.name(), image: 'rp-no-such-image:9' }).catch((e) => e);
    expect(error.code).toBe('image-not-found');
    expect(error.message).toContain('rp-no-such-image:9');
  });

  it('a container without a health check counts as healthy once running', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image: plain, env: { MODE: 'test' }, labels: { team: 'qa' } });
    expect((await ops.waitHealthy(name, { timeoutMs: 5_000 })).status).toBe('running');
  });

  it('a failing health check → unhealthy with the last probe output', async () => {
    const name = cleanup.name();
    await ops.runContainer({
      name,
      image: plain,
      healthcheck: {
        test: ['CMD', 'sh', '-c', 'echo db-down-probe; exit 1'],
        intervalMs: 200,
        timeoutMs: 1000,
        retries: 2,
      },
    });
    const error = await ops.waitHealthy(name, { timeoutMs: 15_000 }).catch((e) => e);
    expect(error.code).toBe('unhealthy');
    expect(error.message).toContain(name);
    expect(error.message).toContain('db-down-probe');
  });

  it('a container that exits while starting → unhealthy with its exit code', async () => {
    const name = cleanup.name();
    await ops.runContainer({
      name,
      image: plain,
      cmd: ['sh', '-c', 'sleep 0.3; exit 4'],
      healthcheck: { test: ['CMD', 'true'], intervalMs: 30_000, timeoutMs: 1000, retries: 1 },
    });
    const error = await ops.waitHealthy(name, { timeoutMs: 15_000 }).catch((e) => e);
    expect(error.code).toBe('unhealthy');
    expect(error.message).toContain('exited with code 4');
  });

  it('a health check too slow for the deadline → timeout; an aborted wait → cancelled', async () => {
    const name = cleanup.name();
    await ops.runContainer({
      name,
      image: plain,
      healthcheck: { test: ['CMD', 'true'], intervalMs: 30_000, timeoutMs: 1000, retries: 1 },
    });
    const slow = await ops.waitHealthy(name, { timeoutMs: 600 }).catch((e) => e);
    expect(slow.code).toBe('timeout');
    expect(slow.message).toContain('health: starting');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const aborted = await ops.waitHealthy(name, { timeoutMs: 10_000, signal: controller.signal }).catch((e) => e);
    expect(aborted.code).toBe('cancelled');
  });

  it('waiting on a container that does not exist → container-not-found', async () => {
    const error = await ops.waitHealthy('rp-no-such-container', { timeoutMs: 1000 }).catch((e) => e);
    expect(error.code).toBe('container-not-found');
    expect(error.message).toContain('rp-no-such-container');
  });
});

describe('list, stop, remove', () => {
  const cleanup = useDockerCleanup(client);
  it('lists by label and by exact name; stop is quick thanks to Init; remove deletes', async () => {
    const run = `run-${Date.now()}`;
    const a = cleanup.name('rp-list');
    const b = cleanup.name('rp-list');
    await ops.runContainer({ name: a, image: plain, labels: { 'dev.release-pilot.run': run } });
    await ops.runContainer({ name: b, image: plain, labels: { 'dev.release-pilot.run': run } });
    const byLabel = await ops.list({ label: `dev.release-pilot.run=${run}` });
    expect(byLabel.map((c) => c.name).sort()).toEqual([a, b].sort());
    expect(byLabel.every((c) => c.state === 'running' && c.image === plain)).toBe(true);
    expect((await ops.list({ name: a })).map((c) => c.name)).toEqual([a]);

    const started = Date.now();
    await ops.stop(a, { timeoutSec: 10 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await ops.stop(a); // already stopped: not an error
    expect((await ops.list({ name: a }))[0]?.state).toBe('exited');

    await ops.remove(a);
    expect(await ops.list({ name: a })).toEqual([]);
    await ops.remove(b, { force: true });
    expect(await ops.list({ label: `dev.release-pilot.run=${run}` })).toEqual([]);
  });

  it('stop/remove/inspectVersion of a missing container → container-not-found naming it', async () => {
    for (const attempt of [
      () => ops.stop('rp-ghost'),
      () => ops.remove('rp-ghost'),
      () => ops.inspectVersion('rp-ghost'),
    ]) {
      const error = await attempt().catch((e) => e);
      expect(error.code).toBe('container-not-found');
      expect(error.message).toContain('"rp-ghost"');
    }
  });

  it('removing a running container without force → conflict', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image: plain });
    const error = await ops.remove(name).catch((e) => e);
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(name);
  });
});
