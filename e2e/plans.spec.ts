import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { planProject } from '../electron/core/planning/test-support/plan-project';
import { apiCall as callApi } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The plan page in Chromium, on a real project (git tags v1.0.0 and v1.1.0, a rolling runbook,
// staging and a protected production whose history says v1.0.0 is live) in a host of its own:
// the plan made, its digest shown and exported; the notification preview per channel and moment;
// a broken notifications.yml shown at file:line:column; a missing one explained.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');

const notifications = `channels:
  - name: ops-slack
    kind: slack
    url: \${secret:SLACK_URL}
  - name: qa-mail
    kind: email
    environments: [staging]
    on: [run-started, finished]
    email: { host: smtp.example.com, from: rp@example.com, to: [qa@example.com] }
`;

let scratch: string;
let root: string;
let host: HostProcess;
let projectId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-plans-'));
  ({ root } = await planProject(join(scratch, 'shop'), join(scratch, 'data')));
  writeFileSync(join(root, '.release-pilot', 'notifications.yml'), notifications);
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
  const page = await browser.newPage();
  await page.goto(host.url);
  await callApi(page, host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'Release Manager' });
  ({ id: projectId } = await callApi<{ id: string }>(page, host.url, 'projects:open', { path: root }));
  await page.close();
});

test.afterAll(async () => {
  await host?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function openPlans(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  await expect(page.getByLabel('Environment')).toBeVisible();
}

const preview = (page: Page) => page.getByRole('article', { name: 'Plan preview' });
const channel = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('makes the plan of a version for production, shows its digest, exports and copies it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlans(page);
  await expect(page.getByText('No plan yet')).toBeVisible();

  // An empty version is refused at the field, before asking the host.
  await page.getByLabel('Environment').selectOption('production');
  await page.getByRole('button', { name: 'Make plan' }).click();
  await expect(page.getByText('Give the version to deploy: a tag, branch or commit.')).toBeVisible();

  // The repository's tags are offered; the field stays free text. Enter in it submits.
  await expect(page.locator('#plan-versions option[value="v1.1.0"]')).toHaveCount(1);
  await page.getByLabel('Version').fill('v1.1.0');
  await page.getByLabel('Version').press('Enter');
  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('Deployment plan: v1.1.0 to production');
  await expect(preview(page)).toContainText('v1.0.0');

  const expected = await callApi<{ markdown: string; digest: string }>(page, host.url, 'plans:get', {
    projectId,
    environment: 'production',
    version: 'v1.1.0',
  });
  await expect(page.getByTestId('plan-digest')).toHaveText(`sha256:${expected.digest}`);
  await expect(preview(page)).toContainText(`sha256:${expected.digest}`);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .md' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('production-v1.1.0-plan.md');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toMatch(/^# Deployment plan: v1\.1\.0 to production\n/);
  expect(exported).toContain(`sha256:${expected.digest}`);
  await expect(page.getByText('Downloaded production-v1.1.0-plan.md.')).toBeVisible();

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByText('The plan’s markdown is on the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(exported);

  // A changed form marks the shown plan stale until it is made again.
  await page.getByLabel('Strategy').selectOption('canary');
  await expect(page.getByText('The form has changed since this plan was made')).toBeVisible();

  // A reload keeps what was chosen and shows the plan again.
  await page.reload();
  await expect(page.getByLabel('Version')).toHaveValue('v1.1.0');
  await expect(page.getByLabel('Strategy')).toHaveValue('canary');
  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('Deployment plan: v1.1.0 to production');
  await expect(preview(page)).toContainText('canary');
});

test('a version that is not one is explained by the host, and nothing typed is lost', async ({ page }) => {
  await openPlans(page);
  await page.getByLabel('Version').fill('v1.1 final');
  await page.getByRole('button', { name: 'Make plan' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Could not make the plan' });
  await expect(failure).toContainText('"v1.1 final" is not a version: give a tag, branch or commit');
  await expect(page.getByLabel('Version')).toHaveValue('v1.1 final');
  await page.reload();
  await expect(page.getByLabel('Version')).toHaveValue('v1.1 final');
});

test('previews what each channel would send, per moment, with the payload as sent', async ({ page }) => {
  await openPlans(page);
  await page.getByLabel('Environment').selectOption('production');
  const slack = channel(page, 'ops-slack');
  await expect(slack).toContainText('Slack');
  // All five moments, one at a time; arrow keys move between them.
  const tabs = slack.getByRole('tab');
  await expect(tabs).toHaveText(['Run started', 'Approval requested', 'Failed', 'Rolled back', 'Finished']);
  await expect(slack.getByRole('tabpanel')).toContainText('Ada Lovelace started deploying');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tabs.nth(4)).toHaveAttribute('aria-selected', 'true');
  await expect(slack.getByRole('tabpanel')).toContainText('production');

  const payload = slack.getByText('Payload as sent (JSON)');
  await payload.focus();
  await page.keyboard.press('Enter');
  const json = slack.locator('.message-payload pre');
  await expect(json).toBeVisible();
  expect(JSON.parse((await json.textContent()) ?? '')).toMatchObject({
    text: expect.any(String),
    blocks: expect.any(Array),
  });

  // The email channel listens to staging only.
  const mail = channel(page, 'qa-mail');
  await expect(mail).toContainText('Email');
  await expect(mail).toContainText('Not sent for production');
  await page.getByLabel('Environment').selectOption('staging');
  await expect(mail).not.toContainText('Not sent for staging');
  await expect(mail.getByRole('tab')).toHaveText(['Run started', 'Finished']);
});

test('a broken notifications.yml shows its problems at line:column; a missing one says how to add it', async ({
  page,
}) => {
  const file = join(root, '.release-pilot', 'notifications.yml');
  writeFileSync(file, 'channels:\n  - name: ops\n    kind: slack\n    on: [deployed]\n');
  try {
    await openPlans(page);
    const problems = page.getByRole('list', { name: 'Problems in .release-pilot/notifications.yml' });
    await expect(problems.getByRole('listitem').first()).toContainText(
      /\.release-pilot\/notifications\.yml:\d+:\d+ — /,
    );
    await expect(problems).toContainText('.release-pilot/notifications.yml:2:5 — missing required field `url`');
    await expect(page.getByText(/\.release-pilot\/notifications\.yml has \d+ errors?/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'ops', exact: true })).toHaveCount(0);
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'plans-notifications-broken.png') });

    unlinkSync(file);
    await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByText('No notifications are configured')).toBeVisible();
    await page.getByText('How to set up notifications').click();
    await expect(page.getByText('kind: slack', { exact: false })).toBeVisible();
    await page.screenshot({ path: join(shots, 'plans-notifications-missing.png') });
  } finally {
    writeFileSync(file, notifications);
  }
});

test('every control on the plan page is named, and the page works from the keyboard alone', async ({ page }) => {
  await openPlans(page);
  await page.getByLabel('Environment').selectOption('production');
  await page.getByLabel('Version').focus();
  await page.keyboard.type('v1.1.0');
  // Tab through runbook and strategy to the button; Enter makes the plan.
  const make = page.getByRole('button', { name: 'Make plan' });
  for (let i = 0; i < 5 && !(await make.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(make).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText('Deployment plan: v1.1.0 to production');
  await expect(channel(page, 'ops-slack')).toBeVisible();
  // The accessibility tree names every control: no bare `- button`, `- combobox`, `- textbox` or `- tab`.
  const tree = await page.getByRole('main').ariaSnapshot();
  const unnamed = tree
    .split('\n')
    .filter((line) => /^\s*- (button|combobox|textbox|tab|link)\s*(\[.*\])?:?$/.test(line));
  expect(unnamed).toEqual([]);
  expect(tree).toContain('tablist "Moments ops-slack hears about"');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the plan page in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPlans(page);
    await page.getByLabel('Environment').selectOption('production');
    await page.getByLabel('Version').fill('v1.1.0');
    await page.getByLabel('Strategy').selectOption('');
    await page.getByRole('button', { name: 'Make plan' }).click();
    await expect(preview(page).getByRole('heading', { level: 1 })).toBeVisible();
    await expect(channel(page, 'ops-slack')).toBeVisible();
    await page.screenshot({ path: join(shots, `plans-${scheme}.png`) });
    // The app scrolls inside <main>, so the lower half is its own picture.
    await page.getByRole('region', { name: 'Notifications' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `plans-${scheme}-notifications.png`) });
  });
}
