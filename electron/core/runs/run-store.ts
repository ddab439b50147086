import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { RunDetail, RunSummary } from '../../../shared/api/schemas/run';
import type { RunEvent } from '../../../shared/runs/run-event';
import { summarizeRun } from '../../../shared/runs/summarize-run';
import { readJournal } from '../journal/journal-reader';
import { indexedRuns } from './run-index';

// Reads runs from `<data>/runs/<run-id>/journal.ndjson`. Writing (hash chain, fsync before each
// action) belongs to the journal writer; this side only reads.

import { runIdPattern as safeRunId } from '../../../shared/formats/run-input';

export { safeRunId };

export function runsDir(dataDir: string): string {
  return join(dataDir, 'runs');
}

interface JournalRead {
  events: RunEvent[];
  missing?: boolean;
  problem?: string;
}

async function readRunJournal(dataDir: string, runId: string): Promise<JournalRead> {
  const file = join(runsDir(dataDir), runId, 'journal.ndjson');
  try {
    await access(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { events: [], missing: code === 'ENOENT', problem: `cannot read ${file} (${code ?? error})` };
  }
  // The journal reader checks the hash chain as it goes: a damaged run shows as unreadable,
  // with the first bad line named, and never hides the other runs.
  const { events, problems } = await readJournal(file);
  const problem = problems[0];
  return { events, problem: problem ? `${file} line ${problem.line}: ${problem.reason}` : undefined };
}

function withProblem(summary: RunSummary, problem?: string): RunSummary {
  return problem ? { ...summary, status: 'unreadable', problem } : summary;
}

export async function listRuns(dataDir: string): Promise<RunSummary[]> {
  const runs = (await indexedRuns(runsDir(dataDir))).map((run) => run.summary);
  // Newest first; runs without a start time (unreadable) last.
  return runs.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}

export async function getRun(dataDir: string, runId: string): Promise<RunDetail> {
  if (!safeRunId.test(runId)) {
    throw new ApiError('invalid-request', `not a run id: ${runId}`, { runId });
  }
  const { events, problem, missing } = await readRunJournal(dataDir, runId);
  if (missing) {
    throw new ApiError('not-found', `no run ${runId} in ${runsDir(dataDir)}`, { runId });
  }
  return { ...withProblem(summarizeRun(runId, events), problem), events };
}
