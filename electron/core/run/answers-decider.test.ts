import { describe, expect, it } from 'vitest';
import { Answers } from '../../../shared/formats/answers-schema';
import { answersDecider } from './answers-decider';
import type { FailureRequest, ItemRequest, LockHolder } from './run-decider';

const item = (key: string): ItemRequest => ({ step: key.split('.')[0]!, item: key, text: key, checklist: 'Readiness' });

const failure = (action: string): FailureRequest => ({
  step: action.split('.')[0]!,
  action,
  title: action,
  error: { code: 'exit', message: 'exit status 1' },
  attempt: 1,
  tail: [],
});

const holder: LockHolder = {
  holder: 'Grace',
  runId: 'run-0',
  at: '2026-11-20T09:00:00.000Z',
  where: 'web-1',
  stale: true,
};

async function decisions(answers: unknown, action: string, times: number) {
  const decider = answersDecider(Answers.parse(answers));
  const out: unknown[] = [];
  for (let i = 0; i < times; i += 1) out.push(await decider.onFailure(failure(action)));
  return out;
}

describe('answersDecider', () => {
  it('ticks an item by its own entry, else by "*", with the operator role as default', async () => {
    const decider = answersDecider(
      Answers.parse({
        operator: { name: 'Ada', role: 'devops' },
        checklist: {
          'prepare.notes': { by: 'Grace', role: 'qa', note: 'read them' },
          '*': { by: 'Ada' },
        },
      }),
    );
    expect(await decider.tick(item('prepare.notes'))).toEqual({ by: 'Grace', role: 'qa', note: 'read them' });
    expect(await decider.tick(item('deploy.backup'))).toEqual({ by: 'Ada', role: 'devops', note: undefined });
  });

  it('leaves an item unticked when nothing answers it', async () => {
    const decider = answersDecider(Answers.parse({ operator: { name: 'Ada' }, checklist: { 'a.b': { by: 'Ada' } } }));
    expect(await decider.tick(item('c.d'))).toBeNull();
  });

  it('approves by role, and only the roles named', async () => {
    const decider = answersDecider(
      Answers.parse({ operator: { name: 'Ada' }, approvals: { qa: { by: 'Grace', note: 'staging ok' } } }),
    );
    expect(await decider.approve({ step: 'deploy', role: 'qa', roleTitle: 'QA Lead' })).toEqual({
      by: 'Grace',
      role: 'qa',
      note: 'staging ok',
    });
    expect(await decider.approve({ step: 'deploy', role: 'cto', roleTitle: 'CTO' })).toBeNull();
    // Role ids are slugs, so `constructor` is a valid one: it must not be approved by Object.prototype.
    expect(await decider.approve({ step: 'deploy', role: 'constructor', roleTitle: 'Builder' })).toBeNull();
  });

  it('uses a failure list in order, then repeats its last decision when that is not retry', async () => {
    expect(
      await decisions(
        { operator: { name: 'Ada' }, failures: { 'deploy.health': ['retry', 'rollback'] } },
        'deploy.health',
        4,
      ),
    ).toEqual([
      { decision: 'retry', by: 'Ada' },
      { decision: 'rollback', by: 'Ada' },
      { decision: 'rollback', by: 'Ada' },
      { decision: 'rollback', by: 'Ada' },
    ]);
  });

  it('never retries forever: an exhausted retry list has no answer', async () => {
    expect(
      await decisions({ operator: { name: 'Ada' }, failures: { 'deploy.run': ['retry', 'retry'] } }, 'deploy.run', 3),
    ).toEqual([{ decision: 'retry', by: 'Ada' }, { decision: 'retry', by: 'Ada' }, null]);
    expect(
      await decisions({ operator: { name: 'Ada' }, failures: { 'deploy.run': 'retry' } }, 'deploy.run', 2),
    ).toEqual([{ decision: 'retry', by: 'Ada' }, null]);
  });

  it('skips with the reason given, and falls back to "*" counting each action apart', async () => {
    const decider = answersDecider(
      Answers.parse({
        operator: { name: 'Ada' },
        failures: { 'verify.logs': { skip: 'informational only' }, '*': ['retry', 'abort'] },
      }),
    );
    expect(await decider.onFailure(failure('verify.logs'))).toEqual({
      decision: 'skip',
      reason: 'informational only',
      by: 'Ada',
    });
    expect(await decider.onFailure(failure('verify.logs'))).toEqual({
      decision: 'skip',
      reason: 'informational only',
      by: 'Ada',
    });
    expect(await decider.onFailure(failure('deploy.run'))).toEqual({ decision: 'retry', by: 'Ada' });
    expect(await decider.onFailure(failure('deploy.health'))).toEqual({ decision: 'retry', by: 'Ada' });
    expect(await decider.onFailure(failure('deploy.run'))).toEqual({ decision: 'abort', by: 'Ada' });
  });

  it('has no failure answer without an entry or "*"', async () => {
    expect(await decisions({ operator: { name: 'Ada' } }, 'deploy.run', 1)).toEqual([null]);
  });

  it('confirms with the text given, or not at all', async () => {
    const with_ = answersDecider(Answers.parse({ operator: { name: 'Ada' }, confirm: 'production' }));
    expect(await with_.confirm({ environment: 'production' })).toEqual({ text: 'production', by: 'Ada' });
    const without = answersDecider(Answers.parse({ operator: { name: 'Ada' } }));
    expect(await without.confirm({ environment: 'production' })).toBeNull();
  });

  it('continues manual actions as the operator by default, and stops when told to', async () => {
    const request = { step: 'deploy', action: 'deploy.dns', instructions: 'Switch DNS' };
    const go = answersDecider(Answers.parse({ operator: { name: 'Ada', role: 'devops' } }));
    expect(await go.manual(request)).toEqual({ by: 'Ada', role: 'devops' });
    const stop = answersDecider(Answers.parse({ operator: { name: 'Ada' }, manual: 'abort' }));
    expect(await stop.manual(request)).toBeNull();
  });

  it('breaks a lock only when the answers file says so, naming the holder', async () => {
    const keep = answersDecider(Answers.parse({ operator: { name: 'Ada' } }));
    expect(await keep.breakLock(holder)).toBeNull();
    const force = answersDecider(Answers.parse({ operator: { name: 'Ada' }, breakLock: true }));
    expect(await force.breakLock(holder)).toEqual({
      by: 'Ada',
      reason: 'answers file: breakLock (lock held by Grace)',
    });
  });
});
