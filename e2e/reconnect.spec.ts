import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type HostProcess, startHostProcess } from './support/web-host-process';

// A host of its own (not the shared one from the global setup), because this spec stops it and
// starts it again: the person's Ctrl+C and `npm run web`, with a new token on the same port.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('says plainly when the host stops, and when it comes back with a new token', async ({ page }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'rp-e2e-reconnect-'));
  const port = await freePort();
  const args = ['--port', String(port), '--data-dir', dir];
  const hosts: HostProcess[] = [];
  try {
    const first = await startHostProcess(args);
    hosts.push(first);
    await page.goto(first.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const folder = page.getByLabel('Project folder');
    await folder.fill('/srv/typed-before-the-restart');
    const banner = page.locator('.workspace-banner').getByRole('alert');

    // (1) Ctrl+C: nothing answers on the port any more.
    await first.stop();
    await expect(banner).toContainText('The Release Pilot host is not running.');
    await expect(banner).toContainText('open the URL it prints in this tab');

    // (2) Started again: same port, new token, which this page does not have.
    const second = await startHostProcess(args);
    hosts.push(second);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));
    await expect(banner).toContainText('The Release Pilot host was restarted with a new token.');
    await expect(banner).toContainText(`open the new URL it printed, http://127.0.0.1:${port}/?token=…`);
    await expect(banner).not.toContainText('retrying');
    await expect(folder).toHaveValue('/srv/typed-before-the-restart');

    // Doing what it says, in this tab, reconnects with what was typed still there.
    await page.goto(second.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Project folder')).toHaveValue('/srv/typed-before-the-restart');
  } finally {
    for (const host of hosts) await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reports a wrong token at start-up as soon as the host answers, even with a valid cookie', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-e2e-reconnect-'));
  const host = await startHostProcess(['--port', String(await freePort()), '--data-dir', dir]);
  try {
    // The right URL first: the browser now holds the host's cookie, which admits the page itself.
    await page.goto(host.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const wrong = new URL(host.url);
    wrong.searchParams.set('token', 'not-the-token');
    await page.goto(wrong.href);
    await expect(page.getByRole('heading', { level: 1, name: "Can't reach the Release Pilot host" })).toBeVisible({
      timeout: 4_000,
    });
    await expect(page.getByRole('alert')).toContainText("The Release Pilot host refuses this page's access token");
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
