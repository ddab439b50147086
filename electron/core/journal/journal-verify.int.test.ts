import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { encodeEvent } from './journal-line';
import { readJournal, verifyJournal } from './journal-reader';
import { JOURNAL_FILE, openJournal } from './journal-writer';

const at = () => new Date('2026-11-02T09:00:00.000Z');

describe('journal verification names the first line that breaks the chain', () => {
  const tempDir = useTempDirs('rp-verify-');

  async function tenLines(): Promise<{ file: string; lines: string[] }> {
    const dir = tempDir();
    const journal = await openJournal(dir, { create: true, now: at });
    for (let n = 1; n <= 10; n++) await journal.append('tick', { n, note: `event ${n}` });
    await journal.close();
    const file = join(dir, JOURNAL_FILE);
    return { file, lines: readFileSync(file, 'utf8').split('\n').slice(0, -1) };
  }

  const rewrite = (file: string, lines: string[]) => writeFileSync(file, `${lines.join('\n')}\n`);

  it('tampered data in a middle line', async () => {
    const { file, lines } = await tenLines();
    lines[4] = lines[4]!.replace('"n":5', '"n":500');
    rewrite(file, lines);
    expect(await verifyJournal(file)).toEqual({
      ok: false,
      line: 5,
      kind: 'hash-mismatch',
      reason: 'hash does not match its content',
      message: `${file} line 5: hash does not match its content`,
    });
    const read = await readJournal(file);
    expect(read.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(read.problems.map((p) => p.message)).toEqual(['line 5: hash does not match its content']);
  });

  it('a middle line rewritten with a fresh hash breaks the link of the next line', async () => {
    const { file, lines } = await tenLines();
    const original = JSON.parse(lines[4]!);
    const forged = encodeEvent({ ...original, data: { n: 5, note: 'forged' } });
    lines[4] = forged.line;
    rewrite(file, lines);
    expect(await verifyJournal(file)).toMatchObject({
      ok: false,
      line: 6,
      reason: "prev does not match line 5's hash",
    });
  });

  it('a deleted line', async () => {
    const { file, lines } = await tenLines();
    lines.splice(6, 1);
    rewrite(file, lines);
    expect(await verifyJournal(file)).toMatchObject({
      ok: false,
      line: 7,
      kind: 'seq-mismatch',
      reason: 'seq 8, expected 7',
    });
  });

  it('reordered lines', async () => {
    const { file, lines } = await tenLines();
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    rewrite(file, lines);
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 3, reason: 'seq 4, expected 3' });
  });

  it('an edited last line (its hash)', async () => {
    const { file, lines } = await tenLines();
    const last = lines[9]!;
    const flipped = last.at(-3) === 'a' ? 'b' : 'a';
    lines[9] = `${last.slice(0, -3)}${flipped}${last.slice(-2)}`;
    rewrite(file, lines);
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 10, kind: 'hash-mismatch' });
  });

  it('bad JSON, and an inserted blank line', async () => {
    const { file, lines } = await tenLines();
    rewrite(file, [...lines.slice(0, 2), '{not json', ...lines.slice(3)]);
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 3, reason: 'not JSON' });
    rewrite(file, [...lines.slice(0, 8), '', ...lines.slice(8)]);
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 9, reason: 'empty line' });
  });

  it('a truncated last line, a missing file and an empty journal', async () => {
    const { file, lines } = await tenLines();
    writeFileSync(file, `${lines.slice(0, 9).join('\n')}\n${lines[9]!.slice(0, 40)}`);
    expect(await verifyJournal(file)).toMatchObject({ ok: false, line: 10, kind: 'torn' });
    const missing = join(tempDir(), 'none.ndjson');
    expect(await verifyJournal(missing)).toMatchObject({
      ok: false,
      line: 0,
      message: `cannot read ${missing} (ENOENT)`,
    });
    writeFileSync(file, '');
    expect(await verifyJournal(file)).toEqual({ ok: true, lines: 0, finalHash: '0'.repeat(64) });
  });
});
