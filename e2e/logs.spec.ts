import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeLabProject } from '../electron/core/test-lab/lab-project';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The Logs screen on a real run: a host of its own, a real project whose runbook's shell action
// prints 12,000 coloured lines once the spec says go, and the page following them live. The
// buffer keeps 10,000 lines per source, so the oldest are dropped and the screen must say so.

const lines = 12_000;
let scratch: string;
let host: HostProcess;
let goFile: string;
let runId: string;

const runbook = (go: string) => `
title: Log demo
roles: { devops: DevOps Engineer }
steps:
  - id: build
    title: Build
    owner: devops
    actions:
      - id: emit
        type: shell
        argv:
          - sh
          - -c
          - |
            echo "waiting for the go file"
            while [ ! -f "${go}" ]; do sleep 0.05; done
            i=1
            while [ $i -le ${lines} ]; do
              if [ $((i % 1000)) -eq 0 ]; then printf '\\033[31mERROR\\033[0m request %d failed\\n' $i
              else printf '\\033[32mINFO\\033[0m request %d ok\\n' $i; fi
              i=$((i + 1))
            done
      - id: check
        type: shell
        argv:
          - sh
          - -c
          - |
            echo "disk check"
            echo "warning: disk 91% full" >&2
            echo "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok" >&2
            echo "long line: $(i=1; while [ $i -le 80 ]; do printf 'word%02d ' $i; i=$((i + 1)); done)end" 
`;

/** One API call over a socket of the page's own (e2e/support/api-call.ts), to this spec's host. */
function call<T>(page: Page, method: string, payload: unknown): Promise<T> {
  return apiCall<T>(page, host.url, method, payload);
}

async function openLogs(page: Page, id = runId) {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/logs/${encodeURIComponent(id)}`,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
}

const log = (page: Page) => page.getByRole('log');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-logs-'));
  goFile = join(scratch, 'go');
  const project = join(scratch, 'shop-api');
  makeLabProject(project, { runbook: runbook(goFile), environments: 'environments:\n  staging: {}\n' });
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
  const page = await browser.newPage();
  await page.goto(host.url);
  await call(page, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'Release Manager' });
  const opened = await call<{ id: string }>(page, 'projects:open', { path: project });
  ({ runId } = await call<{ runId: string }>(page, 'runs:start', {
    projectId: opened.id,
    environment: 'staging',
    version: 'v1.1.0',
  }));
  await page.close();
});

test.afterAll(async () => {
  await host?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('lines stream in live, coloured, following the newest; dropped lines are counted', async ({ page }) => {
  const sent: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
  await openLogs(page);
  await expect(log(page)).toContainText('waiting for the go file');
  writeFileSync(goFile, 'go');
  // Following: the newest line is on screen without any scrolling by the test.
  await expect(log(page)).toContainText('warning: disk 91% full', { timeout: 20_000 });
  await expect(log(page)).toContainText(`request ${lines} failed`);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // 12,001 lines from build.emit, 10,000 kept.
  await expect(page.locator('.log-dropped')).toContainText(/build\.emit.*: 2,001 lines dropped/);
  await expect(page.getByRole('button', { name: /build\.emit/ })).toHaveAttribute('aria-pressed', 'true');
  // The ERROR word keeps its red, as a CSS class the theme colours.
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill('failed');
  await expect(log(page).locator('.ansi-fg-1').first()).toHaveText('ERROR');
  await page.screenshot({ path: join(import.meta.dirname, '..', 'test-results', 'screens', 'logs-live.png') });

  // Another screen and back: the lines are all still there, without a reload of the backlog.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Runs', exact: true }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'runs');
  await nav.getByRole('link', { name: 'Logs', exact: true }).click();
  await expect(log(page).locator('.log-row')).toHaveCount(10);
  await expect(page.getByText('10 of 10,004 lines shown')).toBeVisible();
  expect(sent.filter((frame) => frame.includes('"method":"runs:logs"'))).toHaveLength(1);
});

test('lines are coloured by what they say, not the stream they came on, and show when they arrived', async ({
  page,
}) => {
  await openLogs(page);
  const rows = log(page).locator('.log-row');
  await page
    .getByRole('searchbox', { name: 'Filter lines' })
    .fill('syntax is ok|disk 91%|request 12000 failed|disk check');
  await page.getByRole('button', { name: 'Filter by regular expression' }).click();
  await expect(rows).toHaveCount(4);
  const ok = rows.filter({ hasText: 'syntax is ok' });
  const warning = rows.filter({ hasText: 'disk 91% full' });
  const error = rows.filter({ hasText: 'request 12000 failed' });
  const plain = rows.filter({ hasText: 'disk check' });
  // nginx's "syntax is ok" came on stderr, and reads like any ordinary line.
  await expect(ok).toHaveAttribute('data-stream', 'stderr');
  await expect(ok).not.toHaveAttribute('data-severity', /./);
  const colour = (row: typeof ok) => row.locator('.log-text').evaluate((el) => getComputedStyle(el).color);
  expect(await colour(ok)).toBe(await colour(plain));
  // A warning on stderr is a warning, an ERROR on stdout an error: each its own colour.
  await expect(warning).toHaveAttribute('data-severity', 'warning');
  await expect(error).toHaveAttribute('data-stream', 'stdout');
  await expect(error).toHaveAttribute('data-severity', 'error');
  expect(new Set([await colour(ok), await colour(warning), await colour(error)]).size).toBe(3);

  // Times are on by default, to the millisecond; "Times" hides and shows them.
  const times = page.getByRole('button', { name: 'Times' });
  await expect(times).toHaveAttribute('aria-pressed', 'true');
  await expect(ok.locator('.log-time')).toHaveText(/^\d\d:\d\d:\d\d\.\d{3}$/);
  await times.click();
  await expect(times).toHaveAttribute('aria-pressed', 'false');
  await expect(log(page).locator('.log-time')).toHaveCount(0);
  await times.click();
  await expect(log(page).locator('.log-time')).toHaveCount(4);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: join(import.meta.dirname, '..', 'test-results', 'screens', `logs-severity-${scheme}.png`),
    });
  }
});

test('Wrap folds a long line onto more rows instead of a sideways scroll, and back', async ({ page }) => {
  await openLogs(page);
  const scroller = log(page);
  const long = scroller.locator('.log-row').filter({ hasText: 'long line: word01' });
  await expect(long).toHaveCount(1);
  const wrap = page.getByRole('button', { name: 'Wrap' });
  await expect(wrap).toHaveAttribute('aria-pressed', 'false');
  const height = () => long.evaluate((el) => el.getBoundingClientRect().height);
  const sideways = () => scroller.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(await height()).toBe(20);
  expect(await sideways()).toBe(true);
  await wrap.click();
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(height).toBeGreaterThan(20);
  await expect.poll(sideways).toBe(false);
  // Still following: the newest line is in view, below the taller row.
  await expect(page.getByText('following new lines')).toBeVisible();
  await expect(scroller.locator('.log-row').last()).toBeInViewport();
  await wrap.click();
  await expect.poll(height).toBe(20);
});

test('filter narrows the lines; an invalid regex is explained and the last filter stays', async ({ page }) => {
  await openLogs(page);
  await expect(log(page)).toContainText(`request ${lines} failed`);
  const filter = page.getByRole('searchbox', { name: 'Filter lines' });
  await filter.fill('error');
  // Requests 1000 and 2000 were dropped with the oldest lines: 3000…12000 remain.
  await expect(log(page).locator('.log-row')).toHaveCount(10);
  await expect(log(page).locator('.log-row').first()).toContainText('request 3000 failed');

  await page.getByRole('button', { name: 'Filter by regular expression' }).click();
  await filter.fill('error (');
  await expect(page.getByRole('alert')).toContainText('Filter: "error (" is not a valid regular expression');
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  await expect(log(page).locator('.log-row')).toHaveCount(10);

  await filter.fill('request (30|40)00 ');
  await expect(log(page).locator('.log-row')).toHaveCount(2);
  await filter.fill('');
  await expect(log(page)).toContainText(`request ${lines} failed`);
});

test('search highlights matches; Enter and Shift+Enter move between them and pause following', async ({ page }) => {
  await openLogs(page);
  await expect(log(page)).toContainText(`request ${lines} failed`);
  const search = page.getByRole('searchbox', { name: 'Search lines' });
  await search.fill('FAILED');
  await expect(page.locator('.log-query-status')).toHaveText('10 matches');
  await search.press('Enter');
  await expect(page.locator('.log-query-status')).toHaveText('1 of 10');
  const current = log(page).locator('.log-row-current');
  await expect(current).toContainText('request 3000 failed');
  await expect(current.locator('mark')).toHaveText('failed');
  // Screen readers hear the move once, with the line.
  await expect(page.locator('.visually-hidden[aria-live="polite"]')).toHaveText(
    'Match 1 of 10: ERROR request 3000 failed',
  );
  await search.press('Enter');
  await expect(current).toContainText('request 4000 failed');
  await search.press('Shift+Enter');
  await search.press('Shift+Enter');
  await expect(page.locator('.log-query-status')).toHaveText('10 of 10');
  await expect(current).toContainText('request 12000 failed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(import.meta.dirname, '..', 'test-results', 'screens', 'logs-search-dark.png') });
  // Moving to a match stopped following; "Jump to latest" brings the newest line back.
  await expect(page.getByRole('button', { name: 'Follow' })).toBeVisible();
  await page.getByRole('button', { name: /Jump to latest/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(log(page)).toContainText('warning: disk 91% full');
});

test('scrolling up pauses, scrolling back to the bottom follows again', async ({ page }) => {
  await openLogs(page);
  await expect(log(page)).toContainText('warning: disk 91% full');
  await log(page).hover();
  await page.mouse.wheel(0, -2000);
  await expect(page.getByRole('button', { name: /Jump to latest/ })).toBeVisible();
  await expect(log(page)).not.toContainText('warning: disk 91% full');
  await log(page).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Jump to latest/ })).toHaveCount(0);
});

test('a source can be hidden; Copy and Save hand out the shown lines as plain text', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLogs(page);
  await expect(log(page)).toContainText('warning: disk 91% full');
  const check = page.getByRole('button', { name: /build\.check/ });
  await check.click();
  await expect(check).toHaveAttribute('aria-pressed', 'false');
  await expect(log(page)).not.toContainText('warning: disk 91% full');

  await page.getByRole('button', { name: 'Filter by regular expression' }).click();
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill('request 1199[89] ');
  await expect(log(page).locator('.log-row')).toHaveCount(2); // request 1199 itself was dropped
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied 2 lines.' })).toBeVisible();
  // One source shown: plain lines, colour codes gone.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'INFO request 11998 ok\nINFO request 11999 ok\n',
  );

  await check.click();
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill('disk|request 11999 ');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save .log' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${runId}-output.log`);
  // Two sources shown: each line says where it came from.
  expect(readFileSync((await download.path())!, 'utf8')).toBe(
    '[build.emit] INFO request 11999 ok\n[build.check] disk check\n[build.check] warning: disk 91% full\n',
  );
  await expect(page.getByRole('status').filter({ hasText: `Saved 3 lines as ${runId}-output.log.` })).toBeVisible();

  await page.getByRole('button', { name: /build\.emit/ }).click();
  await check.click();
  await expect(log(page)).toContainText('No lines match the filter.');
});

test('keyboard and screen readers: labelled controls, a log region, no flood of announcements', async ({ page }) => {
  await openLogs(page);
  await expect(log(page)).toContainText('warning: disk 91% full');
  const tree = await page.locator('main').ariaSnapshot();
  for (const name of ['Filter lines', 'Search lines']) expect(tree).toContain(`searchbox "${name}"`);
  expect(tree).toContain('button "Filter by regular expression"');
  for (const name of ['Pause', 'Copy', 'Save .log', 'Previous match', 'Next match']) {
    expect(tree).toContain(`button "${name}"`);
  }
  expect(tree).toContain(`log "Output of run ${runId}"`);
  // Tab reaches the log region itself, so it can be scrolled from the keyboard.
  await page.getByRole('button', { name: 'Save .log' }).focus();
  for (let i = 0; i < 10 && !(await log(page).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(log(page)).toBeFocused();
  await expect(log(page)).toHaveAttribute('aria-live', 'polite');
});

test('a run the host does not know is named, not shown as an endless wait', async ({ page }) => {
  await openLogs(page, 'no-such-run');
  await expect(page.getByText('No run "no-such-run" in this data directory')).toBeVisible();
});
