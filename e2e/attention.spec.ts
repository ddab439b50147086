import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// Issue #14 item 1 in Chromium, against a host of its own and a real git project: a run waiting for
// an approval is seen from the dashboard — a badge on Runs, the tab's title, a toast whose link
// opens the question — and all of it goes once the approval is given and the run has deployed.

const runbook = (target: string) => `id: release
title: Shop API release
roles: { devops: DevOps Engineer, qa: QA Engineer }
steps:
  - id: ship
    title: Ship
    owner: devops
    approvals: [qa]
    actions:
      - { id: write, type: shell, title: Write the version, argv: [sh, -c, 'printf %s "$0" > "$1"', '\${version}', '${target}'] }
`;

let scratch: string;
let host: HostProcess;
let root: string;
let target: string;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-attention-'));
  root = join(scratch, 'shop-api');
  target = join(scratch, 'live-version');
  const environments = ['environments:', '  staging:', '    variables: { name: staging }', ''].join('\n');
  makeLabProject(root, { runbook: runbook(target), environments }, ['v1.0.0', 'v1.1.0']);
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

test('a run waiting for an approval is seen from the dashboard: badge on Runs, title, toast with a link', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer' });
  const { id: projectId } = await apiCall<{ id: string }>(page, host.url, 'projects:open', { path: root });
  await goTo(page, '#/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveTitle('Release Pilot');
  const runsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true });

  const { runId } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });

  // Still on the dashboard: every sign says the run waits for someone.
  await expect(page).toHaveTitle('● Waiting — Release Pilot');
  await expect(runsLink).toHaveAccessibleDescription('1 run needs attention: Waiting');
  const toast = page.getByRole('status', { name: 'A run waits for you' });
  await expect(toast).toContainText('v1.1.0 to staging waits for you');
  await expect(toast).toContainText('Approval by QA Engineer for “ship”');
  expect(existsSync(target)).toBe(false);

  // The toast's link opens the run, where the question is; the toast itself is not repeated there.
  await toast.getByRole('link', { name: 'Open the question' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));
  await expect(toast).toBeHidden();
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await waiting.getByRole('button', { name: 'Approve…' }).click();
  const approve = page.getByRole('dialog', { name: 'Approval by QA Engineer' });
  await approve.getByLabel('Approver (QA Engineer)').fill('Grace Hopper');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('The run succeeded')).toBeVisible({ timeout: 30_000 });

  // Answered and finished: nothing asks for attention any more, from any screen.
  await goTo(page, '#/dashboard');
  await expect(page).toHaveTitle('Release Pilot');
  await expect(runsLink).not.toHaveAttribute('aria-describedby');
  await expect(toast).toBeHidden();
  expect(readFileSync(target, 'utf8')).toBe('v1.1.0');
});

test('a question the run stops waiting for says why it went away (cancelled), and nothing asks for attention after', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer' });
  const { id: projectId } = await apiCall<{ id: string }>(page, host.url, 'projects:open', { path: root });
  const { runId } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.0.0',
  });
  await goTo(page, `#/runs/${runId}`);
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await waiting.getByRole('button', { name: 'Approve…' }).click();
  const approve = page.getByRole('dialog', { name: 'Approval by QA Engineer' });
  await expect(approve).toBeVisible();
  await expect(page).toHaveTitle('● Waiting — Release Pilot');

  // Another window cancels the run while this one shows the question.
  await apiCall(page, host.url, 'runs:cancel', { runId });
  await expect(approve).toBeHidden();
  await expect(page.getByText('Withdrawn: the run was cancelled by Ada Lovelace')).toBeVisible();
  await expect(page.getByText('Someone already answered this')).toHaveCount(0);
  await expect(page).toHaveTitle('Release Pilot');
  // The cancelled run looks finished (item 6): the step it waited in no longer says Waiting.
  const steps = page.getByRole('navigation', { name: 'Steps of the run' });
  await expect(steps.getByRole('button', { name: /Ship/ })).toContainText('Stopped');
  await expect(steps).not.toContainText('Waiting');
  const journal = readFileSync(join(scratch, 'data', 'runs', runId, 'journal.ndjson'), 'utf8');
  expect(journal).toContain('"type":"run.cancelled"');
  expect(journal).not.toContain('"type":"approval.granted"');
});

test('an open "Sign off all" whose questions were withdrawn says why, not "someone already answered"', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const checklistRoot = join(scratch, 'checklist-project');
  makeLabProject(checklistRoot, {
    runbook: `id: release
title: Checklist release
roles: { devops: DevOps Engineer }
steps:
  - id: verify
    title: Verify
    owner: devops
    checklists:
      - title: After the deploy
        items:
          - { id: dashboards, text: Looked at the dashboards }
          - { id: logs, text: Read the logs }
`,
    environments: 'environments:\n  staging: {}\n',
  });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer' });
  const { id: projectId } = await apiCall<{ id: string }>(page, host.url, 'projects:open', { path: checklistRoot });
  const { runId } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });
  await goTo(page, `#/runs/${runId}`);
  await page.getByRole('button', { name: 'Sign off all (2): After the deploy' }).first().click();
  const batch = page.getByRole('dialog', { name: 'Sign off all (2)' });
  await expect(batch).toBeVisible();

  // Another window cancels the run while the dialog is open; then this one tries to sign.
  await apiCall(page, host.url, 'runs:cancel', { runId });
  await expect(page.getByText('Withdrawn: the run was cancelled by Ada Lovelace').first()).toBeVisible();
  await batch.getByRole('button', { name: 'Sign off 2 items' }).click();
  // The dialog says the run ended (the banner above says why); never "someone already answered".
  await expect(batch.getByRole('alert')).toContainText('The run ended before “Looked at the dashboards” was asked.');
  await expect(page.getByText('Someone already answered this')).toHaveCount(0);
  const journal = readFileSync(join(scratch, 'data', 'runs', runId, 'journal.ndjson'), 'utf8');
  expect(journal).not.toContain('"type":"checklist.ticked"');
});
