import { afterEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../lib/coded-error';
import { rejectionOf } from '../../test-support/rejection';
import { sampleVersions } from '../test-support/request-loop';
import { type SlotLab, startSlotLab } from '../test-support/slot-lab';
import { type TestStrategyContextOptions, testStrategyContext } from '../test-support/test-strategy-context';
import { createNginxSwitch } from '../traffic/nginx-switch';
import { createLocalProxyRunner } from '../traffic/proxy-runner';
import { createBlueGreenStrategy } from './blue-green';
import { createCanaryStrategy } from './canary';

// Canary against Debian's nginx and the Docker engine: v1 live, v2 stepped through 10 → 50 → 100 %
// with a 2 s analysis window at each step below 100; during each window the test samples 200
// requests through nginx and counts who answered.

let lab: SlotLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const canary = createCanaryStrategy();
const SAMPLE = 200;

function contextFor(current: SlotLab, version: string, runId: string, analyse?: TestStrategyContextOptions['analyse']) {
  const traffic = createNginxSwitch(current.nginx.proxy, createLocalProxyRunner(), { runId });
  return testStrategyContext({ environment: current.environment, version, runId, traffic, analyse });
}

async function startWithV1(): Promise<SlotLab> {
  const started = await startSlotLab({
    versions: ['v1', 'v2'],
    deploy: { canary: { weights: [10, 50, 100], analysis: 2 } },
  });
  await createBlueGreenStrategy().deploy(contextFor(started, 'v1', 'run-v1'));
  await started.nginx.settled();
  return started;
}

describe('canary with nginx and Docker', () => {
  it('steps 10 → 50 → 100: the share answered by v2 is within ±10 points of each weight', async () => {
    lab = await startWithV1();
    const current = lab;
    const shares: Record<string, number> = {};
    const ctx = contextFor(current, 'v2', 'run-v2', async (ms, label) => {
      const started = performance.now();
      await current.nginx.settled();
      const counts = await sampleVersions(current.versionUrl, SAMPLE);
      expect(counts.failed ?? 0, label).toBe(0);
      shares[label] = ((counts.v2 ?? 0) / SAMPLE) * 100;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - (performance.now() - started))));
    });

    const outcome = await canary.deploy(ctx);
    await current.nginx.settled();
    const last = await sampleVersions(current.versionUrl, SAMPLE);
    shares['canary 100%'] = ((last.v2 ?? 0) / SAMPLE) * 100;
    console.log(`canary shares answered by v2: ${JSON.stringify(shares)}`);

    expect(Math.abs(shares['canary 10%']! - 10)).toBeLessThanOrEqual(10);
    expect(Math.abs(shares['canary 50%']! - 50)).toBeLessThanOrEqual(10);
    expect(shares['canary 100%']).toBe(100);
    expect(ctx.analyses).toEqual([
      { ms: 2000, label: 'canary 10%' },
      { ms: 2000, label: 'canary 50%' },
    ]);
    expect(ctx.switches.map((s) => s.weights)).toEqual([
      { v2: 10, v1: 90 },
      { v2: 50, v1: 50 },
      { v2: 100, v1: 0 },
    ]);
    expect(ctx.stages.filter((s) => s.state === 'passed').map((s) => s.stage)).toEqual([
      'start',
      'health',
      'weight-10',
      'weight-50',
      'weight-100',
    ]);
    expect(outcome.weights).toEqual({ v2: 100 });
  }, 60_000);

  it('an alert-rollback during a window propagates; revert puts all traffic back on v1', async () => {
    lab = await startWithV1();
    const current = lab;
    const ctx = contextFor(current, 'v2', 'run-v2', async (_ms, label) => {
      if (label === 'canary 50%') throw new CodedError('alert-rollback', 'error rate 30 % > 10 % for 1s');
    });

    const error = await rejectionOf(canary.deploy(ctx), CodedError);
    expect(error.code).toBe('alert-rollback');
    expect(ctx.stages.at(-1)).toMatchObject({ stage: 'weight-50', state: 'failed' });
    expect(ctx.switches.at(-1)?.weights).toEqual({ v2: 50, v1: 50 });

    const outcome = await canary.revert(ctx, error.message);
    expect(outcome.weights).toEqual({ v1: 100 });
    expect(ctx.stages.at(-1)).toMatchObject({ stage: 'weight-50', state: 'reverted' });
    await current.nginx.settled();
    expect(await sampleVersions(current.versionUrl, 50)).toEqual({ v1: 50 });
  }, 60_000);
});
