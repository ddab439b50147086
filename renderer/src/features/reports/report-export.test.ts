import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-export';

describe('reportFileName', () => {
  it('is <run-id>-report.md, with nothing a file system could misread', () => {
    expect(reportFileName('20261102-0900-production')).toBe('20261102-0900-production-report.md');
    expect(reportFileName('a/b\\c:d')).toBe('a_b_c_d-report.md');
  });
});
