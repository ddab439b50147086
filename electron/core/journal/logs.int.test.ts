import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { readLogs } from './logs-reader';
import { LOGS_FILE, openLogs } from './logs-writer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('run logs (logs.ndjson)', () => {
  const tempDir = useTempDirs('rp-logs-');

  it('buffers lines, writes them within ~100 ms and on close, and reads them back', async () => {
    const dir = tempDir();
    const logs = await openLogs(dir);
    logs.write({ at: '2026-11-02T09:00:00.000Z', source: 'web-1', stream: 'stdout', line: 'pulling image' });
    expect(statSync(join(dir, LOGS_FILE)).size).toBe(0); // buffered, not written per line
    await sleep(250);
    expect(readFileSync(join(dir, LOGS_FILE), 'utf8')).toBe(
      '{"at":"2026-11-02T09:00:00.000Z","source":"web-1","stream":"stdout","line":"pulling image"}\n',
    );
    logs.write({ source: 'web-2', stream: 'stderr', line: 'warning: "quoted"\ttab' });
    logs.close();
    const { entries, problems } = await readLogs(dir);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.source, e.stream, e.line])).toEqual([
      ['web-1', 'stdout', 'pulling image'],
      ['web-2', 'stderr', 'warning: "quoted"\ttab'],
    ]);
    expect(Number.isNaN(Date.parse(entries[1]!.at))).toBe(false);
    expect(() => logs.write({ source: 'x', stream: 'info', line: 'late' })).toThrow(/logs are closed/);
  });

  it('flushes at once past the size cap, so memory stays bounded', async () => {
    const dir = tempDir();
    const logs = await openLogs(dir, { maxBufferBytes: 10_000, flushMs: 60_000 });
    for (let i = 0; i < 200; i++)
      logs.write({ source: 'build', stream: 'stdout', line: `line ${i} ${'x'.repeat(100)}` });
    const size = statSync(join(dir, LOGS_FILE)).size;
    expect(size).toBeGreaterThan(10_000); // written without waiting for the timer
    logs.close();
    expect((await readLogs(dir)).entries).toHaveLength(200);
  });

  it('filters by source and returns only the tail', async () => {
    const dir = tempDir();
    const logs = await openLogs(dir);
    for (let i = 0; i < 5000; i++) {
      logs.write({ source: i % 2 ? 'odd' : 'even', stream: 'stdout', line: String(i) });
    }
    logs.close();
    const { entries } = await readLogs(dir, { source: 'odd', tail: 3 });
    expect(entries.map((e) => e.line)).toEqual(['4995', '4997', '4999']);
    expect((await readLogs(dir, { tail: 0 })).entries).toEqual([]);
    expect((await readLogs(dir, { source: 'even' })).entries).toHaveLength(2500);
  });

  it('redacts secrets before they reach the file', async () => {
    const dir = tempDir();
    const logs = await openLogs(dir, { redact: (s) => s.replaceAll('pa55word', '***') });
    logs.write({ source: 'ssh', stream: 'stdout', line: 'login with pa55word ok' });
    logs.close();
    expect(readFileSync(join(dir, LOGS_FILE), 'utf8')).not.toContain('pa55word');
    expect((await readLogs(dir)).entries[0]?.line).toBe('login with *** ok');
  });

  it('reads past damaged lines naming them, skips a torn tail, and treats a missing file as empty', async () => {
    const dir = tempDir();
    expect(await readLogs(dir)).toEqual({ entries: [], problems: [] });
    const file = join(dir, LOGS_FILE);
    const good = (line: string) => `${JSON.stringify({ at: 'x', source: 's', stream: 'info', line })}\n`;
    writeFileSync(file, `${good('one')}{broken\n${JSON.stringify({ at: 1 })}\n${good('two')}`);
    appendFileSync(file, '{"at":"2026-11-0');
    const { entries, problems } = await readLogs(dir);
    expect(entries.map((e) => e.line)).toEqual(['one', 'two']);
    expect(problems).toEqual([
      `${file} line 2: not JSON`,
      `${file} line 3: not a log entry (needs at, source, stream, line)`,
    ]);
  });

  it('names the path when the folder cannot be made', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), '');
    const dir = join(base, 'file', 'run-1');
    await expect(openLogs(dir)).rejects.toThrow(
      `cannot open logs ${join(dir, LOGS_FILE)}: a parent is not a directory (ENOTDIR)`,
    );
  });
});
