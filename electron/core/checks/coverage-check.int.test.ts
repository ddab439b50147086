import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { coverageCheck, describeCoverageCheck, planCoverageCheck, readCoverageSummary } from './coverage-check';

// Trimmed copies of what vitest/istanbul, c8/lcov and coverage.py/cobertura actually write.
const istanbulSummary = {
  total: {
    lines: { total: 1250, covered: 1040, skipped: 0, pct: 83.2 },
    statements: { total: 1302, covered: 1071, skipped: 0, pct: 82.25 },
    functions: { total: 210, covered: 150, skipped: 0, pct: 71.42 },
    branches: { total: 400, covered: 284, skipped: 0, pct: 71 },
    branchesTrue: { total: 0, covered: 0, skipped: 0, pct: 100 },
  },
  '/app/src/index.ts': { lines: { total: 10, covered: 10, skipped: 0, pct: 100 } },
};
const lcovInfo = `TN:
SF:/app/src/server.ts
FN:3,start
FNDA:1,start
FNF:1
FNH:1
DA:3,1
DA:4,0
LF:2
LH:1
BRF:0
BRH:0
end_of_record
SF:/app/src/routes.ts
DA:1,1
DA:2,1
LF:2
LH:2
end_of_record
`;
const coberturaXml = `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage version="7.4.1" timestamp="1718000000000" lines-valid="1000" lines-covered="832" line-rate="0.832" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0">
  <sources><source>/app</source></sources>
  <packages></packages>
</coverage>
`;

describe('coverage checks (real files)', () => {
  const tempDir = useTempDirs('rp-coverage-');

  function write(name: string, text: string): string {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  }

  it('reads each format from disk', async () => {
    const summary = write('coverage-summary.json', JSON.stringify(istanbulSummary));
    expect(await readCoverageSummary(summary)).toBe(83.2);
    expect(await readCoverageSummary(summary, { metric: 'functions' })).toBe(71.42);
    expect(await readCoverageSummary(write('lcov.info', lcovInfo))).toBe(75);
    expect(await readCoverageSummary(write('coverage.xml', coberturaXml))).toBe(83.2);
  });

  it('passes and fails the gate with a message that shows both numbers', async () => {
    const summary = write('coverage-summary.json', JSON.stringify(istanbulSummary));
    expect(await coverageCheck({ file: summary, min: 80 })).toEqual({
      ok: true,
      value: 83.2,
      message: 'lines coverage 83.2% ≥ 80%',
    });
    expect(await coverageCheck({ file: summary, min: 80, metric: 'branches' })).toEqual({
      ok: false,
      value: 71,
      message: 'branches coverage 71.0% < 80%',
    });
    expect(describeCoverageCheck(planCoverageCheck({ file: 'coverage/lcov.info', min: 90 }))).toBe(
      'lines coverage ≥ 90% (coverage/lcov.info)',
    );
  });

  it('fails clearly, naming the file, when the report is missing, garbled, a folder or unreadable', async () => {
    const dir = tempDir();
    const missing = join(dir, 'coverage', 'coverage-summary.json');
    expect(await coverageCheck({ file: missing, min: 80 })).toEqual({
      ok: false,
      message: `${missing}: not found (expected a coverage report: coverage-summary.json, lcov.info or cobertura XML)`,
    });
    const torn = write('coverage-summary.json', '{"total": {"lines": {"pct": 8');
    expect((await coverageCheck({ file: torn, min: 80 })).message).toMatch(new RegExp(`^${torn}: not valid JSON`));
    const html = write('index.html', 'Coverage report: see the HTML');
    expect((await coverageCheck({ file: html, min: 80 })).message).toBe(
      `${html}: not a coverage report (expected coverage-summary.json, lcov.info or cobertura XML)`,
    );
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect((await coverageCheck({ file: folder, min: 80 })).message).toBe(`${folder}: cannot read (EISDIR)`);
    expect((await coverageCheck({ file: folder, min: 180 })).message).toBe(
      `coverage check ${folder}: min must be a percentage 0–100, got 180`,
    );
  });

  it('says which total is missing in an otherwise valid report', async () => {
    const lcov = write('lcov.info', lcovInfo);
    const result = await coverageCheck({ file: lcov, min: 50, metric: 'statements' });
    expect(result).toEqual({
      ok: false,
      message: `${lcov}: lcov has no statements totals (use lines, functions or branches)`,
    });
  });
});
