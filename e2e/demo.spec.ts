import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { apiCall } from './support/api-call';
import { driveRun } from './support/demo-drive';
import { exportReport, shownRunId } from './support/demo-report';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The built-in demo as a newcomer meets it, in Chromium against a host of its own: no project
// open, "Try the demo project", then v1.1.0 on staging and on production, then the deliberately
// bad v1.2.0 on staging rolls back by itself; the three reports exported; the demo reset. And a
// host whose Docker engine is not there says so and how to start it, with everything else working.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'demo');
const schemes = ['light', 'dark'] as const;

let scratch: string;
let host: HostProcess;
let noDocker: HostProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-demo-'));
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  // The demo's containers and nginx outlive the host: the reset removes them (after cancelling a run
  // a failed test left going, which the reset would refuse).
  if (host) {
    const page = await browser.newPage();
    await page.goto(host.url);
    const runs = await apiCall<Array<{ id: string; status: string }>>(page, host.url, 'runs:list', {});
    for (const run of runs.filter((r) => r.status === 'open')) {
      await apiCall(page, host.url, 'runs:cancel', { runId: run.id }).catch(() => undefined);
    }
    await apiCall(page, host.url, 'demo:reset', {}).catch((error) => console.warn(`demo reset: ${error}`));
    await page.close();
  }
  await host?.stop();
  await noDocker?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function openApp(page: Page, url: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

async function shoot(page: Page, name: string) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `demo-${name}-${scheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function startRun(page: Page, environment: string, version: string) {
  await page.evaluate(() => {
    window.location.hash = '#/runs/new';
  });
  const start = page.getByRole('dialog', { name: 'New run' });
  await start.getByRole('combobox', { name: 'Environment' }).selectOption(environment);
  await start.getByRole('combobox', { name: 'Version' }).fill(version);
  await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText(version, { timeout: 15_000 });
  await start.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Deploy ${version} to ${environment}` })).toBeVisible();
}

test('a newcomer tries the demo: two deployments, a bad release rolled back on its own, three reports, reset', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await openApp(page, host.url);

  // No project open, no name in Settings: the dashboard offers the demo, saying what it is and
  // that Docker is there, and asks who signs (the role already filled in).
  const offer = page.getByRole('region', { name: 'New here? Try the demo project' });
  await expect(offer).toContainText('v1.2.0 — which is deliberately bad');
  await expect(offer).toContainText(/Docker .* is running/);
  await expect(offer.getByRole('combobox', { name: 'Your role' })).toHaveValue('Release Manager');
  await shoot(page, 'card');

  // Trying without a name asks for it; Enter in the name field then saves it and sets the demo up
  // (repository, images, nginx): the start dialog shows its first run.
  await offer.getByRole('button', { name: 'Try the demo project' }).click();
  await expect(offer.getByText('Enter your name to try the demo.')).toBeVisible();
  const name = offer.getByRole('textbox', { name: 'Your name' });
  await expect(name).toBeFocused();
  await name.fill('Ada Lovelace');
  await page.keyboard.press('Enter');
  const start = page.getByRole('dialog', { name: 'New run' });
  await expect(start).toBeVisible({ timeout: 120_000 });
  expect(await apiCall(page, host.url, 'settings:get', {})).toMatchObject({
    operatorName: 'Ada Lovelace',
    operatorRole: 'Release Manager',
  });
  await expect(start.getByRole('combobox', { name: 'Environment' })).toHaveValue('staging');
  await expect(start.getByRole('combobox', { name: 'Version' })).toHaveValue('v1.1.0');
  await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText('Demo deployment workflow', {
    timeout: 15_000,
  });
  await start.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy v1.1.0 to staging' })).toBeVisible();

  // The first checklist in one go: "Sign off all (8)", one dialog, the same signer for each item.
  const batchButton = page.getByRole('button', { name: 'Sign off all (8): Pre-Deployment Checklist' });
  await expect(batchButton).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('sign-off-bar.png') });
  await batchButton.click();
  const batch = page.getByRole('dialog', { name: 'Sign off all (8)' });
  await expect(batch.getByLabel('Signed off by')).toHaveValue('Ada Lovelace');
  await expect(batch.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('CI pipeline 4521 green');
  await expect(
    batch.getByRole('list', { name: 'Items of Pre-Deployment Checklist' }).getByRole('listitem'),
  ).toHaveCount(8);
  await shoot(page, 'sign-off-all');
  await page.keyboard.press('Enter');
  await expect(batch).toBeHidden({ timeout: 30_000 });
  const before = page.getByRole('list', { name: 'Checklist before the actions' });
  await expect(before.getByText('Signed off by Ada Lovelace (Release Manager)')).toHaveCount(8);
  await expect(before.getByText('— CI pipeline 4521 green')).toHaveCount(8);

  // The rest of v1.1.0 on staging the same way; a screenshot while it watches the new version.
  const first = await driveRun(page, {
    onIdle: async () => {
      // The watch after the cutover: the new version live, its probes and alert rules being watched.
      const watching = page.getByRole('button', { name: /^Watch staging.* — Running$/ });
      if (!(await watching.isVisible())) return false;
      await page.waitForTimeout(6000);
      await shoot(page, 'run-live');
      return true;
    },
  });
  expect(first.ending).toBe('succeeded');
  expect(first.batches).toBeGreaterThan(3);
  const stagingReport = await exportReport(page, 'v1.1.0');
  writeFileSync(test.info().outputPath('staging-v1.1.0.md'), stagingReport);
  expect(stagingReport).toContain('v1.1.0');
  // Each item of the batch is its own sign-off in the report, with its signer and the note.
  expect(stagingReport).toMatch(
    /\| All tests passing \(unit, integration, E2E\) \| Ada Lovelace \| .*CI pipeline 4521 green/,
  );
  expect(stagingReport).toMatch(/\*\*Status\*\*: Success/);
  expect(stagingReport).toContain('Ada Lovelace');

  // v1.1.0 on production: the Tech Lead's approval and the typed confirmation.
  await startRun(page, 'production', 'v1.1.0');
  const second = await driveRun(page, { approver: 'Grace Hopper' });
  expect(second.ending).toBe('succeeded');
  expect(second.approvals).toBeGreaterThan(0);
  const productionReport = await exportReport(page, 'v1.1.0');
  writeFileSync(test.info().outputPath('production-v1.1.0.md'), productionReport);
  expect(productionReport).toContain('production');
  expect(productionReport).toMatch(/\*\*Status\*\*: Success/);
  expect(productionReport).toContain('Grace Hopper');

  // v1.2.0 on staging fails ~30 % of requests: a rollback rule fires and the run rolls back alone.
  await startRun(page, 'staging', 'v1.2.0');
  const third = await driveRun(page);
  expect(third.ending).toBe('rolled back');
  await expect(page.getByText('Rolled back to the previous version')).toBeVisible();
  await expect(page.getByText(/Triggered by an alert rule: .*RollbackOn/)).toBeVisible();
  const rolledBackId = shownRunId(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'run-rolled-back');
  const rollbackReport = await exportReport(page, 'v1.2.0');
  writeFileSync(test.info().outputPath('staging-v1.2.0.md'), rollbackReport);
  expect(rollbackReport).toContain('v1.2.0');
  expect(rollbackReport).toMatch(/\*\*Status\*\*: Rolled back/);
  expect(rollbackReport).toMatch(/RollbackOn(ErrorRate|Availability)/);
  const runs = await apiCall<Array<{ id: string; status: string }>>(page, host.url, 'runs:list', {});
  expect(runs.find((r) => r.id === rolledBackId)?.status).toBe('rolled-back');

  // Reset from the dashboard: it asks first (Escape keeps everything), then says what it removed.
  await page.evaluate(() => {
    window.location.hash = '#/dashboard';
  });
  const reset = page.getByRole('button', { name: 'Reset to first state…' });
  await reset.click();
  const confirm = page.getByRole('dialog', { name: 'Reset the demo project?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(reset).toBeFocused();
  await reset.click();
  await confirm.getByRole('button', { name: 'Reset demo' }).click();
  await expect(confirm).toBeHidden({ timeout: 60_000 });
  await expect(page.getByText(/back to its first state: removed \d+ containers? and 3 runs/)).toBeVisible();

  // The first state: the demo open again with nothing deployed and no runs.
  const environments = page.getByRole('table', { name: /^Environments of / });
  for (const env of ['staging', 'production']) {
    await expect(environments.getByRole('row').filter({ hasText: env }).first()).toContainText('Not deployed yet', {
      timeout: 15_000,
    });
  }
  await shoot(page, 'project');
  expect(await apiCall<unknown[]>(page, host.url, 'runs:list', {})).toEqual([]);
  const status = await apiCall<{ state: string; projectId?: string }>(page, host.url, 'demo:status', {});
  expect(status).toMatchObject({ state: 'ready' });
  expect(status.projectId).toBeTruthy();
});

test('a batch sign-off that cannot finish stops, says why and which item, and keeps what was signed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, host.url);
  await apiCall(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'Release Manager' });
  // The demo is open again after the reset of the first test.
  await startRun(page, 'staging', 'v1.1.0');
  const runId = shownRunId(page);
  await page.getByRole('button', { name: 'Sign off all (8): Pre-Deployment Checklist' }).click();
  const batch = page.getByRole('dialog', { name: 'Sign off all (8)' });
  await expect(batch).toBeVisible();

  // Meanwhile another window signs the first item, then the run is cancelled.
  const live = await apiCall<{ questions: Array<{ id: string; kind: string; item?: string }> }>(
    page,
    host.url,
    'runs:live',
    { runId },
  );
  const first = live.questions.find((q) => q.kind === 'tick');
  expect(first?.item).toBe('preparation.tests-passing');
  await apiCall(page, host.url, 'runs:answer', {
    runId,
    questionId: first?.id,
    answer: { kind: 'tick', by: 'Grace Hopper' },
  });
  await expect(page.getByText('Signed off by Grace Hopper')).toBeVisible();
  await apiCall(page, host.url, 'runs:cancel', { runId });
  await expect(page.getByText('The run was aborted', { exact: true })).toBeVisible({ timeout: 15_000 });

  // The batch starts, finds the first item signed, and stops at the next: it says which, and why.
  await batch.getByRole('button', { name: 'Sign off 8 items' }).click();
  await expect(batch.getByRole('alert')).toHaveText(
    'The run ended before “Test coverage >80%” was asked. 1 of 8 signed; those stay signed.',
  );
  await page.keyboard.press('Escape');
  await expect(batch).toBeHidden();
});

test('with no Docker engine, the demo says so and how to start it; the rest of the app works', async ({ page }) => {
  test.setTimeout(90_000);
  noDocker = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data-no-docker')], {
    DOCKER_HOST: 'unix:///tmp/rp-no-docker.sock',
  });
  await openApp(page, noDocker.url);
  const offer = page.getByRole('region', { name: 'New here? Try the demo project' });
  const banner = offer.getByRole('status').filter({ hasText: 'The demo needs a running Docker engine' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('/tmp/rp-no-docker.sock');
  await expect(banner).toContainText(/start/i);
  const tryIt = offer.getByRole('button', { name: 'Try the demo project' });
  await expect(tryIt).toBeDisabled();
  await shoot(page, 'docker-down');

  // The newcomer's name is asked on the card all the same; Enter cannot try the demo yet, and a
  // reload keeps what was typed.
  await offer.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper');
  await page.keyboard.press('Enter');
  await page.reload();
  await expect(offer.getByRole('textbox', { name: 'Your name' })).toHaveValue('Grace Hopper');
  await expect(offer.getByRole('combobox', { name: 'Your role' })).toHaveValue('Release Manager');
  expect(await apiCall(page, noDocker.url, 'settings:get', {})).toMatchObject({ operatorName: '' });

  // Checking again asks the engine again, and still says the same.
  await banner.getByRole('button', { name: 'Check again' }).click();
  await expect(banner).toBeVisible();
  await expect(tryIt).toBeDisabled();

  // The rest works: the open-project field, Settings, Runs.
  await expect(page.getByLabel('Project folder')).toBeEnabled();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Operator name' })).toBeVisible();
  await nav.getByRole('link', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();
  await expect(page.getByText(/No runs yet|Every deployment run/).first()).toBeVisible();
});
