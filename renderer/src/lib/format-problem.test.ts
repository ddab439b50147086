import { describe, expect, it } from 'vitest';
import { countLabel, formatProblem, problemLocation } from './format-problem';

describe('problemLocation', () => {
  it('gives file:line:column when the host placed the problem', () => {
    expect(problemLocation({ file: '.release-pilot/runbooks/deploy.yml', line: 4, column: 7 })).toBe(
      '.release-pilot/runbooks/deploy.yml:4:7',
    );
  });

  it('gives file:line without a column', () => {
    expect(problemLocation({ file: 'environments.yml', line: 12 })).toBe('environments.yml:12');
  });

  it('gives just the file when there is no line', () => {
    expect(problemLocation({ file: '/srv/gone', column: 3 })).toBe('/srv/gone');
  });
});

describe('formatProblem', () => {
  it('joins location and message with an em dash', () => {
    expect(formatProblem({ file: 'a.yml', line: 1, column: 2, message: 'a runbook needs a `steps:` list' })).toBe(
      'a.yml:1:2 — a runbook needs a `steps:` list',
    );
  });
});

describe('countLabel', () => {
  it('picks singular or plural', () => {
    expect(countLabel(1, 'problem')).toBe('1 problem');
    expect(countLabel(0, 'problem')).toBe('0 problems');
    expect(countLabel(2, 'host')).toBe('2 hosts');
    expect(countLabel(3, 'runbook entry', 'runbook entries')).toBe('3 runbook entries');
  });
});
