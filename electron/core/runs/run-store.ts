import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { RunDetail, RunSummary } from '../../../shared/api/schemas/run';
import { RunEvent } from '../../../shared/runs/run-event';
import { summarizeRun } from '../../../shared/runs/summarize-run';

// Reads runs from `<data>/runs/<run-id>/journal.ndjson`. Writing (hash chain, fsync before each
// action) belongs to the run executor; this side only reads, and never lets one damaged journal
// hide the others.

const safeRunId = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function runsDir(dataDir: string): string {
  return join(dataDir, 'runs');
}

interface JournalRead {
  events: RunEvent[];
  missing?: boolean;
  problem?: string;
}

async function readJournal(dataDir: string, runId: string): Promise<JournalRead> {
  const file = join(runsDir(dataDir), runId, 'journal.ndjson');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { events: [], missing: code === 'ENOENT', problem: `cannot read ${file} (${code ?? error})` };
  }
  const events: RunEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.trim()) continue;
    let parsed: ReturnType<typeof RunEvent.safeParse>;
    try {
      parsed = RunEvent.safeParse(JSON.parse(line));
    } catch {
      return { events, problem: `${file} line ${i + 1}: not valid JSON` };
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { events, problem: `${file} line ${i + 1}: ${issue?.path.join('.') || 'event'}: ${issue?.message}` };
    }
    events.push(parsed.data);
  }
  return { events };
}

function withProblem(summary: RunSummary, problem?: string): RunSummary {
  return problem ? { ...summary, status: 'unreadable', problem } : summary;
}

export async function listRuns(dataDir: string): Promise<RunSummary[]> {
  let ids: string[];
  try {
    ids = (await readdir(runsDir(dataDir), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && safeRunId.test(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const runs = await Promise.all(
    ids.map(async (id) => {
      const { events, problem } = await readJournal(dataDir, id);
      return withProblem(summarizeRun(id, events), problem);
    }),
  );
  // Newest first; runs without a start time (unreadable) last.
  return runs.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}

export async function getRun(dataDir: string, runId: string): Promise<RunDetail> {
  if (!safeRunId.test(runId)) {
    throw new ApiError('invalid-request', `not a run id: ${runId}`, { runId });
  }
  const { events, problem, missing } = await readJournal(dataDir, runId);
  if (missing) {
    throw new ApiError('not-found', `no run ${runId} in ${runsDir(dataDir)}`, { runId });
  }
  return { ...withProblem(summarizeRun(runId, events), problem), events };
}
