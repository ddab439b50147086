import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createDockerClient } from '../electron/core/docker/docker-client';
import { createDockerOps } from '../electron/core/docker/docker-ops';
import { buildBusyboxImage } from '../electron/core/test-lab/busybox-image';
import { apiCall } from './support/api-call';
import { type LogSourcesLab, openProjectWithRun, startLogSourcesLab } from './support/log-sources-lab';

// Log sources beside a run's output, added from the Logs screen with the keyboard: a file on a
// real sshd host followed with `tail -F` (lines appear, new ones stream in), a host that does not
// answer refused in the dialog with the host named and nothing typed lost, then the source removed
// (its lines go, and so does the tail process on the host). And the app's container, stopped: its
// last lines, then the source shown as ended with the reason.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'log-sources');
let lab: LogSourcesLab;
let runId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  lab = await startLogSourcesLab();
  const page = await browser.newPage();
  runId = await openProjectWithRun(page, lab);
  await page.close();
});

test.afterAll(async () => {
  await lab?.stop();
});

async function openLogs(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lab.host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/logs/${encodeURIComponent(runId)}`,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
  await expect(page.getByRole('log')).toContainText('deploying shop-api v1.1.0 to staging');
}

function tails(path: string): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-f', `tail -n 200 -F -- ${path}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Buttons fade their colours (button.css): let the theme switch finish before the picture.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, `${name}-${scheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a file on a host over SSH is added with the keyboard, streams beside the run, and is removed', async ({
  page,
}) => {
  await openLogs(page);
  const label = `file:${lab.logFile}@web-1`;

  await page.getByRole('button', { name: 'Add source' }).first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a log source' });
  await expect(dialog).toBeVisible();
  // Defaults come from the run's environment: staging, its first host, a file.
  await expect(dialog.getByRole('combobox', { name: 'Environment' })).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'Environment' })).toHaveValue('staging');
  await expect(dialog.getByRole('group', { name: 'Source' }).getByRole('radio', { name: /File/ })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Host' })).toHaveValue('web-1');
  await dialog.getByRole('textbox', { name: 'File' }).fill(lab.logFile);
  await shoot(page, 'log-sources-dialog');
  await dialog.getByRole('textbox', { name: 'File' }).press('Enter');
  await expect(dialog).toBeHidden();

  const added = page.getByRole('region', { name: 'Added sources' });
  await expect(added.getByRole('listitem')).toContainText(label);
  await expect(added.getByRole('listitem')).toContainText('Following');
  const log = page.getByRole('log');
  await expect(log).toContainText('GET /api/orders 200 41ms');
  appendFileSync(lab.logFile, 'POST /api/orders 500 12ms upstream timed out\n');
  await expect(log).toContainText('POST /api/orders 500 12ms upstream timed out');
  // One source among the run's: its own toggle, and the run's output still there.
  const chips = page.getByRole('list', { name: 'Sources' });
  await expect(chips.getByRole('button', { name: /^file:.*shop-api\.log@web-1/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(chips.getByRole('button', { name: /^deploy\.announce/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(log).toContainText('deploying shop-api v1.1.0 to staging');
  expect(tails(lab.logFile)).toHaveLength(1);
  await shoot(page, 'log-sources-following');

  await added.getByRole('button', { name: `Remove ${label}` }).click();
  await expect(added).toHaveCount(0);
  await expect(log).not.toContainText('GET /api/orders');
  await expect(log).toContainText('deploying shop-api v1.1.0 to staging');
  expect(await apiCall<unknown[]>(page, lab.host.url, 'logs:follows', {})).toEqual([]);
  await expect.poll(() => tails(lab.logFile)).toEqual([]);
});

test('a host that does not answer is refused in the dialog, naming it; what was typed survives a reload', async ({
  page,
}) => {
  await openLogs(page);
  await page.getByRole('button', { name: 'Add source' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a log source' });
  await dialog.getByRole('combobox', { name: 'Host' }).selectOption('gone');
  await dialog.getByRole('textbox', { name: 'File' }).fill('/var/log/nginx/error.log');
  await dialog.getByRole('button', { name: 'Follow' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`gone (127.0.0.1:${lab.deadPort})`);
  await expect(dialog).toBeVisible();
  await shoot(page, 'log-sources-refused');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Add source' }).first().click();
  await expect(dialog.getByRole('textbox', { name: 'File' })).toHaveValue('/var/log/nginx/error.log');
  await expect(dialog.getByRole('combobox', { name: 'Host' })).toHaveValue('gone');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add source' }).first()).toBeFocused();
});

test("the app's container, already stopped: its last lines, then the source ends and says why", async ({ page }) => {
  const docker = createDockerClient({ via: 'local' });
  const ops = createDockerOps(docker);
  const image = (await buildBusyboxImage(docker, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
  const script =
    'echo "migration 1 of 3 applied"; echo "migration 2 of 3 applied"; echo "migration 3 of 3 failed: disk full" >&2; exit 1';
  await ops.runContainer({ name: lab.container, image, cmd: ['sh', '-c', script], replace: true });
  try {
    await docker.docker.getContainer(lab.container).wait();
    await openLogs(page);
    await page.getByRole('button', { name: 'Add source' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a log source' });
    // Radio buttons: the arrow keys move between the kinds.
    await dialog.getByRole('radio', { name: /File/ }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(dialog.getByRole('radio', { name: /Container/ })).toBeChecked();
    await expect(dialog.getByRole('combobox', { name: 'Docker engine' })).toHaveValue('local');
    await expect(dialog.getByRole('textbox', { name: 'Container' })).toHaveAttribute('placeholder', lab.container);
    await dialog.getByRole('textbox', { name: 'Container' }).press('Enter');
    await expect(dialog).toBeHidden();

    const row = page.getByRole('region', { name: 'Added sources' }).getByRole('listitem');
    await expect(row).toContainText(`docker:${lab.container}@local`);
    await expect(row).toContainText('Ended');
    await expect(row).toContainText(
      `container "${lab.container}" exited with code 1 (local socket /var/run/docker.sock)`,
    );
    await expect(page.getByRole('log')).toContainText('migration 3 of 3 failed: disk full');
    await shoot(page, 'log-sources-ended');
    await row.getByRole('button', { name: /^Remove/ }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await ops.remove(lab.container, { force: true }).catch(() => undefined);
  }
});
