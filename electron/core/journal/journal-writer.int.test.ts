import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { JournalError } from './journal-error';
import { readJournal, verifyJournal } from './journal-reader';
import { JOURNAL_FILE, openJournal } from './journal-writer';

describe('journal writer (real files)', () => {
  const tempDir = useTempDirs('rp-journal-');

  it('appends events, reads them back in order and verifies the chain', async () => {
    const dir = join(tempDir(), 'runs', 'run-1');
    const journal = await openJournal(dir, { create: true });
    const first = await journal.append('run.started', { version: 'v1.2.3', environment: 'staging' });
    const second = await journal.append('step.started', { step: 'preparation' });
    expect([first.seq, second.seq, second.prev]).toEqual([1, 2, first.hash]);
    expect([journal.lastSeq, journal.lastHash]).toEqual([2, second.hash]);
    await journal.close();

    const file = join(dir, JOURNAL_FILE);
    const { events, problems } = await readJournal(file);
    expect(problems).toEqual([]);
    expect(events).toEqual([first, second]);
    expect(await verifyJournal(file)).toEqual({ ok: true, lines: 2, finalHash: second.hash });
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('keeps order and chain for 500 concurrent appends', async () => {
    const dir = tempDir();
    const journal = await openJournal(dir, { create: true });
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => journal.append('tick', { i })));
    await journal.close();
    expect(results.map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const { events, problems } = await readJournal(join(dir, JOURNAL_FILE));
    expect(problems).toEqual([]);
    expect(events.map((e) => e.data.i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect((await verifyJournal(join(dir, JOURNAL_FILE))).ok).toBe(true);
  });

  it('never writes a redacted secret to disk', async () => {
    const dir = tempDir();
    const secret = 's3cr3t-T0ken-value';
    const journal = await openJournal(dir, { create: true, redact: (s) => s.replaceAll(secret, '***') });
    const event = await journal.append('action.started', {
      argv: ['docker', 'login', '-p', secret],
      env: { TOKEN: secret },
    });
    await journal.close();
    expect(event.data).toEqual({ argv: ['docker', 'login', '-p', '***'], env: { TOKEN: '***' } });
    const bytes = readFileSync(join(dir, JOURNAL_FILE));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect((await verifyJournal(join(dir, JOURNAL_FILE))).ok).toBe(true);
  });

  it('repairs a torn last line on reopen and continues the chain', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE);
    const journal = await openJournal(dir, { create: true });
    for (let i = 1; i <= 5; i++) await journal.append('tick', { i });
    const fifthHash = journal.lastHash;
    await journal.close();
    appendFileSync(file, '{"seq":6,"at":"2026-11-02T09:00:00.000Z","type":"ti');
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 6, kind: 'torn' });

    const resumed = await openJournal(dir, { create: false });
    expect([resumed.repairedTornLine, resumed.lastSeq, resumed.lastHash]).toEqual([true, 5, fifthHash]);
    const sixth = await resumed.append('tick', { i: 6 });
    await resumed.close();
    expect([sixth.seq, sixth.prev]).toEqual([6, fifthHash]);
    expect(await verifyJournal(file)).toEqual({ ok: true, lines: 6, finalHash: sixth.hash });

    const again = await openJournal(dir, { create: false });
    expect(again.repairedTornLine).toBe(false);
    await again.close();
  });

  it('refuses to append to a journal whose chain is broken, naming the file and line', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE);
    const journal = await openJournal(dir, { create: true });
    for (let i = 1; i <= 4; i++) await journal.append('tick', { i });
    await journal.close();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"i":3', '"i":33'));
    const error = await openJournal(dir, { create: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect(error).toMatchObject({ code: 'broken-chain', line: 3, file });
    expect((error as Error).message).toBe(
      `refusing to append to a broken journal: ${file} line 3: hash does not match its content`,
    );
  });

  it('rejects an event it cannot store without breaking the journal', async () => {
    const dir = tempDir();
    const journal = await openJournal(dir, { create: true });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(journal.append('bad', circular)).rejects.toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining(`cannot append to ${join(dir, JOURNAL_FILE)}: event bad:`),
    });
    const ok = await journal.append('good', {});
    await journal.close();
    expect(ok.seq).toBe(1);
    await expect(journal.append('late', {})).rejects.toMatchObject({ code: 'closed' });
    expect((await verifyJournal(join(dir, JOURNAL_FILE))).ok).toBe(true);
  });

  it('says clearly when the journal is missing, or already exists', async () => {
    const dir = tempDir();
    await expect(openJournal(join(dir, 'nope'), { create: false })).rejects.toMatchObject({
      code: 'missing',
      message: `cannot open journal ${join(dir, 'nope', JOURNAL_FILE)}: no such file or directory (ENOENT)`,
    });
    await expect(openJournal(dir, { create: false })).rejects.toMatchObject({ code: 'missing' });
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    await (await openJournal(dir, { create: true })).close();
    await expect(openJournal(dir, { create: true })).rejects.toMatchObject({
      code: 'exists',
      message: expect.stringContaining(`journal already exists: ${join(dir, JOURNAL_FILE)}`),
    });
  });

  it('names the path when the folder is under a file', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'plain-file'), '');
    const dir = join(base, 'plain-file', 'run-1');
    await expect(openJournal(dir, { create: true })).rejects.toMatchObject({
      code: 'io',
      errno: 'ENOTDIR',
      message: `cannot create journal folder ${dir}: a parent is not a directory (ENOTDIR)`,
    });
  });
});
