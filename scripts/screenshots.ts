// `npm run screenshots`: every screen of the app, in the light and the dark theme at 1280×800,
// saved as docs/screenshots/<screen>-<theme>.png (the README shows them). It builds the renderer
// when needed, starts the browser host on a realistic data folder (the shop-api project, five
// recorded runs and one run still going) and drives Debian's Chromium through each route below.
//
//   npm run screenshots                   all screens
//   npm run screenshots -- plans runs     only these (by name)
//   npm run screenshots -- --build        rebuild first even when the build looks fresh
//   npm run screenshots -- --out <dir>    somewhere other than docs/screenshots
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { type ScreenshotRoute, scrollMainTo } from './screenshots/capture';
import { runScreenshots } from './screenshots/run-screenshots';

/**
 * The screens, in the order the README lists them. A route of a screen this build does not have
 * is skipped with a note, so adding a screen's entry before the screen lands is harmless.
 * `{live}` is the run still going; `{succeeded}`, `{rolledBack}`, `{retried}`, `{skipped}` and
 * `{aborted}` are the recorded runs; `{project}` is the open project's id.
 */
export const routes: ScreenshotRoute[] = [
  { name: 'dashboard', path: '#/dashboard', waitFor: 'text=shop-api' },
  { name: 'runbooks', path: '#/runbooks', waitFor: 'text=shop-api deployment' },
  { name: 'review', path: '#/runbooks/{project}/runbook/review', waitFor: 'text=Pre-Deployment Checklist' },
  { name: 'environments', path: '#/environments', waitFor: 'text=production' },
  { name: 'plans', path: '#/plans', waitFor: 'role=button[name="Make plan"]', prepare: makePlan },
  { name: 'plans-notifications', path: '#/plans', waitFor: 'text=releases-slack', prepare: showNotifications },
  { name: 'runs', path: '#/runs', waitFor: 'text={succeeded}' },
  { name: 'run-start', path: '#/runs/new', waitFor: 'role=dialog' },
  {
    name: 'run-live',
    path: '#/runs/{live}',
    waitFor: 'text=exporting layers',
    prepare: (page) => scrollMainTo(page, 'text=Run the test suite', 120),
  },
  { name: 'run-rolled-back', path: '#/runs/{rolledBack}', waitFor: 'text=Rolled back' },
  { name: 'logs', path: '#/logs/{live}', waitFor: 'text=exporting layers' },
  { name: 'monitoring', path: '#/monitoring/{rolledBack}', waitFor: 'text=Error rate' },
  { name: 'reports', path: '#/reports', waitFor: 'text=Open report' },
  { name: 'report', path: '#/reports/{rolledBack}', waitFor: 'role=article[name="Report preview"]' },
  { name: 'settings', path: '#/settings', waitFor: 'role=textbox[name="Operator name"]' },
];

async function makePlan(page: Page): Promise<void> {
  await page.getByLabel('Environment').selectOption('production');
  await page.getByLabel('Version').fill('v1.5.0');
  await page.getByRole('button', { name: 'Make plan' }).click();
  await page.getByRole('article', { name: 'Plan preview' }).waitFor({ timeout: 30_000 });
}

async function showNotifications(page: Page): Promise<void> {
  await page.getByLabel('Environment').selectOption('production');
  const slack = page.getByRole('region', { name: 'releases-slack', exact: true });
  await slack.getByRole('tab', { name: 'Approval requested' }).click();
  await slack.getByText('Payload as sent (JSON)').click();
  await scrollMainTo(page, 'h2:text-is("Notifications")', 40);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runScreenshots(routes, process.argv.slice(2));
}
