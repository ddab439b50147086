import { describe, expect, it } from 'vitest';
import type { MetricsSummary, MonitorPhase } from '../runs/run-events';
import { collectMetrics } from './collect-metrics';
import { asRunEvents } from './fixtures/scenario-kit';
import { renderMetrics } from './render-metrics';
import type { ReportData } from './report-types';

// Probes this machine held up (issue #18 item 5): counted apart, and a phase mostly held up says
// "not measured" rather than claiming 0 % errors.

const window = (phase: MonitorPhase, from: string, to: string, metrics: MetricsSummary) => ({
  at: to,
  type: 'monitor.window',
  data: { source: 'probes', phase, from, to, metrics },
});

const render = (events: ReturnType<typeof window>[]) =>
  renderMetrics({ metrics: collectMetrics(asRunEvents(events)).metrics } as ReportData);

describe('renderMetrics with probes this machine held up', () => {
  it('says how many were not measured, and a phase with too few measured says so instead of 0 %', () => {
    const markdown = render([
      window('before', '2026-12-01T10:00:00Z', '2026-12-01T10:00:10Z', {
        requests: 100,
        failures: 0,
        errorRate: 0,
        availability: 1,
        p50: 4,
        p95: 9,
        p99: 12,
        throughput: 10,
      }),
      window('after', '2026-12-01T10:00:10Z', '2026-12-01T10:00:20Z', {
        requests: 3,
        failures: 0,
        errorRate: 0,
        availability: 1,
        throughput: 0.3,
        notMeasured: 97,
      }),
    ]);
    expect(markdown).toMatch(
      /\| Error rate \| 0(\.0)? ?% \| not measured \| not measured \(this machine was busy\) \|/,
    );
    expect(markdown).toMatch(
      /\| Availability \| 100(\.0)? ?% \| not measured \| not measured \(this machine was busy\) \|/,
    );
    expect(markdown).toContain('| Requests (failed) | 100 (0) | not measured | 3 (0), 97 not measured |');
    expect(markdown).toContain('97 probes were not measured: this machine held them up');
  });

  it('a phase with most probes measured keeps its figures and still counts the others apart', () => {
    const markdown = render([
      window('after', '2026-12-01T10:00:10Z', '2026-12-01T10:00:20Z', {
        requests: 90,
        failures: 9,
        errorRate: 0.1,
        availability: 0.9,
        throughput: 9,
        notMeasured: 10,
      }),
    ]);
    expect(markdown).toMatch(/\| Error rate \| not measured \| not measured \| 10(\.0)? ?% \|/);
    expect(markdown).toContain('90 (9), 10 not measured');
  });
});
