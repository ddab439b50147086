// Renderer and browser-host figures the foundation issue budgets: the initial JavaScript (gzip,
// budget ≤ 300 KB) and the time from process start to the first painted screen in Chromium (budget
// ≤ 1.5 s), and to the screen showing data fetched through the API.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/support/chromium';
import { startHostProcess } from '../../e2e/support/web-host-process';

const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');

function initialAssets(): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+)"/g)];
  return refs.map((m) => m[1]!.replace(/^\.?\//, ''));
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchRenderer(options: { runs: number; build: boolean }): Promise<Record<string, string>> {
  const runs = options.runs;
  if (options.build) {
    console.log('building (npm run build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  const assets = initialAssets();
  let raw = 0;
  let gz = 0;
  for (const asset of assets) {
    const bytes = readFileSync(join(rendererDir, asset));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }

  assertChromium();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const toUrl: number[] = [];
  const toPaint: number[] = [];
  const toReady: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rp-bench-'));
    const page = await browser.newPage();
    const spawnedAt = Date.now();
    const host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
    toUrl.push(Date.now() - spawnedAt);
    await page.goto(host.url);
    await page.locator('html[data-ready="true"]').waitFor();
    toReady.push(Date.now() - spawnedAt);
    const paintedAt = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return fcp ? performance.timeOrigin + fcp.startTime : Number.NaN;
    });
    toPaint.push(paintedAt - spawnedAt);
    await page.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await browser.close();

  const paint = median(toPaint);
  return {
    'renderer initial JS (gzip)': `${kb(gz)} (${kb(raw)} raw, ${assets.length} file(s))   budget ≤ 300 KB   ${gz <= 300 * 1024 ? 'OK' : 'OVER'}`,
    'host start → URL printed': `${median(toUrl)} ms median (max ${Math.max(...toUrl)} ms, ${runs} runs)`,
    'host start → first paint': `${Math.round(paint)} ms median (max ${Math.round(Math.max(...toPaint))} ms)   budget ≤ 1500 ms   ${paint <= 1500 ? 'OK' : 'OVER'}`,
    'host start → API data on screen': `${median(toReady)} ms median (max ${Math.max(...toReady)} ms)`,
  };
}
