import { join } from 'node:path';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { runsDir, safeRunId } from '../runs/run-store';
import type { LockInfo } from './deploy-lock';

// Is a lock someone else holds stale by proof? Only when this machine's own journal of the
// holding run shows that run ended: an intact journal (the hash chain checks), for this
// environment, that journaled taking a lock under the same holder, and then `run.finished`.
// Anything less — no journal here, a damaged one, a run still open — proves nothing, and the lock
// is treated as held (refused, or broken only by an explicit decision).

/** The proof, ready to journal and print, or undefined when nothing here proves the run ended. */
export async function endedRunProof(
  dataDir: string,
  environment: string,
  holder: LockInfo,
): Promise<string | undefined> {
  if (!safeRunId.test(holder.runId)) return undefined;
  const file = join(runsDir(dataDir), holder.runId, 'journal.ndjson');
  const { events, problems } = await readJournal(file).catch(() => ({ events: [], problems: [{}] }));
  if (problems.length > 0 || events.length === 0) return undefined;
  const state = foldRun(holder.runId, events);
  if (state.status === 'open' || state.status === 'unreadable' || state.environment !== environment) return undefined;
  const tookIt = events.some((event) => event.type === 'lock.acquired' && event.data.holder === holder.holder);
  if (!tookIt) return undefined;
  return `journal ${file} (intact) says run ${holder.runId} ended ${state.status} at ${state.endedAt ?? 'an unrecorded time'}`;
}
