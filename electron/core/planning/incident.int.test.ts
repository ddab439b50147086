import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/report/format';
import { readJournal } from '../journal/journal-reader';
import { oneStepRunbook } from '../run/test-support/one-step-runbook';
import { answers, runInLab } from '../run/test-support/run-harness';
import { makeLabProject } from '../test-lab/lab-project';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { IncidentError, openIncident } from './incident';
import { rolledBackRun } from './test-support/rolled-back-run';
import { runStarted, writeJournal } from './test-support/write-journal';

describe('openIncident', () => {
  const tempDir = useTempDirs();

  it('drafts the post-mortem of a rolled-back production run from its journal', async () => {
    const dataDir = tempDir();
    const { runId, file } = await rolledBackRun(dataDir);
    const { events, problems } = await readJournal(file);
    expect(problems).toEqual([]);
    const opened = await openIncident(dataDir, events, { now: new Date('2026-11-05T21:00:00Z') });
    expect(opened).toEqual({
      id: `INC-${runId}`,
      reason: 'production rolled back: alert HighErrorRate fired: error_rate 12.5% > 5% for 30s',
      path: join(dataDir, 'incidents', runId, 'postmortem.md'),
      record: join(dataDir, 'incidents', runId, 'incident.json'),
      dir: join(dataDir, 'incidents', runId),
    });

    const record = JSON.parse(readFileSync(opened!.record, 'utf8'));
    expect(record).toMatchObject({
      id: `INC-${runId}`,
      runId,
      openedAt: '2026-11-05T21:00:00.000Z',
      outcome: 'rolled-back',
    });
    expect(record.impact.downtime).toEqual({
      ms: 4200,
      from: '2026-11-05T20:04:10Z',
      to: '2026-11-05T20:04:14.200Z',
    });
    // Every notable journal event is on the timeline, at the time the journal gives it.
    const byType = (type: string) => events.filter((e) => e.type === type).map((e) => e.at);
    const timeline = record.timeline as Array<{ at: string; event: string; text: string }>;
    for (const type of ['run.started', 'step.failed', 'rollback.started', 'rollback.finished', 'run.finished']) {
      expect(timeline.filter((t) => t.event === type).map((t) => t.at)).toEqual(byType(type));
    }
    expect(timeline.some((t) => t.event === 'checklist.ticked' || t.event === 'monitor.window')).toBe(false);

    const md = readFileSync(opened!.path, 'utf8');
    expect(md).toContain('# Post-mortem (draft): production, v2.4.0');
    expect(md).toContain(`| Incident | \`INC-${runId}\` |`);
    expect(md).toContain('| Version | `v2.4.0`, live before: `v2.3.1` |');
    expect(md).toContain(
      '- Measured downtime: **4.2 s** (longest stretch without answers, from 2026-11-05T20:04:10Z to 2026-11-05T20:04:14Z).',
    );
    expect(md).toContain(
      '- Worst error rate: **12.5 %** (probes, after the cutover, 2026-11-05T20:03:00Z to 2026-11-05T20:04:00Z).',
    );
    expect(md).toContain('- Alert HighErrorRate fired at ');
    expect(md).toContain('| probes | before | 2026-11-05T20:01:00Z – 2026-11-05T20:02:00Z | 600 | 0 % | 100 % |');
    for (const entry of timeline) expect(md).toContain(`| ${formatTime(entry.at)} | `);
    expect(md).toContain('| 2026-11-05T20:05:00Z | Rollback started (alert): alert HighErrorRate fired');
    for (const section of [
      '## Summary',
      '## Impact',
      '## Timeline (UTC)',
      '## Root cause',
      '## Contributing factors',
      '## Action items',
    ])
      expect(md).toContain(section);
    expect(md).toContain(`\`release-pilot report ${runId}\``);

    // Opened again (after run.finished, say): refreshed, first opening time kept.
    await openIncident(dataDir, events, { now: new Date('2026-11-06T08:00:00Z') });
    expect(JSON.parse(readFileSync(opened!.record, 'utf8')).openedAt).toBe('2026-11-05T21:00:00.000Z');
  });

  it('opens none for a succeeded run or an unprotected environment; refuses events without a run', async () => {
    const dataDir = tempDir();
    const ok = '20261101-090000-production-0001';
    const okFile = await writeJournal(dataDir, ok, new Date('2026-11-01T09:00:00Z'), [
      [0, 'run.started', runStarted(ok, 'production', 'v1')],
      [9, 'run.finished', { status: 'succeeded' }],
    ]);
    expect(await openIncident(dataDir, (await readJournal(okFile)).events)).toBeUndefined();
    const dev = '20261101-090000-dev-0001';
    const devFile = await writeJournal(dataDir, dev, new Date('2026-11-01T09:00:00Z'), [
      [0, 'run.started', runStarted(dev, 'dev', 'v1')],
      [9, 'run.finished', { status: 'failed', reason: 'boom' }],
    ]);
    expect(await openIncident(dataDir, (await readJournal(devFile)).events)).toBeUndefined();
    const error = await rejectionOf(openIncident(dataDir, []), IncidentError);
    expect(error.code).toBe('not-a-run');
  });

  it('names the folder when the incident cannot be written', async () => {
    const { file } = await rolledBackRun(tempDir());
    const { events } = await readJournal(file);
    // Tests run as root, which ignores permissions: a file where the folder must go stops it just as well.
    const blocked = tempDir();
    writeFileSync(join(blocked, 'incidents'), 'not a folder');
    const error = await rejectionOf(openIncident(blocked, events), IncidentError);
    expect(error.code).toBe('write-failed');
    expect(error.message).toMatch(
      new RegExp(`^cannot write incident INC-\\S+ in ${blocked}/incidents/\\S+ \\(ENOTDIR\\)$`),
    );
  });

  it('drafts one for a production run the real executor rolled back, saying nothing was measured', async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook: oneStepRunbook({
        title: 'Smoke',
        roles: '{ devops: DevOps }',
        onFailure: 'rollback',
        actions: ['{ id: fail, type: shell, argv: [sh, -c, "echo no space left >&2; exit 3"] }'],
        rollback: ['{ type: shell, argv: ["true"] }'],
      }),
      environments: `environments:\n  production:\n    protected: true\n    lockDir: ${tempDir()}/locks\n`,
    });
    const dataDir = tempDir();
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: answers({ confirm: 'production' }),
    });
    expect(run.status).toBe('rolled-back');
    const { events } = await readJournal(join(run.runDir, 'journal.ndjson'));
    const opened = await openIncident(dataDir, events);
    expect(opened?.reason).toMatch(/^production rolled back: /);
    const md = readFileSync(opened!.path, 'utf8');
    expect(md).toContain('- Downtime: **not measured** (no synthetic probes reported during this run).');
    expect(md).toContain('- Error rates: **not measured** (no monitoring window was recorded).');
    expect(md).toMatch(/- Action deploy\.fail failed \(attempt 1\): .*exited with code 3 \(command-failed\)\n/);
    expect(md).not.toContain('- Rollback finished');
  });
});
