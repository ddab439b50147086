// Blue-green switch-back: from the revert() call to the old version answering every request through
// nginx (Debian's nginx, own master; the demo web image in Docker). Target ≤ 2 s (issue #4).
// Returns figures; prints them only when run directly:
//   npx tsx scripts/bench/switch-back.ts
import { pathToFileURL } from 'node:url';
import { createBlueGreenStrategy } from '../../electron/core/deploy/strategies/blue-green';
import { settledAfter, startPoller, summarize } from '../../electron/core/deploy/test-support/request-loop';
import { type SlotLab, startSlotLab } from '../../electron/core/deploy/test-support/slot-lab';
import { testStrategyContext } from '../../electron/core/deploy/test-support/test-strategy-context';
import { createNginxSwitch } from '../../electron/core/deploy/traffic/nginx-switch';
import { createLocalProxyRunner } from '../../electron/core/deploy/traffic/proxy-runner';

const RUNS = 5;
const TARGET_MS = 2000;

export async function benchSwitchBack(): Promise<Record<string, string | number>> {
  const lab = await startSlotLab({ versions: ['v1', 'v2'] });
  try {
    const strategy = createBlueGreenStrategy();
    await strategy.deploy(contextFor(lab, 'v1', 'bench-v1'));
    const switchBack: number[] = [];
    const revertCall: number[] = [];
    let failed = 0;
    let requests = 0;
    for (let run = 0; run < RUNS; run++) {
      const ctx = contextFor(lab, 'v2', `bench-v2-${run}`);
      await strategy.deploy(ctx);
      await lab.nginx.settled();
      const poller = startPoller(lab.versionUrl);
      await sleep(200);
      const from = performance.now();
      await strategy.revert(ctx, 'benchmark');
      revertCall.push(performance.now() - from);
      await sleep(300);
      const answers = await poller.stop();
      const settled = settledAfter(answers, 'v1', from);
      if (settled === undefined) throw new Error(`run ${run + 1}: v1 never answered after the revert`);
      switchBack.push(settled);
      const summary = summarize(answers);
      failed += summary.failed;
      requests += summary.sent;
    }
    return {
      runs: RUNS,
      switch_back_ms_median: Math.round(median(switchBack)),
      switch_back_ms_max: Math.round(Math.max(...switchBack)),
      switch_back_target_ms: TARGET_MS,
      within_target: Math.max(...switchBack) <= TARGET_MS ? 'yes' : 'NO',
      revert_call_ms_median: Math.round(median(revertCall)),
      requests_during_reverts: requests,
      failed_requests_during_reverts: failed,
    };
  } finally {
    await lab.stop();
  }
}

function contextFor(lab: SlotLab, version: string, runId: string) {
  const traffic = createNginxSwitch(lab.nginx.proxy, createLocalProxyRunner(), { runId });
  return testStrategyContext({ environment: lab.environment, version, runId, traffic });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [label, value] of Object.entries(await benchSwitchBack())) console.log(`${label.padEnd(34)} ${value}`);
}
