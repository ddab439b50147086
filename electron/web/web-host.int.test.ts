import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApiClient } from '../../shared/api/client';
import type { ApiError } from '../../shared/api/errors';
import { createSocketTransport, type SocketLike } from '../../shared/api/socket-transport';
import type { ConnectionStatus } from '../../shared/api/transport';
import { createEngine } from '../core/engine';
import { silentLogger } from '../core/logging/logger';
import { createConfSettings } from '../core/settings/conf-store';
import { useTempDirs } from '../core/test-support/temp-dir';
import { startWebHost, type WebHost } from './web-host';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP GET, so the test controls the Host header and cookies exactly. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => {});
  });
}

const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

describe('browser host (real HTTP server and WebSockets)', () => {
  const tempDir = useTempDirs();
  const hosts: WebHost[] = [];
  const sockets: { close(): void }[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    for (const h of hosts.splice(0)) await h.close();
  });

  function renderer(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Release Pilot</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    return dir;
  }

  async function host(options: { port?: number; token?: string; rendererDir?: string; dataDir?: string } = {}) {
    const dataDir = options.dataDir ?? tempDir();
    const engine = createEngine({
      host: 'browser',
      dataDir,
      logger: silentLogger,
      settings: createConfSettings(dataDir, silentLogger),
      versions: { app: '1.2.3' },
    });
    const h = await startWebHost({
      engine,
      rendererDir: options.rendererDir ?? renderer(),
      port: options.port ?? 0,
      token: options.token,
    });
    hosts.push(h);
    return h;
  }

  function client(h: WebHost, origin = `http://127.0.0.1:${h.port}`) {
    const transport = createSocketTransport({
      url: `ws://127.0.0.1:${h.port}/api?token=${h.token}`,
      connect: (url): SocketLike => new WebSocket(url, { origin }),
      timers,
      callTimeoutMs: 5_000,
      maxRetryDelayMs: 200,
    });
    sockets.push(transport);
    return { api: createApiClient(transport), transport };
  }

  it('prints a loopback URL with a long random token', async () => {
    const h = await host();
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect((await host()).token).not.toBe(h.token);
  });

  it('refuses a page request without the token (401) or with a wrong one', async () => {
    const h = await host();
    const none = await get(h.port, '/', { Host: `127.0.0.1:${h.port}` });
    expect(none.status).toBe(401);
    expect(none.body).toBe('Unauthorized: missing or wrong token: open the URL the host printed\n');
    const browser = await get(h.port, '/', { Host: `127.0.0.1:${h.port}`, Accept: 'text/html,*/*' });
    expect(browser.status).toBe(401);
    expect(browser.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(browser.body).toContain(
      '<strong>Unauthorized: missing or wrong token: open the URL the host printed</strong>',
    );
    expect(browser.body).toContain('npm run web');
    expect((await get(h.port, '/?token=wrong', { Host: `127.0.0.1:${h.port}` })).status).toBe(401);
    expect((await get(h.port, '/assets/app-1234.js', { Host: `127.0.0.1:${h.port}` })).status).toBe(401);
  });

  it('serves the page with the token, sets the cookie, and sends security headers', async () => {
    const h = await host();
    const page = await get(h.port, `/?token=${h.token}`, { Host: `127.0.0.1:${h.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Release Pilot</title>');
    expect(String(page.headers['set-cookie'])).toContain(
      `rp_token_${h.port}=${h.token}; Path=/; HttpOnly; SameSite=Strict`,
    );
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(`ws://127.0.0.1:${h.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('admits asset requests by cookie, answers unknown screens with the page, and never leaves the folder', async () => {
    const h = await host();
    const cookie = `rp_token_${h.port}=${h.token}`;
    const headers = { Host: `localhost:${h.port}`, Cookie: cookie };
    const asset = await get(h.port, '/assets/app-1234.js', headers);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(h.port, '/runs/abc', headers)).body).toContain('<title>Release Pilot</title>');
    expect((await get(h.port, '/assets/missing.js', headers)).status).toBe(404);
    expect((await get(h.port, '/..%2f..%2f..%2fetc%2fpasswd', headers)).status).toBe(404);
    expect((await get(h.port, '/', headers, 'POST')).status).toBe(405);
  });

  it('refuses a request whose Host header is not this host (DNS rebinding), even with the token', async () => {
    const h = await host();
    const answer = await get(h.port, `/?token=${h.token}`, { Host: `evil.example:${h.port}` });
    expect(answer.status).toBe(403);
  });

  it('refuses sockets without the token (401) and from another origin (403)', async () => {
    const h = await host();
    const base = `ws://127.0.0.1:${h.port}/api`;
    expect(await upgradeStatus(base, `http://127.0.0.1:${h.port}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=nope`, `http://127.0.0.1:${h.port}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${h.token}`, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(`${base}?token=${h.token}`, `http://localhost:${h.port + 1}`)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${h.port}/other?token=${h.token}`)).toBe(403);
    expect(await upgradeStatus(`${base}?token=${h.token}`, `http://localhost:${h.port}`)).toBe(101);
  });

  it('answers API calls over the socket through the typed client', async () => {
    const h = await host();
    const { api } = client(h);
    const info = await api.app.info();
    expect(info).toMatchObject({ version: '1.2.3', host: 'browser', productName: 'Release Pilot' });
    const error = (await api.projects.open({ path: '/definitely/not/here' }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('no folder at /definitely/not/here');
  });

  it('answers a malformed frame with invalid-request and keeps the socket open', async () => {
    const h = await host();
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api?token=${h.token}`);
    sockets.push(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    const replies: unknown[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(String(data))));
    ws.send('this is not json');
    ws.send(JSON.stringify({ kind: 'call', id: 7, method: 'app:info', payload: { extra: 1 } }));
    ws.send(JSON.stringify({ kind: 'call', id: 8, method: 'app:info' }));
    await expect.poll(() => replies.length).toBe(3);
    expect(replies[0]).toMatchObject({
      kind: 'result',
      id: null,
      envelope: { ok: false, error: { code: 'invalid-request' } },
    });
    expect(replies[1]).toMatchObject({ id: 7, envelope: { ok: false, error: { code: 'invalid-request' } } });
    expect(replies[2]).toMatchObject({ id: 8, envelope: { ok: true, value: { version: '1.2.3' } } });
  });

  it('pushes events to every connected window', async () => {
    const h = await host();
    const project = tempDir();
    execFileSync('git', ['init', '-q', project]);
    mkdirSync(join(project, '.release-pilot'));
    const first = client(h);
    const second = client(h);
    const seen: number[] = [];
    second.api.on('projects:changed', (projects) => seen.push(projects.length));
    await second.api.app.info(); // the second socket is open before the change happens
    await first.api.projects.open({ path: project });
    await expect.poll(() => seen).toEqual([1]);
  });

  it('reconnects after the host restarts and carries on', async () => {
    const dataDir = tempDir();
    const rendererDir = renderer();
    const h = await host({ dataDir, rendererDir });
    const { api, transport } = client(h);
    const statuses: ConnectionStatus[] = [];
    transport.onStatus?.((s) => statuses.push(s));
    await api.app.info();
    const { port, token } = h;
    await hosts.pop()?.close();
    await expect.poll(() => statuses.at(-1)).toBe('connecting');
    await host({ port, token, dataDir, rendererDir });
    expect((await api.app.info()).version).toBe('1.2.3');
    expect(statuses).toContain('open');
  });
});
