import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { versionLabel } from '../../docker/docker-plans';
import { buildBusyboxImage } from '../../test-lab/busybox-image';
import { rejectionOf } from '../../test-support/rejection';
import { sampleVersions, settledAfter, startPoller, startRequestLoop, summarize } from '../test-support/request-loop';
import { type SlotLab, startSlotLab } from '../test-support/slot-lab';
import { testStrategyContext } from '../test-support/test-strategy-context';
import { createNginxSwitch } from '../traffic/nginx-switch';
import { createLocalProxyRunner } from '../traffic/proxy-runner';
import { TrafficError } from '../traffic/traffic-error';
import { createBlueGreenStrategy } from './blue-green';
import { SlotError } from './slots';

// Blue-green against the real thing: Debian's nginx (own master), the Docker engine running the
// demo web image in v1 and v2 in the two slots, and requests counted by the test through nginx.

let lab: SlotLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const strategy = createBlueGreenStrategy();

function contextFor(current: SlotLab, version: string, runId: string, proxy = current.nginx.proxy) {
  const traffic = createNginxSwitch(proxy, createLocalProxyRunner(), { runId });
  return testStrategyContext({ environment: current.environment, version, runId, traffic });
}

async function deployV1(current: SlotLab): Promise<void> {
  await strategy.deploy(contextFor(current, 'v1', 'run-v1'));
  await current.nginx.settled();
  expect(await sampleVersions(current.versionUrl, 10)).toEqual({ v1: 10 });
}

describe('blue-green with nginx and Docker', () => {
  it('deploys v2 beside v1 under ~50 requests/s with zero failed requests; v1 is kept', async () => {
    lab = await startSlotLab({ versions: ['v1', 'v2'] });
    await deployV1(lab);

    const load = startRequestLoop(lab.versionUrl, 50);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ctx = contextFor(lab, 'v2', 'run-v2');
    const outcome = await strategy.deploy(ctx);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const summary = summarize(await load.stop());

    expect(summary.failed, `failures: ${summary.errors.join('; ')}`).toBe(0);
    expect(summary.sent).toBeGreaterThan(50);
    expect(summary.versions.v1).toBeGreaterThan(0);
    expect(summary.versions.v2).toBeGreaterThan(0);
    expect(await sampleVersions(lab.versionUrl, 20)).toEqual({ v2: 20 });

    expect(outcome.weights).toEqual({ v2: 100 });
    expect(ctx.stages.map((s) => `${s.stage}:${s.state}`)).toEqual([
      'start:started',
      'start:passed',
      'health:started',
      'health:passed',
      'switch:started',
      'switch:passed',
      'keep-old:passed',
    ]);
    expect(ctx.switches).toEqual([
      { where: 'nginx on this machine', weights: { v2: 100, v1: 0 }, at: expect.any(Number) },
    ]);
    expect(ctx.cutovers).toEqual(['during', 'after']);
    const containers = await lab.docker.docker.listContainers({ filters: { name: [lab.environment.app!.container] } });
    expect(containers.map((c) => c.Labels[versionLabel]).sort()).toEqual(['v1', 'v2']);
  }, 60_000);

  it('revert after a deploy: v1 answers again within 2 s, the new slot is stopped', async () => {
    lab = await startSlotLab({ versions: ['v1', 'v2'] });
    await deployV1(lab);
    const ctx = contextFor(lab, 'v2', 'run-v2');
    await strategy.deploy(ctx);
    await lab.nginx.settled();

    const poller = startPoller(lab.versionUrl);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const from = performance.now();
    const outcome = await strategy.revert(ctx, 'error rate above 10 %');
    const revertMs = performance.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = await poller.stop();

    const switchBackMs = settledAfter(answers, 'v1', from);
    console.log(
      `blue-green switch-back: ${switchBackMs?.toFixed(0)} ms to all-v1 answers; revert() ${revertMs.toFixed(0)} ms`,
    );
    expect(switchBackMs).toBeLessThan(2000);
    expect(summarize(answers).failed).toBe(0);
    expect(outcome.weights).toEqual({ v1: 100 });
    expect(ctx.stages.at(-1)).toMatchObject({ stage: 'switch', state: 'reverted' });
    expect(ctx.stages.at(-1)?.detail).toContain('error rate above 10 %');
    expect(ctx.switches.at(-1)?.weights).toEqual({ v1: 100, v2: 0 });
    const fresh = await lab.docker.docker.getContainer(`${lab.environment.app!.container}-green`).inspect();
    expect(fresh.State.Running).toBe(false);
  }, 60_000);

  it('a config nginx rejects: deploy fails naming nginx and quoting it, v1 keeps serving, never reloaded', async () => {
    lab = await startSlotLab({ versions: ['v1', 'v2'] });
    await deployV1(lab);
    const reloads = join(lab.nginx.dir, 'reloads');
    const proxy = {
      ...lab.nginx.proxy,
      test: ['sh', '-c', 'echo "nginx: [emerg] unexpected end of file" >&2; exit 1'],
      reload: ['sh', '-c', `echo reloaded >> ${reloads}`],
    };
    const before = await readFile(lab.nginx.upstreamFile, 'utf8');
    const ctx = contextFor(lab, 'v2', 'run-v2', proxy);

    const error = await rejectionOf(strategy.deploy(ctx), TrafficError);
    expect(error.code).toBe('proxy-config-invalid');
    expect(error.message).toMatch(/^nginx on this machine: /);
    expect(error.message).toContain('nginx: [emerg] unexpected end of file');
    expect(ctx.stages.at(-1)).toMatchObject({ stage: 'switch', state: 'failed' });
    expect(await readFile(lab.nginx.upstreamFile, 'utf8')).toBe(before);
    expect(existsSync(reloads)).toBe(false);
    expect(await sampleVersions(lab.versionUrl, 20)).toEqual({ v1: 20 });

    // The engine then reverts: traffic never left v1, so only the new slot is stopped.
    const outcome = await strategy.revert(ctx, 'deploy failed');
    expect(outcome.weights).toEqual({ v1: 100 });
    expect(ctx.switches).toEqual([]);
    expect(await sampleVersions(lab.versionUrl, 10)).toEqual({ v1: 10 });
  }, 60_000);

  it('a version that never answers its health check: slot-unhealthy naming slot and port; traffic stays', async () => {
    lab = await startSlotLab({ versions: ['v1'], deploy: { healthTimeout: 3 } });
    await buildBusyboxImage(lab.docker, {
      tag: 'rp-lab-demo-web:v9-no-health',
      files: { '/www/version': 'v9' },
      cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    });
    await deployV1(lab);
    const ctx = contextFor(lab, 'v9-no-health', 'run-v9');
    const error = await rejectionOf(strategy.deploy(ctx), SlotError);
    const port = lab.environment.deploy.slots!.green;
    expect(error.code).toBe('slot-unhealthy');
    expect(error.message).toContain(`green (v9-no-health) on 127.0.0.1:${port}`);
    expect(error.message).toContain('GET /health');
    expect(error.message).toContain('404');
    expect(error.details).toMatchObject({ host: 'local', slot: 'green', port });
    expect(ctx.stages.at(-1)).toMatchObject({ stage: 'health', state: 'failed' });
    expect(await sampleVersions(lab.versionUrl, 10)).toEqual({ v1: 10 });
  }, 60_000);

  it('a first deploy has nothing to switch back to: revert says so and leaves it serving', async () => {
    lab = await startSlotLab({ versions: ['v1'] });
    const ctx = contextFor(lab, 'v1', 'run-v1');
    await strategy.deploy(ctx);
    expect(ctx.stages.at(-1)?.detail).toContain('nothing to keep');
    const error = await rejectionOf(strategy.revert(ctx, 'test'), SlotError);
    expect(error.code).toBe('no-previous-slot');
    expect(error.message).toContain(`green slot (127.0.0.1:${lab.environment.deploy.slots!.green})`);
    await lab.nginx.settled();
    expect(await sampleVersions(lab.versionUrl, 5)).toEqual({ v1: 5 });
  }, 60_000);
});
