import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { readJournal, verifyJournal } from './journal-reader';
import { JOURNAL_FILE } from './journal-writer';
import { spawnJournalChild, watchChild } from './test-fixtures/spawn-child';

describe('journal across processes', () => {
  const tempDir = useTempDirs('rp-journal-proc-');

  it('keeps every acknowledged event when the writer is killed with SIGKILL', async () => {
    const dir = tempDir();
    const child = spawnJournalChild(['append', dir, '4']);
    const watch = watchChild(child);
    await watch.waitForLines(300, 20_000);
    child.kill('SIGKILL');
    expect(await watch.exited).toBe('SIGKILL');
    const printed = watch.lines.map(Number);
    const verdict = await verifyJournal(join(dir, JOURNAL_FILE));
    expect(verdict, watch.stderr()).toMatchObject({ ok: true });
    const { events } = await readJournal(join(dir, JOURNAL_FILE));
    const onDisk = new Set(events.map((e) => e.seq));
    expect(printed.filter((seq) => !onDisk.has(seq))).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(printed.length);
  });

  it('lets a second process read a consistent prefix while the writer appends', async () => {
    const dir = tempDir();
    const child = spawnJournalChild(['append', dir, '2']);
    const watch = watchChild(child);
    try {
      await watch.waitForLines(20, 20_000);
      let seen = 0;
      for (let round = 0; round < 15; round++) {
        const { events, problems } = await readJournal(join(dir, JOURNAL_FILE));
        // A line caught mid-write shows as a torn tail; anything else would be a real fault.
        expect(problems.filter((p) => p.kind !== 'torn')).toEqual([]);
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
        expect(events.length).toBeGreaterThanOrEqual(seen);
        seen = events.length;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toBeGreaterThan(20);
    } finally {
      child.kill('SIGKILL');
      await watch.exited;
    }
  });

  it('names the path when the folder is not writable (EACCES, as an unprivileged user)', async () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    const locked = join(base, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555); // mkdir's mode is filtered by umask; make it exact
    const isRoot = process.getuid?.() === 0;
    const as = isRoot ? { uid: 65534, gid: 65534 } : undefined;

    const inLocked = join(locked, 'run-1');
    const child = spawnJournalChild(['create', inLocked], as);
    const watch = watchChild(child);
    await watch.exited;
    expect(JSON.parse(watch.lines[0] ?? '{}'), watch.stderr()).toEqual({
      ok: false,
      code: 'io',
      errno: 'EACCES',
      message: `cannot create journal folder ${inLocked}: permission denied (EACCES)`,
    });

    const direct = spawnJournalChild(['create', locked], as);
    const directWatch = watchChild(direct);
    await directWatch.exited;
    const file = join(locked, JOURNAL_FILE);
    expect(JSON.parse(directWatch.lines[0] ?? '{}')).toMatchObject({
      errno: 'EACCES',
      message: `cannot create journal ${file}: permission denied (EACCES)`,
    });
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
