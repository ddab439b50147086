import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { verifyJournal } from '../journal/journal-reader';
import { envSecrets } from '../secrets/env-secrets';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

// `runs:report` and `runs:lessons` through the engine's handlers, over the committed recorded
// journals copied into a real data directory: rendering, lessons appended to a closed journal
// (the hash chain continuing), and every refusal naming the run and what to do.

const ctx = { transport: 'direct' as const };
const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'report', 'fixtures');
const runs = {
  clean: '20261102-0900-production',
  aborted: '20261106-1900-production',
} as const;

function addRun(dataDir: string, fixture: string, runId: string, transform?: (text: string) => string): string {
  const dir = join(dataDir, 'runs', runId);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'journal.ndjson');
  if (transform) writeFileSync(file, transform(readFileSync(join(fixtures, `${fixture}.ndjson`), 'utf8')));
  else copyFileSync(join(fixtures, `${fixture}.ndjson`), file);
  return file;
}

describe('runs:report and runs:lessons', () => {
  const tempDir = useTempDirs('rp-report-api-');

  function setup(secrets: Record<string, string> = {}) {
    const dataDir = tempDir();
    const engine = testEngine(dataDir, { secrets: envSecrets(secrets) });
    return { dataDir, engine, h: engine.handlers };
  }

  it('renders the report of a recorded run, byte for byte the golden file', async () => {
    const { dataDir, h } = setup();
    addRun(dataDir, 'clean-success', runs.clean);
    const report = await h['runs:report']({ runId: runs.clean }, ctx);
    expect(report.open).toBe(false);
    expect(report.markdown).toBe(readFileSync(join(fixtures, 'clean-success.golden.md'), 'utf8'));
    const edited = await h['runs:report']({ runId: runs.clean, lessons: 'Draft: *start earlier*' }, ctx);
    expect(edited.markdown).toContain('## Lessons learned\n\nDraft: \\*start earlier\\*\n');
  });

  it('masks the values of the secrets this host knows', async () => {
    const { dataDir, h } = setup({ RELEASE_PILOT_SECRET_SNAPSHOT: 'snap-0193' });
    addRun(dataDir, 'clean-success', runs.clean);
    const { markdown } = await h['runs:report']({ runId: runs.clean }, ctx);
    expect(markdown).not.toContain('snap-0193');
    expect(markdown).toContain('snapshot \\[secret\\] restored');
  });

  it('masks a secret typed into lessons learned before it reaches the journal', async () => {
    const { dataDir, h } = setup({ RELEASE_PILOT_SECRET_DB_PASSWORD: 'hunter2-prod' });
    const file = addRun(dataDir, 'aborted-run', runs.aborted);
    await h['settings:update']({ operatorName: 'Ada Lovelace' }, ctx);
    await h['runs:lessons']({ runId: runs.aborted, text: 'rotate hunter2-prod after the incident' }, ctx);
    const journal = readFileSync(file, 'utf8');
    expect(journal).not.toContain('hunter2-prod');
    expect(journal).toContain('rotate [secret] after the incident');
    expect((await verifyJournal(file)).ok).toBe(true);
  });

  it('records lessons in a finished run: the chain continues, windows hear of it, the report shows them', async () => {
    const { dataDir, engine, h } = setup();
    const file = addRun(dataDir, 'aborted-run', runs.aborted);
    const before = await verifyJournal(file);
    const pushed: EventName[] = [];
    engine.events.subscribe((name) => pushed.push(name));
    await h['settings:update']({ operatorName: 'Ada Lovelace' }, ctx);
    const report = await h['runs:lessons']({ runId: runs.aborted, text: '  Check prod-2 config drift first.  ' }, ctx);
    expect(report.markdown).toMatch(
      /## Lessons learned\n\nCheck prod-2 config drift first\.\n\nRecorded by Ada Lovelace at /,
    );
    expect(report.lessons).toBe('Check prod-2 config drift first.');
    const after = await verifyJournal(file);
    expect(before.ok && after.ok && after.lines).toBe(before.ok ? before.lines + 1 : -1);
    expect(pushed).toContain('runs:event');
    // Two saves at once queue: both land, one after the other, and the chain stays intact.
    await Promise.all([
      h['runs:lessons']({ runId: runs.aborted, text: 'first' }, ctx),
      h['runs:lessons']({ runId: runs.aborted, text: 'second' }, ctx),
    ]);
    expect(await verifyJournal(file)).toMatchObject({ ok: true, lines: before.ok ? before.lines + 3 : -1 });
  });

  it('refuses lessons without an operator name, for an open run, and for a broken journal', async () => {
    const { dataDir, h } = setup();
    addRun(dataDir, 'aborted-run', runs.aborted);
    const unnamed = await rejectionOf(h['runs:lessons']({ runId: runs.aborted, text: 'x' }, ctx), ApiError);
    expect(unnamed).toMatchObject({ code: 'invalid-request', details: { field: 'operatorName' } });

    await h['settings:update']({ operatorName: 'Ada Lovelace' }, ctx);
    const openRun = 'open-run';
    addRun(dataDir, 'clean-success', openRun, (text) => text.split('\n').slice(0, 40).join('\n').concat('\n'));
    const open = await h['runs:report']({ runId: openRun }, ctx);
    expect(open.open).toBe(true);
    expect(open.markdown).toContain('**This run is still open**');
    const refused = await rejectionOf(h['runs:lessons']({ runId: openRun, text: 'x' }, ctx), ApiError);
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain(`run ${openRun} is still open`);

    const broken = 'broken-run';
    addRun(dataDir, 'aborted-run', broken, (text) => text.replace('Go for the 10:00 window', 'Go anyway'));
    const partial = await h['runs:report']({ runId: broken }, ctx);
    expect(partial.markdown).toMatch(
      /\*\*The journal could not be read to its end\*\*: .*broken-run\/journal\.ndjson line \d+: hash does not match/,
    );
    const noAppend = await rejectionOf(h['runs:lessons']({ runId: broken, text: 'x' }, ctx), ApiError);
    expect(noAppend.code).toBe('conflict');
    expect(noAppend.message).toContain('the journal is broken');
  });

  it('names the run and the data directory when there is no such run, and refuses a bad id', async () => {
    const { dataDir, h } = setup();
    const missing = await rejectionOf(h['runs:report']({ runId: 'no-such-run' }, ctx), ApiError);
    expect(missing.code).toBe('not-found');
    expect(missing.message).toBe(`no run no-such-run in ${join(dataDir, 'runs')}`);
    const bad = await rejectionOf(h['runs:report']({ runId: '../etc' }, ctx), ApiError);
    expect(bad).toMatchObject({ code: 'invalid-request', message: 'not a run id: ../etc' });
  });
});
