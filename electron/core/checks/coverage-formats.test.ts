import { describe, expect, it } from 'vitest';
import { formatPercent } from './coverage-check';
import { CoverageError } from './coverage-error';
import { type CoverageMetric, parseCoverage } from './coverage-formats';

function refusal(text: string, metric: CoverageMetric = 'lines'): CoverageError {
  try {
    parseCoverage(text, metric, 'cov/report');
  } catch (error) {
    if (error instanceof CoverageError) return error;
    throw error;
  }
  throw new Error('expected a CoverageError');
}

describe('coverage formats', () => {
  it('reads istanbul totals, falling back to counts when pct is "Unknown"', () => {
    const summary = JSON.stringify({
      total: {
        lines: { total: 500, covered: 416, skipped: 0, pct: 83.2 },
        branches: { total: 40, covered: 30, skipped: 0, pct: 'Unknown' },
      },
    });
    expect(parseCoverage(summary, 'lines', 'f')).toEqual({ format: 'istanbul-json', percent: 83.2 });
    expect(parseCoverage(summary, 'branches', 'f').percent).toBe(75);
    expect(refusal(summary, 'functions').message).toBe(
      'cov/report: no numeric total.functions.pct (expected an istanbul coverage-summary.json)',
    );
  });

  it('sums lcov LF/LH (and FNF/FNH, BRF/BRH) over every file record', () => {
    const lcov = [
      'TN:',
      'SF:src/a.ts',
      'FNF:2',
      'FNH:1',
      'LF:10',
      'LH:9',
      'end_of_record',
      'SF:src/b.ts',
      'LF:30',
      'LH:21',
      'end_of_record',
    ].join('\n');
    expect(parseCoverage(lcov, 'lines', 'f')).toEqual({ format: 'lcov', percent: 75 });
    expect(parseCoverage(lcov, 'functions', 'f').percent).toBe(50);
    expect(refusal(lcov, 'statements').message).toBe(
      'cov/report: lcov has no statements totals (use lines, functions or branches)',
    );
    expect(refusal(lcov, 'branches').code).toBe('missing-metric');
    expect(refusal('SF:a\nLF:ten\nend_of_record').message).toBe('cov/report:2: LF is not a count ("LF:ten")');
  });

  it('reads cobertura line-rate and branch-rate without float noise', () => {
    const xml =
      '<?xml version="1.0"?>\n<coverage line-rate="0.57" branch-rate="0.5" version="7.4">\n<packages/></coverage>';
    expect(parseCoverage(xml, 'lines', 'f')).toEqual({ format: 'cobertura', percent: 57 });
    expect(parseCoverage(xml, 'branches', 'f').percent).toBe(50);
    expect(refusal('<coverage branch-rate="0.5"></coverage>').message).toBe(
      'cov/report: <coverage line-rate> is missing or not a rate between 0 and 1',
    );
    expect(refusal('<report><x/></report>').message).toBe(
      'cov/report: XML without a <coverage> element (expected cobertura XML)',
    );
  });

  it('names the file and what was expected for garbage', () => {
    expect(refusal('').message).toBe(
      'cov/report: is empty (expected coverage-summary.json, lcov.info or cobertura XML)',
    );
    expect(refusal('hello world').code).toBe('unrecognized-format');
    expect(refusal('{"total": ').message).toMatch(/^cov\/report: not valid JSON \(/);
  });

  it('never prints a figure that contradicts the verdict', () => {
    expect(formatPercent(83.24, 80)).toBe('83.2');
    expect(formatPercent(71, 80)).toBe('71.0');
    expect(formatPercent(79.96, 80)).toBe('79.96');
    expect(formatPercent(79.99999, 80)).toBe('79.9999');
    expect(formatPercent(80, 80)).toBe('80.0');
  });
});
