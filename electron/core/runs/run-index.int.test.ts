import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../journal/journal-writer';
import { useTempDirs } from '../test-support/temp-dir';
import { indexedRuns } from './run-index';

// The run index is a cache: it must never show a run other than its journal says.

async function journal(runsDir: string, id: string, status?: string) {
  const j = await openJournal(join(runsDir, id), { create: !existsSync(join(runsDir, id, 'journal.ndjson')) });
  if (j.lastSeq === 0)
    await j.append('run.started', { runId: id, environment: 'staging', version: 'v1', steps: [], exitCriteria: [] });
  if (status) await j.append('run.finished', { status });
  await j.close();
}

describe('run index', () => {
  const tempDir = useTempDirs();

  it('follows journals as they grow, as runs are removed, and when the index itself is damaged', async () => {
    const runs = tempDir();
    await journal(runs, 'r1');
    await journal(runs, 'r2', 'succeeded');
    expect((await indexedRuns(runs)).map((r) => [r.summary.id, r.summary.status]).sort()).toEqual([
      ['r1', 'open'],
      ['r2', 'succeeded'],
    ]);
    expect(Object.keys(JSON.parse(readFileSync(join(runs, 'index.json'), 'utf8')).runs).sort()).toEqual(['r1', 'r2']);

    await journal(runs, 'r1', 'failed');
    rmSync(join(runs, 'r2'), { recursive: true });
    expect((await indexedRuns(runs)).map((r) => [r.summary.id, r.summary.status])).toEqual([['r1', 'failed']]);

    writeFileSync(join(runs, 'index.json'), '{ not json');
    expect((await indexedRuns(runs)).map((r) => r.summary.status)).toEqual(['failed']);
    expect(JSON.parse(readFileSync(join(runs, 'index.json'), 'utf8')).version).toBe(2); // 2: summaries carry their alert caveat
  });
});
