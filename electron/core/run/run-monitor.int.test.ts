import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Environment } from '../../../shared/formats/environment-schema';
import { Runbook } from '../../../shared/formats/runbook-schema';
import { emptyRunState } from '../../../shared/runs/run-state';
import { openJournal } from '../journal/journal-writer';
import { silentLogger } from '../logging/logger';
import { startRunMonitor } from './run-monitor';
import { createRunRecorder } from './run-recorder';

// The run's monitors when they cannot start (a probe setting the probes refuse): the deployment
// goes on unwatched, but a watch on it is still a wait that a cancel ends at once.

describe('startRunMonitor when the monitors cannot start', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('ends a watch when the run is cancelled, not after the whole window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-run-monitor-'));
    dirs.push(dir);
    const journal = await openJournal(dir, { create: true });
    const recorder = createRunRecorder(journal, emptyRunState('r1'));
    const parsed = Environment.parse({ urls: { health: 'http://127.0.0.1:9/health' } });
    // The file's schema refuses it; set behind its back, the probes refuse to start: timeout 0 ms.
    parsed.monitoring.probes.timeout = 0;
    const environment = { ...parsed, name: 'prod' };
    const runbook = Runbook.parse({
      title: 'Watch',
      roles: { devops: 'DevOps' },
      steps: [{ id: 'watch', title: 'Watch', owner: 'devops', actions: [{ type: 'watch', duration: '1h' }] }],
    });
    const monitor = startRunMonitor({ environment, runbook, recorder, logger: silentLogger, onRollback: () => {} });
    expect(monitor).toBeDefined();
    const cancel = new AbortController();
    const started = Date.now();
    const watching = monitor!.waitQuiet(3_600_000, cancel.signal);
    setTimeout(() => cancel.abort(new Error('cancelled by Ada')), 50);
    await expect(watching).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    await monitor!.stop();
    await journal.close();
  });
});
