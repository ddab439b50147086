import { describe, expect, it } from 'vitest';
import { checkEnvironmentsText, digestOf } from './environments-file';

describe('checking environments.yml text', () => {
  it('gives the environments with their defaults when the text is valid', () => {
    const { problems, environments } = checkEnvironmentsText('environments:\n  staging:\n    approvals: [qa]\n');
    expect(problems).toEqual([]);
    expect(environments).toEqual([
      expect.objectContaining({ name: 'staging', approvals: ['qa'], protected: false, docker: expect.any(Object) }),
    ]);
  });

  it('places every problem at line and column of the text, and gives no environments', () => {
    const { problems, environments } = checkEnvironmentsText('environments:\n  Staging:\n    hosts: 3\n');
    expect(environments).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatchObject({
        file: '.release-pilot/environments.yml',
        line: expect.any(Number),
        column: expect.any(Number),
      });
    }
  });

  it('an empty text is a problem, not a crash', () => {
    expect(checkEnvironmentsText('').problems[0]).toMatchObject({ severity: 'error' });
  });

  it('digests the exact text', () => {
    expect(digestOf('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf('a')).not.toBe(digestOf('a\n'));
  });
});
