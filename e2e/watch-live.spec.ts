import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The watch, live (#14 item 5): a run whose watch action probes a real HTTP server. Its run view
// shows a countdown, the last window's error rate / p95 / availability and each rule against its
// threshold; when the server starts failing, the figures and the rules' states (pending, firing,
// with the value that changed them) follow the run's pushes without a reload.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');

let scratch: string;
let host: HostProcess;
let project: string;
let app: Server;
let failing = false;

// `errors` fires after a second; `errors-long` needs an hour, so it stays pending for the test.
const runbook = `
title: Live watch
roles: { devops: DevOps Engineer }
steps:
  - id: watch
    title: Watch the release
    owner: devops
    actions:
      - { id: watch, type: watch, duration: 10m }
alerts:
  - { name: errors, condition: error_rate > 20%, for: 1s, severity: critical, action: notify }
  - { name: errors-long, condition: error_rate > 20%, for: 1h, severity: warning, action: notify }
  - { name: slow, condition: p95_latency > 2s, for: 1m, severity: warning, action: notify }
`;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-watch-'));
  app = createServer((_, response) => {
    response.statusCode = failing ? 500 : 200;
    response.end(failing ? 'boom' : 'ok');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const address = app.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project = join(scratch, 'live-app');
  makeLabProject(project, {
    runbook,
    environments: `environments:\n  staging:\n    urls: { health: "http://127.0.0.1:${port}/health" }\n    monitoring: { probes: { rate: 20, window: 2s } }\n`,
  });
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async () => {
  await host?.stop();
  await new Promise((resolve) => app?.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

function call<T>(page: Page, method: string, payload: unknown): Promise<T> {
  return apiCall<T>(page, host.url, method, payload);
}

test('a running watch shows a countdown, the live figures and each rule against its threshold', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await call(page, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'devops' });
  const { id: projectId } = await call<{ id: string }>(page, 'projects:open', { path: project });
  const { runId } = await call<{ runId: string }>(page, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/runs/${encodeURIComponent(runId)}`,
  );

  const watch = page.getByRole('region', { name: 'The watch, live' });
  await expect(watch).toBeVisible({ timeout: 15_000 });

  // The countdown counts down from the action's 10 minutes.
  const timer = watch.getByRole('timer', { name: 'Watch time left' });
  await expect(timer).toHaveText(/^(9:[0-5]\d|10:00)$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first ?? '', { timeout: 10_000 });
  await expect(watch).toContainText('left of 10m 00s');

  // The healthy app: 0 % errors, 100 % available, a p95; every rule OK with its live figure.
  const figures = watch.getByRole('definition');
  await expect(watch.locator('.watch-figure').filter({ hasText: 'Error rate' })).toContainText('0 %', {
    timeout: 15_000,
  });
  await expect(watch.locator('.watch-figure').filter({ hasText: 'Availability' })).toContainText('100 %');
  await expect(watch.locator('.watch-figure').filter({ hasText: 'p95 latency' })).toContainText(/\d+ ms/);
  expect(await figures.count()).toBe(3);
  const rules = watch.getByRole('table', { name: 'Alert rules against the live figures' });
  const row = (name: string) =>
    rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(rules.getByRole('row')).toHaveCount(4);
  await expect(row('errors')).toContainText('error_rate > 20%');
  await expect(row('errors')).toContainText('0%');
  await expect(row('errors')).toContainText('OK');
  await expect(row('slow')).toContainText('p95_latency > 2s');
  await expect(row('slow')).toContainText(/\d+ ms/);
  await page.screenshot({ path: join(shots, 'run-watch-ok-light.png') });

  // The app fails: the figures and the states follow, with the value that changed each rule.
  failing = true;
  await expect(watch.locator('.watch-figure').filter({ hasText: 'Error rate' })).toContainText('100 %', {
    timeout: 15_000,
  });
  await expect(watch.locator('.watch-figure').filter({ hasText: 'Availability' })).toContainText('0 %');
  await expect(row('errors')).toContainText('Firing', { timeout: 15_000 });
  await expect(row('errors-long')).toContainText('Pending');
  await expect(row('errors')).toContainText('100%');
  await expect(row('slow')).toContainText('OK');
  await page.screenshot({ path: join(shots, 'run-watch-firing-light.png') });

  // Each state shows the value the journal recorded when the rule changed (a sliding window, so
  // not necessarily 100 %): read back what the host recorded and find it on the screen.
  const monitoring = await call<{ alerts: Array<{ rule: string; state: string; value?: number }> }>(
    page,
    'runs:monitoring',
    { runId },
  );
  const changed = (rule: string) => monitoring.alerts.findLast((a) => a.rule === rule);
  expect(changed('errors')).toMatchObject({ state: 'firing' });
  expect(changed('errors-long')).toMatchObject({ state: 'pending' });
  const written = (value: number | undefined) => `at ${Math.round((value ?? Number.NaN) * 1000) / 10}%`;
  await expect(row('errors')).toContainText(written(changed('errors')?.value));
  await expect(row('errors-long')).toContainText(written(changed('errors-long')?.value));

  await call(page, 'runs:cancel', { runId });
  await expect(watch).toBeHidden({ timeout: 15_000 });
  failing = false;
});
