import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// Issue #14 item 4 in Chromium, against a host of its own and a real git project: while the deploy
// action runs, "Roll back now…" with a reason stops it and runs the runbook's rollback (its file is
// on disk), the journal says trigger `manual`, and Cancel's dialog points to it.

const runbook = (dir: string) => `id: release
title: Shop API release
roles: { devops: DevOps Engineer }
steps:
  - id: ship
    title: Ship
    owner: devops
    actions:
      - { id: deploy, type: shell, title: Deploy the app, argv: [sh, -c, 'touch "$0/started"; while [ ! -f "$0/go" ]; do sleep 0.05; done', '${dir}'] }
  - id: after
    title: After
    owner: devops
    actions:
      - { id: never, type: shell, title: Never reached, argv: [touch, '${dir}/after'] }
rollback:
  actions:
    - { id: restore, type: shell, title: Restore the previous version, argv: [sh, -c, 'printf restored > "$0/rolled-back"', '${dir}'] }
`;

let scratch: string;
let host: HostProcess;
let root: string;
let marks: string;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-rollback-now-'));
  root = join(scratch, 'shop-api');
  marks = join(scratch, 'marks');
  mkdirSync(marks);
  makeLabProject(root, { runbook: runbook(marks), environments: 'environments:\n  staging: {}\n' });
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async () => {
  // A test that failed midway leaves the deploy waiting for its file: let it finish, then stop.
  if (marks) writeFileSync(join(marks, 'go'), '');
  await host?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test('Roll back now… during the deploy runs the rollback, journaled as a manual trigger', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer' });
  const { id: projectId } = await apiCall<{ id: string }>(page, host.url, 'projects:open', { path: root });
  const { runId } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/runs/${runId}`);

  // Cancel's dialog says Cancel rolls nothing back, and points to Roll back now.
  await page.getByRole('button', { name: 'Cancel run…' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this run?' });
  await expect(cancel).toContainText('Nothing is rolled back');
  await expect(cancel).toContainText('choose Roll back now… instead');
  await cancel.getByRole('button', { name: 'Keep running' }).click();

  await expect.poll(() => existsSync(join(marks, 'started'))).toBe(true);
  await page.getByRole('button', { name: 'Roll back now…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roll back now?' });
  // No reason, no rollback: said beside the field.
  await dialog.getByRole('button', { name: 'Roll back now' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(
    /Say why the run is rolled back/,
  );
  expect(existsSync(join(marks, 'rolled-back'))).toBe(false);
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('error budget burning on the dashboards');
  await dialog.getByRole('button', { name: 'Roll back now' }).click();

  await expect(page.getByText('Triggered by hand (Roll back now): rolled back now by Ada Lovelace')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'Roll back now…' })).toHaveCount(0);
  await expect
    .poll(() => readFileSync(join(scratch, 'data', 'runs', runId, 'journal.ndjson'), 'utf8'))
    .toContain('"type":"run.finished"');
  expect(readFileSync(join(marks, 'rolled-back'), 'utf8')).toBe('restored');
  expect(existsSync(join(marks, 'after'))).toBe(false);
  const journal = readFileSync(join(scratch, 'data', 'runs', runId, 'journal.ndjson'), 'utf8');
  expect(journal).toContain(
    '"type":"rollback.started","data":{"reason":"rolled back now by Ada Lovelace: error budget burning on the dashboards","trigger":"manual"}',
  );
  expect(journal).toContain('"status":"rolled-back"');

  // The rolled-back run looks finished (item 6): the step never reached says so, nothing waits.
  const steps = page.getByRole('navigation', { name: 'Steps of the run' });
  await expect(steps.getByRole('button', { name: /After/ })).toContainText('Not reached');
  await expect(steps.getByRole('button', { name: /Ship/ })).toContainText('Rolled back');
  await expect(steps).not.toContainText('Waiting');
  await expect(steps).not.toContainText('Pending');
});
