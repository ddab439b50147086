import { describe, expect, it } from 'vitest';
import type { MonitorWindow, RunMonitoring } from '../../../../../shared/api/schemas/monitoring';
import { timeLeft, watchFigures } from './watch-figures';

const t0 = Date.parse('2026-11-05T09:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();

function window(errorRate: number, requests = 40, notMeasured?: number): MonitorWindow {
  return {
    source: 'probes',
    phase: 'after',
    from: iso(0),
    to: iso(2),
    metrics: {
      requests,
      failures: Math.round(requests * errorRate),
      errorRate,
      availability: 1 - errorRate,
      p95: 231.4,
      throughput: requests / 2,
      ...(notMeasured !== undefined ? { notMeasured } : {}),
    },
  };
}

function view(windows: MonitorWindow[], overrides: Partial<RunMonitoring> = {}): RunMonitoring {
  return {
    runId: 'r1',
    lastSeq: 0,
    rules: [
      { name: 'errors', condition: 'error_rate > 20%', for: 1000, severity: 'critical', action: 'rollback' },
      { name: 'slow', condition: 'p95_latency > 2s', for: 60_000, severity: 'warning', action: 'notify' },
      { name: 'cpu', condition: 'cpu_usage > 80%', for: 0, severity: 'warning', action: 'notify' },
    ],
    started: [{ at: iso(0), source: 'probes', target: 'http://127.0.0.1:8080/health' }],
    stopped: false,
    windows,
    alerts: [],
    ...overrides,
  };
}

describe('watchFigures', () => {
  it('shows the last window’s figures and each rule’s live value as the rule writes it', () => {
    const figures = watchFigures(
      view([window(0), window(0.286)], {
        alerts: [
          {
            at: iso(2),
            rule: 'errors',
            condition: 'error_rate > 20%',
            state: 'pending',
            value: 0.286,
            severity: 'critical',
            action: 'rollback',
          },
        ],
      }),
    );
    expect(figures.figures).toEqual([
      { label: 'Error rate', value: '28.6 %' },
      { label: 'p95 latency', value: '231 ms' },
      { label: 'Availability', value: '71.4 %' },
    ]);
    expect(figures.heldUp).toBe(false);
    expect(figures.rules.map((r) => [r.name, r.state, r.now, r.value])).toEqual([
      ['errors', 'pending', '28.6%', '28.6%'],
      ['slow', 'ok', '231 ms', undefined],
      ['cpu', 'ok', undefined, undefined],
    ]);
  });

  it('says a window this machine held up is not measured instead of showing 0 % errors', () => {
    const figures = watchFigures(view([window(0, 5, 35)]));
    expect(figures.heldUp).toBe(true);
    expect(figures.notMeasured).toBe(35);
    expect(figures.figures.every((f) => f.value === undefined)).toBe(true);
    expect(figures.rules.every((r) => r.now === undefined)).toBe(true);
  });

  it('counts the not-measured probes of a window that still measured enough', () => {
    const figures = watchFigures(view([window(0, 40, 3)]));
    expect(figures).toMatchObject({ heldUp: false, notMeasured: 3 });
    expect(figures.figures[0]).toEqual({ label: 'Error rate', value: '0 %' });
  });

  it('has no figures before the first window', () => {
    const figures = watchFigures(view([]));
    expect(figures.at).toBeUndefined();
    expect(figures.figures.every((f) => f.value === undefined)).toBe(true);
  });
});

describe('timeLeft', () => {
  it('counts down in m:ss and stops at zero', () => {
    expect(timeLeft(iso(0), 600_000, t0)).toBe('10:00');
    expect(timeLeft(iso(0), 600_000, t0 + 61_500)).toBe('8:59');
    expect(timeLeft(iso(0), 40_000, t0 + 90_000)).toBe('0:00');
  });
});
