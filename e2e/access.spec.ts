import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { e2eHost } from './support/env';

test.describe('the browser host refuses strangers', () => {
  test('a page request without the token gets 401 and no app', async ({ page }) => {
    const { origin } = e2eHost();
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('open the URL the host printed');
    await expect(page.getByTestId('app-version')).toHaveCount(0);
  });

  test('a request with a wrong token gets 401', async ({ request }) => {
    const { origin } = e2eHost();
    expect((await request.get(`${origin}/?token=not-the-token`)).status()).toBe(401);
    expect((await request.get(`${origin}/assets/index.js`)).status()).toBe(401);
  });

  test('a socket opened by a page of another origin is refused, even with the token', async ({ page }) => {
    const { origin, token } = e2eHost();
    // Another web page on this machine: a different origin that somehow learnt the token.
    const evil: Server = createServer((_req, res) => res.end('<!doctype html><title>other site</title>'));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilPort = (evil.address() as { port: number }).port;
    try {
      await page.goto(`http://127.0.0.1:${evilPort}/`);
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            ws.onopen = () => resolve('open');
            ws.onclose = (event) => resolve(`closed ${event.code}`);
          }),
        `${origin.replace('http', 'ws')}/api?token=${token}`,
      );
      expect(outcome).toBe('closed 1006');
    } finally {
      evil.close();
    }
  });

  test('the same socket from our own page opens', async ({ page }) => {
    const { url, origin, token } = e2eHost();
    await page.goto(url);
    const outcome = await page.evaluate(
      (wsUrl) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(wsUrl);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onclose = (event) => resolve(`closed ${event.code}`);
        }),
      `${origin.replace('http', 'ws')}/api?token=${token}`,
    );
    expect(outcome).toBe('open');
  });
});
