import { expect, test } from '@playwright/test';
import { e2eHost } from './support/env';

test.describe('opening a project', () => {
  test('a folder without .release-pilot/ is refused inline, and the typed path is kept', async ({ page }) => {
    await page.goto(e2eHost().url);
    const field = page.getByLabel('Project folder');
    await field.fill('/tmp');
    await page.getByRole('button', { name: 'Open project' }).click();
    await expect(page.getByText('/tmp has no .release-pilot/ folder', { exact: false })).toBeVisible();
    await expect(field).toHaveValue('/tmp');
  });

  test('a real repository opens and its runbooks, environments and problems are listed', async ({ page }) => {
    const { url, project } = e2eHost();
    await page.goto(url);
    await page.getByLabel('Project folder').fill(project);
    await page.getByRole('button', { name: 'Open project' }).click();
    await expect(page.getByText(project).first()).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runbooks', exact: true }).click();
    await expect(page.getByText('Production deployment')).toBeVisible();
    // The broken runbook's syntax error is shown at file:line:column.
    await expect(page.getByText(/\.release-pilot\/runbooks\/hotfix\.yml:4:\d+/).first()).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Environments', exact: true })
      .click();
    await expect(page.getByText('production', { exact: true })).toBeVisible();
    await expect(page.getByText('staging', { exact: true })).toBeVisible();
  });
});
