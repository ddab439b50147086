import { describe, expect, it } from 'vitest';
import { asRunEvents, recorder } from './fixtures/scenario-kit';
import { prologue } from './fixtures/scenario-steps';
import { renderReport } from './render-report';
import { reportData } from './report-data';

// The report's account of what the release history learned: a release recorded by a rollback (the
// Swarm engine's own, or the runbook's actions) says which version is live again and which one was
// rolled back; it is not the run's "previous version"; a record refused because another version
// answers is said as such.

function rolledBackRun(extra: (r: ReturnType<typeof recorder>) => void) {
  const r = recorder('2026-11-02T09:00:00.000Z');
  prologue(r, '20261102-0900-production', { changes: false });
  r.emit('step.started', { step: 'production' });
  r.emit('traffic.switched', { where: 'swarm service shop', weights: { 'v1.4.2': 100 } });
  extra(r);
  r.emit('run.finished', { status: 'rolled-back', reason: 'rolled back after step production failed' });
  return asRunEvents(r.events);
}

describe('the release history in the report', () => {
  it("a Swarm engine's own rollback: v1.4.2 live again, v1.5.0 rolled back, one switch, previous stays v1.4.2", () => {
    const events = rolledBackRun((r) =>
      r.emit('release.recorded', {
        environment: 'production',
        version: 'v1.4.2',
        previous: 'v1.4.2',
        rolledBack: 'v1.5.0',
        where: 'prod-1',
      }),
    );
    const markdown = renderReport(events);
    expect(markdown).toContain('v1.4.2 live in production again; v1.5.0 rolled back');
    expect(markdown).not.toContain('(before:');
    expect(markdown.match(/Traffic switched/g)).toHaveLength(1);
    expect(reportData(events).header.previousVersion).toBe('v1.4.2');
  });

  it('a rollback whose version source disagreed: the record was not changed, and why', () => {
    const events = rolledBackRun((r) =>
      r.emit('release.unconfirmed', {
        environment: 'production',
        expected: 'v1.4.2',
        answered: 'v1.5.0',
        where: 'prod-1',
        check: 'http://shop/version answers v1.5.0 (body), not v1.4.2',
      }),
    );
    expect(renderReport(events)).toContain(
      'Release NOT recorded on prod-1 | the rollback should have put v1.4.2 back, but http://shop/version answers v1.5.0 (body), not v1.4.2',
    );
  });
});
