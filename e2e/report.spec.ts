import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The deployment report in Chromium: a recorded run (a journal written by the real journal writer,
// shared/report/fixtures) in a host of its own, its report previewed, lessons typed (kept across a
// reload), exported as a download, copied, and saved into the journal.

const fixtures = join(import.meta.dirname, '..', 'shared', 'report', 'fixtures');
const runId = '20261106-1900-production';
const shots = join(import.meta.dirname, '..', 'test-results', 'screens');

let host: HostProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rp-e2e-report-'));
  mkdirSync(join(dataDir, 'runs', runId), { recursive: true });
  copyFileSync(join(fixtures, 'aborted-run.ndjson'), join(dataDir, 'runs', runId, 'journal.ndjson'));
  host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openReport(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('link', { name: `Open report of ${runId}` }).click();
  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText(
    'Deployment report: shop-api · production · v1.5.0',
  );
}

const preview = (page: Page) => page.getByRole('article', { name: 'Report preview' });

test('previews a recorded run, edits lessons (kept across a reload), exports, copies and saves them', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReport(page);
  await expect(preview(page)).toContainText('Aborted — aborted at step production');
  await expect(preview(page).getByRole('heading', { name: 'Lessons learned' })).toBeVisible();
  await expect(preview(page)).toContainText('No lessons were recorded.');

  // Typed lessons reach the preview, escaped (the pipe and the tag stay text).
  const lessons = page.getByRole('textbox', { name: 'Lessons learned' });
  await lessons.fill('- Check prod-2 for config drift | before the window\n- <b>never</b> deploy after 18:00');
  await expect(preview(page).getByRole('listitem').filter({ hasText: 'Check prod-2' })).toHaveText(
    'Check prod-2 for config drift | before the window',
  );
  await expect(preview(page)).toContainText('<b>never</b> deploy after 18:00');
  await expect(page.getByText('Unsaved: shown in the preview and in exports')).toBeVisible();

  // A reload keeps what was typed.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Lessons learned' })).toHaveValue(/Check prod-2 for config drift/);
  await expect(preview(page)).toContainText('Check prod-2 for config drift');

  // Export from the keyboard: Tab to the button, Enter, and a <run-id>-report.md download.
  const exportButton = page.getByRole('button', { name: 'Export .md' });
  await page.getByRole('link', { name: 'All reports' }).focus();
  for (let i = 0; i < 10 && !(await exportButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(exportButton).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${runId}-report.md`);
  const exported = readFileSync(await download.path(), 'utf8');
  const golden = readFileSync(join(fixtures, 'aborted-run.golden.md'), 'utf8');
  const withDraft = golden.replace(
    'No lessons were recorded.',
    '- Check prod-2 for config drift \\| before the window\n- \\<b>never\\</b> deploy after 18:00',
  );
  expect(exported).toBe(withDraft);

  await page.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(page.getByText('The report’s markdown is on the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(withDraft);

  // Saving needs the operator's name (Settings), then writes lessons.recorded into the journal.
  await page.getByRole('button', { name: 'Save lessons' }).click();
  await expect(page.getByText(/Not saved: Set your name in Settings first/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Operator name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('textbox', { name: 'Lessons learned' })).toHaveValue(/Check prod-2/);
  await page.getByRole('button', { name: 'Save lessons' }).click();
  await expect(page.getByText('Saved to the run’s journal.')).toBeVisible();
  await expect(preview(page)).toContainText(/Recorded by Ada Lovelace at \d{4}-\d\d-\d\dT/);
  const journal = readFileSync(join(dataDir, 'runs', runId, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n');
  const last = JSON.parse(journal.at(-1) ?? '{}');
  expect(last).toMatchObject({ seq: journal.length, type: 'lessons.recorded', data: { by: 'Ada Lovelace' } });
  expect(last.data.text).toContain('Check prod-2 for config drift | before the window');
  await expect(page.getByRole('button', { name: 'Save lessons' })).toBeDisabled();
});

test('draws the timeline gantt as a chart (mermaid, loaded lazily) across the page, with no nested scroll box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  // The first screen does not load mermaid: it comes with a report that has a chart.
  const atStart = scripts.length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('link', { name: `Open report of ${runId}` }).click();

  const golden = readFileSync(join(fixtures, 'aborted-run.golden.md'), 'utf8');
  const source = golden.slice(golden.indexOf('```mermaid'), golden.indexOf('```', golden.indexOf('```mermaid') + 3));
  const bars = source.split('\n').filter((line) => / :(done|crit|active)?/.test(line) && /\d+, \d+$/.test(line));
  expect(bars).toHaveLength(5);

  const chart = preview(page).getByRole('img', { name: /Timeline chart/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg[aria-roledescription="gantt"]')).toBeVisible();
  // One bar per task line of the gantt, the failed deploy drawn as critical, sections named.
  await expect(chart.locator('rect.task')).toHaveCount(bars.length);
  await expect(chart.locator('rect.task.crit0, rect.task[class*="crit"]')).toHaveCount(1);
  await expect(chart).toContainText('Production deployment');
  await expect(chart).toContainText('Blue-green deploy of shop-api v1.5.0');
  await chart.screenshot({ path: join(shots, 'report-chart.png') });
  // The code block itself is gone from the preview (the export keeps it: see the test above).
  await expect(preview(page).locator('code.language-mermaid')).toHaveCount(0);
  expect(scripts.slice(atStart).some((url) => /mermaid|gantt/i.test(url))).toBe(true);

  // The report is as wide as the page's content area, and grows with its content instead of
  // scrolling inside a box; the lessons come under it.
  const box = await preview(page).boundingBox();
  const main = await page.getByRole('main').boundingBox();
  expect(box && main).toBeTruthy();
  expect(box?.width ?? 0).toBeGreaterThan((main?.width ?? 0) * 0.85);
  const scroll = await preview(page).evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(scroll.scroll).toBeLessThanOrEqual(scroll.client + 1);
  const lessons = await page.getByRole('textbox', { name: 'Lessons learned' }).boundingBox();
  expect(lessons?.y ?? 0).toBeGreaterThan((box?.y ?? 0) + (box?.height ?? 0));
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the report screen in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await openReport(page);
    const colors = await preview(page).evaluate((el) => {
      const style = getComputedStyle(el);
      return { bg: style.backgroundColor, fg: style.color };
    });
    expect(colors.bg).not.toBe(colors.fg);
    await page.screenshot({ path: join(shots, `report-${scheme}.png`), fullPage: true });
  });
}
