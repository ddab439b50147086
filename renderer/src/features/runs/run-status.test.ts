import { describe, expect, it } from 'vitest';
import { RunStatus } from '../../../../shared/runs/run-event';
import { isFinished, runStatusPresentation } from './run-status';

describe('run status', () => {
  it('has a label and tone for every status the engine can report', () => {
    for (const status of RunStatus.options) {
      expect(runStatusPresentation(status).label).toMatch(/^[A-Z]/);
    }
  });

  it('counts only ended runs as finished', () => {
    expect(RunStatus.options.filter(isFinished)).toEqual(['succeeded', 'failed', 'rolled-back', 'aborted']);
  });
});
