import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createFileLogger } from '../../core/logging/logger';
import { defaultDataDir } from '../../core/paths';
import { closeRun } from '../../core/run/close-run';

/** `release-pilot close <run-id> --reason …`: a crashed run ends as failed, by a journaled decision. */
export async function closeCommand(
  runId: string,
  options: { reason: string; by?: string; dataDir?: string },
): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const { lockReleased } = await closeRun(dataDir, runId, options.by ?? userInfo().username, options.reason, logger);
    console.log(`${runId}: closed as failed${lockReleased ? '; its deploy lock was released' : ''}`);
    return 0;
  } catch (error) {
    console.error(`release-pilot close: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    flush();
  }
}
