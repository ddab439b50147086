import { describe, expect, it } from 'vitest';
import type { MonitorWindow, RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import type { RunEvent } from '../../../../shared/runs/run-event';
import { applyMonitoringEvent } from './apply-event';
import { monitoringCharts, phaseBands } from './chart-data';
import { byUrgency, ruleStates } from './rule-states';

const t0 = Date.parse('2026-11-05T09:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();

function window(n: number, phase: MonitorWindow['phase'], errorRate = 0, requests = 50): MonitorWindow {
  return {
    source: 'probes',
    phase,
    from: iso(n * 10),
    to: iso(n * 10 + 10),
    metrics: {
      requests,
      failures: Math.round(requests * errorRate),
      errorRate,
      availability: 1 - errorRate,
      p50: 40,
      p95: 150,
      p99: 220,
      throughput: requests / 10,
    },
  };
}

function view(overrides: Partial<RunMonitoring> = {}): RunMonitoring {
  return {
    runId: 'r1',
    lastSeq: 0,
    rules: [
      { name: 'high-error-rate', condition: 'error_rate > 5%', for: 30_000, severity: 'critical', action: 'rollback' },
      { name: 'slow-p95', condition: 'p95_latency > 2s', for: 60_000, severity: 'warning', action: 'notify' },
      { name: 'low-availability', condition: 'availability < 99.5%', for: 0, severity: 'info', action: 'notify' },
      { name: 'cpu', condition: 'cpu_usage > 80%', for: 0, severity: 'warning', action: 'notify' },
    ],
    started: [{ at: iso(0), source: 'probes', target: 'http://127.0.0.1:8080/health' }],
    stopped: false,
    windows: [window(0, 'before'), window(1, 'before'), window(2, 'during', 0.02), window(3, 'after', 0.12)],
    alerts: [],
    ...overrides,
  };
}

let seq = 10;
const event = (type: string, data: Record<string, unknown>, at = ++seq): RunEvent => ({
  seq: at,
  at: iso(45),
  type,
  data,
});

describe('monitoringCharts', () => {
  it('makes four charts with one point per window, in the charts’ units', () => {
    const charts = monitoringCharts(view());
    expect(charts.map((c) => c.id)).toEqual(['error-rate', 'latency', 'availability', 'throughput']);
    const [errors, latency, availability, throughput] = charts;
    expect(errors?.spec.x).toEqual([t0 / 1000 + 10, t0 / 1000 + 20, t0 / 1000 + 30, t0 / 1000 + 40]);
    expect(errors?.spec.series[0]?.values).toEqual([0, 0, 2, 12]);
    expect(latency?.spec.series.map((s) => s.label)).toEqual(['p50', 'p95', 'p99']);
    expect(availability?.spec.series[0]?.values).toEqual([100, 100, 98, 88]);
    expect(throughput?.spec.series[0]?.values).toEqual([5, 5, 5, 5]);
    expect(errors?.latest).toBe('12 % in the last window');
    expect(errors?.spec.format(12)).toBe('12 %');
    expect(latency?.spec.format(2480)).toBe('2480 ms');
    expect(latency?.spec.format(12_500)).toBe('12.5 s');
  });

  it('draws each rule’s threshold on the chart of its metric, converted to the chart’s unit', () => {
    const [errors, latency, availability, throughput] = monitoringCharts(view());
    expect(errors?.spec.thresholds).toEqual([
      { label: 'high-error-rate: error_rate > 5%', short: 'high-error-rate', value: 5, tone: 'danger' },
    ]);
    expect(latency?.spec.thresholds).toEqual([
      { label: 'slow-p95: p95_latency > 2s', short: 'slow-p95', value: 2000, tone: 'warning' },
    ]);
    expect(availability?.spec.thresholds).toEqual([
      { label: 'low-availability: availability < 99.5%', short: 'low-availability', value: 99.5, tone: 'info' },
    ]);
    expect(throughput?.spec.thresholds).toEqual([]);
  });

  it('leaves a gap for a window with no answers, rather than a zero', () => {
    const [errors] = monitoringCharts(view({ windows: [window(0, 'before'), window(1, 'during', 0, 0)] }));
    expect(errors?.spec.series[0]?.values).toEqual([0, null]);
  });

  it('leaves a gap for a window this machine mostly held up, and says "not measured" rather than 0 %', () => {
    const held = window(1, 'after', 0, 3);
    held.metrics.notMeasured = 47;
    const [errors, , availability] = monitoringCharts(view({ windows: [window(0, 'before'), held] }));
    expect(errors?.spec.series[0]?.values).toEqual([0, null]);
    expect(errors?.latest).toBe('not measured in the last window (this machine was busy)');
    expect(availability?.latest).toBe('not measured in the last window (this machine was busy)');
  });

  it('bands the phases and the measured downtime', () => {
    const bands = monitoringCharts(view({ downtime: { ms: 1200, from: iso(21), to: iso(22.2) } }))[0]?.spec.bands;
    const s = t0 / 1000;
    expect(bands).toEqual([
      { kind: 'before', label: 'Before cutover', from: s, to: s + 20 },
      { kind: 'during', label: 'During cutover', from: s + 20, to: s + 30 },
      { kind: 'after', label: 'After cutover', from: s + 30, to: s + 40 },
      { kind: 'downtime', label: 'Downtime', from: s + 21, to: s + 22.2 },
    ]);
    expect(phaseBands([])).toEqual([]);
  });

  it('has empty series and no latest figure when nothing was measured', () => {
    const charts = monitoringCharts(view({ windows: [], started: [] }));
    expect(charts.every((c) => c.spec.x.length === 0 && c.latest === undefined)).toBe(true);
  });
});

describe('ruleStates', () => {
  it('takes each rule’s last change, ok for the others while monitoring ran, and says where it is charted', () => {
    const states = ruleStates(
      view({
        alerts: [
          {
            at: iso(30),
            rule: 'high-error-rate',
            condition: 'error_rate > 5%',
            state: 'pending',
            value: 0.06,
            severity: 'critical',
            action: 'rollback',
          },
          {
            at: iso(40),
            rule: 'high-error-rate',
            condition: 'error_rate > 5%',
            state: 'firing',
            value: 0.12,
            severity: 'critical',
            action: 'rollback',
          },
        ],
      }),
    );
    expect(states.map((s) => [s.name, s.state, s.value, s.since, s.chart])).toEqual([
      ['high-error-rate', 'firing', '12%', iso(40), 'error-rate'],
      ['slow-p95', 'ok', undefined, undefined, 'latency'],
      ['low-availability', 'ok', undefined, undefined, 'availability'],
      ['cpu', 'ok', undefined, undefined, undefined],
    ]);
    expect(byUrgency([...states].reverse())[0]?.name).toBe('high-error-rate');
  });

  it('calls rules not evaluated when the run recorded no monitoring', () => {
    expect(ruleStates(view({ started: [], windows: [] })).every((s) => s.state === 'not-evaluated')).toBe(true);
  });
});

describe('applyMonitoringEvent', () => {
  it('appends windows and alert changes from pushes, learning a rule it did not know', () => {
    let live = view({ windows: [], rules: [] });
    live = applyMonitoringEvent(live, event('monitor.window', { ...window(0, 'before') }));
    live = applyMonitoringEvent(
      live,
      event('alert.changed', {
        rule: 'new',
        condition: 'error_rate > 1%',
        state: 'pending',
        value: 0.02,
        severity: 'warning',
        action: 'notify',
      }),
    );
    live = applyMonitoringEvent(live, event('downtime.measured', { ms: 800, from: iso(1), to: iso(2) }));
    expect(live.windows).toHaveLength(1);
    expect(live.alerts[0]).toMatchObject({ at: iso(45), rule: 'new', state: 'pending' });
    expect(live.rules).toEqual([{ name: 'new', condition: 'error_rate > 1%', severity: 'warning', action: 'notify' }]);
    expect(live.downtime).toEqual({ ms: 800, from: iso(1), to: iso(2) });
    live = applyMonitoringEvent(live, event('monitor.stopped', { source: 'probes' }));
    live = applyMonitoringEvent(live, event('run.finished', { status: 'succeeded' }));
    expect(live).toMatchObject({ stopped: true, endedAt: iso(45), lastSeq: seq });
  });

  it('returns the same view for other events, malformed lines and lines it already has', () => {
    const before = view({ lastSeq: 5 });
    expect(applyMonitoringEvent(before, event('monitor.window', { ...window(9, 'after') }, 5))).toBe(before);
    expect(applyMonitoringEvent(before, event('checklist.ticked', { item: 'a.b', by: 'x' }))).toBe(before);
    expect(applyMonitoringEvent(before, event('monitor.window', { phase: 'sideways' }))).toBe(before);
    expect(applyMonitoringEvent(before, event('alert.changed', { rule: 'x' }))).toBe(before);
  });
});
