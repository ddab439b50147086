import { join, resolve } from 'node:path';
import { runIdPattern } from '../../../shared/formats/run-input';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal, verifyJournal } from '../../core/journal/journal-reader';
import { defaultDataDir } from '../../core/paths';
import { runsDir } from '../../core/runs/run-store';

/** `release-pilot verify <run-id>`: checks the journal's hash chain; names the first bad line. */
export async function verifyCommand(runId: string, options: { dataDir?: string; json?: boolean }): Promise<number> {
  if (!runIdPattern.test(runId)) {
    console.error(`release-pilot verify: not a run id: ${runId}`);
    return 2;
  }
  const file = join(runsDir(resolve(options.dataDir ?? defaultDataDir())), runId, 'journal.ndjson');
  const verdict = await verifyJournal(file);
  // A chain cut after its last good line still verifies: say whether the run recorded its end.
  const status = verdict.ok ? foldRun(runId, (await readJournal(file)).events).status : undefined;
  const open =
    status === 'open'
      ? '; no end is recorded: the run is still going, was stopped by a crash, or lines at its end are missing'
      : '';
  if (options.json) console.log(JSON.stringify({ runId, file, ...verdict, ...(status ? { status } : {}) }));
  else if (verdict.ok)
    console.log(`${runId}: journal intact, ${verdict.lines} events, final hash ${verdict.finalHash}${open}`);
  else console.error(`${runId}: journal BROKEN at line ${verdict.line}: ${verdict.message}`);
  if (verdict.ok) return 0;
  return verdict.line === 0 ? 2 : 1;
}
