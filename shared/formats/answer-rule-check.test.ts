import { describe, expect, it } from 'vitest';
import { answerRuleProblems } from './answer-rule-check';
import { Answers } from './answers-schema';
import { Runbook } from './runbook-schema';

// The answers-file check `run` makes before anything starts: only the roles this run asks, only on
// a protected environment, each problem named by its key.

const runbook = Runbook.parse({
  title: 'R',
  roles: { devops: 'DevOps Engineer', qa: 'QA Engineer', 'tech-lead': 'Tech Lead' },
  steps: [
    { id: 'a', title: 'A', owner: 'devops', approvals: ['qa'] },
    { id: 'b', title: 'B', owner: 'devops', approvals: ['devops'], environments: ['staging'] },
  ],
});

const answers = (more: object) => Answers.parse({ operator: { name: 'Ada Lovelace', role: 'devops' }, ...more });
const production = { name: 'production', protected: true, approvals: ['tech-lead'] };

describe('answerRuleProblems', () => {
  it('names every approval the operator signs on a protected environment, and a mistyped confirm', () => {
    const problems = answerRuleProblems(
      answers({
        confirm: 'prod',
        approvals: { qa: { by: 'ADA  lovelace' }, 'tech-lead': { by: 'Ada Lovelace' }, devops: { by: 'Ada Lovelace' } },
      }),
      runbook,
      production,
    );
    expect(problems).toEqual([
      { key: 'approvals."qa"', reason: expect.stringContaining("QA Engineer's approval must come from someone other") },
      { key: 'approvals."tech-lead"', reason: expect.stringContaining('production is protected') },
      { key: 'confirm', reason: 'confirmation "prod" does not match the environment name "production"' },
    ]);
  });

  it('accepts the same answers on an unprotected environment, and other approvers on a protected one', () => {
    const own = answers({ approvals: { qa: { by: 'Ada Lovelace' } } });
    expect(answerRuleProblems(own, runbook, { name: 'staging', protected: false, approvals: [] })).toEqual([]);
    const others = answers({ confirm: 'production', approvals: { qa: { by: 'Grace Hopper' } } });
    expect(answerRuleProblems(others, runbook, production)).toEqual([]);
  });
});
