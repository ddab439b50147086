import { afterEach, describe, expect, it } from 'vitest';
import { Monitoring } from '../../../shared/formats/deploy-schema';
import type { AlertRuleSpec, AlertTransition } from '../../../shared/monitor/alert-evaluator';
import { rejectionOf } from '../test-support/rejection';
import { MonitorError } from './monitor-error';
import { createRunMonitor, type RunMonitor } from './run-monitor';
import { recordEvents } from './test-support/recorded-events';
import { type SwitchableApp, startSwitchableApp } from './test-support/switchable-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (condition: () => boolean) => {
  while (!condition()) await sleep(10);
};
/** Holds this process's event loop up for `ms`, as a busy laptop (or a long synchronous call) does. */
const holdUp = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function app(): Promise<SwitchableApp> {
  const started = await startSwitchableApp({ version: 'v1' });
  cleanups.push(() => started.close());
  return started;
}

const monitoringFor = (url: string, window = '1s') =>
  Monitoring.parse({ probes: { url, rate: 50, timeout: '1s', window } });

const errorsRule = (over: Partial<AlertRuleSpec> = {}): AlertRuleSpec => ({
  name: 'error rate',
  condition: 'error_rate > 10%',
  for: 2000,
  severity: 'critical',
  action: 'notify',
  ...over,
});

async function monitor(options: Parameters<typeof createRunMonitor>[0]): Promise<RunMonitor> {
  const started = await createRunMonitor(options);
  cleanups.push(() => started.stop());
  return started;
}

describe('createRunMonitor', () => {
  it('a rule `error_rate > 10%` for 2 s goes pending, then firing, then back to ok, each journaled once', async () => {
    const server = await app();
    const { emit, events, of } = recordEvents();
    const run = await monitor({ monitoring: monitoringFor(server.url), rules: [errorsRule()], emit });
    await sleep(1200);
    server.set({ failShare: 0.3 });
    const badFrom = Date.now();
    await sleep(3500);
    expect(run.current().rules[0]).toMatchObject({ rule: 'error rate', state: 'firing' });
    server.set({ failShare: 0 });
    await sleep(2000);
    await run.stop('test over');

    const alerts = of('alert.changed');
    expect(alerts.map((a) => a.state)).toEqual(['pending', 'firing', 'ok']);
    expect(alerts[0]).toMatchObject({ rule: 'error rate', condition: 'error_rate > 10%', severity: 'critical' });
    expect(alerts[1]!.value).toBeGreaterThan(0.1);
    // Firing comes `for` (2 s) after pending, give or take one evaluation.
    const times = events.filter((e) => e.type === 'alert.changed').map((e) => e.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1900);
    expect(times[1]! - times[0]!).toBeLessThan(2700);
    expect(times[0]! - badFrom).toBeLessThan(1500);
    expect(events[0]).toMatchObject({ type: 'monitor.started', data: { source: 'probes', target: server.url } });
    expect(events.at(-1)).toMatchObject({ type: 'monitor.stopped', data: { source: 'probes', reason: 'test over' } });
  });

  it('a rollback rule: waitQuiet rejects naming the rule and value, onRollback is called once', async () => {
    const server = await app();
    const { emit, of } = recordEvents();
    const fired: AlertTransition[] = [];
    const run = await monitor({
      monitoring: monitoringFor(server.url),
      rules: [errorsRule({ name: 'too many errors', condition: 'error_rate > 20%', for: 0, action: 'rollback' })],
      emit,
      onRollback: (rule) => fired.push(rule),
    });
    await run.waitQuiet(500);
    const waiting = run.waitQuiet(10_000);
    const asked = Date.now();
    server.set({ failShare: 0.5 });
    const error = await rejectionOf(waiting, MonitorError);
    expect(Date.now() - asked).toBeLessThan(2000);
    expect(error.code).toBe('alert-rollback');
    expect(error.message).toMatch(/alert rule "too many errors" \(error_rate > 20%\) fired at \d+(\.\d)?%/);
    expect(error.details).toMatchObject({ rule: 'too many errors' });
    // Clears, fires again: still one rollback.
    server.set({ failShare: 0 });
    await sleep(1500);
    server.set({ failShare: 0.5 });
    await sleep(1500);
    expect(of('alert.changed').map((a) => a.state)).toEqual(['firing', 'ok', 'firing']);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ rule: 'too many errors', action: 'rollback', state: 'firing' });
    expect((await rejectionOf(run.waitQuiet(100), MonitorError)).code).toBe('alert-rollback');
    expect(run.current().rollback?.rule).toBe('too many errors');
  });

  it('journals windows by phase, splits them at each cutover, and measures downtime at stop', async () => {
    const server = await app();
    const { emit, events, of } = recordEvents();
    const run = await monitor({ monitoring: monitoringFor(server.url, '1s'), rules: [], emit });
    await sleep(1500);
    run.cutover('during');
    server.set({ outage: 'status', version: 'v2' });
    await sleep(1000);
    server.set({ outage: undefined });
    await sleep(300);
    run.cutover('after');
    expect(run.current().phase).toBe('after');
    await sleep(1200);
    await run.stop();

    const windows = of('monitor.window');
    const phases = windows.map((w) => w.phase);
    expect(phases.indexOf('during')).toBeGreaterThan(0);
    expect(phases).toEqual(
      [...phases].sort((a, b) => ['before', 'during', 'after'].indexOf(a) - ['before', 'during', 'after'].indexOf(b)),
    );
    expect(phases.at(-1)).toBe('after');
    for (const window of windows) {
      expect(Date.parse(window.to)).toBeGreaterThan(Date.parse(window.from));
      expect(window.metrics.requests).toBeGreaterThan(0);
    }
    // Windows follow each other without gaps.
    expect(windows.slice(1).map((w) => w.from)).toEqual(windows.slice(0, -1).map((w) => w.to));
    const total = (phase: string) =>
      windows.filter((w) => w.phase === phase).reduce((sum, w) => sum + w.metrics.failures, 0);
    expect(total('before')).toBe(0);
    expect(total('during')).toBeGreaterThan(40);
    expect(windows.filter((w) => w.phase === 'after').every((w) => w.versions?.v2 === w.metrics.requests)).toBe(true);

    const [downtime] = of('downtime.measured');
    expect(downtime!.ms).toBeGreaterThan(700);
    expect(downtime!.ms).toBeLessThan(1300);
    expect(Date.parse(downtime!.to!) - Date.parse(downtime!.from!)).toBe(downtime!.ms);
    const tail = events.slice(-2).map((e) => e.type);
    expect(tail).toEqual(['downtime.measured', 'monitor.stopped']);
  });

  it('the rules judge from the cutover on: failures before it do not count against the new version', async () => {
    const server = await app();
    const { emit, of } = recordEvents();
    const run = await monitor({
      monitoring: monitoringFor(server.url, '3s'),
      rules: [errorsRule({ name: 'rollback', for: 1000, action: 'rollback' })],
      emit,
    });
    // Nothing deployed yet (a first deploy): everything fails, and the rule says so.
    server.set({ outage: 'status' });
    await until(() => run.current().rules[0]!.state === 'firing');
    run.cutover('during');
    server.set({ outage: undefined });
    // Within the 3 s window, but before the cutover: no longer counted, and the rule is ok again.
    await until(() => run.current().window.metrics.requests > 0 && run.current().rules[0]!.state === 'ok');
    expect(run.current().window.metrics).toMatchObject({ failures: 0 });
    run.cutover('during');
    await until(() => run.current().window.metrics.requests > 60);
    await run.stop();
    expect(of('alert.changed').map((a) => a.state)).toEqual(['pending', 'firing', 'ok']);
  });

  it('judgeFrom cutover: nothing before the cutover counts (no alert, no downtime); after it, the rules judge', async () => {
    const server = await app();
    const { emit, of } = recordEvents();
    const fired: AlertTransition[] = [];
    const run = await monitor({
      monitoring: monitoringFor(server.url),
      rules: [errorsRule({ name: 'rollback', for: 1500, action: 'rollback' })],
      judgeFrom: 'cutover',
      emit,
      onRollback: (rule) => fired.push(rule),
    });
    // A first deploy's long preparation: nothing answers, and no rule says anything about it.
    server.set({ outage: 'status' });
    await sleep(2600);
    expect(run.current().rules[0]!.state).toBe('ok');
    expect(run.current().downtime.ms).toBe(0);
    await run.waitQuiet(200);
    // The new version takes traffic and fails too: judged from the cutover, it fires `for` later.
    run.cutover('during');
    const cutAt = Date.now();
    // The rules are evaluated every 500 ms: by 700 ms at least one has run, well before `for` ends.
    await sleep(700);
    expect(run.current().rules[0]!.state).toBe('pending');
    expect(fired).toEqual([]);
    await expect(run.waitQuiet(5000)).rejects.toThrow(/rule "rollback"/);
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(1450);
    expect(fired).toHaveLength(1);
    await run.stop();
    expect(of('alert.changed').map((a) => a.state)).toEqual(['pending', 'firing']);
    // The before phase was still measured for the report, failures and all.
    expect(of('monitor.window').some((w) => w.phase === 'before' && w.metrics.failures > 0)).toBe(true);
    const [downtime] = of('downtime.measured');
    expect(downtime?.ms).toBeLessThan(4000);
  });

  it('this machine held up: no rule fires on it, and the windows say how many probes were not measured', async () => {
    const server = await app();
    // A healthy app that takes 150 ms per answer, probed with a 1 s timeout (held up 1.5 s below).
    server.set({ delayMs: 150 });
    const { emit, of } = recordEvents();
    const fired: AlertTransition[] = [];
    const run = await monitor({
      monitoring: Monitoring.parse({ probes: { url: server.url, rate: 50, timeout: '1s', window: '2s' } }),
      rules: [errorsRule({ name: 'rollback', condition: 'error_rate > 5%', for: 0, action: 'rollback' })],
      emit,
      onRollback: (rule) => fired.push(rule),
    });
    await until(() => run.current().window.metrics.requests >= 5);
    holdUp(1500);
    // Measured again: a healthy app's answers count once more, and the rules have looked.
    await until(() => run.current().window.metrics.requests >= 60 && run.current().values.error_rate !== undefined);
    await run.waitQuiet(0);
    await run.stop();
    expect(fired).toEqual([]);
    expect(of('alert.changed')).toEqual([]);
    const windows = of('monitor.window');
    expect(windows.reduce((n, w) => n + w.metrics.failures, 0)).toBe(0);
    expect(windows.reduce((n, w) => n + (w.metrics.notMeasured ?? 0), 0)).toBeGreaterThan(30);
    expect(of('downtime.measured')[0]?.ms).toBe(0);
  });

  it('a planned outage (recreate) is measured as downtime but judged only from the cutover after it', async () => {
    const server = await app();
    const { emit, of } = recordEvents();
    const fired: AlertTransition[] = [];
    const run = await monitor({
      monitoring: monitoringFor(server.url),
      rules: [errorsRule({ name: 'rollback', for: 0, action: 'rollback' })],
      judgeFrom: 'cutover',
      emit,
      onRollback: (rule) => fired.push(rule),
    });
    run.cutover('during', { outage: true });
    server.set({ outage: 'drop' });
    // A slow start on a busy machine: many probes fail, long enough for the rules to have looked.
    await until(() => run.current().downtime.ms > 1200);
    expect(run.current().rules[0]!.state).toBe('ok');
    server.set({ outage: undefined });
    run.cutover('after');
    await until(() => run.current().values.error_rate !== undefined);
    expect(run.current().rules[0]!.state).toBe('ok');
    // Judged again after it: a failing new version still fires.
    server.set({ failShare: 0.5 });
    await expect(run.waitQuiet(10_000)).rejects.toThrow(/rule "rollback"/);
    await run.stop();
    expect(fired).toHaveLength(1);
    expect(of('downtime.measured')[0]!.ms).toBeGreaterThan(1200);
  });

  it('waitQuiet resolves after its time when nothing fires; stopping rejects waiters', async () => {
    const server = await app();
    const { emit } = recordEvents();
    const run = await monitor({
      monitoring: monitoringFor(server.url),
      rules: [errorsRule({ for: 0, action: 'rollback' })],
      emit,
    });
    const started = Date.now();
    await run.waitQuiet(800);
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    const cancelled = new AbortController();
    const aborted = run.waitQuiet(5000, cancelled.signal);
    cancelled.abort(new Error('operator cancelled'));
    await expect(aborted).rejects.toThrow('operator cancelled');
    const waiting = rejectionOf(run.waitQuiet(5000), MonitorError);
    await run.stop();
    expect((await waiting).code).toBe('monitor-stopped');
    expect(run.current().values).toMatchObject({ error_rate: 0, availability: 1 });
  });

  it('probes the health URL when monitoring names none; refuses to start with nothing to probe or a bad rule', async () => {
    const server = await app();
    const { emit, of } = recordEvents();
    const run = await monitor({ monitoring: Monitoring.parse({}), healthUrl: server.url, rules: [], emit });
    expect(run.target).toBe(server.url);
    expect(of('monitor.started')[0]).toMatchObject({ target: server.url, ratePerSecond: 10 });

    const none = await rejectionOf(
      createRunMonitor({ monitoring: Monitoring.parse({}), rules: [], emit }),
      MonitorError,
    );
    expect(none.code).toBe('no-probe-url');
    expect(none.message).toBe('nothing to watch: set monitoring.probes.url, urls.health or monitoring.prometheus');
    const badRule = await rejectionOf(
      createRunMonitor({
        monitoring: monitoringFor(server.url),
        rules: [errorsRule({ name: 'typo', condition: 'error_rate >> 5%' })],
        emit,
      }),
      MonitorError,
    );
    expect(badRule.code).toBe('invalid-rule');
    expect(badRule.message).toContain('alert rule "typo"');
    const before = of('monitor.started').length;
    const badUrl = await rejectionOf(
      createRunMonitor({ monitoring: Monitoring.parse({}), healthUrl: 'ftp://web-1/health', rules: [], emit }),
      MonitorError,
    );
    expect(badUrl.code).toBe('invalid-probe');
    expect(badUrl.message).toContain('"ftp://web-1/health" is not http(s)');
    // Refused before it said it started.
    expect(of('monitor.started')).toHaveLength(before);
  });

  it('an unreachable app: every probe fails, availability 0, a for-0 availability rule fires', async () => {
    const { emit, of } = recordEvents();
    const { freePort } = await import('../test-lab/sshd-lab');
    const url = `http://127.0.0.1:${await freePort()}/health`;
    const run = await monitor({
      monitoring: monitoringFor(url),
      rules: [errorsRule({ name: 'availability', condition: 'availability < 95%', for: 0 })],
      emit,
    });
    await sleep(1000);
    expect(run.current().window.metrics).toMatchObject({ availability: 0 });
    await run.stop();
    expect(of('alert.changed')).toMatchObject([{ rule: 'availability', state: 'firing', value: 0 }]);
    expect(of('downtime.measured')[0]!.ms).toBeGreaterThan(800);
  });
});
