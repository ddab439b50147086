import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMetricValue } from '../../../shared/monitor/format-metric';
import { formatTime } from '../../../shared/report/format';
import { readJournal } from '../journal/journal-reader';
import { silentLogger } from '../logging/logger';
import { runStarted, writeJournal } from '../planning/test-support/write-journal';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { closeRun } from './close-run';
import { answers, runInLab } from './test-support/run-harness';
import { buildVersionApp, versionAppEnvironment } from './test-support/version-app';
import { rollbackRule, watchedRunbook } from './test-support/watched-runbook';

// The incident record of a protected run is finished when the run is: a real container whose v2
// fails half its answers is rolled back by a rule, and the incident files name the end, its time
// and the worst value the rule measured — not "not recorded yet", not the fixed windows' average.

const image = `rp-it-incident-${Math.random().toString(36).slice(2, 8)}`;

describe('the incident record once the run has ended', () => {
  const tempDir = useTempDirs('rp-incident-end-');
  const containers: string[] = [];
  beforeAll(async () => {
    await buildVersionApp(image, 'v1.0.0', 0);
    await buildVersionApp(image, 'v1.1.0', 60);
  }, 180_000);
  afterAll(() => {
    for (const name of containers) execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
  });

  it('names the end, the end time and the worst value the rule saw after a real rollback', async () => {
    const root = tempDir();
    const port = await freePort();
    const container = `${image}-app-${port}`;
    containers.push(container);
    makeLabProject(
      root,
      {
        runbook: watchedRunbook({
          title: 'Incident',
          strategy: 'recreate',
          watch: '20s',
          alerts: [rollbackRule('HighErrorRate', '3s')],
        }),
        environments: versionAppEnvironment({ image, container, port, lockDir: `${tempDir()}/locks`, protected: true }),
      },
      ['v1.0.0', 'v1.1.0'],
    );
    const dataDir = tempDir();
    const confirm = answers({ confirm: 'prod' });
    const good = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.0.0',
      answers: confirm,
    });
    expect(good.status, JSON.stringify(good.find('run.finished'))).toBe('succeeded');

    const bad = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.1.0',
      answers: confirm,
    });
    expect(bad.status, JSON.stringify(bad.find('run.finished'))).toBe('rolled-back');
    const { events } = await readJournal(join(bad.runDir, 'journal.ndjson'));
    const end = events.find((e) => e.type === 'run.finished')!;
    const ruleValues = events
      .filter((e) => e.type === 'alert.changed' && e.data.rule === 'HighErrorRate')
      .map((e) => e.data.value as number);
    const worstSeen = Math.max(...ruleValues);
    expect(worstSeen).toBeGreaterThan(0.1);

    const dir = join(dataDir, 'incidents', bad.handle.runId);
    const record = JSON.parse(readFileSync(join(dir, 'incident.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'rolled-back', endedAt: end.at, endReason: end.data.reason });
    expect(record.impact.worstByRule).toMatchObject([
      { rule: 'HighErrorRate', metric: 'error_rate', value: worstSeen },
    ]);
    // The headline figure is never below what the rule measured, and says what measured it.
    expect(record.impact.worstErrorRate.errorRate).toBeGreaterThanOrEqual(worstSeen);
    expect(['alert-rule', 'monitor-window']).toContain(record.impact.worstErrorRate.measuredBy);
    expect(record.timeline.at(-1)).toMatchObject({ event: 'run.finished', at: end.at });

    const md = readFileSync(join(dir, 'postmortem.md'), 'utf8');
    expect(md).not.toContain('not recorded yet');
    expect(md).toContain(`| Ended | ${formatTime(end.at)} |`);
    expect(md).toContain('| Outcome | rolled back |');
    expect(md).toContain(`worst it measured: **${formatMetricValue('error_rate > 10%', worstSeen)}**`);
    // Linked from the journal before its end; nothing journaled after it.
    const types = events.map((e) => e.type).filter((t) => !t.startsWith('notification.'));
    expect(types.at(-1)).toBe('run.finished');
    expect(types).toContain('incident.opened');
  }, 240_000);

  it('opens and finishes the incident of a protected run closed with `close` after the app stopped', async () => {
    const dataDir = tempDir();
    const runId = '20261105-200000-production-c105';
    await writeJournal(dataDir, runId, new Date('2026-11-05T20:00:00Z'), [
      [0, 'run.started', runStarted(runId, 'production', 'v2', { projectPath: tempDir() })],
      [5, 'step.started', { step: 'deploy' }],
      [9, 'step.failed', { step: 'deploy', error: { code: 'unreachable', message: 'web-1 went away' } }],
    ]);
    await closeRun(dataDir, runId, 'Grace Hopper', 'the laptop rebooted', silentLogger);

    const { events } = await readJournal(join(dataDir, 'runs', runId, 'journal.ndjson'));
    expect(events.map((e) => e.type).slice(-2)).toEqual(['incident.opened', 'run.finished']);
    const end = events.at(-1)!;
    const dir = join(dataDir, 'incidents', runId);
    const record = JSON.parse(readFileSync(join(dir, 'incident.json'), 'utf8'));
    expect(record).toMatchObject({
      outcome: 'failed',
      endedAt: end.at,
      endReason: 'closed by Grace Hopper after the app stopped: the laptop rebooted',
    });
    const md = readFileSync(join(dir, 'postmortem.md'), 'utf8');
    expect(md).toContain(`| Ended | ${formatTime(end.at)} |`);
    expect(md).toContain('| End | closed by Grace Hopper after the app stopped: the laptop rebooted |');
  });
});
