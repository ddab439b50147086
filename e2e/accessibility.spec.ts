import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { e2eHost } from './support/env';
import { sidebarScreens } from './support/screens';

// axe-core on every screen, in light and in dark, with the fixture project open: no serious or
// critical violation anywhere. The page's CSP forbids injected scripts, so the context bypasses it
// for axe alone (the app's own scripts are still the built bundle).

test.use({ bypassCSP: true });

async function seriousViolations(page: Page) {
  // Plus the rule axe ships as experimental: a link's name must hold its visible text (WCAG 2.5.3).
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`) }));
}

async function openProject(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(e2eHost().url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Project folder').fill(e2eHost().project);
  await page.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('table', { name: 'Environments of shop-api' })).toBeVisible({ timeout: 15_000 });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on any screen (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openProject(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const found: Record<string, unknown> = {};
    for (const { id, name } of sidebarScreens) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page.locator('main')).toHaveAttribute('data-screen', id);
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
      // Wait for the screen's loading placeholders to give way before judging it.
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[id] = violations;
    }
    expect(found).toEqual({});
  });
}
