import type { MonitoringRule, MonitorWindow, RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { parseAlertCondition } from '../../../../shared/formats/alert-condition';
import { tooFewMeasured } from '../../../../shared/monitor/probe-metrics';
import type { ChartBand, ChartMoment, ChartSeries, ChartThreshold, TimeSeriesSpec } from '../../ui/chart/chart-types';

// The run's probe windows shaped into the four charts the release manager watches: error rate,
// latency (p50/p95/p99), availability and throughput. Each point is a window, drawn at its end;
// the phases of the cutover and the measured downtime become bands, and every alert rule whose
// metric a chart shows becomes a threshold line on it, in the chart's unit.

export type ChartId = 'error-rate' | 'latency' | 'availability' | 'throughput';

export interface MonitoringChart {
  id: ChartId;
  title: string;
  spec: TimeSeriesSpec;
  /** The last window's figure(s), in words. */
  latest?: string;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

const percent = (value: number) => `${Number(value.toFixed(value < 10 ? 2 : 1))} %`;
const millis = (value: number) =>
  value >= 10_000 ? `${Number((value / 1000).toFixed(1))} s` : `${Math.round(value)} ms`;
const perSecond = (value: number) => `${Number(value.toFixed(1))}/s`;

/** Which chart shows a rule's metric, and how its threshold converts to the chart's unit. */
const chartOfMetric: Record<string, { chart: ChartId; scale: number }> = {
  error_rate: { chart: 'error-rate', scale: 100 },
  availability: { chart: 'availability', scale: 100 },
  p50_latency: { chart: 'latency', scale: 1 },
  p95_latency: { chart: 'latency', scale: 1 },
  p99_latency: { chart: 'latency', scale: 1 },
  response_time: { chart: 'latency', scale: 1 },
  throughput: { chart: 'throughput', scale: 1 },
};

/** The chart a rule's threshold is drawn on, or undefined (e.g. cpu_usage from Prometheus). */
export function chartOfRule(rule: Pick<MonitoringRule, 'condition'>): ChartId | undefined {
  const parsed = parseAlertCondition(rule.condition);
  return 'error' in parsed ? undefined : chartOfMetric[parsed.metric]?.chart;
}

function thresholdsFor(chart: ChartId, rules: readonly MonitoringRule[]): ChartThreshold[] {
  return rules.flatMap((rule) => {
    const parsed = parseAlertCondition(rule.condition);
    if ('error' in parsed) return [];
    const target = chartOfMetric[parsed.metric];
    if (target?.chart !== chart) return [];
    const tone = rule.severity === 'critical' ? 'danger' : rule.severity === 'warning' ? 'warning' : 'info';
    return [
      { label: `${rule.name}: ${rule.condition}`, short: rule.name, value: parsed.threshold * target.scale, tone },
    ];
  });
}

const phaseLabels = { before: 'Before cutover', during: 'During cutover', after: 'After cutover' } as const;

/** Consecutive windows of one phase make one band, from the first window's start to the last's end. */
export function phaseBands(windows: readonly MonitorWindow[]): ChartBand[] {
  const bands: ChartBand[] = [];
  for (const window of windows) {
    const last = bands.at(-1);
    if (last && last.kind === window.phase) last.to = seconds(window.to);
    else
      bands.push({
        kind: window.phase,
        label: phaseLabels[window.phase],
        from: seconds(window.from),
        to: seconds(window.to),
      });
  }
  return bands;
}

function downtimeBand(view: RunMonitoring): ChartBand[] {
  const { downtime } = view;
  if (!downtime?.from || !downtime.to || downtime.ms <= 0) return [];
  return [{ kind: 'downtime', label: 'Downtime', from: seconds(downtime.from), to: seconds(downtime.to) }];
}

const pick = (windows: readonly MonitorWindow[], read: (w: MonitorWindow) => number | undefined) =>
  windows.map((w) => {
    const value = read(w);
    // An empty window (no answers at all), or one this machine mostly held up (its probes not
    // measured), has no rate or latency: a gap, not a zero.
    return !tooFewMeasured(w.metrics) && value !== undefined && Number.isFinite(value) ? value : null;
  });

/** The cutovers (traffic switches) and the rollback, the same on every chart. */
export function chartMoments(view: RunMonitoring): ChartMoment[] {
  const moments: ChartMoment[] = (view.cutovers ?? []).map((cutover) => ({
    at: seconds(cutover.at),
    label: 'Cutover',
    tone: 'info',
  }));
  const { rollback } = view;
  if (rollback) {
    moments.push({ at: seconds(rollback.at), label: 'Rollback', tone: 'danger' });
    if (rollback.endedAt)
      moments.push({
        at: seconds(rollback.endedAt),
        label: rollback.ok ? 'Rolled back' : 'Rollback failed',
        tone: rollback.ok ? 'success' : 'danger',
      });
  }
  return moments;
}

export function monitoringCharts(view: RunMonitoring): MonitoringChart[] {
  // Probes are the charts' source; Prometheus windows only when no probe measured anything.
  const probes = view.windows.filter((w) => w.source === 'probes');
  const windows = probes.length > 0 ? probes : view.windows;
  const x = windows.map((w) => seconds(w.to));
  const bands = [...phaseBands(windows), ...downtimeBand(view)];
  const moments = chartMoments(view);
  const lastWindow = windows.at(-1)?.metrics;
  const heldUp = lastWindow?.notMeasured !== undefined && tooFewMeasured(lastWindow);
  // The last window's figures are not the app's when this machine held its probes up.
  const last = heldUp ? undefined : lastWindow;
  const notMeasured = heldUp ? 'not measured in the last window (this machine was busy)' : undefined;
  const chart = (
    id: ChartId,
    title: string,
    series: ChartSeries[],
    format: (v: number) => string,
    bounds: { zero?: boolean; floor?: number; ceiling?: number },
    latest: string | undefined,
  ): MonitoringChart => ({
    id,
    title,
    latest,
    spec: { x, series, bands, moments, thresholds: thresholdsFor(id, view.rules), format, ...bounds },
  });
  return [
    chart(
      'error-rate',
      'Error rate',
      [{ label: 'Error rate', color: 'accent', values: pick(windows, (w) => w.metrics.errorRate * 100) }],
      percent,
      { zero: true, ceiling: 100 },
      last ? `${percent(last.errorRate * 100)} in the last window` : notMeasured,
    ),
    chart(
      'latency',
      'Latency',
      [
        { label: 'p50', color: 'info', values: pick(windows, (w) => w.metrics.p50) },
        { label: 'p95', color: 'accent', values: pick(windows, (w) => w.metrics.p95) },
        { label: 'p99', color: 'text-muted', dashed: true, values: pick(windows, (w) => w.metrics.p99) },
      ],
      millis,
      { zero: true },
      last?.p95 !== undefined ? `p95 ${millis(last.p95)} in the last window` : undefined,
    ),
    chart(
      'availability',
      'Availability',
      [{ label: 'Availability', color: 'accent', values: pick(windows, (w) => w.metrics.availability * 100) }],
      percent,
      { floor: 0, ceiling: 100 },
      last ? `${percent(last.availability * 100)} in the last window` : notMeasured,
    ),
    chart(
      'throughput',
      'Throughput',
      [{ label: 'Requests per second', color: 'accent', values: pick(windows, (w) => w.metrics.throughput) }],
      perSecond,
      { zero: true },
      last ? `${perSecond(last.throughput)} in the last window` : undefined,
    ),
  ];
}
