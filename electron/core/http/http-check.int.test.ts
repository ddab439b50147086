import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpAttempt, httpCheck } from './http-check';
import { HttpCheckError } from './http-check-error';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real HTTP server on a free loopback port; returns its base URL. */
async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port that was free a moment ago and now has nobody listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('httpCheck (real HTTP servers on 127.0.0.1)', () => {
  it('passes on a healthy answer and reports status, latency and a body snippet', async () => {
    const base = await serve((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'ok', method: req.method, version: '1.2.0' }));
    });
    const result = await httpCheck({
      url: `${base}/health`,
      expectBodyContains: '"ok"',
      expectBodyMatches: 'version":"1\\.2\\.\\d+',
    });
    expect(result.ok).toBe(true);
    expect(result.attempts).toHaveLength(1);
    expect(result.final).toMatchObject({
      ok: true,
      status: 200,
      bodySnippet: '{"status":"ok","method":"GET","version":"1.2.0"}',
    });
    expect(result.message).toMatch(new RegExp(`^GET ${base}/health: 200 in \\d+ ms$`));
  });

  it('sends method, headers and body as given', async () => {
    const base = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.end(`${req.method} ${req.headers['x-check']} ${body}`));
    });
    const result = await httpCheck({
      url: `${base}/smoke`,
      method: 'POST',
      headers: { 'X-Check': 'yes' },
      body: 'ping',
    });
    expect(result.final.bodySnippet).toBe('POST yes ping');
  });

  it('says exactly which expectations failed', async () => {
    const base = await serve((_req, res) => {
      res.statusCode = 503;
      setTimeout(() => res.end('maintenance'), 150);
    });
    const result = await httpCheck({
      url: `${base}/health`,
      expectStatus: [200],
      maxLatencyMs: 50,
      expectBodyContains: 'ok',
    });
    expect(result.ok).toBe(false);
    expect(result.final.status).toBe(503);
    expect(result.final.error).toMatch(
      /^status 503, expected 200; latency \d+ ms > 50 ms; body does not contain "ok"$/,
    );
    expect(result.message).toBe(`GET ${base}/health: ${result.final.error}`);
  });

  it('ends a HEAD request at the head, though its Content-Length names a body', async () => {
    const base = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '5' });
      res.end(req.method === 'HEAD' ? undefined : 'hello');
    });
    const result = await httpCheck({ url: `${base}/health`, method: 'HEAD', timeoutMs: 30_000 });
    expect(result.final).toMatchObject({ ok: true, status: 200, bodySnippet: '' });
  });

  it('sees a redirect as a redirect unless told to follow it', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/health') {
        res.writeHead(302, { location: '/login' });
        res.end();
      } else res.end('login page');
    });
    const direct = await httpCheck({ url: `${base}/health`, expectStatus: [200] });
    expect(direct.final.error).toBe('status 302, expected 200');
    const followed = await httpCheck({ url: `${base}/health`, followRedirects: true, expectBodyContains: 'login' });
    expect(followed.ok).toBe(true);
  });

  it('times out a slow server with a clear message', async () => {
    const base = await serve((_req, res) => {
      setTimeout(() => res.end('late'), 2000);
    });
    const result = await httpCheck({ url: `${base}/slow`, timeoutMs: 200 });
    expect(result.final).toMatchObject({ ok: false, error: 'timed out after 200 ms' });
    expect(result.final.latencyMs).toBeLessThan(1500);
  });

  it('retries a server that fails twice and then recovers, streaming each attempt', async () => {
    let calls = 0;
    const base = await serve((_req, res) => {
      calls += 1;
      res.statusCode = calls <= 2 ? 500 : 200;
      res.end(calls <= 2 ? 'starting' : 'ok');
    });
    const seen: string[] = [];
    const result = await httpCheck({
      url: `${base}/health`,
      retries: 4,
      intervalMs: 20,
      onAttempt: (attempt: HttpAttempt, index: number) => seen.push(`${index}:${attempt.status}`),
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['0:500', '1:500', '2:200']);
    expect(result.attempts.map((a) => a.error)).toEqual([
      'status 500, expected 200–399',
      'status 500, expected 200–399',
      undefined,
    ]);
    expect(result.message).toMatch(/: 200 in \d+ ms \(3 attempts\)$/);
  });

  it('names method, URL and "connection refused" for a closed port, after every retry', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/health`;
    const result = await httpCheck({ url, retries: 1, intervalMs: 10 });
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(result.final.error).toBe('connection refused');
    expect(result.message).toBe(`GET ${url}: connection refused (2 attempts)`);
  });

  it('reads at most 64 KB of a huge body and says so when the text was not found', async () => {
    const base = await serve((_req, res) => {
      res.write('x'.repeat(200 * 1024));
      res.end('needle');
    });
    const result = await httpCheck({ url: `${base}/big`, expectBodyContains: 'needle' });
    expect(result.final.error).toBe('body does not contain "needle" (in the first 64 KB)');
    expect(result.final.bodySnippet).toHaveLength(300);
  });

  it('refuses a bad URL string before sending anything, and stops when cancelled', async () => {
    await expect(httpCheck({ url: 'http//missing-colon/health' })).rejects.toThrow(
      'http check: url "http//missing-colon/health" is not a valid URL',
    );
    const base = await serve((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    const controller = new AbortController();
    const running = httpCheck({ url: `${base}/h`, retries: 100, intervalMs: 50, signal: controller.signal });
    setTimeout(() => controller.abort(), 120);
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpCheckError);
    expect((error as HttpCheckError).code).toBe('aborted');
    expect((error as HttpCheckError).message).toBe(`GET ${base}/h: check cancelled`);
  });
});
