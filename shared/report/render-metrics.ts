import { tooFewMeasured } from '../monitor/probe-metrics';
import type { MonitorPhase } from '../runs/run-events';
import { formatLatency, formatPercent, formatRate, formatTime } from './format';
import { escapeCell, escapeInline, table } from './markdown';
import type { PhaseMetrics, ReportData } from './report-types';

// Error rate, response times, throughput and availability before, during and after the cutover,
// per source, from the monitoring the run journaled; said plainly when there was none. Probes this
// machine held up are counted apart; a phase with too few measured probes says so, not "0 %".

const phases: MonitorPhase[] = ['before', 'during', 'after'];
const sourceTitles = { probes: 'Synthetic probes', prometheus: 'Prometheus' } as const;

type Row = [string, (p: PhaseMetrics) => string];

/** Figures of a phase whose probes were mostly held up by this machine are not the app's. */
const judged =
  (fn: (p: PhaseMetrics) => string) =>
  (p: PhaseMetrics): string =>
    p.source === 'probes' && (p.metrics.notMeasured ?? 0) > 0 && tooFewMeasured(p.metrics)
      ? 'not measured (this machine was busy)'
      : fn(p);

const requestsText = (p: PhaseMetrics): string => {
  const held = p.metrics.notMeasured ? `, ${p.metrics.notMeasured} not measured` : '';
  return `${p.metrics.requests} (${p.metrics.failures})${held}`;
};

const rows: Row[] = [
  ['Error rate', judged((p) => formatPercent(p.metrics.errorRate))],
  ['Response time p50', judged((p) => formatLatency(p.metrics.p50))],
  ['Response time p95', judged((p) => formatLatency(p.metrics.p95))],
  ['Response time p99', judged((p) => formatLatency(p.metrics.p99))],
  ['Throughput', (p) => formatRate(p.metrics.throughput)],
  ['Availability', judged((p) => formatPercent(p.metrics.availability))],
  ['Requests (failed)', requestsText],
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
  const held = measured.reduce((n, p) => n + (p.metrics.notMeasured ?? 0), 0);
  if (held > 0)
    out.push(
      '',
      `${held} probe${held === 1 ? ' was' : 's were'} not measured: this machine held ${held === 1 ? 'it' : 'them'} up (a busy event loop, a late send), so ${held === 1 ? 'it is' : 'they are'} in no figure above and fired no rule.`,
    );
  return out.join('\n');
}
