import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/support/chromium';
import { startHostProcess } from '../../e2e/support/web-host-process';
import { ensureRendererBuilt } from '../screenshots/ensure-built';
import { percentile } from './percentile';

const root = join(import.meta.dirname, '..', '..');
const rate = 50_000;
const seconds = 10;
const streamTotal = 1_000_000;
const frameBudgetMs = 50;
const heapBudgetMb = 200;

interface BurstFigures {
  seconds: number;
  emitted: number;
  intoBuffer: number;
  newestShownAtEnd: number;
  catchUpMs: number;
  painted: number;
  frameMs: number[];
}

interface BenchApi {
  burst(o: { rate: number; seconds: number }): Promise<BurstFigures>;
  stream(o: { total: number; chunk: number }): Promise<{ sent: number; ms: number }>;
  retained(): { received: number; retained: number; dropped: number };
}

const perSecond = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')} lines/s`;
const mb = (bytes: number) => bytes / 1024 / 1024;

export async function benchLogs(options: { build?: boolean } = {}): Promise<Record<string, string | number>> {
  // --no-build measures what is built; otherwise build when asked, or when the build is stale.
  if (options.build !== false) ensureRendererBuilt(root, options.build === true, () => undefined);
  assertChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-bench-logs-'));
  const host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const url = new URL(host.url);
    url.searchParams.set('bench', 'logs');
    url.hash = '#/logs';
    await page.goto(url.href);
    await page.locator('[data-bench-ready="true"]').waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const baseline = await heap();

    const burst = await page.evaluate(
      (o) => (window as unknown as { __rpLogsBench: BenchApi }).__rpLogsBench.burst(o),
      { rate, seconds },
    );
    const streamed = await page.evaluate(
      (o) => (window as unknown as { __rpLogsBench: BenchApi }).__rpLogsBench.stream(o),
      { total: streamTotal, chunk: 20_000 },
    );
    const held = await page.evaluate(() => (window as unknown as { __rpLogsBench: BenchApi }).__rpLogsBench.retained());
    const beforeGc = await heap();
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await heap();

    const p95 = percentile(burst.frameMs, 0.95);
    const s = burst.seconds;
    return {
      'logs: source': `${perSecond(burst.emitted, s)} for ${s.toFixed(1)} s (${burst.emitted.toLocaleString('en-US')} lines)`,
      'logs: into the buffer': `${perSecond(burst.intoBuffer, s)} (batched once per frame)`,
      'logs: newest line on screen': `${perSecond(burst.newestShownAtEnd + 1, s)}, caught up ${Math.round(burst.catchUpMs)} ms after the source stopped`,
      'logs: lines painted on screen': `${perSecond(burst.painted, s)} (distinct lines visible in some frame)`,
      'logs: frame time in the burst': `p95 ${p95.toFixed(1)} ms (p50 ${percentile(burst.frameMs, 0.5).toFixed(1)} ms, max ${Math.max(...burst.frameMs).toFixed(1)} ms, ${burst.frameMs.length} frames)   budget ≤ ${frameBudgetMs} ms   ${p95 <= frameBudgetMs ? 'OK' : 'OVER'}`,
      // The budget is checked against the heap as it stands, garbage included; after a forced GC is what is held.
      'logs: heap after 1M lines': `${mb(beforeGc).toFixed(1)} MB (${mb(afterGc).toFixed(1)} MB after a forced GC, ${mb(baseline).toFixed(1)} MB before streaming; ${held.retained.toLocaleString('en-US')} lines kept, ${held.dropped.toLocaleString('en-US')} dropped of ${streamed.sent.toLocaleString('en-US')})   budget < ${heapBudgetMb} MB   ${mb(beforeGc) < heapBudgetMb ? 'OK' : 'OVER'}`,
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [label, value] of Object.entries(await benchLogs())) console.log(`${label.padEnd(32)} ${value}`);
}
