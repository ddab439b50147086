import { join } from 'node:path';
import type { RunEventData, RunEventType } from '../../../../shared/runs/run-events';
import { openJournal } from '../../journal/journal-writer';
import { runsDir } from '../../runs/run-store';

// Writes a run's journal with the real journal writer (hash chain, fsync), one event per entry,
// each a given number of seconds after the start, so tests can check times in what is drawn from it.

export type JournalEntry = { [T in RunEventType]: [seconds: number, type: T, data: RunEventData[T]] }[RunEventType];

export async function writeJournal(dataDir: string, runId: string, start: Date, entries: JournalEntry[]) {
  let clock = start;
  const journal = await openJournal(join(runsDir(dataDir), runId), { create: true, now: () => clock });
  try {
    for (const [seconds, type, data] of entries) {
      clock = new Date(start.getTime() + seconds * 1000);
      await journal.append(type, data as unknown as Record<string, unknown>);
    }
  } finally {
    await journal.close();
  }
  return journal.file;
}

/** The minimum of a run.started event for a run of `version` on `environment`. */
export function runStarted(
  runId: string,
  environment: string,
  version: string,
  more: Partial<RunEventData['run.started']> = {},
): RunEventData['run.started'] {
  return {
    runId,
    project: 'shop',
    projectPath: '/srv/shop',
    runbook: 'web',
    runbookTitle: 'Web release',
    environment,
    protected: environment === 'production',
    version,
    operator: { by: 'Ada Lovelace', role: 'devops' },
    roles: { devops: 'DevOps Engineer' },
    steps: [],
    exitCriteria: [],
    rollback: { id: '@rollback', title: 'Rollback', owner: 'devops', actions: [], items: [], approvals: [] },
    ...more,
  };
}
