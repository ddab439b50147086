import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { abortedRun } from '../../../shared/report/fixtures/scenarios';
import { writeScenarioJournal } from '../report/write-scenario';
import { makeReviewProject } from '../reviews/test-support/review-project';
import { runsDir } from '../runs/run-store';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { monitoredRunId, writeMonitoredRun } from './test-support/monitored-run';

// `runs:monitoring` on journals written by the real journal writer: the windows and alert changes
// as recorded, the thresholds of rules that never changed from the run's runbook, and a clear
// word when the runbook is gone or the run was never watched.

const ctx = { transport: 'direct' as const };

describe('runs:monitoring', () => {
  const tempDir = useTempDirs('rp-monitoring-');

  async function setup() {
    const dataDir = tempDir();
    const root = tempDir();
    makeReviewProject(root, [1]);
    await writeMonitoredRun(dataDir, root);
    return { dataDir, root, engine: testEngine(dataDir) };
  }

  it('answers the windows, alert changes, downtime and every rule of the runbook with its threshold', async () => {
    const { engine } = await setup();
    const view = await engine.handlers['runs:monitoring']({ runId: monitoredRunId }, ctx);
    expect(view).toMatchObject({
      runId: monitoredRunId,
      environment: 'production',
      version: 'v1.5.0',
      runbook: 'deploy',
      startedAt: '2026-11-05T09:00:00.000Z',
      stopped: true,
      downtime: { ms: 1200 },
    });
    expect(view.endedAt).toBeDefined();
    // run.started, monitor.started, 17 windows, traffic, downtime, 2 alert changes, rollback started
    // and finished, stop, end.
    expect(view.lastSeq).toBe(27);
    // The moments the charts mark, and the strategy the downtime is judged against (#14 item 7).
    expect(view.strategy).toBe('blue-green');
    expect(view.cutovers).toEqual([{ at: view.downtime?.to, where: 'nginx on web-1' }]);
    expect(view.rollback).toMatchObject({
      trigger: 'alert',
      ok: true,
      reason: 'alert high-error-rate firing (error_rate > 5%)',
    });
    expect(Date.parse(view.rollback?.endedAt ?? '') - Date.parse(view.rollback?.at ?? '')).toBe(100);
    expect(view.rulesProblem).toBeUndefined();
    expect(view.rules).toEqual([
      { name: 'high-error-rate', condition: 'error_rate > 5%', for: 30_000, severity: 'critical', action: 'rollback' },
      { name: 'slow-p95', condition: 'p95_latency > 2s', for: 60_000, severity: 'warning', action: 'notify' },
    ]);
    expect(view.started).toEqual([
      { at: '2026-11-05T09:00:00.000Z', source: 'probes', target: 'http://127.0.0.1:8080/health', ratePerSecond: 5 },
    ]);
    expect(view.windows).toHaveLength(17);
    expect(view.windows.map((w) => w.phase)).toEqual([
      ...Array(6).fill('before'),
      ...Array(3).fill('during'),
      ...Array(8).fill('after'),
    ]);
    expect(view.windows[0]).toMatchObject({ from: '2026-11-05T09:00:00.000Z', to: '2026-11-05T09:00:10.000Z' });
    expect(view.windows.at(-1)?.metrics.errorRate).toBe(0.12);
    expect(view.alerts.map((a) => [a.rule, a.state, a.value])).toEqual([
      ['high-error-rate', 'pending', 0.06],
      ['high-error-rate', 'firing', 0.12],
    ]);
  });

  it('falls back to the rules the journal saw change when the project is gone, saying why', async () => {
    const { engine, root } = await setup();
    rmSync(join(root, '.release-pilot'), { recursive: true });
    const view = await engine.handlers['runs:monitoring']({ runId: monitoredRunId }, ctx);
    expect(view.rulesProblem).toBe(`the project folder ${root} (or its .release-pilot/) is not there any more`);
    expect(view.rules).toEqual([
      { name: 'high-error-rate', condition: 'error_rate > 5%', severity: 'critical', action: 'rollback' },
    ]);
  });

  it('names the runbook file and line when the runbook no longer loads', async () => {
    const { engine, root } = await setup();
    writeFileSync(
      join(root, '.release-pilot', 'runbook.yml'),
      'id: deploy\ntitle: T\nroles: { devops: D }\nsteps: []\n',
    );
    const view = await engine.handlers['runs:monitoring']({ runId: monitoredRunId }, ctx);
    expect(view.rulesProblem).toMatch(/^\.release-pilot\/runbook\.yml:4:\d+: the runbook "deploy" does not load \(/);
  });

  it('says plainly that a run recorded no monitoring', async () => {
    const dataDir = tempDir();
    const scenario = abortedRun();
    await writeScenarioJournal(join(runsDir(dataDir), scenario.runId), scenario);
    const view = await testEngine(dataDir).handlers['runs:monitoring']({ runId: scenario.runId }, ctx);
    expect(view).toMatchObject({ started: [], windows: [], alerts: [], stopped: false });
    expect(view.downtime).toBeUndefined();
    // Its project path (/srv/projects/shop-api) does not exist here: the rules say so, nothing throws.
    expect(view.rulesProblem).toContain('/srv/projects/shop-api');
  });

  it('refuses an unknown run and a run id that is a path', async () => {
    const { engine } = await setup();
    const missing = await rejectionOf(engine.handlers['runs:monitoring']({ runId: 'nope' }, ctx), ApiError);
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('no run nope in');
    const path = await rejectionOf(engine.handlers['runs:monitoring']({ runId: '../x' }, ctx), ApiError);
    expect(path.code).toBe('invalid-request');
  });
});
