import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { encodeEvent, GENESIS_HASH } from '../journal/journal-line';
import { useTempDirs } from '../test-support/temp-dir';
import { getRun, listRuns, runsDir } from './run-store';

type Fields = { seq: number; at: string; type: string; data: Record<string, unknown> };

/** Events are chained as the journal writer chains them; raw strings are written as they are (damage). */
function writeJournal(dataDir: string, runId: string, lines: Array<Fields | string>) {
  const dir = join(runsDir(dataDir), runId);
  mkdirSync(dir, { recursive: true });
  let prev = GENESIS_HASH;
  const text = lines.map((line) => {
    if (typeof line === 'string') return line;
    const encoded = encodeEvent({ ...line, prev });
    prev = encoded.hash;
    return encoded.line;
  });
  writeFileSync(join(dir, 'journal.ndjson'), `${text.join('\n')}\n`);
}

const event = (seq: number, at: string, type: string, data: Record<string, unknown>): Fields => ({
  seq,
  at,
  type,
  data,
});

describe('run store (journals on disk)', () => {
  const tempDir = useTempDirs();

  it('lists nothing when no run was ever made', async () => {
    expect(await listRuns(tempDir())).toEqual([]);
  });

  it('lists runs newest first with the status their journal records', async () => {
    const data = tempDir();
    writeJournal(data, 'run-old', [
      event(1, '2026-11-01T09:00:00.000Z', 'run.started', { runbook: 'deploy', environment: 'staging', version: 'v1' }),
      event(2, '2026-11-01T09:10:00.000Z', 'run.finished', { status: 'succeeded' }),
    ]);
    writeJournal(data, 'run-new', [
      event(1, '2026-11-02T09:00:00.000Z', 'run.started', {
        runbook: 'deploy',
        environment: 'production',
        version: 'v2',
      }),
    ]);
    const runs = await listRuns(data);
    expect(runs.map((r) => [r.id, r.status, r.environment])).toEqual([
      ['run-new', 'open', 'production'],
      ['run-old', 'succeeded', 'staging'],
    ]);
  });

  it('marks a damaged journal unreadable with file and line, and still lists the others', async () => {
    const data = tempDir();
    writeJournal(data, 'good', [event(1, '2026-11-01T09:00:00.000Z', 'run.started', { version: 'v1' })]);
    writeJournal(data, 'torn', [
      event(1, '2026-11-01T08:00:00.000Z', 'run.started', { version: 'v1' }),
      '{"seq": 2, "at": "2026-',
    ]);
    writeJournal(data, 'wrong', ['{"seq": 0, "at": "x", "type": "run.started"}']);
    const runs = await listRuns(data);
    const byId = Object.fromEntries(runs.map((r) => [r.id, r]));
    expect(byId.good?.status).toBe('open');
    expect(byId.torn).toMatchObject({ status: 'unreadable', eventCount: 1 });
    expect(byId.torn?.problem).toBe(`${join(runsDir(data), 'torn', 'journal.ndjson')} line 2: not JSON`);
    expect(byId.wrong?.problem).toMatch(/journal\.ndjson line 1: does not end with a "hash" field/);
  });

  it('gets one run with its events', async () => {
    const data = tempDir();
    writeJournal(data, 'r1', [event(1, '2026-11-01T09:00:00.000Z', 'run.started', { version: 'v1' })]);
    const run = await getRun(data, 'r1');
    expect(run.events).toHaveLength(1);
    expect(run.version).toBe('v1');
  });

  it('refuses an unknown run and a run id that tries to leave the runs folder', async () => {
    const data = tempDir();
    await expect(getRun(data, 'missing')).rejects.toMatchObject({ code: 'not-found' });
    const error = await getRun(data, '../../etc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-request');
  });
});
