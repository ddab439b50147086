import type { MonitorPhase } from '../runs/run-events';
import { formatLatency, formatPercent, formatRate, formatTime } from './format';
import { escapeCell, escapeInline, table } from './markdown';
import type { PhaseMetrics, ReportData } from './report-types';

// Error rate, response times, throughput and availability before, during and after the cutover,
// per source, from the monitoring the run journaled; said plainly when there was none.

const phases: MonitorPhase[] = ['before', 'during', 'after'];
const sourceTitles = { probes: 'Synthetic probes', prometheus: 'Prometheus' } as const;

type Row = [string, (p: PhaseMetrics) => string];

const rows: Row[] = [
  ['Error rate', (p) => formatPercent(p.metrics.errorRate)],
  ['Response time p50', (p) => formatLatency(p.metrics.p50)],
  ['Response time p95', (p) => formatLatency(p.metrics.p95)],
  ['Response time p99', (p) => formatLatency(p.metrics.p99)],
  ['Throughput', (p) => formatRate(p.metrics.throughput)],
  ['Availability', (p) => formatPercent(p.metrics.availability)],
  ['Requests (failed)', (p) => `${p.metrics.requests} (${p.metrics.failures})`],
  ['Measured', (p) => `${formatTime(p.from)} to ${formatTime(p.to)}, ${p.windows} window${p.windows === 1 ? '' : 's'}`],
];

function versionsText(p: PhaseMetrics): string {
  if (!p.versions) return '—';
  return escapeCell(
    Object.entries(p.versions)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([version, count]) => `${version}: ${count}`)
      .join(', '),
  );
}

function sourceTable(source: 'probes' | 'prometheus', measured: PhaseMetrics[]): string {
  const byPhase = phases.map((phase) => measured.find((p) => p.phase === phase));
  const cell = (p: PhaseMetrics | undefined, fn: (p: PhaseMetrics) => string) => (p ? fn(p) : 'not measured');
  const body = rows.map(([label, fn]) => [label, ...byPhase.map((p) => cell(p, fn))]);
  if (measured.some((p) => p.versions))
    body.push(['Answered by version', ...byPhase.map((p) => (p ? versionsText(p) : '—'))]);
  return [`### ${sourceTitles[source]}`, '', table(['Metric', 'Before', 'During', 'After'], body)].join('\n');
}

export function renderMetrics(data: ReportData): string {
  const { monitors, phases: measured } = data.metrics;
  const out = ['## Metrics', ''];
  if (measured.length === 0 && monitors.length === 0) {
    out.push('No monitoring was recorded for this run.');
    return out.join('\n');
  }
  for (const m of monitors) {
    const rate = m.ratePerSecond !== undefined ? ` at ${m.ratePerSecond} req/s` : '';
    const until = m.stoppedAt
      ? ` to ${formatTime(m.stoppedAt)}${m.stopReason ? ` (stopped: ${escapeInline(m.stopReason)})` : ''}`
      : ', not stopped';
    out.push(
      `- ${sourceTitles[m.source]} on ${escapeInline(m.target)}${rate}, from ${formatTime(m.startedAt)}${until}`,
    );
  }
  if (monitors.length > 0) out.push('');
  if (measured.length === 0) {
    out.push('Monitoring started but recorded no measurement windows.');
    return out.join('\n');
  }
  for (const source of ['probes', 'prometheus'] as const) {
    const mine = measured.filter((p) => p.source === source);
    if (mine.length > 0) out.push(sourceTable(source, mine), '');
  }
  out.push("Rates are weighted by requests; each response-time percentile is the worst window's of its phase.");
  return out.join('\n');
}
