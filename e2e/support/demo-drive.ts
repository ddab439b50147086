import { expect, type Page } from '@playwright/test';

// Clicks a demo run through to its end as a person would: whole checklists by "Sign off all (N)",
// a single item by its own dialog, the Tech Lead's approval, production's typed confirmation and
// manual steps. A failure dialog is not expected on the demo: it ends the drive with its text.

export type RunEnding = 'succeeded' | 'rolled back' | 'failed' | 'aborted';

const endings: Array<[RunEnding, string]> = [
  ['succeeded', 'The run succeeded'],
  ['rolled back', 'The run was rolled back'],
  ['failed', 'The run failed'],
  ['aborted', 'The run was aborted'],
];

export interface DriveResult {
  ending: RunEnding;
  /** How many checklists were signed off by "Sign off all", and how many items one by one. */
  batches: number;
  singles: number;
  approvals: number;
}

export interface DriveOptions {
  approver?: string;
  /** Called while the run goes on by itself, until it returns true (e.g. screenshots of a deploy). */
  onIdle?(page: Page): Promise<boolean>;
  timeoutMs?: number;
}

const visible = async (locator: ReturnType<Page['locator']>) =>
  (await locator.count()) > 0 && locator.first().isVisible();

export async function driveRun(page: Page, options: DriveOptions = {}): Promise<DriveResult> {
  const result: DriveResult = { ending: 'failed', batches: 0, singles: 0, approvals: 0 };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  let idleDone = options.onIdle === undefined;
  while (Date.now() < deadline) {
    for (const [ending, text] of endings) {
      if (await visible(page.getByText(text, { exact: true }))) return { ...result, ending };
    }
    const failure = page.getByRole('dialog', { name: /^Failed:/ });
    if (await visible(failure)) throw new Error(`the demo run asked about a failure: ${await failure.textContent()}`);

    const confirm = page.getByRole('dialog', { name: /^Deploy to .+\?$/ });
    if (await visible(confirm)) {
      const label = confirm.getByLabel(/^Type “.+” to confirm$/);
      const name = ((await confirm.getByRole('heading').first().textContent()) ?? '').replace(
        /^Deploy to (.+)\?$/,
        '$1',
      );
      await label.fill(name);
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      continue;
    }

    const batch = page.getByRole('button', { name: /^Sign off all \(\d+\)/ });
    if (await visible(batch)) {
      await batch.first().click();
      const dialog = page.getByRole('dialog', { name: /^Sign off all \(\d+\)$/ });
      await expect(dialog.getByLabel('Signed off by')).not.toHaveValue('');
      await dialog.getByRole('button', { name: /^Sign off \d+ items$/ }).click();
      // A bad release may roll back mid-batch (its rule fires whenever the figures say so): the run
      // then asks about the rollback, and the batch stops saying why. A person closes it and goes on.
      const stopped = dialog.getByRole('alert');
      await expect
        .poll(async () => (await dialog.isHidden()) || (await stopped.isVisible()), { timeout: 60_000 })
        .toBe(true);
      if (await dialog.isVisible()) {
        await dialog.getByRole('button', { name: 'Not yet' }).click();
        await expect(dialog).toBeHidden();
        continue;
      }
      result.batches += 1;
      continue;
    }

    const signOne = waiting.getByRole('button', { name: 'Sign off…' });
    if (await visible(signOne)) {
      await signOne.first().click();
      const dialog = page.getByRole('dialog', { name: 'Sign off', exact: true });
      await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
      await expect(dialog).toBeHidden();
      result.singles += 1;
      continue;
    }

    const approve = waiting.getByRole('button', { name: 'Approve…' });
    if (await visible(approve)) {
      await approve.first().click();
      const dialog = page.getByRole('dialog', { name: /^Approval by / });
      await dialog.getByLabel(/^Approver/).fill(options.approver ?? 'Grace Hopper');
      await dialog.getByLabel('Note').fill('plan and staging run reviewed');
      await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
      await expect(dialog).toBeHidden();
      result.approvals += 1;
      continue;
    }

    const manual = waiting.getByRole('button', { name: 'Continue…' });
    if (await visible(manual)) {
      await manual.first().click();
      const dialog = page.getByRole('dialog', { name: 'Manual step' });
      await dialog.getByRole('button', { name: 'Done, continue' }).click();
      await expect(dialog).toBeHidden();
      continue;
    }

    if (!idleDone) idleDone = (await options.onIdle?.(page)) ?? true;
    await page.waitForTimeout(200);
  }
  throw new Error('the demo run did not end in time');
}
