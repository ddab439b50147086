import { describe, expect, it } from 'vitest';
import { Answers } from './answers-schema';

describe('the answers schema', () => {
  it('needs only the operator, and fills in the rest', () => {
    expect(Answers.parse({ operator: { name: 'Ada' } })).toEqual({
      operator: { name: 'Ada' },
      checklist: {},
      approvals: {},
      failures: {},
      manual: 'continue',
      breakLock: false,
    });
  });

  it('takes failure decisions one by one or as a sequence, and a skip with its reason', () => {
    const answers = Answers.parse({
      operator: { name: 'Ada' },
      failures: { '*': 'abort', 'deploy.health': ['retry', 'rollback'], 'verify.logs': { skip: 'informational' } },
    });
    expect(answers.failures).toEqual({
      '*': 'abort',
      'deploy.health': ['retry', 'rollback'],
      'verify.logs': { skip: 'informational' },
    });
    expect(Answers.safeParse({ operator: { name: 'Ada' }, failures: { x: 'explode' } }).success).toBe(false);
    expect(Answers.safeParse({ operator: { name: 'Ada' }, failures: { x: { skip: '  ' } } }).success).toBe(false);
  });

  it('refuses unknown fields and a missing operator name', () => {
    expect(Answers.safeParse({ operator: { name: 'Ada' }, approve: {} }).success).toBe(false);
    expect(Answers.safeParse({ operator: {} }).success).toBe(false);
  });
});
