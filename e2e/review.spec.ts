import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeReviewProject } from '../electron/core/reviews/test-support/review-project';
import { freePort } from '../electron/core/test-lab/sshd-lab';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// The offline checklist review in Chromium, with every host of the project down (its SSH hosts are
// closed ports on 127.0.0.1): the checklists open from the files alone, items are pre-ticked with
// signer, role and note (by keyboard), what is typed survives a reload and a failed save, and the
// export is markdown with the ticks shown and what people typed escaped.

const shots = process.env.RP_SHOTS_DIR ?? join(import.meta.dirname, '..', 'test-results', 'screens');

let scratch: string;
let dataDir: string;
let project: string;
let host: HostProcess;

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-review-'));
  dataDir = join(scratch, 'data');
  project = join(scratch, 'shop-api');
  makeReviewProject(project, [await freePort(), await freePort()]);
  host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function openReview(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await main(page).getByRole('link', { name: 'Runbooks', exact: true }).click();
  await page.getByRole('link', { name: 'Review checklists of Production deployment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checklist review' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 Preparation' })).toBeVisible();
}

const item = (page: Page, text: string) => page.locator('li.review-item').filter({ hasText: text });

test.describe
  .serial('offline checklist review', () => {
    test('set up: the operator in Settings, the project opened', async ({ page }) => {
      await page.goto(host.url);
      await main(page).getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByLabel('Operator name').fill('Ada Lovelace');
      await page.getByLabel('Role').fill('devops');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Saved', { exact: true })).toBeVisible();
      await main(page).getByRole('link', { name: 'Dashboard', exact: true }).click();
      await page.getByLabel('Project folder').fill(project);
      await page.getByRole('button', { name: 'Open project' }).click();
      await expect(page.getByText(project).first()).toBeVisible();
    });

    test('browses every step’s checklists with gates, automatic items, exit criteria and rollback', async ({
      page,
    }) => {
      const started = Date.now();
      await openReview(page);
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const gate of ['Gate 1: Readiness', 'Gate 2: Staging', 'Gate 3: Production', 'Gate 4: Monitoring']) {
        await expect(page.locator('.review-checklist-title').filter({ hasText: gate })).toBeVisible();
      }
      await expect(page.getByText('Owner: DevOps Engineer').first()).toBeVisible();
      await expect(page.getByText('Approvals in the run: Tech Lead')).toBeVisible();
      await expect(page.getByText('Applies to: staging')).toBeVisible();
      const coverage = item(page, 'Coverage at least 80 %');
      await expect(coverage.getByRole('checkbox')).toBeDisabled();
      await expect(coverage).toContainText(
        'Checked by the run: lines coverage at least 80 % in coverage/coverage-summary.json',
      );
      await expect(item(page, 'Previous version healthy').getByRole('checkbox')).toBeDisabled();
      await expect(item(page, 'Release notes published').getByRole('checkbox')).toBeEnabled();
      await expect(item(page, 'Database backup verified')).toContainText('Before actions');
      await expect(page.getByTestId('carry-note')).toHaveText(
        'Nothing pre-ticked yet. Items pre-ticked here will be carried into the next run of deploy.',
      );
      // Every control is named for assistive tech, as the accessibility tree shows it.
      const tree = await page.locator('.review-page').ariaSnapshot();
      expect(tree).toContain('checkbox "All tests passing"');
      expect(tree).toContain('checkbox "Coverage at least 80 %" [disabled]');
      expect(tree).toContain('button "Export .md"');
      expect(tree).toMatch(/navigation "Runbook steps"/);
      // The step index moves focus to the step, from the keyboard.
      await page.getByRole('button', { name: /^3\. Production deployment/ }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: '3 Production deployment' })).toBeFocused();
    });

    test('pre-ticks by keyboard with the Settings signer, another signer, and keeps typing across a reload', async ({
      page,
    }) => {
      await openReview(page);
      // Space on the checkbox opens the sign-off, signed as the operator; focus lands on the note.
      const tests = item(page, 'All tests passing');
      await tests.getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      const form = page.getByRole('form', { name: 'Pre-tick: All tests passing' });
      await expect(form.getByLabel('Signed by')).toHaveValue('Ada Lovelace');
      await expect(form.getByLabel('Role')).toHaveValue('devops');
      await expect(form.getByLabel('Note')).toBeFocused();
      await page.keyboard.type('CI #418 green | main');
      await page.keyboard.press('Enter');
      await expect(form).toBeHidden();
      await expect(tests.getByRole('checkbox')).toBeChecked();
      await expect(tests.getByRole('checkbox')).toBeFocused();
      await expect(tests).toContainText(
        /Pre-ticked by Ada Lovelace \(DevOps Engineer\) · .* · “CI #418 green \| main”/,
      );

      // Escape closes a sign-off without ticking, and gives focus back to the checkbox.
      const bugs = item(page, 'No critical or high bugs | triaged');
      await bugs.getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('form', { name: /^Pre-tick: No critical/ })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('form', { name: /^Pre-tick: No critical/ })).toBeHidden();
      await expect(bugs.getByRole('checkbox')).not.toBeChecked();
      await expect(bugs.getByRole('checkbox')).toBeFocused();

      // Someone else at the desk signs the backup check.
      await item(page, 'Database backup verified').getByRole('checkbox').click();
      const backup = page.getByRole('form', { name: 'Pre-tick: Database backup verified' });
      await backup.getByLabel('Signed by').fill('Grace Hopper');
      await backup.getByLabel('Role').fill('qa');
      await backup.getByLabel('Note').fill('restore tested on <staging>');
      await backup.getByRole('button', { name: 'Pre-tick' }).click();
      await expect(item(page, 'Database backup verified')).toContainText('Pre-ticked by Grace Hopper (QA Lead)');

      // A sign-off half typed survives a reload; the saved ticks come back from this machine's file.
      await item(page, 'Dashboards reviewed').getByRole('checkbox').click();
      await page.getByRole('form', { name: 'Pre-tick: Dashboards reviewed' }).getByLabel('Note').fill('Grafana board');
      await page.reload();
      await expect(page.getByRole('form', { name: 'Pre-tick: Dashboards reviewed' }).getByLabel('Note')).toHaveValue(
        'Grafana board',
      );
      await expect(item(page, 'All tests passing').getByRole('checkbox')).toBeChecked();
      await expect(item(page, 'Database backup verified').getByRole('checkbox')).toBeChecked();
      await expect(page.getByTestId('carry-note')).toHaveText(
        '2 pre-ticked items will be carried into the next run of deploy, signed as shown.',
      );
      await expect(page.locator('.gate-card').filter({ hasText: 'Gate 1: Readiness' })).toContainText(
        '1 pre-ticked, 1 automatic, 1 left for the run',
      );

      const projectId = new URL(page.url()).hash.split('/')[2] ?? '';
      const saved = JSON.parse(readFileSync(join(dataDir, 'reviews', `${projectId}-deploy.json`), 'utf8'));
      expect(saved.ticks.map((t: { item: string; by: string }) => [t.item, t.by])).toEqual([
        ['prepare.tests', 'Ada Lovelace'],
        ['production.backup', 'Grace Hopper'],
      ]);
    });

    test('a failed save says why and keeps what was typed; it saves once the cause is gone', async ({ page }) => {
      await openReview(page);
      const projectId = new URL(page.url()).hash.split('/')[2] ?? '';
      const file = join(dataDir, 'reviews', `${projectId}-deploy.json`);
      const kept = readFileSync(file, 'utf8');
      // A folder where the review file belongs: the host cannot replace it.
      rmSync(file);
      mkdirSync(join(file, 'blocker'), { recursive: true });
      // (Drafts are per window, like the app's other drafts: this new tab types its own.)
      await item(page, 'Dashboards reviewed').getByRole('checkbox').click();
      const form = page.getByRole('form', { name: 'Pre-tick: Dashboards reviewed' });
      await form.getByLabel('Note').fill('Grafana board');
      await form.getByRole('button', { name: 'Pre-tick' }).click();
      await expect(form.getByRole('alert')).toContainText(`Not saved: Cannot save the review ${file}`);
      await expect(form.getByRole('alert')).toContainText('What you typed is kept.');
      await expect(form.getByLabel('Note')).toHaveValue('Grafana board');
      rmSync(file, { recursive: true });
      writeFileSync(file, kept);
      await form.getByRole('button', { name: 'Pre-tick' }).click();
      await expect(item(page, 'Dashboards reviewed').getByRole('checkbox')).toBeChecked();
      await expect(page.getByTestId('carry-note')).toContainText('3 pre-ticked items');
    });

    test('exports the checklist as markdown with the ticks shown and typed text escaped', async ({ page }) => {
      await openReview(page);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export .md' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('shop-api-deploy-checklist.md');
      const markdown = readFileSync(await download.path(), 'utf8');
      expect(markdown).toContain('# Checklist review: Production deployment');
      expect(markdown).toMatch(
        /- \[x\] All tests passing — pre-ticked by Ada Lovelace \(devops\) at \S+Z; note: CI #418 green \\\| main/,
      );
      expect(markdown).toContain('- [ ] No critical or high bugs \\| triaged');
      expect(markdown).toContain('note: restore tested on \\<staging>');
      expect(markdown).toContain('- [ ] Coverage at least 80 % — automatic: lines coverage at least 80 %');
      expect(markdown).toContain('| Gate 1: Readiness | 3 | 1 | 1 | 1 |');
      expect(markdown).toContain('The 3 pre-ticked items will be carried into the next run of `deploy`');
      await expect(page.getByText('Downloaded shop-api-deploy-checklist.md.')).toBeVisible();

      // Unticking removes the pre-tick (from the file too).
      await item(page, 'Dashboards reviewed').getByRole('checkbox').uncheck();
      await expect(page.getByTestId('carry-note')).toContainText('2 pre-ticked items');
    });

    test('a runbook with an error shows where to fix it, at file:line:column', async ({ page }) => {
      const file = join(project, '.release-pilot', 'runbook.yml');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace('owner: qa', 'owner: nobody'));
      try {
        await page.goto(host.url);
        await main(page).getByRole('link', { name: 'Runbooks', exact: true }).click();
        await page.getByRole('link', { name: 'Review checklists of Production deployment' }).click();
        const problems = page.getByRole('list', { name: 'Errors in .release-pilot/runbook.yml' });
        await expect(problems).toContainText(/\.release-pilot\/runbook\.yml:\d+:\d+ — role "nobody" is not in roles:/);
        await expect(page.getByRole('checkbox')).toHaveCount(0);
      } finally {
        writeFileSync(file, good);
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`the review in the ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(host.url);
        await main(page).getByRole('link', { name: 'Runbooks', exact: true }).click();
        await expect(page.getByRole('link', { name: 'Review checklists of Production deployment' })).toBeVisible();
        await page.screenshot({ path: join(shots, `runbooks-${scheme}.png`) });
        await openReview(page);
        await item(page, 'No critical or high bugs | triaged').getByRole('checkbox').click();
        await page.screenshot({ path: join(shots, `review-${scheme}.png`) });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: /4\. Verification/ }).click();
        await page.screenshot({ path: join(shots, `review-steps-${scheme}.png`) });
      });
    }
  });
