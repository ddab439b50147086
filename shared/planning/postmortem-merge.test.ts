import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runs/run-event';
import { renderPostmortem } from './postmortem';
import { mergePostmortem } from './postmortem-merge';

// Rewriting the draft once the run ended: the journal's regions are replaced, people's text kept.

let seq = 0;
const at = (s: number) => new Date(Date.UTC(2026, 10, 5, 20, 0, s)).toISOString();
const event = (s: number, type: string, data: Record<string, unknown>): RunEvent => ({
  seq: ++seq,
  at: at(s),
  type,
  data,
});
const rule = { rule: 'HighErrorRate', condition: 'error_rate > 10%', severity: 'critical', action: 'rollback' };

const events: RunEvent[] = [
  event(0, 'run.started', {
    runId: 'run-1',
    environment: 'production',
    protected: true,
    version: 'v3',
    operator: { by: 'Ada' },
    roles: {},
    steps: [],
    exitCriteria: [],
    rollback: { id: '@rollback', title: 'Rollback', owner: 'ops', actions: [], items: [], approvals: [] },
  }),
  event(10, 'monitor.window', {
    source: 'probes',
    phase: 'after',
    from: at(0),
    to: at(10),
    metrics: { requests: 100, failures: 80, errorRate: 0.8, availability: 0.2, throughput: 10 },
  }),
  // Not a single measured answer: no error rate, however its fields read.
  event(11, 'monitor.window', {
    source: 'probes',
    phase: 'after',
    from: at(10),
    to: at(11),
    metrics: { requests: 0, failures: 0, errorRate: 1, availability: 0, throughput: 0 },
  }),
  event(12, 'alert.changed', { ...rule, state: 'pending', value: 0.5 }),
  event(13, 'alert.changed', { ...rule, state: 'firing', value: 0.96 }),
  event(14, 'alert.changed', {
    rule: 'Slow',
    condition: 'availability < 99%',
    state: 'firing',
    value: 0.4,
    severity: 'warning',
    action: 'notify',
  }),
  event(15, 'alert.changed', {
    rule: 'Slow',
    condition: 'availability < 99%',
    state: 'ok',
    value: 0.995,
    severity: 'warning',
    action: 'notify',
  }),
  event(16, 'rollback.started', { reason: 'alert HighErrorRate fired', trigger: 'alert' }),
  event(20, 'rollback.finished', { ok: true }),
];
const finished = event(21, 'run.finished', { status: 'rolled-back', reason: 'alert HighErrorRate fired' });

describe('the post-mortem draft after the run ended', () => {
  it('names the worst error rate the rule saw, and says where each figure came from', () => {
    const md = renderPostmortem([...events, finished]);
    expect(md).toContain(
      '- Worst error rate: **96 %**, as alert rule HighErrorRate (`error_rate > 10%`) measured it over its sliding window at 2026-11-05T20:00:13Z.',
    );
    expect(md).toContain(
      '- Worst fixed monitoring window: 80 % (probes, after the cutover, 2026-11-05T20:00:00Z to 2026-11-05T20:00:10Z; averaged over the window).',
    );
    expect(md).toContain(
      '- Alert HighErrorRate fired at 2026-11-05T20:00:13Z: `error_rate > 10%` (critical, rollback); worst it measured: **96%** at 2026-11-05T20:00:13Z.',
    );
    // Lower is worse for availability: its lowest reading, not its last.
    expect(md).toContain('worst it measured: **40%** at 2026-11-05T20:00:14Z.');
    expect(md).toContain('| Ended | 2026-11-05T20:00:21Z |');
    expect(md).toContain('| End | alert HighErrorRate fired |');
  });

  it('replaces the journal regions of an edited draft and keeps every byte people wrote', () => {
    const draft = renderPostmortem(events, { status: 'rolled-back' });
    expect(draft).toContain('| Ended | not recorded yet |');
    const edited = draft
      .replace('_To fill in: why it happened', 'The v3 cache key collided.\n\n_To fill in: why it happened')
      .replace('| [ ] |', '| Fix the cache key | Grace | 2026-11-20 | [ ] |');
    const merged = mergePostmortem(edited, renderPostmortem([...events, finished]));
    expect(merged).toContain('| Ended | 2026-11-05T20:00:21Z |');
    expect(merged).toContain('The v3 cache key collided.');
    expect(merged).toContain('| Fix the cache key | Grace | 2026-11-20 | [ ] |');
    // Unedited, the merge is the fresh draft itself.
    expect(mergePostmortem(draft, renderPostmortem([...events, finished]))).toBe(
      renderPostmortem([...events, finished]),
    );
  });

  it('leaves a region alone once a person removed its marks', () => {
    const draft = renderPostmortem(events, { status: 'rolled-back' });
    const owned = draft
      .replace('<!-- release-pilot:begin summary -->\n', '')
      .replace('<!-- release-pilot:end summary -->\n', '')
      .replace('it succeeded.', 'it succeeded; we watched it.');
    const merged = mergePostmortem(owned, renderPostmortem([...events, finished]));
    expect(merged).toContain('| Ended | 2026-11-05T20:00:21Z |');
    expect(merged).toContain('(alert); it succeeded; we watched it.\n');
  });
});
