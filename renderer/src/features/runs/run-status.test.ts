import { describe, expect, it } from 'vitest';
import { RunStatus } from '../../../../shared/runs/run-event';
import { isFinished, runStatusPresentation } from './run-status';

describe('run status', () => {
  it('has a label and tone for every status the engine can report', () => {
    for (const status of RunStatus.options) {
      expect(runStatusPresentation(status).label).toMatch(/^[A-Z]/);
    }
  });

  it('an open run its host interrupted reads as waiting for a person, not as in progress', () => {
    const interrupted = { at: '2026-01-01T10:00:45Z', by: 'Release Pilot (browser)', reason: 'SIGTERM' };
    expect(runStatusPresentation('open', interrupted)).toMatchObject({
      label: 'Interrupted — resume or close',
      tone: 'warning',
    });
    expect(runStatusPresentation('open').label).toBe('In progress');
    // An ended run is told by its end, whatever its journal once said.
    expect(runStatusPresentation('failed', interrupted).label).toBe('Failed');
  });

  it('counts only ended runs as finished', () => {
    expect(RunStatus.options.filter(isFinished)).toEqual(['succeeded', 'failed', 'rolled-back', 'aborted']);
  });
});
