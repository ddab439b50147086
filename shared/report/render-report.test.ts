import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runs/run-event';
import { asRunEvents, recorder } from './fixtures/scenario-kit';
import { action, preparation, prologue } from './fixtures/scenario-steps';
import { cleanSuccess, scenarios } from './fixtures/scenarios';
import { renderReport } from './render-report';
import { maxGanttTasks } from './render-timeline';
import { reportData } from './report-data';
import { renderHtml, tableProblems } from './test-support/table-shapes';

const eventsOf = (scenario: { events: Parameters<typeof asRunEvents>[0] }) => asRunEvents(scenario.events);

describe('renderReport over the recorded scenarios', () => {
  for (const make of scenarios) {
    const scenario = make();
    it(`${scenario.name}: same events give the same bytes, and every table row fits its header`, () => {
      const events = eventsOf(scenario);
      const markdown = renderReport(events);
      expect(renderReport(structuredClone(events))).toBe(markdown);
      expect(tableProblems(markdown)).toEqual([]);
      expect(markdown.endsWith('\n')).toBe(true);
      expect(renderHtml(markdown)).not.toContain('<script');
    });
  }

  it('says the status, downtime and issue count the journal recorded', () => {
    const [clean, retried, skipped, rollback, aborted] = scenarios.map((make) => reportData(eventsOf(make())));
    expect(clean?.results).toMatchObject({ status: 'succeeded', issueCount: 0, downtime: { ms: 0 } });
    expect(retried?.results).toMatchObject({ status: 'succeeded', issueCount: 2 });
    expect(retried?.results.downtime).toBeUndefined();
    expect(skipped?.issues.map((i) => i.kind)).toEqual([
      'action-failed',
      'decision',
      'action-skipped',
      'check-failed',
      'decision',
    ]);
    expect(rollback?.results).toMatchObject({ status: 'rolled-back', rollback: { trigger: 'alert', ok: true } });
    expect(rollback?.issues.some((i) => i.kind === 'alert' && i.subject === 'high-error-rate')).toBe(true);
    expect(aborted?.results.status).toBe('aborted');
  });

  it('says how the rollback ended first, then what started it and why', () => {
    const markdown = renderReport(eventsOf(scenarios[3]!()));
    expect(markdown).toMatch(/- \*\*Rollback\*\*: completed, started at \S+ by an alert rule\. Why: /);
    expect(markdown).not.toContain('-triggered at');
  });

  it('marks steps that never ran as not run, never as done', () => {
    const markdown = renderReport(eventsOf(scenarios[4]!()));
    expect(markdown).toMatch(/\| — \| \*\*Verification\*\* \| — \| — \| ○ not run \| — \|/);
    expect(markdown).toMatch(/`production\.smoke` .* ○ not run/);
    expect(markdown).toContain('| Release notes published | ⚠ not ticked |');
  });

  it('states plainly when no monitoring and no changes were recorded', () => {
    const markdown = renderReport(eventsOf(scenarios[1]!()));
    expect(markdown).toContain('No monitoring was recorded for this run.');
    expect(markdown).toContain('No changes were recorded for this run');
    expect(markdown).toContain('- **Downtime**: not measured');
  });
});

describe('a run still open', () => {
  it('says so at the top, shows the running step and no end', () => {
    const all = cleanSuccess().events;
    const cut = all.slice(0, all.findIndex((e) => e.type === 'action.started' && e.data.action === 'verify.watch') + 1);
    const markdown = renderReport(asRunEvents(cut));
    const lines = markdown.split('\n');
    expect(lines[2]).toMatch(/^> ⚠ \*\*This run is still open\*\*: its journal records no end/);
    expect(markdown).toContain('- **Status**: In progress — no end is recorded');
    expect(markdown).toContain('- **End**: not recorded (run open)');
    expect(markdown).toMatch(/`verify\.watch` Watch for 10 min \| 1 \| — \| … running/);
    expect(reportData(asRunEvents(cut)).open).toBe(true);
  });
});

describe('people’s text', () => {
  const hostile = 'ok | <img src=x onerror=alert(1)> ```\n# pwned\n`tick`';

  function hostileRun(): RunEvent[] {
    const r = recorder('2026-11-07T09:00:00.000Z');
    prologue(r, 'hostile-run');
    r.emit('step.started', { step: 'prepare' });
    action(r, 'prepare', 'prepare.fetch', hostile, 'git', 1, 1, {
      code: 'x|y',
      message: hostile,
      tail: ['```', hostile],
    });
    r.emit('checklist.ticked', { item: 'prepare.tests', by: 'Eve | Mallory', role: 'qa`', note: hostile });
    r.emit('approval.granted', { step: 'validate', role: 'qa', by: hostile, note: hostile });
    r.emit('failure.decided', {
      step: 'prepare',
      action: 'prepare.fetch',
      decision: 'abort',
      reason: hostile,
      by: hostile,
    });
    r.emit('window.overridden', { rule: hostile, reason: hostile, by: hostile, role: hostile });
    r.emit('incident.opened', { id: hostile, reason: hostile, path: '/tmp/a b>c.md' });
    r.emit('run.finished', { status: 'aborted', reason: hostile });
    return asRunEvents(r.events);
  }

  it('cannot break a table, open a code block or inject HTML', () => {
    const markdown = renderReport(hostileRun(), { lessons: hostile });
    expect(tableProblems(markdown)).toEqual([]);
    const html = renderHtml(markdown);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<h1>pwned');
    // One heading of level 1 (the title) and the appendix's tail as the only code block.
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<pre>/g)).toHaveLength(2);
    expect(html).toContain('<h2>Appendix</h2>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('redaction', () => {
  const secret = 's3cr3t-T0ken-value';

  it('masks secrets given in options everywhere, in markdown and in the data', () => {
    const r = recorder('2026-11-08T09:00:00.000Z');
    prologue(r, 'secret-run');
    r.emit('step.started', { step: 'prepare' });
    action(r, 'prepare', 'prepare.fetch', 'git fetch', 'git', 1, 1, {
      code: 'auth',
      message: `token ${secret} refused`,
      tail: [`Authorization: Bearer ${secret}`, `url=https://x.example/?t=${encodeURIComponent(secret)}`],
    });
    r.emit('checklist.ticked', { item: 'prepare.tests', by: 'Ada', note: `used ${secret}|twice` });
    r.emit('run.finished', { status: 'failed', reason: `auth with ${secret}` });
    const events = asRunEvents(r.events);
    expect(renderReport(events)).toContain(secret);
    const markdown = renderReport(events, { secrets: [secret], lessons: `rotate ${secret} now` });
    expect(markdown).not.toContain(secret);
    expect(markdown).toContain('[secret]');
    expect(JSON.stringify(reportData(events, { secrets: [secret] }))).not.toContain(secret);
  });
});

describe('reportData', () => {
  it('is plain JSON with the same content as the markdown', () => {
    const data = reportData(eventsOf(cleanSuccess()), { now: '2026-11-02T10:00:00.000Z' });
    expect(JSON.parse(JSON.stringify(data))).toEqual(JSON.parse(JSON.stringify(data)));
    expect(data.header).toMatchObject({ project: 'shop-api', version: 'v1.5.0', previousVersion: 'v1.4.2' });
    expect(data.changes.commits).toHaveLength(3);
    expect(data.lessons).toMatchObject({ by: 'Ada Lovelace', unsaved: false });
    expect(data.gates.map((g) => g.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(data.metrics.phases.map((p) => p.phase)).toEqual(['before', 'during', 'after']);
    expect(data.generatedAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('lets the edited lessons override the recorded ones', () => {
    const events = eventsOf(cleanSuccess());
    expect(reportData(events, { lessons: 'New text' }).lessons).toEqual({ text: 'New text', unsaved: true });
    expect(renderReport(events, { lessons: 'New text' })).toMatch(/## Lessons learned\n\nNew text\n/);
    const recorded = reportData(events).lessons?.text ?? '';
    expect(reportData(events, { lessons: recorded }).lessons?.unsaved).toBe(false);
  });

  it('survives an empty journal and events with missing or mistyped fields', () => {
    expect(renderReport([], { runId: 'r-empty' })).toContain('**The journal holds no events**');
    const junk = asRunEvents([
      { at: 'not a time', type: 'run.started', data: { runId: 42, steps: [] } },
      { at: '2026-11-01T00:00:00.000Z', type: 'action.started', data: {} },
      { at: '2026-11-01T00:00:01.000Z', type: 'action.failed', data: { error: 'boom', tail: 'x' } },
      { at: '2026-11-01T00:00:02.000Z', type: 'monitor.window', data: { metrics: null } },
      { at: '2026-11-01T00:00:03.000Z', type: 'changes.recorded', data: { commits: [null, { hash: 7 }] } },
      { at: '2026-11-01T00:00:04.000Z', type: 'alert.changed', data: { state: 'firing' } },
      { at: '2026-11-01T00:00:05.000Z', type: 'future.event', data: { anything: true } },
    ]);
    const markdown = renderReport(junk, { runId: 'r-junk' });
    expect(tableProblems(markdown)).toEqual([]);
    expect(markdown).toContain('`r-junk`');
  });

  it('draws steps only in the gantt chart when there are too many attempts', () => {
    const r = recorder('2026-11-09T09:00:00.000Z');
    prologue(r, 'busy-run');
    preparation(r);
    for (let i = 0; i < maxGanttTasks + 5; i++) action(r, 'prepare', 'prepare.fetch', 'git fetch', 'git', 0.1, i + 2);
    const markdown = renderReport(asRunEvents(r.events));
    expect(markdown).toContain('The chart shows steps only');
    expect(markdown.match(/\(prepare\.fetch, /g) ?? []).toHaveLength(0);
  });
});
