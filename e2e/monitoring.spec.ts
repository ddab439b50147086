import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { monitoredRunId, writeMonitoredRun } from '../electron/core/monitoring-api/test-support/monitored-run';
import { writeScenarioJournal } from '../electron/core/report/write-scenario';
import { makeReviewProject } from '../electron/core/reviews/test-support/review-project';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { abortedRun } from '../shared/report/fixtures/scenarios';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The monitoring screen on recorded runs (journals written by the real journal writer): a watched
// run whose rollback rule fired — four charts with phase bands, the downtime and the thresholds
// drawn (checked on the canvas itself), each rule's state in words — a run never watched, and a
// live run whose probes hit a real HTTP server that starts failing: the charts and the rule's
// state follow the run's pushed events without a reload.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');

let scratch: string;
let host: HostProcess;
let liveProject: string;
let app: Server;
let failing = false;
const unwatched = abortedRun();

const liveRunbook = `
title: Live watch
roles: { devops: DevOps Engineer }
steps:
  - id: watch
    title: Watch the release
    owner: devops
    actions:
      - { id: watch, type: watch, duration: 40s }
alerts:
  - { name: errors, condition: error_rate > 20%, for: 1s, severity: critical, action: notify }
`;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-monitoring-'));
  const dataDir = join(scratch, 'data');
  const project = join(scratch, 'shop-api');
  makeReviewProject(project, [1]);
  await writeMonitoredRun(dataDir, project);
  await writeScenarioJournal(join(dataDir, 'runs', unwatched.runId), unwatched);
  // The "application" the live run watches: healthy until the test makes it fail.
  app = createServer((_, response) => {
    response.statusCode = failing ? 500 : 200;
    response.end(failing ? 'boom' : 'ok');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const address = app.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  liveProject = join(scratch, 'live-app');
  makeLabProject(liveProject, {
    runbook: liveRunbook,
    environments: `environments:\n  staging:\n    urls: { health: "http://127.0.0.1:${port}/health" }\n    monitoring: { probes: { rate: 20, window: 2s } }\n`,
  });
  host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
});

test.afterAll(async () => {
  await host?.stop();
  await new Promise((resolve) => app?.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

async function openMonitoring(page: Page, runId: string) {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring', exact: true }).click();
  await page.getByRole('link', { name: `Open charts of ${runId}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoring' })).toBeVisible();
}

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** Pixels of the chart's canvas in a theme colour (the dashed threshold lines are the only ink in danger or warning). */
async function pixelsOf(page: Page, chart: string, token: 'danger' | 'warning'): Promise<number> {
  return figure(page, chart).evaluate((fig, name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(--${name})`;
    fig.append(probe);
    const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
    probe.remove();
    const canvas = fig.querySelector('canvas') as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const distance = Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!);
      if (distance < 40 && data[i + 3]! > 200) count += 1;
    }
    return count;
  }, token);
}

test('a watched run: four charts with thresholds, the firing rule, the downtime and the alert history', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openMonitoring(page, monitoredRunId);
  const summary = page.getByRole('list', { name: 'Monitoring summary' }).or(page.locator('dl.monitoring-figures'));
  await expect(summary).toContainText('Downtime during cutover');
  await expect(summary).toContainText('1.2 s');
  await expect(summary).toContainText('1 firing');
  await expect(summary).toContainText('17 windows');
  // What happened leads the screen (#14 item 7): the rule that fired, its value, and the rollback.
  await expect(page.getByRole('status').filter({ hasText: 'high-error-rate fired' })).toHaveText(
    /^high-error-rate fired \d\d:\d\d:\d\d at 12% → rolled back in 100 ms$/,
  );
  // Downtime is judged against what blue-green promises: none.
  await expect(summary).toContainText('(blue-green promises none)');

  for (const name of ['Error rate', 'Latency', 'Availability', 'Throughput']) {
    await expect(figure(page, name).locator('canvas')).toBeVisible();
  }
  await expect(figure(page, 'Error rate')).toContainText('12 % in the last window');
  await expect(figure(page, 'Error rate')).toContainText('1 threshold: high-error-rate: error_rate > 5%');
  await expect(figure(page, 'Latency')).toContainText('slow-p95: p95_latency > 2s');

  // The thresholds are drawn: danger red (critical) on the error rate, warning amber on latency.
  expect(await pixelsOf(page, 'Error rate', 'danger')).toBeGreaterThan(60);
  expect(await pixelsOf(page, 'Latency', 'warning')).toBeGreaterThan(60);
  expect(await pixelsOf(page, 'Throughput', 'warning')).toBe(0);
  // The cutover and the rollback are marked on every chart, the rollback line in danger red even
  // on Throughput, which has no threshold, and named in each chart's description.
  expect(await pixelsOf(page, 'Throughput', 'danger')).toBeGreaterThan(60);
  for (const name of ['Error rate', 'Latency', 'Availability', 'Throughput']) {
    await expect(figure(page, name)).toContainText(
      /Cutover \d\d:\d\d:\d\d; Rollback \d\d:\d\d:\d\d; Rolled back \d\d:\d\d:\d\d/,
    );
  }

  // Threshold labels sit where no series line passes and apart from each other (#14 item 7): on
  // the canvas, no pixel of a series colour inside a label's box, and no two boxes overlapping.
  for (const name of ['Error rate', 'Latency']) {
    const check = await figure(page, name).evaluate((fig) => {
      const root = fig.querySelector<HTMLElement>('.uplot');
      const boxes = JSON.parse(root?.dataset.thresholdLabels ?? '[]') as Array<{
        label: string;
        clear: boolean;
        left: number;
        top: number;
        right: number;
        bottom: number;
      }>;
      const colour = (token: string) => {
        const probe = document.createElement('span');
        probe.style.color = `var(--${token})`;
        fig.append(probe);
        const rgb = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
        probe.remove();
        return rgb;
      };
      const series = [colour('accent'), colour('info')];
      const canvas = fig.querySelector('canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      const crossed = boxes.map((box) => {
        const data =
          ctx?.getImageData(box.left, box.top, Math.ceil(box.right - box.left), Math.ceil(box.bottom - box.top)).data ??
          [];
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const near = series.some(
            ([r, g, b]) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 40,
          );
          if (near && data[i + 3]! > 200) count += 1;
        }
        return count;
      });
      const overlapping = boxes.some((a, i) =>
        boxes.some((b, j) => j > i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
      );
      return { labels: boxes.map((b) => b.label), clear: boxes.every((b) => b.clear), crossed, overlapping };
    });
    expect(check.labels).toHaveLength(1);
    expect(check).toMatchObject({ clear: true, overlapping: false });
    expect(check.crossed).toEqual([0]);
  }

  // The figures are there for screen readers too: one row per window.
  const table = page.getByRole('table', { name: 'Error rate: the figures of each window' });
  await expect(table.getByRole('row')).toHaveCount(18);
  await expect(table.getByRole('row').last()).toContainText('12 %');

  // Each rule's state in words, the firing one first; the one that never changed is OK.
  const rules = page.getByRole('table', { name: 'Alert rules and their state' });
  await expect(rules.getByRole('row').nth(1)).toContainText('Firing');
  await expect(rules.getByRole('row').nth(1)).toContainText('high-error-rate');
  await expect(rules.getByRole('row').nth(1)).toContainText('Rolls back');
  await expect(rules.getByRole('row').nth(1)).toContainText('at 12%');
  await expect(rules.getByRole('row').filter({ hasText: 'slow-p95' })).toContainText('OK');
  await expect(rules.getByRole('row').filter({ hasText: 'slow-p95' })).toContainText('1m');

  const history = page.getByRole('table', { name: 'Alert changes' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('Pending');
  await expect(history.getByRole('row').nth(2)).toContainText('Firing');
});

test('a run that recorded no monitoring says so plainly', async ({ page }) => {
  await openMonitoring(page, unwatched.runId);
  await expect(page.getByText('This run recorded no monitoring')).toBeVisible();
  await expect(page.getByRole('figure')).toHaveCount(0);
  await page.screenshot({ path: join(shots, 'monitoring-none-light.png') });
  await expect(
    page.getByText(/Only rules that changed state are known: the project folder \/srv\/projects\/shop-api/),
  ).toBeVisible();
});

test('an unknown run shows why and offers Retry', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.goto(`${new URL(host.url).origin}/#/monitoring/20990101-0000-nowhere`);
  await expect(page.getByText('Could not read the monitoring of 20990101-0000-nowhere')).toBeVisible();
  await expect(page.getByText(/No run 20990101-0000-nowhere in/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

/** One API call over a socket of the page's own (e2e/support/api-call.ts), to this spec's host. */
function call<T>(page: Page, method: string, payload: unknown): Promise<T> {
  return apiCall<T>(page, host.url, method, payload);
}

test('a live run: windows and the rule’s state arrive from the run’s pushes, with no reload', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await call(page, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'devops' });
  const { id: projectId } = await call<{ id: string }>(page, 'projects:open', { path: liveProject });
  const { runId } = await call<{ runId: string }>(page, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/monitoring/${encodeURIComponent(runId)}`,
  );
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const probing = page.locator('.monitoring-figure').filter({ hasText: 'Probing' });
  await expect(probing).toContainText(/[2-9] windows|\d\d windows/, { timeout: 15_000 });
  const rules = page.getByRole('table', { name: 'Alert rules and their state' });
  await expect(rules.getByRole('row').filter({ hasText: 'errors' })).toContainText('OK');
  await expect(figure(page, 'Error rate')).toContainText('0 % in the last window');

  failing = true;
  await expect(rules.getByRole('row').filter({ hasText: 'errors' })).toContainText('Firing', { timeout: 15_000 });
  await expect(page.getByRole('table', { name: 'Alert changes' }).getByRole('row')).toHaveCount(3);
  await expect(figure(page, 'Error rate')).toContainText('100 % in the last window', { timeout: 10_000 });

  await call(page, 'runs:cancel', { runId });
  await expect(page.getByText('Live', { exact: true })).toBeHidden({ timeout: 15_000 });
  failing = false;
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the monitoring screen in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring', exact: true }).click();
    await expect(page.getByRole('link', { name: `Open charts of ${monitoredRunId}` })).toBeVisible();
    await page.screenshot({ path: join(shots, `monitoring-runs-${scheme}.png`) });
    await openMonitoring(page, monitoredRunId);
    await expect(figure(page, 'Throughput').locator('canvas')).toBeVisible();
    await page.screenshot({ path: join(shots, `monitoring-${scheme}.png`) });
    await page.getByRole('table', { name: 'Alert changes' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `monitoring-rules-${scheme}.png`) });
  });
}
