import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { startProbes } from '../monitor/probes';
import { freePort } from '../test-lab/sshd-lab';
import { httpCheck } from './http-check';

// Issue #19 item 4: busybox httpd passes a CGI script's header lines on as the script printed
// them, ending in a bare LF (`HTTP/1.1 500 Internal\nContent-Type: text/plain\n\n`). curl reads
// those answers as the 200/500 they are; so must http.check (and checklist http checks, which run
// through it) and the probes.

let httpd: ChildProcess | undefined;
let base = '';
// One site for all the tests of this file (per-test temp dirs are removed after each test).
const root = mkdtempSync(join(tmpdir(), 'rp-busybox-cgi-'));

describe('busybox httpd CGI answers (bare-LF head lines)', () => {
  beforeAll(async () => {
    mkdirSync(join(root, 'cgi-bin'));
    const script = (name: string, lines: string[]) => {
      const file = join(root, 'cgi-bin', name);
      writeFileSync(file, `#!/bin/sh\n${lines.map((line) => `echo "${line}"`).join('\n')}\n`);
      chmodSync(file, 0o755);
    };
    script('health', ['Content-Type: text/plain', 'X-Version: v7', '', 'healthy']);
    script('broken', ['Status: 500 Internal', 'Content-Type: text/plain', '', 'broken']);
    const port = await freePort();
    httpd = spawn('/bin/busybox', ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', root], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    // Ready when curl gets an answer (curl is the yardstick of this test anyway).
    for (;;) {
      try {
        execFileSync('curl', ['-s', '-o', '/dev/null', `${base}/cgi-bin/health`]);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  afterAll(async () => {
    if (!httpd || httpd.exitCode !== null) return;
    const exited = new Promise((resolve) => httpd!.once('exit', resolve));
    httpd.kill('SIGTERM');
    await exited;
    rmSync(root, { recursive: true, force: true });
  });

  const curlStatus = (path: string) =>
    execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `${base}${path}`], { encoding: 'utf8' });

  it('the answers really have bare-LF head lines, and curl reads 200 and 500', () => {
    const raw = execFileSync('curl', ['-s', '-i', `${base}/cgi-bin/broken`], { encoding: 'latin1' });
    expect(raw).toMatch(/^HTTP\/1\.1 500 Internal\nContent-Type: text\/plain\n\n/);
    expect(curlStatus('/cgi-bin/health')).toBe('200');
    expect(curlStatus('/cgi-bin/broken')).toBe('500');
  });

  it('http.check reads the same statuses and bodies as curl', async () => {
    const healthy = await httpCheck({ url: `${base}/cgi-bin/health`, expectBodyContains: 'healthy' });
    expect(healthy.final).toMatchObject({ ok: true, status: 200, bodySnippet: 'healthy\n' });
    const broken = await httpCheck({ url: `${base}/cgi-bin/broken` });
    expect(broken.final).toMatchObject({ ok: false, status: 500, error: 'status 500, expected 200–399' });
    expect(broken.message).toBe(`GET ${base}/cgi-bin/broken: status 500, expected 200–399`);
  });

  it('probes read the status and the version header of a CGI answer', async () => {
    const samples: ProbeSample[] = [];
    let enough: () => void = () => {};
    const gotEnough = new Promise<void>((resolve) => {
      enough = resolve;
    });
    const probes = startProbes({
      url: `${base}/cgi-bin/health`,
      ratePerSecond: 20,
      timeoutMs: 5000,
      version: 'header:x-version',
      onSample: (sample) => {
        if (!sample.notMeasured) samples.push(sample);
        if (samples.length >= 3) enough();
      },
    });
    await gotEnough;
    await probes.stop();
    expect(samples.slice(0, 3)).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ ok: true, status: 200, version: 'v7' })),
    );
  });
});
