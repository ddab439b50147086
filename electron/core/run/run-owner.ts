import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RunStateError } from './run-errors';

// Which process drives a run: `owner.json` in the run's folder while it runs. Resuming or closing
// a run that a live process still drives would run its actions twice and tangle its journal.

interface Owner {
  pid: number;
  host: string;
  at: string;
}

const ownerFile = (runDir: string) => join(runDir, 'owner.json');

export async function claimRun(runDir: string): Promise<() => Promise<void>> {
  await writeFile(
    ownerFile(runDir),
    JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }),
  );
  return () => rm(ownerFile(runDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses when another live process on this machine still drives the run. */
export async function assertNotDriven(runDir: string, runId: string): Promise<void> {
  let owner: Owner;
  try {
    owner = JSON.parse(await readFile(ownerFile(runDir), 'utf8')) as Owner;
  } catch {
    return; // no owner file: the run's process ended (cleanly or not)
  }
  if (owner.host !== hostname() || owner.pid === process.pid || !alive(owner.pid)) return;
  throw new RunStateError(
    `run ${runId} is still running in process ${owner.pid} on this machine (since ${owner.at}); cancel it there (Ctrl-C) or wait for it to end`,
  );
}
