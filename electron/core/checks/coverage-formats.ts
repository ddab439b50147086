import { CoverageError } from './coverage-error';

export const coverageMetrics = ['lines', 'statements', 'functions', 'branches'] as const;
export type CoverageMetric = (typeof coverageMetrics)[number];
export type CoverageFormat = 'istanbul-json' | 'lcov' | 'cobertura';

export interface CoverageReading {
  format: CoverageFormat;
  /** 0–100. */
  percent: number;
}

/**
 * Reads the total for one metric from whichever of the three common formats `text` is. The
 * format is told by its shape, not by the file name, because CI artifacts get renamed.
 */
export function parseCoverage(text: string, metric: CoverageMetric, file: string): CoverageReading {
  const trimmed = text.trimStart();
  if (trimmed === '') {
    throw new CoverageError(
      'unrecognized-format',
      `${file}: is empty (expected coverage-summary.json, lcov.info or cobertura XML)`,
      { file },
    );
  }
  if (trimmed.startsWith('{')) return reading('istanbul-json', fromIstanbul(trimmed, metric, file));
  if (trimmed.startsWith('<')) return reading('cobertura', fromCobertura(trimmed, metric, file));
  if (/^(TN|SF|LF|LH|DA|end_of_record)\b/m.test(trimmed)) return reading('lcov', fromLcov(trimmed, metric, file));
  throw new CoverageError(
    'unrecognized-format',
    `${file}: not a coverage report (expected coverage-summary.json, lcov.info or cobertura XML)`,
    { file },
  );
}

/** Rates times 100 carry float noise (0.57 * 100 = 56.99999999999999) that would fail a 57% gate. */
function reading(format: CoverageFormat, percent: number): CoverageReading {
  return { format, percent: Math.round(percent * 1e6) / 1e6 };
}

function fromIstanbul(text: string, metric: CoverageMetric, file: string): number {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CoverageError('unrecognized-format', `${file}: not valid JSON (${(error as Error).message})`, { file });
  }
  const entry = (data as { total?: Record<string, unknown> } | null)?.total?.[metric] as
    | { pct?: unknown; total?: unknown; covered?: unknown }
    | undefined;
  if (typeof entry?.pct === 'number' && entry.pct >= 0 && entry.pct <= 100) return entry.pct;
  // istanbul writes pct "Unknown" when there was nothing to count; the counts say the same thing.
  if (typeof entry?.total === 'number' && typeof entry.covered === 'number' && entry.total > 0) {
    return (entry.covered / entry.total) * 100;
  }
  throw new CoverageError(
    'missing-metric',
    `${file}: no numeric total.${metric}.pct (expected an istanbul coverage-summary.json)`,
    {
      file,
      field: `total.${metric}.pct`,
    },
  );
}

const lcovKeys: Record<CoverageMetric, [found: string, hit: string] | undefined> = {
  lines: ['LF', 'LH'],
  functions: ['FNF', 'FNH'],
  branches: ['BRF', 'BRH'],
  statements: undefined,
};

function fromLcov(text: string, metric: CoverageMetric, file: string): number {
  const keys = lcovKeys[metric];
  if (keys === undefined) {
    throw new CoverageError(
      'missing-metric',
      `${file}: lcov has no ${metric} totals (use lines, functions or branches)`,
      {
        file,
        metric,
      },
    );
  }
  const [foundKey, hitKey] = keys;
  let found = 0;
  let hit = 0;
  let seen = false;
  for (const [index, line] of text.split('\n').entries()) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim();
    if (colon === -1 || (key !== foundKey && key !== hitKey)) continue;
    const value = Number(line.slice(colon + 1).trim());
    if (!Number.isInteger(value) || value < 0) {
      throw new CoverageError(
        'missing-metric',
        `${file}:${index + 1}: ${key} is not a count (${JSON.stringify(line.trim())})`,
        {
          file,
          line: index + 1,
        },
      );
    }
    seen = true;
    if (key === foundKey) found += value;
    else hit += value;
  }
  if (!seen || found === 0) {
    throw new CoverageError(
      'missing-metric',
      `${file}: lcov has no ${foundKey}/${hitKey} totals to compute ${metric} coverage from`,
      {
        file,
        metric,
      },
    );
  }
  return (hit / found) * 100;
}

const coberturaAttributes: Partial<Record<CoverageMetric, string>> = { lines: 'line-rate', branches: 'branch-rate' };

function fromCobertura(text: string, metric: CoverageMetric, file: string): number {
  const root = /<coverage\b([^>]*)>/.exec(text);
  if (root === null) {
    throw new CoverageError(
      'unrecognized-format',
      `${file}: XML without a <coverage> element (expected cobertura XML)`,
      { file },
    );
  }
  const attribute = coberturaAttributes[metric];
  if (attribute === undefined) {
    throw new CoverageError('missing-metric', `${file}: cobertura has no ${metric} rate (use lines or branches)`, {
      file,
      metric,
    });
  }
  const match = new RegExp(`\\s${attribute}\\s*=\\s*["']([^"']*)["']`).exec(root[1] ?? '');
  const rate = match ? Number(match[1]) : Number.NaN;
  if (match?.[1] === '' || !(rate >= 0 && rate <= 1)) {
    throw new CoverageError(
      'missing-metric',
      `${file}: <coverage ${attribute}> is missing or not a rate between 0 and 1`,
      {
        file,
        field: attribute,
      },
    );
  }
  return rate * 100;
}
