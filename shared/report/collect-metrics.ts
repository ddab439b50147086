import type { RunEvent } from '../runs/run-event';
import type { MetricsSummary, MonitorPhase } from '../runs/run-events';
import { fieldsOf, num, text } from './event-fields';
import { between } from './format';
import type { MonitorRecord, PhaseMetrics, ReportMetrics, ReportResults } from './report-types';

// The monitoring the run did, folded per source and phase (before, during, after the cutover).
// Counts add up; error rate and availability are weighted by requests; percentiles cannot be
// merged exactly, so a phase shows its worst window's (the report says so).

const phases: MonitorPhase[] = ['before', 'during', 'after'];

interface Accumulator {
  source: 'probes' | 'prometheus';
  phase: MonitorPhase;
  windows: number;
  from: string;
  to: string;
  requests: number;
  failures: number;
  /** Probes this machine held up: in no figure (see shared/monitor/probe-sample.ts). */
  notMeasured: number;
  availabilityWeighted: number;
  availabilitySum: number;
  errorRateSum: number;
  throughputSum: number;
  seconds: number;
  p50?: number;
  p95?: number;
  p99?: number;
  versions?: Record<string, number>;
}

const worst = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

function fold(acc: Accumulator): PhaseMetrics {
  const weighted = acc.requests > 0;
  const metrics: MetricsSummary = {
    requests: acc.requests,
    failures: acc.failures,
    errorRate: weighted ? acc.failures / acc.requests : acc.errorRateSum / acc.windows,
    availability: weighted ? acc.availabilityWeighted / acc.requests : acc.availabilitySum / acc.windows,
    throughput: acc.seconds > 0 ? acc.requests / acc.seconds : acc.throughputSum / acc.windows,
  };
  if (acc.p50 !== undefined) metrics.p50 = acc.p50;
  if (acc.p95 !== undefined) metrics.p95 = acc.p95;
  if (acc.p99 !== undefined) metrics.p99 = acc.p99;
  if (acc.notMeasured > 0) metrics.notMeasured = acc.notMeasured;
  const out: PhaseMetrics = {
    source: acc.source,
    phase: acc.phase,
    windows: acc.windows,
    from: acc.from,
    to: acc.to,
    metrics,
  };
  if (acc.versions) out.versions = acc.versions;
  return out;
}

export function collectMetrics(events: readonly RunEvent[]): {
  metrics: ReportMetrics;
  downtime: ReportResults['downtime'];
} {
  const monitors: MonitorRecord[] = [];
  const accumulators = new Map<string, Accumulator>();
  let downtime: ReportResults['downtime'];
  for (const event of events) {
    if (event.type === 'monitor.window') {
      const d = fieldsOf(event, 'monitor.window');
      const m = (d.metrics ?? {}) as Partial<MetricsSummary>;
      const source = d.source === 'prometheus' ? 'prometheus' : 'probes';
      const phase: MonitorPhase = d.phase === 'before' || d.phase === 'after' ? d.phase : 'during';
      const key = `${source}/${phase}`;
      const from = text(d.from, event.at);
      const to = text(d.to, event.at);
      let acc = accumulators.get(key);
      if (!acc) {
        acc = {
          source,
          phase,
          windows: 0,
          from,
          to,
          requests: 0,
          failures: 0,
          notMeasured: 0,
          availabilityWeighted: 0,
          availabilitySum: 0,
          errorRateSum: 0,
          throughputSum: 0,
          seconds: 0,
        };
        accumulators.set(key, acc);
      }
      const requests = num(m.requests) ?? 0;
      const availability = num(m.availability) ?? 0;
      acc.windows += 1;
      if (from < acc.from) acc.from = from;
      if (to > acc.to) acc.to = to;
      acc.requests += requests;
      acc.failures += num(m.failures) ?? 0;
      acc.notMeasured += num(m.notMeasured) ?? 0;
      acc.availabilityWeighted += availability * requests;
      acc.availabilitySum += availability;
      acc.errorRateSum += num(m.errorRate) ?? 0;
      acc.throughputSum += num(m.throughput) ?? 0;
      acc.seconds += (between(from, to) ?? 0) / 1000;
      acc.p50 = worst(acc.p50, num(m.p50));
      acc.p95 = worst(acc.p95, num(m.p95));
      acc.p99 = worst(acc.p99, num(m.p99));
      if (d.versions && typeof d.versions === 'object') {
        acc.versions ??= {};
        for (const version in d.versions) {
          if (Object.hasOwn(d.versions, version))
            acc.versions[version] = (acc.versions[version] ?? 0) + (num(d.versions[version]) ?? 0);
        }
      }
    } else if (event.type === 'monitor.started') {
      const d = fieldsOf(event, 'monitor.started');
      monitors.push({
        source: d.source === 'prometheus' ? 'prometheus' : 'probes',
        target: text(d.target),
        ratePerSecond: num(d.ratePerSecond),
        startedAt: event.at,
      });
    } else if (event.type === 'monitor.stopped') {
      const d = fieldsOf(event, 'monitor.stopped');
      const monitor = monitors.findLast((m) => m.source === d.source && !m.stoppedAt);
      if (monitor) {
        monitor.stoppedAt = event.at;
        if (text(d.reason)) monitor.stopReason = text(d.reason);
      }
    } else if (event.type === 'downtime.measured') {
      const d = fieldsOf(event, 'downtime.measured');
      const ms = num(d.ms) ?? 0;
      // Several measurements (one per stage): the longest is the run's downtime.
      if (!downtime || ms > downtime.ms)
        downtime = { ms, from: text(d.from) || undefined, to: text(d.to) || undefined };
    }
  }
  const order = (p: PhaseMetrics) => (p.source === 'probes' ? 0 : 3) + phases.indexOf(p.phase);
  const folded = [...accumulators.values()].map(fold).sort((a, b) => order(a) - order(b));
  return { metrics: { monitors, phases: folded }, downtime };
}
