import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const fixture = join(import.meta.dirname, 'journal-child.ts');
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** Starts journal-child.ts in its own Node process (through tsx), optionally as another user. */
export function spawnJournalChild(args: string[], as?: { uid: number; gid: number }): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
}

/** Collects stdout lines as they arrive; `exited` resolves with the exit code or signal. */
export function watchChild(child: ChildProcess): {
  lines: string[];
  stderr: () => string;
  exited: Promise<number | NodeJS.Signals | null>;
  waitForLines: (n: number, timeoutMs: number) => Promise<void>;
} {
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const waitForLines = async (n: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (lines.length < n) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`child exited early (${child.exitCode ?? child.signalCode}): ${err}`);
      }
      if (Date.now() > deadline) throw new Error(`child printed ${lines.length}/${n} lines in ${timeoutMs} ms: ${err}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { lines, stderr: () => err, exited, waitForLines };
}
