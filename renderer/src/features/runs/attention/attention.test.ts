import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { mostPressing, runsNeedingAttention, windowTitle, withEvent, withQuestion, withQuestions } from './attention';

const approve = (id: string): Question => ({
  id,
  runId: 'r1',
  kind: 'approve',
  step: 'ship',
  role: 'qa',
  roleTitle: 'QA Engineer',
});

describe('attention across runs', () => {
  it('says Waiting in the title while a question is open, and nothing once it is answered', () => {
    let attention = withQuestion({}, { runId: 'r1', question: approve('q1') });
    expect(windowTitle(attention)).toBe('● Waiting — Release Pilot');
    expect(runsNeedingAttention(attention)).toBe(1);
    attention = withQuestion(attention, { runId: 'r1', question: null, answered: 'q1' });
    expect(windowTitle(attention)).toBe('Release Pilot');
    expect(runsNeedingAttention(attention)).toBe(0);
  });

  it('ranks a question above a rollback above a firing rule', () => {
    let attention = withEvent({}, 'r2', { type: 'alert.changed', data: { rule: 'HighErrors', state: 'firing' } });
    expect(mostPressing(attention)).toBe('firing');
    attention = withEvent(attention, 'r3', { type: 'rollback.started', data: { trigger: 'alert' } });
    expect(windowTitle(attention)).toBe('● Rolling back — Release Pilot');
    attention = withQuestions(attention, 'r1', [approve('q1')]);
    expect(mostPressing(attention)).toBe('waiting');
    expect(runsNeedingAttention(attention)).toBe(3);
  });

  it('forgets a run once it ended or was interrupted, and a rule once it resolved', () => {
    let attention = withEvent({}, 'r2', { type: 'alert.changed', data: { rule: 'HighErrors', state: 'firing' } });
    attention = withEvent(attention, 'r2', { type: 'alert.changed', data: { rule: 'HighErrors', state: 'ok' } });
    expect(attention).toEqual({});
    attention = withQuestions(attention, 'r1', [approve('q1')]);
    attention = withEvent(attention, 'r1', { type: 'rollback.started', data: {} });
    attention = withEvent(attention, 'r1', { type: 'run.finished', data: { status: 'rolled-back' } });
    expect(attention).toEqual({});
  });
});
