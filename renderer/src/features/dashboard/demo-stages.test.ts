import { describe, expect, it } from 'vitest';
import { resetSummary, stageRows } from './demo-stages';
import { demoStartDraft } from './start-demo-run';

describe('the demo set-up stages', () => {
  const states = (stage?: Parameters<typeof stageRows>[0]) => stageRows(stage).map((r) => `${r.stage}:${r.state}`);

  it('marks the stages before the reported one done, and the reported one current', () => {
    expect(states('images')).toEqual([
      'check:done',
      'repository:done',
      'images:current',
      'proxy:pending',
      'open:pending',
    ]);
  });

  it('starts at the first stage before anything is reported, and ends with all done', () => {
    expect(states(undefined)[0]).toBe('check:current');
    expect(states('done').every((s) => s.endsWith(':done'))).toBe(true);
  });
});

describe('after the demo opens', () => {
  it('chooses its first deployment: v1.1.0 on staging', () => {
    expect(demoStartDraft('p1', ['v1.0.0', 'v1.1.0', 'v1.2.0'])).toMatchObject({
      projectId: 'p1',
      environment: 'staging',
      version: 'v1.1.0',
      runbook: '',
    });
    // A demo repository with other tags: the newest one, never an empty version.
    expect(demoStartDraft('p1', ['v2.0.0', 'v2.1.0']).version).toBe('v2.1.0');
  });

  it('says what a reset removed in one sentence', () => {
    expect(resetSummary({ containers: 4, runs: 1 })).toBe(
      'The demo is back to its first state: removed 4 containers and 1 run.',
    );
    expect(resetSummary({ containers: 0, runs: 0 })).toMatch(/no containers or runs to remove/);
  });
});
