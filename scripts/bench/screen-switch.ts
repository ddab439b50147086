import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { apiCall } from '../../e2e/support/api-call';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/support/chromium';
import { startHostProcess } from '../../e2e/support/web-host-process';
import { makeLabProject } from '../../electron/core/test-lab/lab-project';
import { ensureRendererBuilt } from '../screenshots/ensure-built';
import { percentile } from './percentile';

const root = join(import.meta.dirname, '..', '..');
const budgetMs = 100;
const rounds = 6;
// Logs is left for the run view only: leaving it for a screen without a run in its address can
// bounce back to Logs (features/logs/logs-screen.tsx reads the new address before it unmounts).
const screens = ['dashboard', 'runbooks', 'environments', 'reports', 'settings', 'logs', 'runs'];

const runbook = `
title: Screen switch bench
roles: { devops: DevOps Engineer }
steps:
  - id: stream
    title: Stream output
    owner: devops
    actions:
      - id: emit
        type: shell
        argv: [sh, -c, 'i=0; while [ $i -lt 6000 ]; do echo "request $i served in $((i % 97)) ms"; i=$((i+1)); sleep 0.02; done']
`;

/**
 * One switch, timed inside the page: from the click on a sidebar link (or the address change for
 * the run view) to the first paint after the new screen's heading is in the document. "After the
 * paint" is the task a MessageChannel runs once the frame that follows the commit has been drawn.
 */
// Kept as text: tsx would wrap named functions in a helper (`__name`) that the page does not have.
const timeSwitchInPage = `({ screen, hash, heading }) => new Promise((resolve, reject) => {
  const main = document.getElementById('content');
  if (!main) return reject(new Error('no #content element'));
  const shown = () => main.dataset.screen === screen &&
    (main.querySelector('[data-page-title]')?.textContent ?? '').startsWith(heading);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - started);
      channel.port2.postMessage(null);
    });
  });
  observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
  const started = performance.now();
  if (hash) window.location.hash = hash;
  else {
    const link = document.querySelector('nav[aria-label="Main"] a[href="#/' + screen + '"]');
    if (!link) return reject(new Error('no sidebar link to ' + screen));
    link.click();
  }
  setTimeout(() => reject(new Error(screen + ' did not show in 10 s (at ' + location.hash + ')')), 10000);
})`;

/**
 * One switch, timed inside the page: from the click on a sidebar link (or the address change for
 * the run view) to the first paint after the new screen's heading is in the document. "After the
 * paint" is the task a MessageChannel runs once the frame that follows the commit has been drawn.
 */
function timeSwitch(page: Page, target: { screen: string; hash?: string; heading: string }): Promise<number> {
  return page.evaluate(`(${timeSwitchInPage})(${JSON.stringify(target)})`) as Promise<number>;
}

export async function benchScreenSwitch(options: { build?: boolean } = {}): Promise<Record<string, string | number>> {
  // --no-build measures what is built; otherwise build when asked, or when the build is stale.
  if (options.build !== false) ensureRendererBuilt(root, options.build === true, () => undefined);
  assertChromium();
  const scratch = mkdtempSync(join(tmpdir(), 'rp-bench-switch-'));
  const project = makeLabProject(join(scratch, 'project'), { runbook, environments: 'environments:\n  staging: {}\n' });
  const host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  let runId: string | undefined;
  const call = <T>(page: Page, method: string, payload: unknown) => apiCall<T>(page, host.url, method, payload);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
    await call(page, 'settings:update', { operatorName: 'Bench Operator' });
    const { id: projectId } = await call<{ id: string }>(page, 'projects:open', { path: project.root });
    ({ runId } = await call<{ runId: string }>(page, 'runs:start', {
      projectId,
      environment: 'staging',
      version: 'v1.1.0',
    }));
    const runView = { screen: 'runs', hash: `#/runs/${runId}`, heading: 'Deploy v1.1.0' };
    // The run view is open and its action's output is streaming before anything is timed.
    await timeSwitch(page, runView);
    await page
      .getByRole('log', { name: /Output of/ })
      .getByText('request 20 served')
      .waitFor({ timeout: 30_000 });

    const times: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round++) {
      for (const screen of screens) {
        // The logs of this run by their address (as the run view links them): the Logs screen
        // would otherwise pick a run itself, rewriting the address just after it shows.
        const target =
          screen === 'runs'
            ? runView
            : screen === 'logs'
              ? { screen, hash: `#/logs/${runId}`, heading: '' }
              : { screen, heading: '' };
        const ms = await timeSwitch(page, target);
        // The first round loads each screen's code and data once; it is reported, not counted.
        const name = screen === 'runs' ? 'run view' : screen;
        if (round > 0) times[name] = [...(times[name] ?? []), ms];
      }
    }
    const summary = (await page.evaluate(
      "document.querySelector('.action-output .log-summary')?.textContent ?? ''",
    )) as string;
    const all = Object.values(times).flat();
    const p95 = percentile(all, 0.95);
    const worst = Object.entries(times)
      .map(([screen, ms]) => [screen, percentile(ms, 0.95)] as const)
      .sort((a, b) => b[1] - a[1])[0];
    return {
      'screen switch during a run': `p95 ${p95.toFixed(1)} ms (p50 ${percentile(all, 0.5).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms, ${all.length} switches over ${screens.length} screens)   budget ≤ ${budgetMs} ms   ${p95 <= budgetMs ? 'OK' : 'OVER'}`,
      'slowest screen to show': `${worst?.[0]} (p95 ${worst?.[1].toFixed(1)} ms)`,
      'run output while switching': `a shell action printing 50 lines/s; ${summary.split(' of ')[0]?.trim() || 'no'} lines reached the run view`,
    };
  } finally {
    if (runId) {
      const page = await browser.newPage();
      await page.goto(host.url).catch(() => undefined);
      await call(page, 'runs:cancel', { runId }).catch(() => undefined);
    }
    await browser.close();
    await host.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [label, value] of Object.entries(await benchScreenSwitch())) console.log(`${label.padEnd(32)} ${value}`);
}
