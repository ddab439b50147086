import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  type EnvironmentsLab,
  liveVersion,
  lockHolder,
  openLabProject,
  startEnvironmentsLab,
} from './support/environments-lab';

// The dashboard against a real project: the version live on staging read from its host's release
// history over SSH, the lock holder from the lock on that host, an unreachable production host
// said as such, and a run left open by a crash offered for resume or closed with a reason.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'dashboard');
let lab: EnvironmentsLab;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  lab = await startEnvironmentsLab();
  const page = await browser.newPage();
  await openLabProject(page, lab);
  await page.close();
});

test.afterAll(async () => {
  await lab?.stop();
});

async function openDashboard(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lab.host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return page.getByRole('table', { name: 'Environments of shop-web' });
}

const row = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Environments of shop-web' }).getByRole('row').filter({ hasText: name }).first();

test('shows the live version, the lock holder and the last run of each environment', async ({ page }) => {
  const table = await openDashboard(page);
  const staging = row(page, 'staging');
  await expect(staging).toContainText(liveVersion, { timeout: 15_000 });
  await expect(staging).toContainText('from the target’s release history');
  await expect(staging).toContainText(lockHolder);
  await expect(staging).toContainText(/since 10 min ago · run run-elsewhere/);
  await expect(staging).toContainText('Succeeded');
  // production's host does not answer: said, naming host and cause, instead of a blank.
  await expect(table).toContainText(`unreachable: prod-1 (127.0.0.1:${lab.deadPort}): connection refused`);
  await expect(row(page, 'production')).toContainText('Unknown');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `dashboard-${scheme}.png`), fullPage: true });
  }
});

test('a run left open by a crash is offered for resume, and is closed with a reason from the keyboard', async ({
  page,
}) => {
  await openDashboard(page);
  const offer = page.getByRole('status').filter({ hasText: 'was left open' });
  await expect(offer).toContainText(`Run 20250509-prod of ${liveVersion} on production was left open`);
  await expect(offer.getByRole('button', { name: 'Resume' })).toBeVisible();
  const close = offer.getByRole('button', { name: 'Close as failed…' });
  await close.focus();
  await page.keyboard.press('Enter');
  const reason = offer.getByLabel('Why close it?');
  await expect(reason).toBeFocused();
  // Nothing typed: refused with what to do, nothing closed.
  await page.keyboard.press('Enter');
  await expect(offer.getByRole('alert')).toHaveText('Say why the run is closed: the journal and the report record it.');
  // Escape puts the offer back, focus on the button that opened the form.
  await page.keyboard.press('Escape');
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('laptop crashed mid-deploy; redeploying from staging');
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0, { timeout: 15_000 });
  await expect(row(page, 'production')).toContainText(/Failed|Aborted/);
});

test('with every project closed, it explains how to open one', async ({ page }) => {
  await openDashboard(page);
  await page.getByRole('button', { name: 'Close shop-web' }).click();
  await expect(page.getByText('Open a project to start')).toBeVisible();
  await expect(page.getByLabel('Project folder')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open project' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `dashboard-empty-${scheme}.png`), fullPage: true });
  }
  await page.getByLabel('Project folder').fill(lab.root);
  await page.keyboard.press('Enter');
  await expect(row(page, 'staging')).toContainText(liveVersion, { timeout: 15_000 });
});
