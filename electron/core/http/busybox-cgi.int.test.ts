import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { startProbes } from '../monitor/probes';
import { httpCheck } from './http-check';
import { type BusyboxCgiLab, startBusyboxCgi } from './test-support/busybox-cgi-lab';

// Issue #19 item 4: busybox httpd passes a CGI script's header lines on as the script printed
// them, ending in a bare LF (`HTTP/1.1 500 Internal\nContent-Type: text/plain\n\n`). curl reads
// those answers as the 200/500 they are; so must http.check (and checklist http checks, which run
// through it) and the probes.

let lab: BusyboxCgiLab;
beforeAll(async () => {
  lab = await startBusyboxCgi();
});
afterAll(() => lab.stop());

describe('busybox httpd CGI answers (bare-LF head lines)', () => {
  const curlStatus = (path: string) =>
    execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `${lab.base}${path}`], { encoding: 'utf8' });

  it('the answers really have bare-LF head lines, and curl reads 200 and 500', () => {
    const raw = execFileSync('curl', ['-s', '-i', `${lab.base}/cgi-bin/broken`], { encoding: 'latin1' });
    expect(raw).toMatch(/^HTTP\/1\.1 500 Internal\nContent-Type: text\/plain\n\n/);
    expect(curlStatus('/cgi-bin/health')).toBe('200');
    expect(curlStatus('/cgi-bin/broken')).toBe('500');
  });

  it('http.check reads the same statuses and bodies as curl', async () => {
    const healthy = await httpCheck({ url: `${lab.base}/cgi-bin/health`, expectBodyContains: 'healthy' });
    expect(healthy.final).toMatchObject({ ok: true, status: 200, bodySnippet: 'healthy\n' });
    const broken = await httpCheck({ url: `${lab.base}/cgi-bin/broken` });
    expect(broken.final).toMatchObject({ ok: false, status: 500, error: 'status 500, expected 200–399' });
    expect(broken.message).toBe(`GET ${lab.base}/cgi-bin/broken: status 500, expected 200–399`);
  });

  it('probes read the status and the version header of a CGI answer', async () => {
    const samples: ProbeSample[] = [];
    let enough: () => void = () => {};
    const gotEnough = new Promise<void>((resolve) => {
      enough = resolve;
    });
    const probes = startProbes({
      url: `${lab.base}/cgi-bin/health`,
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
