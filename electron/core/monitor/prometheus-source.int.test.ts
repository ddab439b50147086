import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Monitoring } from '../../../shared/formats/deploy-schema';
import { freePort } from '../test-lab/sshd-lab';
import { rejectionOf } from '../test-support/rejection';
import { MonitorError, PrometheusError } from './monitor-error';
import { prometheusSource } from './prometheus-source';
import { createRunMonitor } from './run-monitor';
import {
  havePrometheus,
  type PrometheusLab,
  prometheusBinary,
  startPrometheusLab,
} from './test-support/prometheus-lab';
import { recordEvents } from './test-support/recorded-events';
import { startSwitchableApp } from './test-support/switchable-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!havePrometheus()) {
  // Said out loud: a skipped Prometheus test must never look like a passed one.
  console.warn(`SKIPPED: ${prometheusBinary} is missing; apt-get install -y prometheus to run the Prometheus tests`);
}

describe.skipIf(!havePrometheus())('prometheusSource against a real Prometheus', () => {
  let lab: PrometheusLab;
  const queries = {
    exporter_errors: 'max(demo_error_ratio)',
    per_group: 'demo_error_ratio',
    broken: 'sum(demo_error_ratio',
  };

  beforeAll(async () => {
    lab = await startPrometheusLab();
    lab.exporter.set('demo_error_ratio', 0.42, { group: 'a' });
    // Wait for the first scrapes to land, so the tests below see data.
    const source = prometheusSource({ url: lab.url, queries, intervalMs: 1000 });
    const deadline = Date.now() + 20_000;
    while ((await source.query('exporter_errors')) === undefined) {
      if (Date.now() > deadline) throw new Error(`no scrape reached Prometheus in 20 s:\n${lab.output()}`);
      await sleep(250);
    }
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('evaluates a named query (instant) and its series over a range', async () => {
    const source = prometheusSource({ url: lab.url, queries, intervalMs: 1000 });
    expect(await source.query('exporter_errors')).toBeCloseTo(0.42, 5);
    const now = Date.now();
    const points = await source.queryRange('exporter_errors', now - 3000, now, 1000);
    expect(points.length).toBeGreaterThanOrEqual(1);
    expect(points.at(-1)).toMatchObject({ value: 0.42 });
    expect(points.at(-1)!.at).toBeLessThanOrEqual(now);
    // The broken query fails alone; the others still give their values.
    expect(await source.refresh()).toEqual({ exporter_errors: 0.42, per_group: 0.42 });
  });

  it("a named query's value reaches the alert rules and a rule on it fires", async () => {
    const app = await startSwitchableApp();
    const { emit, of } = recordEvents();
    try {
      const monitoring = Monitoring.parse({
        probes: { url: app.url, rate: 10, window: '2s' },
        prometheus: { url: lab.url, queries: { exporter_errors: queries.exporter_errors }, interval: '500ms' },
      });
      const monitor = await createRunMonitor({
        monitoring,
        rules: [
          {
            name: 'exporter errors',
            condition: 'exporter_errors > 0.3',
            for: 0,
            severity: 'critical',
            action: 'notify',
          },
        ],
        emit,
      });
      await sleep(1500);
      expect(monitor.current().prometheus).toMatchObject({ server: lab.url, values: { exporter_errors: 0.42 } });
      lab.exporter.set('demo_error_ratio', 0.1, { group: 'a' });
      await sleep(3000);
      await monitor.stop();
    } finally {
      lab.exporter.set('demo_error_ratio', 0.42, { group: 'a' });
      await app.close();
    }
    expect(of('monitor.started').map((e) => e.source)).toEqual(['probes', 'prometheus']);
    const alerts = of('alert.changed');
    expect(alerts[0]).toMatchObject({ rule: 'exporter errors', state: 'firing', value: 0.42 });
    expect(alerts[1]).toMatchObject({ rule: 'exporter errors', state: 'ok', value: 0.1 });
    expect(of('monitor.stopped').map((e) => e.source)).toEqual(['probes', 'prometheus']);
  });

  it('with no URL to probe, Prometheus alone watches the run', async () => {
    const { emit, events, of } = recordEvents();
    const monitoring = Monitoring.parse({
      prometheus: { url: lab.url, queries: { exporter_errors: queries.exporter_errors }, interval: '500ms' },
    });
    const monitor = await createRunMonitor({
      monitoring,
      rules: [
        {
          name: 'exporter errors',
          condition: 'exporter_errors > 0.3',
          for: 0,
          severity: 'warning',
          action: 'rollback',
        },
      ],
      emit,
    });
    expect(monitor.target).toBe(lab.url);
    const error = await rejectionOf(monitor.waitQuiet(10_000), MonitorError);
    expect(error.code).toBe('alert-rollback');
    expect(error.message).toBe('alert rule "exporter errors" (exporter_errors > 0.3) fired at 0.42');
    await monitor.stop();
    expect(of('monitor.started')).toEqual([{ source: 'prometheus', target: lab.url }]);
    expect(events.map((e) => e.type)).not.toContain('downtime.measured');
    expect(of('monitor.stopped')).toEqual([{ source: 'prometheus' }]);
  });

  it('bad PromQL: a clear error naming the server, the query and its PromQL', async () => {
    const source = prometheusSource({ url: lab.url, queries, intervalMs: 1000 });
    const error = await rejectionOf(source.query('broken'), PrometheusError);
    expect(error.code).toBe('bad-query');
    expect(error.message).toContain(`Prometheus at ${lab.url}: query "broken" (sum(demo_error_ratio) was rejected`);
    expect(error.message).toContain('bad_data');
  });

  it('a query giving several series is refused, saying how to make it one number', async () => {
    lab.exporter.set('demo_error_ratio', 0.2, { group: 'b' });
    onTestFinished(() => lab.exporter.remove('demo_error_ratio', { group: 'b' }));
    const source = prometheusSource({ url: lab.url, queries, intervalMs: 1000 });
    const deadline = Date.now() + 10_000;
    let error: PrometheusError | undefined;
    while (!error && Date.now() < deadline) {
      error = await source.query('per_group').then(
        () => undefined,
        (e: PrometheusError) => e,
      );
      if (!error) await sleep(250);
    }
    expect(error?.code).toBe('bad-response');
    expect(error?.message).toMatch(/query "per_group" \(demo_error_ratio\) gives 2 series; aggregate it/);
  });
});

describe('prometheusSource bad input', () => {
  it('a malformed server URL is refused before anything is sent', () => {
    for (const url of ['not a url', 'ftp://127.0.0.1:9090', 'localhost:9090']) {
      let error: unknown;
      try {
        prometheusSource({ url, queries: { up: 'up' }, intervalMs: 1000 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PrometheusError);
      expect((error as PrometheusError).code).toBe('invalid-url');
      expect((error as PrometheusError).message).toContain(`Prometheus server "${url}"`);
    }
  });

  it('a server answering 500 / an unreachable server / an unknown name: errors name server and query', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('upstream exploded');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const url = `http://127.0.0.1:${port}`;
      const errors: PrometheusError[] = [];
      const source = prometheusSource({ url, queries: { up: 'up' }, intervalMs: 1000, onError: (e) => errors.push(e) });
      const failed = await rejectionOf(source.query('up'), PrometheusError);
      expect(failed.code).toBe('http-error');
      expect(failed.message).toBe(`Prometheus at ${url}: query "up" (up): HTTP 500: upstream exploded`);
      expect(await source.refresh()).toEqual({});
      expect(errors.map((e) => e.code)).toEqual(['http-error']);
      const unknown = await rejectionOf(source.query('nope'), PrometheusError);
      expect(unknown.code).toBe('unknown-query');
      expect(unknown.message).toBe(`Prometheus at ${url}: no query named "nope" (known: up)`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const closed = `http://127.0.0.1:${await freePort()}`;
    const source = prometheusSource({ url: closed, queries: { up: 'up' }, intervalMs: 1000 });
    const refused = await rejectionOf(source.query('up'), PrometheusError);
    expect(refused.code).toBe('unreachable');
    expect(refused.message).toBe(`Prometheus at ${closed}: query "up" (up): connection refused`);
  });
});
