import { createRedactor } from '../../../shared/runs/redact';
import { foldRun } from '../../../shared/runs/run-state';
import type { JournalEvent } from '../journal/journal-line';
import { openJournal } from '../journal/journal-writer';
import { assertNotDriven } from '../run/run-owner';
import { ReportError, readRunJournal } from './run-report';

// Lessons learned are written after the run: appended to its closed journal as `lessons.recorded`,
// continuing the hash chain, so the report and `release-pilot verify` both see them.

// Appends to one journal from two saves at once would both chain from the same line: saves of a
// run queue behind each other in this process (another process is refused by assertNotDriven only
// while it drives the run, which it no longer does once the run ended).
const queues = new Map<string, Promise<unknown>>();

function queued<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

export async function recordLessons(
  dataDir: string,
  runId: string,
  lessons: { text: string; by: string },
  secrets: readonly string[] = [],
): Promise<JournalEvent> {
  const text = lessons.text.trim();
  if (text === '') throw new ReportError('invalid-request', 'write the lessons learned first', { field: 'text' });
  const { runDir } = await readRunJournal(dataDir, runId);
  return queued(runDir, async () => {
    // Read again inside the queue: the journal may have grown while this save waited.
    const { events, problem } = await readRunJournal(dataDir, runId);
    if (problem)
      throw new ReportError('conflict', `cannot record lessons: the journal is broken (${problem})`, { runId });
    const status = foldRun(runId, events).status;
    if (status === 'open')
      throw new ReportError(
        'conflict',
        `run ${runId} is still open: lessons learned are recorded once it has ended (resume or close it first)`,
        { runId },
      );
    await assertNotDriven(runDir, runId);
    const journal = await openJournal(runDir, { create: false, redact: createRedactor(secrets) });
    try {
      return await journal.append('lessons.recorded', { text, by: lessons.by });
    } finally {
      await journal.close();
    }
  });
}
