import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeScenarioJournal } from '../electron/core/report/write-scenario';
import { makeReviewProject } from '../electron/core/reviews/test-support/review-project';
import { cleanSuccess } from '../shared/report/fixtures/scenarios';
import { apiCall } from './support/api-call';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// A run that ended "succeeded" while a critical alert fired (#14 item 7): its journal (written by
// the real journal writer) says so, and so do the dashboard, the run view and the report.

let scratch: string;
let host: HostProcess;
let project: string;
const scenario = cleanSuccess();
const runId = scenario.runId;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-caveat-'));
  project = join(scratch, 'shop-api');
  makeReviewProject(project, [1]);
  const events = scenario.events.map((event) =>
    event.type === 'run.started' ? { ...event, data: { ...event.data, projectPath: project } } : event,
  );
  // A critical rule that fired during the watch and was OK again before the end; the run went on.
  const end = events.findIndex((event) => event.type === 'run.finished');
  const at = events[end - 1]?.at ?? '';
  const rule = { rule: 'high-error-rate', condition: 'error_rate > 5%', severity: 'critical', action: 'notify' };
  events.splice(
    end,
    0,
    { at, type: 'alert.changed', data: { ...rule, state: 'firing', value: 0.12 } },
    { at, type: 'alert.changed', data: { ...rule, state: 'ok', value: 0.01 } },
  );
  await writeScenarioJournal(join(scratch, 'data', 'runs', runId), { ...scenario, events });
  host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const said = 'Succeeded, but the critical alert high-error-rate fired at 12%';

test('a success with a critical alert fired says so on the dashboard, the run and the report', async ({ page }) => {
  // What the journal holds: the run finished "succeeded" after the rule fired.
  const journal = readFileSync(join(scratch, 'data', 'runs', runId, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(journal.find((e) => e.type === 'alert.changed' && e.data.state === 'firing')).toBeDefined();
  expect(journal.findLast((e) => e.type === 'run.finished').data.status).toBe('succeeded');

  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await apiCall(page, host.url, 'projects:open', { path: project });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');

  // The dashboard: the production row's last run, with its caveat beside the green status.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'production', exact: true }) });
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText(said);

  // The run view: a warning banner over the finished run.
  await page.goto(`${new URL(host.url).origin}/#/runs/${runId}`);
  await expect(page.getByRole('status').filter({ hasText: said })).toContainText(/It fired \d\d:\d\d:\d\d/);

  // The report: next to the status in Results.
  await page.goto(`${new URL(host.url).origin}/#/reports/${runId}`);
  const preview = page.getByRole('article', { name: 'Report preview' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'But:' })).toContainText(said);
});
