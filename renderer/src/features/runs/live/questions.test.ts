import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { approvalFor, failureFor, opensItself, questionText, tickFor } from './questions';

const base = { runId: 'r1' };
const questions: Question[] = [
  {
    ...base,
    id: 'q1',
    kind: 'tick',
    step: 'prepare',
    item: 'prepare.tests',
    text: 'Tests pass',
    checklist: 'Readiness',
  },
  { ...base, id: 'q2', kind: 'approve', step: 'deploy', role: 'qa', roleTitle: 'QA Engineer' },
  {
    ...base,
    id: 'q3',
    kind: 'failure',
    step: 'deploy',
    action: 'deploy.flaky',
    title: 'Flaky',
    error: { code: 'exit-status', message: 'exited with 1' },
    attempt: 1,
    tail: [],
  },
];
const title = (id: string) => ({ prepare: 'Prepare', deploy: 'Deploy' })[id] ?? id;

describe('questions', () => {
  it('finds the question of an item, an approval and an action', () => {
    expect(tickFor(questions, 'prepare.tests')?.id).toBe('q1');
    expect(tickFor(questions, 'prepare.other')).toBeUndefined();
    expect(approvalFor(questions, 'deploy', 'qa')?.id).toBe('q2');
    expect(approvalFor(questions, 'prepare', 'qa')).toBeUndefined();
    expect(failureFor(questions, 'deploy.flaky')?.id).toBe('q3');
  });

  it('opens only the run-stopping questions by itself, and says each in one line', () => {
    expect(questions.filter(opensItself).map((q) => q.id)).toEqual(['q3']);
    expect(questions.map((q) => questionText(q, title).what)).toEqual([
      'Sign off “Tests pass” (Prepare)',
      'Approval by QA Engineer for “Deploy”',
      '“Flaky” failed (attempt 1): exited with 1',
    ]);
  });
});

describe('a question asked again after a refused answer', () => {
  it('says why the last answer was refused', () => {
    const again: Question = {
      ...base,
      id: 'q4',
      kind: 'approve',
      step: 'deploy',
      role: 'qa',
      roleTitle: 'QA Engineer',
      refused: "production is protected: QA Engineer's approval must come from someone other than the operator (Ada)",
    };
    expect(questionText(again, title).what).toBe(
      "Approval by QA Engineer for “Deploy” — asked again, refused: production is protected: QA Engineer's approval must come from someone other than the operator (Ada)",
    );
  });

  it('opens its dialog again by itself, so a refused approval does not read as given', () => {
    const again: Question = {
      ...base,
      id: 'q5',
      kind: 'approve',
      step: 'deploy',
      role: 'qa',
      roleTitle: 'QA Engineer',
    };
    expect(opensItself(again)).toBe(false);
    expect(opensItself({ ...again, refused: 'production is protected' })).toBe(true);
  });
});
