import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type EnvironmentsLab, openLabProject, startEnvironmentsLab } from './support/environments-lab';

// The Environments screen against a real project: every setting shown, the file edited with a
// mistake (refused at line:column, file untouched, the edit surviving a reload), fixed and saved
// with a backup, and "Test connection" against a real sshd host, Docker and nginx.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'environments');
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

async function open(page: Page, hash: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lab.host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible();
}

const envFile = () => join(lab.root, '.release-pilot', 'environments.yml');

test('shows each environment: hosts with their keys, Docker, proxy, gates and schedule', async ({ page }) => {
  await open(page, '#/environments');
  const nav = page.getByRole('navigation', { name: 'Environments', exact: true });
  await expect(nav.getByRole('link', { name: /staging/ })).toHaveAttribute('aria-current', 'page');
  const hosts = page.getByRole('table', { name: 'Hosts of staging' });
  await expect(hosts).toContainText('stage-1');
  await expect(hosts).toContainText(`127.0.0.1:${lab.lab.hosts[0]!.port}`);
  await expect(hosts.getByText(/^SHA256:/)).toHaveAttribute('title', lab.lab.hosts[0]!.fingerprint);
  await expect(page.getByText("This machine's engine at /var/run/docker.sock").first()).toBeVisible();
  await expect(page.getByText(lab.nginx.upstreamFile)).toBeVisible();

  await nav.getByRole('link', { name: /production/ }).click();
  await expect(page).toHaveURL(/#\/environments\/production$/);
  await expect(page.getByText('staging passed first')).toBeVisible();
  await expect(page.getByText('Mon–Thu 09:00–16:00 (Europe/Berlin)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hosts of production' })).toContainText(`127.0.0.1:${lab.deadPort}`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `environments-overview-${scheme}.png`), fullPage: true });
  }
});

test('an edit with a mistake is refused at line:column and the file is untouched; the fix saves with a backup', async ({
  page,
}) => {
  const original = readFileSync(envFile(), 'utf8');
  const line = original.split('\n').indexOf('    protected: true') + 1;
  await open(page, '#/environments/edit');
  const editor = page.getByRole('textbox', { name: 'Contents of .release-pilot/environments.yml' });
  await expect(editor).toHaveValue(original);

  await editor.fill(original.replace('    protected: true', '    protected: maybe'));
  await expect(page.getByText(/Unsaved changes/)).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Not saved: 1 error to fix' })).toBeVisible();
  const problem = page.getByRole('button', { name: `.release-pilot/environments.yml:${line}:16` });
  await expect(problem).toBeVisible();
  expect(readFileSync(envFile(), 'utf8')).toBe(original);
  expect(existsSync(`${envFile()}.bak`)).toBe(false);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `environments-editor-error-${scheme}.png`), fullPage: true });
  }

  // What was typed survives a reload.
  await page.reload();
  await expect(editor).toHaveValue(/protected: maybe/);
  await page.keyboard.press('Control+s');
  await problem.click();
  // The caret is on the mistake: select to the end of the line and type the fix.
  await expect(editor).toBeFocused();
  const caret = await editor.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionStart + 5),
  );
  expect(caret).toBe('maybe');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('true');
  await expect(editor).toHaveValue(original);
  await page.keyboard.type(' # approvals and typed confirmation');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved at .*environments\.yml\.bak/ })).toBeVisible();
  expect(readFileSync(envFile(), 'utf8')).toBe(
    original.replace('    protected: true', '    protected: true # approvals and typed confirmation'),
  );
  expect(readFileSync(`${envFile()}.bak`, 'utf8')).toBe(original);
  // Saved means no draft is left to resurrect on the next visit.
  await page.reload();
  await expect(editor).toHaveValue(/protected: true # approvals/);
  await expect(page.getByText('No changes.')).toBeVisible();
});

test('test connection reaches the lab host, shows its fingerprint, Docker and nginx -t; a dead host names its cause', async ({
  page,
}) => {
  await open(page, '#/environments/staging');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const results = page.getByRole('region', { name: 'Connection test of staging' });
  await expect(results.getByText('All 3 checks passed')).toBeVisible({ timeout: 20_000 });
  await expect(results.getByTestId('fingerprint-stage-1')).toHaveText(lab.lab.hosts[0]!.fingerprint);
  await expect(results.getByText('matches the pinned hostKey')).toBeVisible();
  await expect(results.getByText(/^Engine .* answered in \d+ ms\.$/)).toBeVisible();
  await expect(results.getByText(/test is successful/)).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(shots, `environments-test-${scheme}.png`), fullPage: true });
  }

  await page
    .getByRole('navigation', { name: 'Environments', exact: true })
    .getByRole('link', { name: /production/ })
    .click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  const failed = page.getByRole('region', { name: 'Connection test of production' });
  await expect(failed.getByText('1 of 2 checks failed')).toBeVisible({ timeout: 20_000 });
  await expect(failed.getByText(`prod-1 (127.0.0.1:${lab.deadPort}): connection refused`)).toBeVisible();
});

test('is usable from the keyboard, and its controls are labelled', async ({ page }) => {
  await open(page, '#/environments/staging');
  // The snapshot is of the loaded screen, not of "Reading the environments…".
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible();
  const tree = await page.locator('main').ariaSnapshot();
  expect(tree).toContain('navigation "Environments views"');
  expect(tree).toContain('link "Edit environments.yml"');
  expect(tree).toContain('button "Test connection"');
  const edit = page.getByRole('link', { name: 'Edit environments.yml' });
  for (let i = 0; i < 30 && !(await edit.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Contents of .release-pilot/environments.yml' })).toBeVisible();
});
