import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { startProbes } from './probes';

// Probes speak HTTP/1.1 themselves (see http-response-parser.ts), so they are tried here against
// servers other than Node's: Debian's nginx, busybox httpd, a TLS server and something not HTTP.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function probeFor(url: string, ms: number, version = 'header:x-version'): Promise<ProbeSample[]> {
  const samples: ProbeSample[] = [];
  const probes = startProbes({ url, ratePerSecond: 20, timeoutMs: 1000, version, onSample: (s) => samples.push(s) });
  await sleep(ms);
  await probes.stop();
  return samples;
}

async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}

function track(child: ChildProcess): void {
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
}

describe('probes against other servers', () => {
  const tempDir = useTempDirs('rp-probe-servers-');

  it('nginx: keep-alive answers, header and JSON versions, 503s as failures', async () => {
    const dir = tempDir();
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off; master_process off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server {
    listen 127.0.0.1:${port};
    location /health { add_header x-version v3 always; default_type application/json; return 200 '{"app":{"version":"v3"}}'; }
    location /down { add_header x-version v3 always; return 503; }
  }
}
`,
    );
    const nginx = spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir], { stdio: 'ignore' });
    track(nginx);
    await waitListening(port);
    const header = await probeFor(`http://127.0.0.1:${port}/health`, 600);
    expect(header.length).toBeGreaterThan(8);
    expect(header.every((s) => s.ok && s.status === 200 && s.version === 'v3')).toBe(true);
    const json = await probeFor(`http://127.0.0.1:${port}/health`, 300, 'json:app.version');
    expect(json.every((s) => s.version === 'v3')).toBe(true);
    const down = await probeFor(`http://127.0.0.1:${port}/down`, 300);
    // A failed answer is not a version, even when it carries the header (docs/environments.md).
    expect(down.every((s) => !s.ok && s.status === 503 && s.error === 'HTTP 503' && s.version === undefined)).toBe(
      true,
    );
  });

  it('busybox httpd: an answer ended by closing the connection', async () => {
    const dir = tempDir();
    const port = await freePort();
    writeFileSync(join(dir, 'version'), 'v4\n');
    const httpd = spawn('/bin/busybox', ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', dir], { stdio: 'ignore' });
    track(httpd);
    await waitListening(port);
    const samples = await probeFor(`http://127.0.0.1:${port}/version`, 600, 'body');
    expect(samples.length).toBeGreaterThan(8);
    expect(samples.every((s) => s.ok && s.version === 'v4')).toBe(true);
    const missing = await probeFor(`http://127.0.0.1:${port}/nope`, 300, 'body');
    expect(missing.every((s) => s.status === 404 && !s.ok)).toBe(true);
  });

  it('TLS: a self-signed certificate is a failed probe that says so', async () => {
    const dir = tempDir();
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const samples = await probeFor(`https://127.0.0.1:${port}/health`, 300);
    expect(samples.length).toBeGreaterThan(2);
    expect(samples[0]).toMatchObject({ ok: false, error: 'TLS certificate rejected (DEPTH_ZERO_SELF_SIGNED_CERT)' });
  });

  it('a server that is not HTTP: failed probes naming what came back', async () => {
    // resume(): read what the probe sends, or the half-closed socket never sees the client's end.
    const server = createTcpServer((socket) => socket.resume().end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const samples = await probeFor(`http://127.0.0.1:${port}/health`, 300);
    expect(samples.length).toBeGreaterThan(2);
    expect(samples[0]).toMatchObject({
      ok: false,
      error: 'not an HTTP answer: not an HTTP/1.x status line: "SSH-2.0-OpenSSH_9.2"',
    });
  });
});
