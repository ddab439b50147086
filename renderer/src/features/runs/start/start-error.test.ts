import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { readStartFailure } from './start-error';

describe('readStartFailure', () => {
  it('asks for a window override only when the start was refused for its window', () => {
    const refused = new ApiError('unavailable', 'production may not be deployed to now: freeze', { rule: 'freeze' });
    expect(readStartFailure(refused)).toMatchObject({ windowRule: 'freeze', needsOperator: false });
    const locked = new ApiError('unavailable', 'staging is locked by Ada');
    expect(readStartFailure(locked).windowRule).toBeUndefined();
  });

  it('carries project problems and the missing operator name', () => {
    const problem = {
      severity: 'error' as const,
      file: '.release-pilot/runbook.yml',
      line: 3,
      column: 5,
      message: 'bad',
    };
    expect(readStartFailure(new ApiError('invalid-project', 'fix them', { problems: [problem] })).problems).toEqual([
      problem,
    ]);
    const noName = new ApiError('invalid-request', 'set your name in Settings first', { field: 'operatorName' });
    expect(readStartFailure(noName)).toMatchObject({ needsOperator: true, message: 'Set your name in Settings first' });
    expect(readStartFailure(new Error('boom'))).toEqual({ message: 'Boom', problems: [], needsOperator: false });
  });
});
