import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../../shared/runs/run-event';
import { firingAlerts, foldExtras } from './run-extras';

let seq = 0;
const event = (type: string, data: Record<string, unknown>): RunEvent => ({
  seq: ++seq,
  at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}Z`,
  type,
  data,
});

const alert = (rule: string, state: string, severity = 'critical') =>
  event('alert.changed', { rule, condition: 'error_rate > 0.05', state, severity, action: 'rollback' });

describe('run extras', () => {
  it('keeps the latest state of each alert rule in first-seen order, firing ones worst first', () => {
    const extras = foldExtras([
      alert('errors', 'pending'),
      alert('latency', 'firing', 'warning'),
      alert('errors', 'firing'),
      event('unknown.event', {}),
    ]);
    expect(extras.alerts.map((a) => [a.rule, a.state])).toEqual([
      ['errors', 'firing'],
      ['latency', 'firing'],
    ]);
    expect(firingAlerts(extras).map((a) => a.rule)).toEqual(['errors', 'latency']);
    expect(extras.lastSeq).toBe(seq);
  });

  it('follows the strategy stage by stage, traffic and downtime', () => {
    const extras = foldExtras([
      event('strategy.planned', {
        strategy: 'rolling',
        stages: [
          { id: 'batch-1', title: 'web-1', hosts: ['web-1'] },
          { id: 'batch-2', title: 'web-2', hosts: ['web-2'] },
        ],
      }),
      event('strategy.stage', { stage: 'batch-1', state: 'passed' }),
      event('strategy.stage', { stage: 'batch-2', state: 'failed', detail: 'health check timed out' }),
      event('strategy.stage', { stage: 'nope', state: 'passed' }),
      event('traffic.switched', { where: 'nginx', weights: { 'v1.2.0': 100 } }),
      event('downtime.measured', { ms: 0 }),
    ]);
    expect(extras.strategy?.stages.map((s) => [s.id, s.state, s.detail])).toEqual([
      ['batch-1', 'passed', undefined],
      ['batch-2', 'failed', 'health check timed out'],
    ]);
    expect(extras.traffic).toMatchObject({ where: 'nginx', weights: { 'v1.2.0': 100 } });
    expect(extras.downtimeMs).toBe(0);
  });

  it('ignores a stage reported before any plan', () => {
    expect(foldExtras([event('strategy.stage', { stage: 'x', state: 'started' })]).strategy).toBeUndefined();
  });
});
