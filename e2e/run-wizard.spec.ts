import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { openJournal } from '../electron/core/journal/journal-writer';
import { apiCall } from './support/api-call';
import {
  type HealthServer,
  makeWizardProject,
  startHealthServer,
  type WizardProject,
} from './support/run-wizard-project';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The run wizard in Chromium against a host of its own and a real project (a git repository with
// tags, shell actions, HTTP health checks against real servers on 127.0.0.1): a guided deployment
// from the Runs screen to the downloaded report, a health check whose server goes away mid-step,
// a run left open by a crash, and the screens in both themes.

const shots = join(import.meta.dirname, '..', 'test-results', 'screens');

let scratch: string;
let dataDir: string;
let host: HostProcess;
let staging: HealthServer;
let outage: HealthServer;
let project: WizardProject;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-wizard-'));
  dataDir = join(scratch, 'data');
  staging = await startHealthServer();
  outage = await startHealthServer();
  project = makeWizardProject(join(scratch, 'shop-api'), { staging: staging.url, outage: outage.url });
  host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
});

test.afterAll(async () => {
  // A test that failed midway leaves an action waiting for its file: let it finish, then stop.
  if (project) for (const go of [project.buildGo, project.outageGo]) writeFileSync(go, '');
  await stopWithin(host, 10_000);
  await staging?.stop();
  await outage?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function stopWithin(process: HostProcess | undefined, ms: number) {
  if (!process) return;
  const timer = setTimeout(() => process.child.kill('SIGKILL'), ms);
  await process.stop();
  clearTimeout(timer);
}

async function openApp(page: Page, hash = '#/runs') {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'Release Manager' });
  await apiCall(page, host.url, 'projects:open', { path: project.root });
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

test('a guided deployment: start dialog by keyboard, sign-offs, approval, a retried failure, live output, report', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '#/dashboard');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();

  // The start dialog, by keyboard alone: New run, then Tab and arrow keys through its fields.
  const newRun = page.getByRole('link', { name: 'New run' });
  await newRun.focus();
  await page.keyboard.press('Enter');
  const start = dialog(page, 'New run');
  await expect(start).toBeVisible();
  await expect(start.getByRole('combobox', { name: 'Project' })).toBeFocused();
  await expect(start.getByRole('combobox', { name: 'Project' })).toHaveValue(/.+/);
  // The Runbook field appears once the project's runbooks are read (it has two): a person sees it
  // before pressing Tab; the test waits for it too, or Tab lands on the field after it.
  await expect(start.getByRole('combobox', { name: 'Runbook' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(start.getByRole('combobox', { name: 'Runbook' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(start.getByRole('combobox', { name: 'Runbook' })).toHaveValue('release');
  await page.keyboard.press('Tab');
  await expect(start.getByRole('combobox', { name: 'Environment' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(start.getByRole('combobox', { name: 'Environment' })).toHaveValue('staging');
  await page.keyboard.press('Tab');
  const version = start.getByRole('combobox', { name: 'Version' });
  await expect(version).toBeFocused();

  // A bad version is refused on the spot, naming the rule; Enter does not start anything.
  await page.keyboard.type('--upload-pack=x');
  await page.keyboard.press('Enter');
  await expect(start.getByText('A version is a tag, branch or commit name')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('v1.2.0');
  await expect(start.getByText(/Tag at commit [0-9a-f]{12}/)).toBeVisible();

  // The plan per step, before anything runs: commands, the health check, the approval.
  const preview = start.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByText('Shop API release')).toBeVisible();
  await expect(preview.getByText('rolling (runbook default)')).toBeVisible();
  await expect(preview).toContainText('echo "building shop-api v1.2.0"');
  await expect(preview).toContainText(`GET ${staging.url} → expect 200 (3 attempt(s))`);
  await expect(preview).toContainText('Approval by QA Engineer');
  await expect(start.getByRole('combobox', { name: 'Strategy' })).toHaveValue('');
  await expect(start.getByRole('combobox', { name: 'Strategy' })).toContainText('Runbook default (rolling)');
  await page.screenshot({ path: join(shots, 'run-wizard-start-light.png') });
  await expect(version).toBeFocused();
  await page.keyboard.press('Enter');

  // The run view: the stepper, and what the run waits for.
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy v1.2.0 to staging' })).toBeVisible();
  const runId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  expect(runId).toMatch(/^\d{8}-\d{6}-staging-/);
  const steps = page.getByRole('navigation', { name: 'Steps of the run' });
  await expect(steps.getByRole('button', { name: /Preparation.*Waiting/ })).toHaveAttribute('aria-current', 'step');
  await expect(steps.getByRole('button', { name: /Staging deployment.*Pending/ })).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await expect(waiting).toContainText('Sign off “All tests passing on main” (Preparation)');

  // Sign-offs: the signer comes from Settings; a note is typed; Enter signs.
  await page.getByRole('button', { name: 'Sign off: All tests passing on main' }).click();
  const tick = dialog(page, 'Sign off');
  await expect(tick.getByLabel('Signed off by')).toHaveValue('Ada Lovelace');
  await expect(tick.getByLabel('Role')).toHaveValue('Release Manager');
  await expect(tick.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('CI pipeline 4521 green');
  await page.keyboard.press('Enter');
  await expect(tick).toBeHidden();
  await expect(page.getByRole('list', { name: 'Checklist before the actions' })).toContainText(
    'Signed off by Ada Lovelace (Release Manager)',
  );
  await page.getByRole('button', { name: 'Sign off: Release notes written' }).click();
  await dialog(page, 'Sign off').getByRole('button', { name: 'Sign off' }).click();

  // The build runs: its output shows live, while it is still running.
  const buildLog = page.getByRole('log', { name: 'Output of Build the release' });
  await expect(buildLog).toContainText('building shop-api v1.2.0');
  await expect(buildLog).toContainText('compiling 42 modules');
  await expect(page.getByRole('button', { name: 'Build the release — Running' })).toBeVisible();
  await page.screenshot({ path: join(shots, 'run-wizard-live-light.png') });
  writeFileSync(project.buildGo, '');
  await expect(steps.getByRole('button', { name: /Preparation.*Passed/ })).toBeVisible();

  // The staging step asks for the QA Engineer's approval: someone else at the desk gives it.
  await expect(waiting).toContainText('Approval by QA Engineer for “Staging deployment”');
  await waiting.getByRole('button', { name: 'Approve…' }).click();
  const approve = dialog(page, 'Approval by QA Engineer');
  await approve.getByLabel('Approver (QA Engineer)').fill('Grace Hopper');
  await approve.getByLabel('Note').fill('regression suite reviewed');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();

  // The migration fails once: the guided-failure dialog opens by itself with the error and output.
  const failure = dialog(page, 'Failed: Run database migrations');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('exited with');
  await expect(failure.getByText('migration lock is busy', { exact: true })).toBeVisible();
  await expect(failure.getByRole('radio', { name: /Retry/ })).toBeChecked();
  await page.screenshot({ path: join(shots, 'run-wizard-failure-light.png') });
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(failure).toBeHidden();

  // Retried, then the health check against the real server; the last sign-off closes the step.
  await expect(page.getByRole('button', { name: 'Sign off: Smoke tests pass on staging' })).toBeVisible();
  await expect(page.getByText('attempt 2')).toBeVisible();
  await page.getByRole('button', { name: 'Sign off: Smoke tests pass on staging' }).click();
  await dialog(page, 'Sign off').getByLabel('Note').fill('checkout and login verified');
  await dialog(page, 'Sign off').getByRole('button', { name: 'Sign off' }).click();

  // Done: read-only, with the report one click away.
  await expect(page.getByText('The run succeeded')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Cancel run…' })).toBeHidden();
  await expect(steps.getByRole('button', { name: /Staging deployment.*Passed/ })).toBeVisible();
  await page.getByRole('link', { name: 'Open the report' }).click();
  await expect(page.getByRole('article', { name: 'Report preview' })).toContainText('v1.2.0');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .md' }).click();
  const report = readFileSync(await (await downloading).path(), 'utf8');
  expect(report).toContain('v1.2.0');
  expect(report).toContain('Grace Hopper');
  expect(report).toContain('regression suite reviewed');
  expect(report).toMatch(/Run database migrations[^\n]*\n?[^\n]*retr/i);
  expect(report).toContain('CI pipeline 4521 green');

  // The journal says the same: the retry decided by the operator, the approver.
  const detail = await apiCall<{ status: string; events: Array<{ type: string; data: Record<string, unknown> }> }>(
    page,
    host.url,
    'runs:get',
    { runId },
  );
  expect(detail.status).toBe('succeeded');
  expect(detail.events.find((e) => e.type === 'failure.decided')?.data).toMatchObject({
    action: 'staging.migrate',
    decision: 'retry',
    by: 'Ada Lovelace',
  });
  expect(detail.events.find((e) => e.type === 'approval.granted')?.data).toMatchObject({ by: 'Grace Hopper' });
});

test('a health check whose server stops answering mid-step asks what to do, and abort is honoured', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openApp(page, '#/runs/new');
  const start = dialog(page, 'New run');
  await start.getByRole('combobox', { name: 'Runbook' }).selectOption('outage');
  await start.getByRole('combobox', { name: 'Environment' }).selectOption('outage');
  await start.getByRole('combobox', { name: 'Version' }).fill('v1.1.0');
  await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText(`GET ${outage.url}`);
  await start.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy v1.1.0 to outage' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Output of Restart the service' })).toContainText('restarting');

  // Mid-step, the server goes away; then the step reaches its health check.
  await outage.stop();
  writeFileSync(project.outageGo, '');
  const failure = dialog(page, 'Failed: Health check');
  await expect(failure).toBeVisible({ timeout: 20_000 });
  await expect(failure.getByRole('alert')).toContainText(new URL(outage.url).host);
  await failure.getByText('Abort', { exact: true }).click();
  await expect(failure.getByRole('button', { name: 'Abort run' })).toBeVisible();
  await failure.getByRole('button', { name: 'Abort run' }).click();

  await expect(page.getByText('The run was aborted')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('navigation', { name: 'Steps of the run' })).toContainText('Failed');
  const runId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const detail = await apiCall<{ status: string; events: Array<{ type: string; data: Record<string, unknown> }> }>(
    page,
    host.url,
    'runs:get',
    { runId },
  );
  expect(detail.status).toBe('aborted');
  expect(detail.events.find((e) => e.type === 'failure.decided')?.data).toMatchObject({
    action: 'restart.health',
    decision: 'abort',
  });
  expect(detail.events.filter((e) => e.type === 'action.started').map((e) => e.data.action)).toEqual([
    'restart.restart',
    'restart.health',
  ]);
});

test('a protected environment: the preview shows the guard that would refuse; typed confirmation; cancel asks first', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const startRun = async (version: string) => {
    await page.evaluate(() => {
      window.location.hash = '#/runs/new';
    });
    const start = dialog(page, 'New run');
    await start.getByRole('combobox', { name: 'Runbook' }).selectOption('release');
    await start.getByRole('combobox', { name: 'Environment' }).selectOption('production');
    await start.getByRole('combobox', { name: 'Version' }).fill(version);
    await expect(start.getByRole('region', { name: 'Plan preview' }).getByText('Protected')).toBeVisible();
    await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText(version);
    await start.getByRole('button', { name: 'Start run' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Deploy ${version} to production` })).toBeVisible();
  };
  await openApp(page, '#/runs');

  // v1.1.0 never passed on staging: the preview says the start would refuse, and Start stays off.
  await page.evaluate(() => {
    window.location.hash = '#/runs/new';
  });
  const refused = dialog(page, 'New run');
  await refused.getByRole('combobox', { name: 'Runbook' }).selectOption('release');
  await refused.getByRole('combobox', { name: 'Environment' }).selectOption('production');
  await refused.getByRole('combobox', { name: 'Version' }).fill('v1.1.0');
  const checks = refused.getByRole('list', { name: 'Checks before the start' });
  await expect(checks).toContainText(/Would refuse — requires staging/);
  await expect(checks).toContainText(/production needs v1\.1\.0 to have passed on staging first/);
  await expect(refused.getByRole('button', { name: 'Start run' })).toBeDisabled();

  // v1.2.0 passed on staging (the guided deployment): the typed confirmation opens by itself.
  await startRun('v1.2.0');
  const confirm = dialog(page, 'Deploy to production?');
  await expect(confirm).toBeVisible();
  await confirm.getByLabel('Type “production” to confirm').fill('prod');
  await expect(confirm.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await confirm.getByLabel('Type “production” to confirm').fill('production');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign off: All tests passing on main' })).toBeVisible();

  // Cancel asks first; Escape keeps the run going; confirming aborts it.
  await page.getByRole('button', { name: 'Cancel run…' }).click();
  const cancel = dialog(page, 'Cancel this run?');
  await expect(cancel.getByRole('button', { name: 'Keep running' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cancel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cancel run…' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel run…' }).click();
  await dialog(page, 'Cancel this run?').getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByText('The run was aborted')).toBeVisible({ timeout: 15_000 });
  const runId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const detail = await apiCall<{ events: Array<{ type: string; data: Record<string, unknown> }> }>(
    page,
    host.url,
    'runs:get',
    { runId },
  );
  expect(detail.events.find((e) => e.type === 'confirmation.given')?.data).toMatchObject({
    environment: 'production',
    by: 'Ada Lovelace',
  });
  expect(detail.events.find((e) => e.type === 'run.cancelled')?.data).toMatchObject({ by: 'Ada Lovelace' });
});

test('a run left open by a crash is marked on the Runs screen and can be closed with a reason', async ({ page }) => {
  // Written by the real journal writer, then left without an end: what a crash leaves behind.
  const runId = '20260101-090000-staging-dead';
  const journal = await openJournal(join(dataDir, 'runs', runId), { create: true });
  await journal.append('run.started', {
    runId,
    project: 'shop-api',
    projectPath: project.root,
    runbook: 'release',
    runbookTitle: 'Shop API release',
    environment: 'staging',
    protected: false,
    version: 'v1.0.0',
    operator: { by: 'Ada Lovelace' },
    roles: {},
    steps: [],
    exitCriteria: [],
  });
  await journal.close();
  await openApp(page, '#/runs');
  const row = page.getByRole('row').filter({ hasText: runId });
  // A crash journals no interruption: "left open", not "interrupted" (that is a host's orderly stop).
  await expect(row.getByText('Left open — resume or close')).toBeVisible();
  await page.getByRole('button', { name: 'Close…' }).click();
  const close = dialog(page, 'Close this run as failed?');
  await close.getByRole('button', { name: 'Close run' }).click();
  await expect(close.getByText('Say why the run is closed')).toBeVisible();
  await close.getByLabel('Reason').fill('laptop crashed; redeploying from scratch');
  await page.keyboard.press('Enter');
  await expect(close).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: runId }).getByText('Failed')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the run wizard's screens in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, '#/runs');
    await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
    await page.screenshot({ path: join(shots, `run-wizard-history-${scheme}.png`) });
    await page.getByRole('row').filter({ hasText: 'Succeeded' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Deploy v/ })).toBeVisible();
    await expect(page.getByText('This view is read-only.')).toBeVisible();
    await page.screenshot({ path: join(shots, `run-wizard-run-${scheme}.png`) });
    const colors = await page.locator('.step-detail').evaluate((el) => {
      const style = getComputedStyle(el);
      return { bg: style.backgroundColor, fg: style.color };
    });
    expect(colors.bg).not.toBe(colors.fg);
  });
}
