import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MethodName, methods } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

// Issue #19 item 8: a run id names a folder under <data>/runs. Every method that takes one checks
// it in the same place (the contract's RunId), so no method can be pointed at a journal elsewhere.

const ctx = { transport: 'direct' as const };

/** Methods whose request carries a run id. */
const runIdMethods = (Object.keys(methods) as MethodName[]).filter((name) => {
  const shape = (methods[name].request as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && 'runId' in shape;
});

describe('run ids are checked in one place', () => {
  const tempDir = useTempDirs('rp-runid-');

  it('runs:verify refuses a path as a run id instead of reading the journal it points at', async () => {
    const dataDir = tempDir();
    const outside = tempDir();
    // A journal outside the runs folder: before the check, verify read it and answered its verdict.
    writeFileSync(join(outside, 'journal.ndjson'), '{"not":"a journal"}\n');
    const runId = relative(join(dataDir, 'runs'), outside);
    expect(runId.startsWith('..')).toBe(true);
    const engine = testEngine(dataDir);
    try {
      const answer = await dispatch(engine.handlers, 'runs:verify', { runId }, ctx);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid-request');
        expect(answer.error.message).toContain('runId: not a run id');
      }
    } finally {
      await engine.close();
    }
  });

  it('every method that takes a run id refuses `../../../../tmp/x` with the same message', async () => {
    expect(runIdMethods).toEqual(
      expect.arrayContaining([
        'runs:get',
        'runs:verify',
        'runs:report',
        'runs:lessons',
        'runs:monitoring',
        'runs:logs',
      ]),
    );
    const engine = testEngine(tempDir());
    try {
      for (const name of runIdMethods) {
        const answer = await dispatch(engine.handlers, name, { runId: '../../../../tmp/x' }, ctx);
        expect(answer.ok, name).toBe(false);
        if (!answer.ok) expect(answer.error.message, name).toContain('runId: not a run id');
      }
    } finally {
      await engine.close();
    }
  });
});
