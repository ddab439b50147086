import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { EndStatus } from '../../../../shared/runs/run-events';
import { openJournal } from '../../journal/journal-writer';
import { runsDir } from '../../runs/run-store';

// Real journals (hash chain and all, through the journal writer) of runs that happened earlier,
// for tests and e2e specs of what the dashboard says about them.

export interface PastRun {
  runId: string;
  projectPath: string;
  environment: string;
  version: string;
  /** `open`: no end recorded (a crash, or still running). */
  status: EndStatus | 'open';
  startedAt: Date;
  operator?: string;
  previousVersion?: string;
  /** Write an owner file naming this process id, as a run being driven by it has. */
  ownerPid?: number;
}

export async function writePastRun(dataDir: string, run: PastRun): Promise<void> {
  const dir = join(runsDir(dataDir), run.runId);
  await mkdir(dir, { recursive: true });
  // One second between events, from the run's start: its end time is then predictable.
  let clock = run.startedAt.getTime();
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };
  const journal = await openJournal(dir, { create: true, now: tick });
  await journal.append('run.started', {
    runId: run.runId,
    project: 'lab',
    projectPath: run.projectPath,
    runbook: 'deploy',
    runbookTitle: 'Deploy',
    environment: run.environment,
    protected: false,
    version: run.version,
    operator: { by: run.operator ?? 'Ada Lovelace', role: 'devops' },
    roles: { devops: 'DevOps Engineer' },
    steps: [],
    exitCriteria: [],
    rollback: { id: '@rollback', title: 'Roll back', actions: [], items: [], approvals: [] },
  });
  await journal.append('version.resolved', { version: run.version, previousVersion: run.previousVersion });
  if (run.status !== 'open') await journal.append('run.finished', { status: run.status });
  await journal.close();
  if (run.ownerPid !== undefined) {
    await writeFile(
      join(dir, 'owner.json'),
      JSON.stringify({ pid: run.ownerPid, host: hostname(), at: run.startedAt.toISOString() }),
    );
  }
}
