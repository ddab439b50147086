import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** From an ended run's view: "Open the report", then "Export .md"; returns the downloaded markdown. */
export async function exportReport(page: Page, version: string): Promise<string> {
  await page.getByRole('link', { name: 'Open the report' }).click();
  await expect(page.getByRole('article', { name: 'Report preview' })).toContainText(version, { timeout: 15_000 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .md' }).click();
  return readFileSync(await (await downloading).path(), 'utf8');
}

/** The run id of the run view shown now (#/runs/<id>). */
export function shownRunId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}
