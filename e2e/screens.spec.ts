import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { e2eHost } from './support/env';
import { sidebarScreens as screens } from './support/screens';

const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;
const shots = join(import.meta.dirname, '..', 'test-results', 'screens');

async function openApp(page: Page) {
  await page.goto(e2eHost().url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

test.describe('the app in Chromium through the browser host', () => {
  test('shows the version fetched through the WebSocket API', async ({ page }) => {
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await openApp(page);
    await expect(page.getByTestId('app-version')).toHaveText(version);
    // The version reached the page as an answer on the socket, not baked into the bundle.
    expect(frames.some((f) => f.includes('"kind":"result"') && f.includes(`"version":"${version}"`))).toBe(true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`visits every screen (${scheme}) and saves a screenshot of each`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await openApp(page);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const { id, name } of screens) {
        await nav.getByRole('link', { name, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
        await expect(page.locator('main')).toHaveAttribute('data-screen', id);
        await page.screenshot({ path: join(shots, `${id}-${scheme}.png`), fullPage: true });
      }
    });
  }

  test('follows the OS colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page);
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
  });

  test('every screen is reachable from the keyboard', async ({ page }) => {
    await openApp(page);
    for (const [index, { id }] of screens.entries()) {
      await page.keyboard.press(`Control+${index + 1}`);
      await expect(page.locator('main')).toHaveAttribute('data-screen', id);
    }
    // Tab reaches the navigation links, and Enter follows one.
    await page.keyboard.press('Control+1');
    const runs = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true });
    for (let i = 0; i < 20 && !(await runs.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(runs).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'runs');
  });

  test('labels its controls (accessibility tree)', async ({ page }) => {
    await openApp(page);
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toContain('navigation "Main"');
    for (const { name } of screens) expect(tree).toContain(`link "${name}"`);
    await expect(page.getByLabel('Project folder')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open project' })).toBeVisible();
  });
});
