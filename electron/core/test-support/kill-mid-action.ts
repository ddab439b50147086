import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Crash tests: a `release-pilot run` child is SIGKILLed once its journal shows the action's
// command running (`process.started`), as a power cut mid-action would, and its run id returned.

export async function killMidAction(
  child: ChildProcess,
  dataDir: string,
  extraReady: () => boolean = () => true,
): Promise<string> {
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  const runId = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const id = /Run (\S+):/.exec(out)?.[1];
      const journal = id ? join(dataDir, 'runs', id, 'journal.ndjson') : '';
      if (
        id &&
        existsSync(journal) &&
        readFileSync(journal, 'utf8').includes('"type":"process.started"') &&
        extraReady()
      ) {
        clearInterval(timer);
        resolve(id);
      }
    }, 20);
    child.once('exit', () => {
      clearInterval(timer);
      reject(new Error(`the run ended before it could be killed:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return runId;
}
