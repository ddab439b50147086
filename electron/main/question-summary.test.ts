import { describe, expect, it } from 'vitest';
import { questionSummary } from './question-summary';

describe('questionSummary', () => {
  it('says who is asked for what, in one line', () => {
    expect(
      questionSummary({ id: 'q', runId: 'r', kind: 'approve', step: 'ship', role: 'qa', roleTitle: 'QA Engineer' }),
    ).toBe('Approval by QA Engineer for “ship”');
    expect(
      questionSummary({
        id: 'q',
        runId: 'r',
        kind: 'manual',
        step: 's',
        action: 'a',
        instructions: 'Flip it\nthen wait',
      }),
    ).toBe('Manual step: Flip it');
  });
});
