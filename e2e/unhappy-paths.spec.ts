import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// Issue #18 in Chromium, against a host of its own and a real git project: the start dialog shows
// the guard a start would refuse on and keeps Start off, and an approval the engine refuses (the
// operator approving their own protected run) is said in the dialog, which comes back by itself,
// and the run goes on to deploy once someone else approves (checked in the file it writes).

const runbook = (target: string) => `id: release
title: Shop API release
roles: { devops: DevOps Engineer, tech-lead: Tech Lead }
steps:
  - id: ship
    title: Ship
    owner: devops
    actions:
      - { id: write, type: shell, title: Write the version, argv: [sh, -c, 'printf %s "$0" > "$1"', '\${version}', '${target}.\${env.name}'] }
`;

let scratch: string;
let host: HostProcess;
let root: string;
let target: string;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-unhappy-'));
  root = join(scratch, 'shop-api');
  target = join(scratch, 'live-version');
  const environments = [
    'environments:',
    '  staging:',
    '    variables: { name: staging }',
    '  production:',
    '    protected: true',
    '    requires: [staging]',
    '    approvals: [tech-lead]',
    '    variables: { name: production }',
    '',
  ].join('\n');
  makeLabProject(root, { runbook: runbook(target), environments }, ['v1.0.0', 'v1.1.0']);
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function openApp(page: Page): Promise<string> {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer' });
  const { id } = await apiCall<{ id: string }>(page, host.url, 'projects:open', { path: root });
  return id;
}

async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

test('the start dialog shows the guard a start would refuse on, with Start off and the reason said', async ({
  page,
}) => {
  await openApp(page);
  await goTo(page, '#/runs/new');
  const dialog = page.getByRole('dialog', { name: 'New run' });
  await dialog.getByRole('combobox', { name: 'Environment' }).selectOption('production');
  await dialog.getByRole('combobox', { name: 'Version' }).fill('v1.1.0');

  const guards = dialog.getByRole('list', { name: 'Checks before the start' });
  const staging = guards.getByRole('listitem').filter({ hasText: 'requires staging' });
  await expect(staging).toContainText('Would refuse');
  await expect(staging).toContainText('production needs v1.1.0 to have passed on staging first');
  await expect(guards.getByRole('listitem').filter({ hasText: 'deploy lock' })).toContainText('Passed');
  const startButton = dialog.getByRole('button', { name: 'Start run' });
  await expect(startButton).toBeDisabled();
  await expect(dialog.getByRole('status')).toContainText('The start would be refused: production needs v1.1.0');

  // Enter in the version field starts nothing either: no run was made.
  await dialog.getByRole('combobox', { name: 'Version' }).press('Enter');
  await expect(dialog).toBeVisible();
  expect(await apiCall<unknown[]>(page, host.url, 'runs:list', {})).toEqual([]);

  // A version that does not exist: the plan is refused naming the nearest tags, and the footer
  // says so instead of asking to choose what is already chosen.
  await dialog.getByRole('combobox', { name: 'Version' }).fill('v9');
  await expect(dialog.getByRole('alert')).toContainText('nearest tags: v1.1.0, v1.0.0');
  await expect(dialog).toContainText('This run cannot be planned: the reason is on the right.');
});

test('a self-approval is refused in the dialog before sending, one sent anyway is refused by the engine, and the run goes on to deploy', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const projectId = await openApp(page);
  // Staging first, as production requires; it has no questions.
  const { runId: stagingRun } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.1.0',
  });
  await goTo(page, `#/runs/${stagingRun}`);
  await expect(page.getByText('The run succeeded')).toBeVisible({ timeout: 30_000 });

  await page.evaluate(() => localStorage.setItem('recent-signers', JSON.stringify(['Ada Lovelace', 'Grace Hopper'])));
  const { runId } = await apiCall<{ runId: string }>(page, host.url, 'runs:start', {
    projectId,
    environment: 'production',
    version: 'v1.1.0',
  });
  await goTo(page, `#/runs/${runId}`);

  // The typed confirmation opens by itself.
  const confirm = page.getByRole('dialog', { name: 'Deploy to production?' });
  await confirm.getByRole('textbox', { name: 'Type “production” to confirm' }).fill('production');
  await confirm.getByRole('button', { name: 'Confirm' }).click();

  // The operator names themself as the Tech Lead in the dialog: refused right there, before
  // anything is sent — the run still waits and its journal holds no answer.
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await waiting.getByRole('button', { name: 'Approve…' }).click();
  const approve = page.getByRole('dialog', { name: 'Approval by Tech Lead' });
  // A field with suggestions is a combobox to assistive tech.
  const approver = approve.getByRole('combobox', { name: 'Approver (Tech Lead)' });
  await expect(approve).toContainText('Approvals still missing for this step: Tech Lead.');
  // Recent signers are offered, never the operator whose approval would be refused.
  const offered = await approver.evaluate((input) =>
    [...((input as HTMLInputElement).list?.options ?? [])].map((option) => option.value),
  );
  expect(offered).toEqual(['Grace Hopper']);
  await approver.fill('ada lovelace');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approver).toHaveAccessibleDescription(
    /^Refused: production is protected: Tech Lead's approval must come from someone other than the operator \(ada lovelace\)/,
  );
  await expect(approve).toBeVisible();
  const journalFile = join(scratch, 'data', 'runs', runId, 'journal.ndjson');
  expect(readFileSync(journalFile, 'utf8')).not.toContain('"type":"approval.');
  const [asked] = (await apiCall<{ questions: { id: string; kind: string }[] }>(page, host.url, 'runs:live', { runId }))
    .questions;
  expect(asked?.kind).toBe('approve');
  await approve.getByRole('button', { name: 'Not yet' }).click();

  // Sent anyway (another client, no check of its own): the engine refuses it, and the dialog is
  // back with the reason.
  await apiCall(page, host.url, 'runs:answer', {
    runId,
    questionId: asked?.id,
    answer: { kind: 'approve', by: 'Ada Lovelace' },
  });
  await expect(approve).toContainText(
    "Refused: production is protected: Tech Lead's approval must come from someone other than the operator (Ada Lovelace)",
  );
  await expect(approver).toHaveAccessibleDescription(/Refused: production is protected/);
  await expect(waiting).toContainText('asked again, refused');
  expect(existsSync(`${target}.production`)).toBe(false);

  // Someone else approves: the run goes on and deploys.
  await approver.fill('Grace Hopper');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('The run succeeded')).toBeVisible({ timeout: 30_000 });
  expect(readFileSync(`${target}.production`, 'utf8')).toBe('v1.1.0');
  const journal = readFileSync(journalFile, 'utf8');
  expect(journal).toContain('"type":"approval.refused"');
  expect(journal).toContain('"by":"Grace Hopper"');
});
