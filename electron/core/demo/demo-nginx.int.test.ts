import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { portOpen } from '../lib/port-open';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { writeDemoNginx } from './demo-nginx-files';
import { masterPid, nginxRunning, stopDemoNginx, testDemoNginx } from './demo-nginx-process';
import { demoNginx, nginxHasErrorLogFlag } from './demo-proxy';

// The demo's own nginx (Debian's, real) in a folder whose path has a space, as the default data
// folder ".../Release Pilot" does; its reload script starting it; a stale pid file never trusted.

const run = promisify(execFile);
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('the demo nginx', () => {
  const tempDir = useTempDirs('rp-demo-nginx-');

  it('runs from a path with a space; reload.sh starts it, then reloads it; a stale pid is left alone', async () => {
    const dir = join(tempDir(), 'Release Pilot', 'demo', 'proxy');
    mkdirSync(dir, { recursive: true });
    expect(await nginxHasErrorLogFlag('/usr/sbin/nginx')).toBe(true);
    const nginx = demoNginx('/usr/sbin/nginx', dir);
    const ports = { staging: await freePort(), production: await freePort() };
    await writeDemoNginx(nginx, ports);
    stops.push(() => stopDemoNginx(nginx));
    expect(await testDemoNginx(nginx)).toBeUndefined();

    // A pid file left by a crash, now naming another process (this one): not ours, never signalled.
    writeFileSync(nginx.pidFile, `${process.pid}\n`);
    expect(await masterPid(nginx)).toBeUndefined();
    expect(await stopDemoNginx(nginx)).toBe(false);

    // The reload script finds no nginx of ours, so it starts one.
    await run('/bin/sh', [nginx.reloadScript]);
    await expect.poll(() => portOpen(ports.staging), { timeout: 5000 }).toBe(true);
    expect(await nginxRunning(nginx)).toBe(true);
    const pid = await masterPid(nginx);
    // Running, the same script reloads it: the master stays, the 502 placeholder still answers.
    await run('/bin/sh', [nginx.reloadScript]);
    expect(await masterPid(nginx)).toBe(pid);
    expect((await fetch(`http://127.0.0.1:${ports.production}/`)).status).toBe(502);

    expect(await stopDemoNginx(nginx)).toBe(true);
    expect(await portOpen(ports.staging)).toBe(false);
  }, 30_000);

  it("a config nginx refuses is reported in nginx's words", async () => {
    const dir = join(tempDir(), 'proxy');
    mkdirSync(dir, { recursive: true });
    const nginx = demoNginx('/usr/sbin/nginx', dir);
    await writeDemoNginx(nginx, { staging: await freePort(), production: await freePort() });
    writeFileSync(nginx.upstreamFile('staging'), 'upstream broken {');
    expect(await testDemoNginx(nginx)).toMatch(/nginx: \[emerg\]/);
  }, 30_000);
});
