import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// A host of its own (not the shared one from the global setup), because this spec stops it and
// starts it again: the person's Ctrl+C and `npm run web`, with a new token on the same port.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('says plainly when the host stops, and when it comes back with a new token', async ({ page }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'rp-e2e-reconnect-'));
  const port = await freePort();
  const args = ['--port', String(port), '--data-dir', dir];
  const hosts: HostProcess[] = [];
  try {
    const first = await startHostProcess(args);
    hosts.push(first);
    await page.goto(first.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const folder = page.getByLabel('Project folder');
    await folder.fill('/srv/typed-before-the-restart');
    const banner = page.locator('.workspace-banner').getByRole('alert');

    // (1) Ctrl+C: nothing answers on the port any more.
    await first.stop();
    await expect(banner).toContainText('The Release Pilot host is not running.');
    await expect(banner).toContainText('open the URL it prints in this tab');

    // (2) Started again: same port, new token, which this page does not have.
    const second = await startHostProcess(args);
    hosts.push(second);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));
    await expect(banner).toContainText('The Release Pilot host was restarted with a new token.');
    await expect(banner).toContainText(`open the new URL it printed, http://127.0.0.1:${port}/?token=…`);
    await expect(banner).not.toContainText('retrying');
    await expect(folder).toHaveValue('/srv/typed-before-the-restart');

    // Doing what it says, in this tab, reconnects with what was typed still there.
    await page.goto(second.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Project folder')).toHaveValue('/srv/typed-before-the-restart');
  } finally {
    for (const host of hosts) await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reports a wrong token at start-up as soon as the host answers, even with a valid cookie', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-e2e-reconnect-'));
  const host = await startHostProcess(['--port', String(await freePort()), '--data-dir', dir]);
  try {
    // The right URL first: the browser now holds the host's cookie, which admits the page itself.
    await page.goto(host.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const wrong = new URL(host.url);
    wrong.searchParams.set('token', 'not-the-token');
    await page.goto(wrong.href);
    await expect(page.getByRole('heading', { level: 1, name: "Can't reach the Release Pilot host" })).toBeVisible({
      timeout: 4_000,
    });
    await expect(page.getByRole('alert')).toContainText("The Release Pilot host refuses this page's access token");
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Issue #18 item 7: a run its browser host stopped (SIGTERM) mid-action stays open and resumable.
// On a fresh host over the same data folder nothing of it may read as running: no "Running", no
// spinner, a log that does not claim to follow; and Resume carries it on to the end.
test('a run interrupted by stopping its host shows as interrupted, not running, and Resume continues it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'rp-e2e-interrupted-'));
  const root = join(dir, 'shop');
  const marker = join(dir, 'attempted');
  const done = join(dir, 'deployed');
  // The first attempt hangs (it is the one the stop interrupts); the one after the resume finishes.
  makeLabProject(root, {
    runbook: `title: Stop mid-run
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - id: go
        type: shell
        title: Deploy the app
        argv: [sh, -c, 'if [ -e "$0" ]; then echo "$2" > "$1"; echo deployed; exit 0; fi; touch "$0"; echo started; exec sleep 600', '${marker}', '${done}', '\${version}']
`,
    environments: 'environments:\n  staging: {}\n',
  });
  const args = ['--port', String(await freePort()), '--data-dir', join(dir, 'data')];
  const hosts: HostProcess[] = [];
  try {
    const first = await startHostProcess(args);
    hosts.push(first);
    await page.goto(first.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await apiCall(page, first.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps' });
    const { id: projectId } = await apiCall<{ id: string }>(page, first.url, 'projects:open', { path: root });
    const { runId } = await apiCall<{ runId: string }>(page, first.url, 'runs:start', {
      projectId,
      environment: 'staging',
      version: 'v1.1.0',
    });
    await page.goto(`${first.url}#/runs/${runId}`);
    const action = page.locator('.action').filter({ hasText: 'Deploy the app' });
    await expect(action.getByText('Running', { exact: true })).toBeVisible();
    await expect(action.locator('.log-text').getByText('started', { exact: true })).toBeVisible();

    await first.stop();
    const journal = readFileSync(join(dir, 'data', 'runs', runId, 'journal.ndjson'), 'utf8');
    expect(journal).toContain('"type":"run.interrupted"');

    const second = await startHostProcess(args);
    hosts.push(second);
    await page.goto(`${second.url}#/runs/${runId}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const screen = page.locator('.run-screen');
    await expect(screen.getByText('Interrupted: this run stopped at a safe point')).toBeVisible();
    await expect(action.getByText('Interrupted', { exact: true })).toBeVisible();
    await expect(page.locator('.stepper').getByText('Interrupted')).toBeVisible();
    await expect(screen.getByText('Running', { exact: true })).toHaveCount(0);
    await expect(screen.locator('.state-icon-running, .elapsed-live')).toHaveCount(0);
    await expect(action.locator('.log-summary')).toContainText('not following: the run is interrupted');
    await expect(action.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    await expect(page.locator('.page-header').getByText('Interrupted — resume or close')).toBeVisible();

    // The runs list says the same.
    await page.goto(`${second.url}#/runs`);
    await expect(page.getByRole('row').filter({ hasText: runId })).toContainText('Interrupted — resume or close');

    // Resume: the interrupted action's outcome is unknown, so the run asks; Retry carries it to the end.
    await page.goto(`${second.url}#/runs/${runId}`);
    await page.locator('.run-banners').getByRole('button', { name: 'Resume' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('was running when the run stopped');
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.run-banners')).toContainText('The run succeeded');
    expect(existsSync(done) && readFileSync(done, 'utf8').trim()).toBe('v1.1.0');
  } finally {
    for (const host of hosts) await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
