import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import type { JournalEvent } from './journal-line';
import { readJournal, verifyJournal } from './journal-reader';
import { JOURNAL_FILE, openJournal } from './journal-writer';
import { LOGS_FILE, openLogs } from './logs-writer';

// A real full disk: a 64 KB tmpfs. Mounting needs root (CAP_SYS_ADMIN); elsewhere the test says
// why it did not run rather than faking ENOSPC.
function mountTinyDisk(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}

describe('a disk that fills up mid-run', () => {
  const tempDir = useTempDirs('rp-disk-full-');

  it('rejects the failing append and every later one, naming the file, and leaves a valid chain', async (ctx) => {
    const mnt = join(tempDir(), 'mnt');
    mkdirSync(mnt);
    const why = mountTinyDisk(mnt);
    if (why) ctx.skip(why);
    try {
      const dir = join(mnt, 'run-1');
      const file = join(dir, JOURNAL_FILE);
      const journal = await openJournal(dir, { create: true });
      const acknowledged: JournalEvent[] = [];
      let failure: unknown;
      for (let i = 0; i < 1000 && !failure; i++) {
        // Two concurrent appends per round, so a failing batch carries more than one line.
        const round = [journal.append('output', { i, text: 'y'.repeat(900) }), journal.append('output', { i })];
        for (const result of await Promise.allSettled(round)) {
          if (result.status === 'fulfilled') acknowledged.push(result.value);
          else failure ??= result.reason;
        }
      }
      expect(failure).toMatchObject({
        code: 'io',
        errno: 'ENOSPC',
        file,
        message: `cannot write journal ${file}: no space left on device (ENOSPC)`,
      });
      await expect(journal.append('after', {})).rejects.toMatchObject({ errno: 'ENOSPC' });
      await journal.close();

      expect(await verifyJournal(file)).toMatchObject({ ok: true, lines: acknowledged.length });
      const { events } = await readJournal(file);
      expect(events).toEqual(acknowledged);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });

  it('reports a failed log flush on the next write, naming the file', async (ctx) => {
    const mnt = join(tempDir(), 'mnt');
    mkdirSync(mnt);
    const why = mountTinyDisk(mnt);
    if (why) ctx.skip(why);
    try {
      const logs = await openLogs(mnt, { maxBufferBytes: 16 * 1024 });
      const file = join(mnt, LOGS_FILE);
      const writeMany = () => {
        for (let i = 0; i < 200; i++) logs.write({ source: 'web-1', stream: 'stdout', line: 'z'.repeat(1000) });
      };
      expect(writeMany).toThrow(`cannot write logs ${file}: no space left on device (ENOSPC)`);
      expect(() => logs.write({ source: 'web-1', stream: 'info', line: 'more' })).toThrow(/ENOSPC/);
      expect(() => logs.close()).toThrow(/ENOSPC/);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
