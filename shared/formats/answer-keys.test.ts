import { describe, expect, it } from 'vitest';
import { unknownAnswerKeys } from './answer-keys';
import { Answers } from './answers-schema';
import { Runbook } from './runbook-schema';

const runbook = Runbook.parse({
  title: 'R',
  roles: { devops: 'DevOps', 'tech-lead': 'Tech Lead' },
  steps: [
    {
      id: 's1',
      title: 'S1',
      owner: 'devops',
      checklists: [{ title: 'C', items: [{ id: 'item', text: 'Item' }] }],
      actions: [
        { id: 'a', type: 'shell', argv: ['true'] },
        { type: 'manual', instructions: 'look' },
      ],
    },
  ],
  exitCriteria: [{ id: 'done', text: 'Done' }],
});

describe('unknownAnswerKeys', () => {
  it('accepts every key the runbook can ask about, and "*"', () => {
    const answers = Answers.parse({
      operator: { name: 'Ada' },
      checklist: { '*': { by: 'Ada' }, 's1.item': { by: 'Ada' }, '@exit.done': { by: 'Ada' } },
      approvals: { 'tech-lead': { by: 'Grace' } },
      failures: { 's1.a': 'retry', 's1.2': 'abort', 's1.item': 'retry', '*': 'abort' },
    });
    expect(unknownAnswerKeys(answers, runbook)).toEqual([]);
  });

  it('names the keys no question has, with the nearest real key', () => {
    const answers = Answers.parse({
      operator: { name: 'Ada' },
      checklist: { 's1.itme': { by: 'Ada' } },
      approvals: { 'tech-leed': { by: 'Grace' } },
      failures: { 's1.typo-long-name': 'retry' },
    });
    expect(unknownAnswerKeys(answers, runbook)).toEqual([
      { field: 'checklist', key: 's1.itme', suggestion: 's1.item' },
      { field: 'approvals', key: 'tech-leed', suggestion: 'tech-lead' },
      { field: 'failures', key: 's1.typo-long-name', suggestion: undefined },
    ]);
  });
});
