import { readFile } from 'node:fs/promises';
import { CoverageError } from './coverage-error';
import { type CoverageMetric, coverageMetrics, parseCoverage } from './coverage-formats';

export interface CoverageCheckPlan {
  kind: 'coverage-check';
  file: string;
  min: number;
  metric: CoverageMetric;
}

export interface CoverageCheckResult {
  ok: boolean;
  /** The measured percentage; undefined when the file could not be read. */
  value?: number;
  message: string;
}

/** The total coverage percentage (0–100) for one metric of a summary, lcov or cobertura file. */
export async function readCoverageSummary(file: string, options: { metric?: CoverageMetric } = {}): Promise<number> {
  const metric = options.metric ?? 'lines';
  if (!coverageMetrics.includes(metric)) {
    throw new CoverageError(
      'invalid-check',
      `${file}: unknown metric ${JSON.stringify(metric)} (use ${coverageMetrics.join(', ')})`,
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CoverageError(
        'missing-file',
        `${file}: not found (expected a coverage report: coverage-summary.json, lcov.info or cobertura XML)`,
        {
          file,
        },
      );
    }
    throw new CoverageError('unreadable-file', `${file}: cannot read (${code ?? String(error)})`, { file });
  }
  return parseCoverage(text, metric, file).percent;
}

export function planCoverageCheck(options: { file: string; min: number; metric?: CoverageMetric }): CoverageCheckPlan {
  return { kind: 'coverage-check', file: options.file, min: options.min, metric: options.metric ?? 'lines' };
}

/** "lines coverage ≥ 80% (coverage/coverage-summary.json)" — for a dry run or a checklist row. */
export function describeCoverageCheck(plan: CoverageCheckPlan): string {
  return `${plan.metric} coverage ≥ ${plan.min}% (${plan.file})`;
}

/**
 * A checklist check: it never throws, because a missing report is a failed gate that the
 * release manager must see, with the file named, not a crash.
 */
export async function coverageCheck(options: {
  file: string;
  min: number;
  metric?: CoverageMetric;
}): Promise<CoverageCheckResult> {
  const plan = planCoverageCheck(options);
  if (!(Number.isFinite(plan.min) && plan.min >= 0 && plan.min <= 100)) {
    return { ok: false, message: `coverage check ${plan.file}: min must be a percentage 0–100, got ${plan.min}` };
  }
  let value: number;
  try {
    value = await readCoverageSummary(plan.file, { metric: plan.metric });
  } catch (error) {
    if (error instanceof CoverageError) return { ok: false, message: error.message };
    throw error;
  }
  const ok = value >= plan.min;
  return {
    ok,
    value,
    message: `${plan.metric} coverage ${formatPercent(value, plan.min)}% ${ok ? '≥' : '<'} ${plan.min}%`,
  };
}

/**
 * One decimal, unless rounding would make the printed figure contradict the verdict (79.96
 * shown as "80.0% < 80%"); then as many decimals as it takes.
 */
export function formatPercent(value: number, min: number): string {
  const passes = value >= min;
  for (let decimals = 1; decimals <= 4; decimals++) {
    const text = value.toFixed(decimals);
    if (Number(text) >= min === passes) return text;
  }
  // Rounding up at four decimals still says "min": cut instead, which never crosses it.
  return (Math.floor(value * 1e4) / 1e4).toFixed(4);
}
