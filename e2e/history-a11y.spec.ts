import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { apiCall } from './support/api-call';
import { driveRun } from './support/demo-drive';
import { shownRunId } from './support/demo-report';
import { sidebarScreens } from './support/screens';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The screens that only have content once runs exist — the run history and its filters, a
// finished run's view with its stepper, its charts and its report — on the demo project in a host
// of its own: v1.1.0 through staging to the end (succeeded), v1.1.0 to production cancelled at
// once (failed). axe-core
// finds no serious or critical violation on any of them, in light or dark (the page's CSP
// forbids injected scripts, so the context bypasses it for axe). The theme is saved without Save.

const schemes = ['light', 'dark'] as const;
let scratch: string;
let host: HostProcess;
let finishedRun = '';

test.describe.configure({ mode: 'serial' });
test.use({ bypassCSP: true });

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-a11y-'));
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
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
  rmSync(scratch, { recursive: true, force: true });
});

async function openApp(page: Page, hash = '') {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${host.url}${hash}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Serious and critical violations on the page as it is, each node with axe's own summary. */
async function seriousViolations(page: Page) {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  // Plus the rule axe ships as experimental: a link's name must hold its visible text (WCAG 2.5.3).
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`) }));
}

test('the demo gets a finished run and a cancelled one', async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page);
  const offer = page.getByRole('region', { name: 'New here? Try the demo project' });
  await offer.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
  await offer.getByRole('button', { name: 'Try the demo project' }).click();
  const start = page.getByRole('dialog', { name: 'New run' });
  await expect(start).toBeVisible({ timeout: 120_000 });
  await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText('Demo deployment workflow', {
    timeout: 15_000,
  });
  await start.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy v1.1.0 to staging' })).toBeVisible();
  expect((await driveRun(page)).ending).toBe('succeeded');
  finishedRun = shownRunId(page);

  await go(page, '#/runs/new');
  await start.getByRole('combobox', { name: 'Environment' }).selectOption('production');
  await start.getByRole('combobox', { name: 'Version' }).fill('v1.1.0');
  await expect(start.getByRole('region', { name: 'Plan preview' })).toContainText('v1.1.0', { timeout: 15_000 });
  await start.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy v1.1.0 to production' })).toBeVisible();
  await apiCall(page, host.url, 'runs:cancel', { runId: shownRunId(page) });
  // A cancelled run ends failed, "cancelled by Ada Lovelace".
  await expect(page.getByText('The run failed', { exact: true })).toBeVisible({ timeout: 30_000 });
});

test('the run history filters by environment, status and version', async ({ page }) => {
  await openApp(page, '#/runs');
  const table = page.getByRole('table', { name: /runs/i });
  const rows = table.getByRole('row').filter({ has: page.getByRole('link', { name: /^v1\.1\.0 to / }) });
  await expect(rows).toHaveCount(2);
  const filters = page.getByRole('search', { name: 'Filter runs' });
  await filters.getByRole('combobox', { name: 'Environment' }).selectOption('production');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('v1.1.0 to production');
  await expect(page.getByRole('heading', { name: '1 of 2 runs' })).toBeVisible();
  await filters.getByRole('combobox', { name: 'Environment' }).selectOption('');
  await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Succeeded' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('v1.1.0 to staging');
  await filters.getByRole('combobox', { name: 'Status' }).selectOption('');
  await filters.getByRole('searchbox', { name: 'Version' }).fill('1.1');
  await expect(rows).toHaveCount(2);
  await filters.getByRole('searchbox', { name: 'Version' }).fill('9.9');
  await expect(page.getByText('No run matches these filters.')).toBeVisible();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(2);
});

test('the theme applies the moment it is picked, without Save', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(async () => (await apiCall<{ theme: string }>(page, host.url, 'settings:get', {})).theme)
    .toBe('dark');
  // Saved, not only shown: a fresh page opens dark.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'System' }).check();
  await expect
    .poll(async () => (await apiCall<{ theme: string }>(page, host.url, 'settings:get', {})).theme)
    .toBe('system');
});

test('at 1024 px wide the run view shows every action title whole', async ({ page }) => {
  expect(finishedRun).not.toBe('');
  await openApp(page, `#/runs/${finishedRun}`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByText('The run succeeded', { exact: true })).toBeVisible({ timeout: 15_000 });
  // Each step of the demo in turn, so every action title is on screen once: none cut, none squeezed.
  const steps = page.getByRole('navigation', { name: 'Steps of the run' }).getByRole('button');
  const titles = page.getByRole('list', { name: 'Actions' }).locator('.action-title');
  const cut: string[] = [];
  let seen = 0;
  for (let i = 0; i < (await steps.count()); i++) {
    await steps.nth(i).click();
    await expect(steps.nth(i)).toHaveAttribute('aria-pressed', 'true');
    for (const title of await titles.all()) {
      seen++;
      const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth >= 160);
      if (!fits) cut.push((await title.textContent()) ?? '');
    }
  }
  expect(seen).toBeGreaterThan(3);
  expect(cut).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('run-view-1024.png'), fullPage: true });
});

for (const scheme of schemes) {
  test(`no serious or critical axe violation with runs on record (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    expect(finishedRun).not.toBe('');
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    const found: Record<string, unknown> = {};
    const check = async (name: string) => {
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const { id, name } of sidebarScreens) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page.locator('main')).toHaveAttribute('data-screen', id);
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
      await check(id);
    }
    await go(page, `#/runs/${finishedRun}`);
    await expect(page.getByText('The run succeeded', { exact: true })).toBeVisible({ timeout: 15_000 });
    await check('run view');
    await go(page, `#/monitoring/${finishedRun}`);
    await expect(page.locator('main canvas').first()).toBeVisible({ timeout: 15_000 });
    await check('monitoring of the run');
    await go(page, `#/reports/${finishedRun}`);
    await expect(page.getByRole('article', { name: 'Report preview' })).toContainText('v1.1.0', { timeout: 15_000 });
    await check('report');
    expect(found).toEqual({});
  });
}
