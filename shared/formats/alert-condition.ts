// Alert conditions as the workflow writes them: `error_rate > 5%`, `p95_latency > 2s`,
// `availability < 99.5%`, `cpu_usage > 80%`. Parsed once into data the monitor evaluates.

export type Comparison = '>' | '>=' | '<' | '<=';

export interface AlertCondition {
  metric: string;
  op: Comparison;
  /** In the metric's base unit: a fraction 0–1 for %, milliseconds for durations, else the number. */
  threshold: number;
  unit: '%' | 'ms' | '/s' | '';
}

const pattern = /^\s*([a-z][a-z0-9_]*)\s*(>=|<=|>|<)\s*(\d+(?:\.\d+)?)\s*(%|ms|s|m|\/s)?\s*$/;

export function parseAlertCondition(text: string): AlertCondition | { error: string } {
  const match = pattern.exec(text);
  if (!match) {
    return { error: `"${text}" is not a condition: write <metric> <op> <number>[unit], e.g. error_rate > 5%` };
  }
  const [, metric, op, raw, unit = ''] = match;
  const value = Number(raw);
  if (unit === '%') return { metric: metric!, op: op as Comparison, threshold: value / 100, unit: '%' };
  if (unit === 'ms') return { metric: metric!, op: op as Comparison, threshold: value, unit: 'ms' };
  if (unit === 's') return { metric: metric!, op: op as Comparison, threshold: value * 1000, unit: 'ms' };
  if (unit === 'm') return { metric: metric!, op: op as Comparison, threshold: value * 60_000, unit: 'ms' };
  return { metric: metric!, op: op as Comparison, threshold: value, unit: unit as '/s' | '' };
}

const unitsByMetric: Record<string, AlertCondition['unit'][]> = {
  error_rate: ['%'],
  availability: ['%'],
  cpu_usage: ['%'],
  memory_usage: ['%'],
  disk_usage: ['%'],
  p50_latency: ['ms'],
  p95_latency: ['ms'],
  p99_latency: ['ms'],
  response_time: ['ms'],
  throughput: ['/s', ''],
};

/** A unit that cannot fit its metric (`availability < 99.5` is a fraction compared with 99.5): why, or undefined. */
export function unitProblem(condition: AlertCondition): string | undefined {
  const allowed = unitsByMetric[condition.metric];
  if (!allowed || allowed.includes(condition.unit)) return undefined;
  const shown = allowed.map((u) => (u === 'ms' ? 'ms, s or m' : u || 'no unit')).join(' or ');
  const example =
    condition.metric === 'availability' ? '99.5%' : allowed[0] === '%' ? '5%' : allowed[0] === 'ms' ? '2s' : '100/s';
  return `${condition.metric} is measured in ${shown}; write e.g. ${condition.metric} ${condition.op} ${example}`;
}
