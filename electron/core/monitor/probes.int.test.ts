import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDowntimeTracker } from '../../../shared/monitor/downtime-tracker';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { summarizeSamples } from '../../../shared/monitor/summarize-samples';
import { freePort } from '../test-lab/sshd-lab';
import { MonitorError } from './monitor-error';
import { type ProbeOptions, type Probes, startProbes } from './probes';
import { type SwitchableApp, startSwitchableApp } from './test-support/switchable-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Holds this process's event loop up for `ms`, as a busy laptop (or a long synchronous call) does. */
const holdUp = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
};
const until = async (condition: () => boolean) => {
  while (!condition()) await sleep(10);
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function app(initial?: Parameters<typeof startSwitchableApp>[0]): Promise<SwitchableApp> {
  const started = await startSwitchableApp(initial);
  cleanups.push(() => started.close());
  return started;
}

function probe(options: Omit<ProbeOptions, 'onSample'>): { probes: Probes; samples: ProbeSample[] } {
  const samples: ProbeSample[] = [];
  const probes = startProbes({ ...options, onSample: (s) => samples.push(s) });
  cleanups.push(() => probes.stop());
  return { probes, samples };
}

describe('startProbes', () => {
  it('at 50/s measures the failure share within tolerance and counts the versions that answered', async () => {
    const server = await app({ failShare: 0.2, version: 'v1' });
    const { probes, samples } = probe({ url: server.url, ratePerSecond: 50, timeoutMs: 1000 });
    await sleep(2000);
    server.set({ failShare: 0, version: 'v2' });
    const switchedAt = Date.now();
    await sleep(2000);
    await probes.stop();

    const before = summarizeSamples(
      samples.filter((s) => s.at < switchedAt - 50),
      2000,
    );
    const after = summarizeSamples(
      samples.filter((s) => s.at > switchedAt + 50),
      2000,
    );
    expect(before.metrics.errorRate).toBeGreaterThan(0.15);
    expect(before.metrics.errorRate).toBeLessThan(0.25);
    // Versions come from successful answers only (the 500s named v1 too, but an error is no version).
    expect(before.versions).toEqual({ v1: before.metrics.requests - before.metrics.failures });
    expect(after.metrics.errorRate).toBe(0);
    expect(after.versions).toEqual({ v2: after.metrics.requests });
    expect(before.metrics.p50).toBeGreaterThan(0);
    // Keep-alive: a handful of connections carry ~200 requests.
    expect(server.stats().connections).toBeLessThan(10);
  });

  it('keeps a steady rate without drift: 50/s for 3 s gives ~150 probes 20 ms apart', async () => {
    const server = await app();
    const { probes, samples } = probe({ url: server.url, ratePerSecond: 50, timeoutMs: 1000 });
    await sleep(3000);
    await probes.stop();
    expect(samples.length).toBeGreaterThanOrEqual(146);
    expect(samples.length).toBeLessThanOrEqual(152);
    // Delivered in the order sent, whatever order the answers came back in.
    const ats = samples.map((s) => s.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    const spread = (ats.at(-1)! - ats[0]!) / (ats.length - 1);
    expect(spread).toBeGreaterThan(19);
    expect(spread).toBeLessThan(21);
  });

  it('measures a 1.5 s outage in which connections get no answer as ~1.5 s of downtime', async () => {
    const server = await app();
    const downtime = createDowntimeTracker();
    const samples: ProbeSample[] = [];
    const probes = startProbes({
      url: server.url,
      ratePerSecond: 50,
      timeoutMs: 1000,
      onSample: (s) => {
        samples.push(s);
        downtime.add(s);
      },
    });
    cleanups.push(() => probes.stop());
    await sleep(1000);
    server.set({ outage: 'drop' });
    await sleep(1500);
    server.set({ outage: undefined });
    await sleep(1000);
    await probes.stop();
    const measured = downtime.result();
    expect(measured.ms).toBeGreaterThan(1200);
    expect(measured.ms).toBeLessThan(1800);
    // Probes this machine held up (a busy test run) are not failures and carry no error of the app.
    const failed = samples.filter((s) => !s.ok && s.notMeasured === undefined);
    expect(failed.every((s) => s.status === undefined && s.error !== undefined)).toBe(true);
  });

  it('the keep-alive race (a reused connection closed before any answer) is retried, not counted', async () => {
    // Each connection answers one request, then drops the next unanswered: what a server closing
    // an idle keep-alive connection looks like from the client at the worst moment.
    const server = createTcpServer((socket) => {
      let requests = 0;
      socket.on('data', () => {
        if (requests++ === 0) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Version: v1\r\n\r\nok');
        else socket.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const { probes, samples } = probe({ url: `http://127.0.0.1:${port}/`, ratePerSecond: 10, timeoutMs: 1000 });
    await sleep(1000);
    await probes.stop();
    expect(samples.length).toBeGreaterThanOrEqual(9);
    expect(samples.filter((s) => !s.ok)).toEqual([]);
    expect(probes.stats().connections).toBe(samples.length);
  });

  it('reads the version from a JSON field or from the whole body', async () => {
    const server = await app({ version: 'v7' });
    const json = probe({ url: server.url, ratePerSecond: 20, timeoutMs: 1000, version: 'json:version' });
    const body = probe({ url: server.versionUrl, ratePerSecond: 20, timeoutMs: 1000, version: 'body' });
    await sleep(600);
    await json.probes.stop();
    await body.probes.stop();
    expect(json.samples.length).toBeGreaterThan(5);
    expect(json.samples.every((s) => s.version === 'v7')).toBe(true);
    expect(body.samples.every((s) => s.version === 'v7')).toBe(true);
  });

  it('this machine held up while answers wait: those probes are not measured, never a failure of the app', async () => {
    // Every answer takes 100 ms, well within the 1 s timeout; then our loop is held up 1.5 s with
    // ~5 probes waiting. Their answers arrive meanwhile but wait unread; before the fix the timers
    // ran first and all of them counted as timed out, failing a healthy app. (The app shares this
    // process's loop, so the timeout leaves room for the loop's ordinary delays on a busy machine.)
    const server = await app({ delayMs: 100, version: 'v1' });
    const { probes, samples } = probe({ url: server.url, ratePerSecond: 50, timeoutMs: 1000 });
    await until(() => probes.stats().inFlight >= 3 && samples.length >= 5);
    const heldFrom = Date.now();
    holdUp(1500);
    await until(() => samples.some((s) => s.at > heldFrom + 1500 && s.ok));
    await probes.stop();

    expect(samples.filter((s) => !s.ok && s.notMeasured === undefined)).toEqual([]);
    const heldUp = samples.filter((s) => s.notMeasured !== undefined || s.readLateMs !== undefined);
    expect(heldUp.length).toBeGreaterThanOrEqual(3);
    const { metrics } = summarizeSamples(samples, 3000);
    expect(metrics.failures).toBe(0);
    expect(metrics.requests).toBeGreaterThan(0);
    // The slots that fell due during the hold-up were not sent: counted apart, not as requests.
    expect(metrics.notMeasured).toBeGreaterThan(30);
    expect(probes.stats().notMeasured).toBe(metrics.notMeasured);
  });

  it('with version "body", an error page is not a version: only successful answers name one', async () => {
    // busybox httpd's own 404 page, which probes once counted as a version ("<HTML><HEAD><TITLE>404…").
    const page = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\n</BODY></HTML>\n';
    let found = false;
    const server = createHttpServer((_req, res) => {
      if (found) res.writeHead(200, { 'content-type': 'text/plain' }).end('v2\n');
      else res.writeHead(404, { 'content-type': 'text/html' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const { probes, samples } = probe({
      url: `http://127.0.0.1:${port}/version`,
      ratePerSecond: 20,
      timeoutMs: 1000,
      version: 'body',
    });
    await until(() => samples.filter((s) => s.status === 404).length >= 3);
    found = true;
    await until(() => samples.filter((s) => s.status === 200).length >= 3);
    await probes.stop();
    expect(samples.filter((s) => s.status === 404).every((s) => s.version === undefined)).toBe(true);
    expect(samples.filter((s) => s.status === 200).every((s) => s.version === 'v2')).toBe(true);
    expect(summarizeSamples(samples, 1000).versions).toEqual({ v2: samples.filter((s) => s.status === 200).length });
  });

  it('an unreachable URL (closed port) gives failed samples saying why, and no crash', async () => {
    const port = await freePort();
    const { probes, samples } = probe({ url: `http://127.0.0.1:${port}/health`, ratePerSecond: 20, timeoutMs: 500 });
    await sleep(1000);
    await probes.stop();
    expect(samples.length).toBeGreaterThan(15);
    expect(samples.every((s) => !s.ok && s.status === undefined)).toBe(true);
    expect(samples[0]!.error).toBe('connection refused');
    expect(summarizeSamples(samples, 1000).metrics).toMatchObject({ availability: 0, throughput: 0 });
  });

  it('a slow server: probes time out, and never more than maxInFlight wait at once', async () => {
    const server = await app({ delayMs: 2000 });
    const { probes, samples } = probe({ url: server.url, ratePerSecond: 20, timeoutMs: 300, maxInFlight: 3 });
    await sleep(1000);
    expect(probes.stats().inFlight).toBeLessThanOrEqual(3);
    await probes.stop();
    expect(server.stats().maxConcurrent).toBeLessThanOrEqual(3);
    expect(samples.some((s) => s.error === 'timed out after 300 ms')).toBe(true);
    expect(samples.some((s) => s.error === 'not sent: 3 probes still waiting for an answer')).toBe(true);
    expect(probes.stats().notSent).toBeGreaterThan(0);
    expect(samples.every((s) => !s.ok)).toBe(true);
  });

  it('stops on its abort signal', async () => {
    const server = await app();
    const controller = new AbortController();
    const { probes, samples } = probe({
      url: server.url,
      ratePerSecond: 50,
      timeoutMs: 500,
      signal: controller.signal,
    });
    await sleep(300);
    controller.abort();
    await sleep(300);
    const count = samples.length;
    await sleep(300);
    expect(samples.length).toBe(count);
    expect(probes.stats().sent).toBeLessThan(25);
  });

  it('refuses bad settings naming the field, before sending anything', () => {
    const onSample = () => {};
    const bad = (options: Partial<ProbeOptions>) => {
      try {
        startProbes({ url: 'http://127.0.0.1:1/', ratePerSecond: 10, timeoutMs: 100, onSample, ...options });
      } catch (error) {
        if (error instanceof MonitorError) return { code: error.code, message: error.message, ...error.details };
        throw error;
      }
      throw new Error('expected a MonitorError');
    };
    expect(bad({ url: 'localhost:8080/health' })).toMatchObject({
      code: 'invalid-probe',
      field: 'monitoring.probes.url',
      message: expect.stringContaining('"localhost:8080/health" is not http(s)'),
    });
    expect(bad({ url: 'not a url' })).toMatchObject({ message: expect.stringContaining('"not a url" is not a URL') });
    expect(bad({ ratePerSecond: 0 })).toMatchObject({ field: 'monitoring.probes.rate' });
    expect(bad({ timeoutMs: -1 })).toMatchObject({ field: 'monitoring.probes.timeout' });
    expect(bad({ version: 'cookie:v' })).toMatchObject({
      field: 'monitoring.probes.version',
      message: expect.stringContaining('"cookie:v"'),
    });
  });
});
