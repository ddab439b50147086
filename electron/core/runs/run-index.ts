import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../../shared/api/schemas/run';
import { foldRun } from '../../../shared/runs/run-state';
import { summarizeRun, summaryOf, withCaveat } from '../../../shared/runs/summarize-run';
import { readJournal } from '../journal/journal-reader';

// What run lists and guards need from every run, without folding every journal every time: one
// entry per run, trusted only while its journal keeps the size and mtime it had when folded
// (journals only grow, so a changed run is always seen). Kept in `<data>/runs/index.json` so a
// fresh CLI process benefits too; a missing or damaged index is simply rebuilt.

export interface RunFacts {
  summary: RunSummary;
  environment?: string;
  version?: string;
  commit?: string;
  previousVersion?: string;
}

interface Entry extends RunFacts {
  size: number;
  mtimeMs: number;
}

const safeRunId = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const indexName = 'index.json';

async function readIndex(dir: string): Promise<Record<string, Entry>> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, indexName), 'utf8')) as {
      version?: number;
      runs?: Record<string, Entry>;
    };
    // Version 2 added the summary's caveat: an older index is folded again, not trusted without it.
    return parsed.version === 2 && parsed.runs ? parsed.runs : {};
  } catch {
    return {};
  }
}

async function fold(dir: string, id: string): Promise<RunFacts> {
  const file = join(dir, id, 'journal.ndjson');
  const { events, problems } = await readJournal(file);
  const problem = problems[0];
  const state = foldRun(id, events);
  const summary = withCaveat(summaryOf(state), events);
  const facts = {
    environment: state.environment,
    version: state.version,
    commit: state.commit,
    previousVersion: state.previousVersion,
  };
  if (!problem) return { summary, ...facts };
  // The reader checks the chain as it goes: a damaged run shows as unreadable, naming the line.
  return {
    summary: { ...summary, status: 'unreadable', problem: `${file} line ${problem.line}: ${problem.reason}` },
    ...facts,
  };
}

/** Every run in `<data>/runs`, from the index where it is still true, from the journal where not. */
export async function indexedRuns(runsDir: string): Promise<RunFacts[]> {
  let ids: string[];
  try {
    ids = (await readdir(runsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && safeRunId.test(e.name))
      .map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const index = await readIndex(runsDir);
  const next: Record<string, Entry> = {};
  let changed = Object.keys(index).some((id) => !ids.includes(id));
  const facts = await Promise.all(
    ids.map(async (id) => {
      const info = await stat(join(runsDir, id, 'journal.ndjson')).catch(() => undefined);
      if (!info) {
        const file = join(runsDir, id, 'journal.ndjson');
        return {
          summary: { ...summarizeRun(id, []), status: 'unreadable' as const, problem: `cannot read ${file} (ENOENT)` },
        };
      }
      const known = index[id];
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
        next[id] = known;
        return known;
      }
      const folded = await fold(runsDir, id);
      next[id] = { ...folded, size: info.size, mtimeMs: info.mtimeMs };
      changed = true;
      return folded;
    }),
  );
  if (changed) {
    // Written whole and renamed into place: a reader never sees half an index.
    const tmp = join(runsDir, `.${indexName}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify({ version: 2, runs: next }))
      .then(() => rename(tmp, join(runsDir, indexName)))
      .catch(() => undefined);
  }
  return facts;
}
