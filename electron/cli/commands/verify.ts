import { join, resolve } from 'node:path';
import { verifyJournal } from '../../core/journal/journal-reader';
import { defaultDataDir } from '../../core/paths';
import { runsDir } from '../../core/runs/run-store';

/** `release-pilot verify <run-id>`: checks the journal's hash chain; names the first bad line. */
export async function verifyCommand(runId: string, options: { dataDir?: string; json?: boolean }): Promise<number> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId)) {
    console.error(`release-pilot verify: not a run id: ${runId}`);
    return 2;
  }
  const file = join(runsDir(resolve(options.dataDir ?? defaultDataDir())), runId, 'journal.ndjson');
  const verdict = await verifyJournal(file);
  if (options.json) console.log(JSON.stringify({ runId, file, ...verdict }));
  else if (verdict.ok)
    console.log(`${runId}: journal intact, ${verdict.lines} events, final hash ${verdict.finalHash}`);
  else console.error(`${runId}: journal BROKEN at line ${verdict.line}: ${verdict.message}`);
  if (verdict.ok) return 0;
  return verdict.line === 0 ? 2 : 1;
}
