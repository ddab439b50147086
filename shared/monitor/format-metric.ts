import { parseAlertCondition } from '../formats/alert-condition';

// A metric's value the way its rule is written, so "error_rate > 10%" is reported as "31.2%" and
// "p95_latency > 2s" as "2480 ms", in the UI, the journal's messages and the report alike.

export function formatMetricValue(condition: string, value: number): string {
  const parsed = parseAlertCondition(condition);
  const unit = 'error' in parsed ? '' : parsed.unit;
  if (unit === '%') return `${round(value * 100)}%`;
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === '/s') return `${round(value)}/s`;
  // A Prometheus query's own number (a ratio, a count): three decimals keep 0.042 readable.
  return String(Math.round(value * 1000) / 1000);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
