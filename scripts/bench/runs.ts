// Run history: `runs` / runs:list and a protected environment's guard over 300 runs of 300 events,
// first with no index (every journal folded), then from the run index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openJournal } from '../../electron/core/journal/journal-writer';
import { findPassedRun } from '../../electron/core/run/passed-runs';
import { listRuns } from '../../electron/core/runs/run-store';

const RUNS = 300;
const EVENTS = 300;

async function time<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}

export async function benchRuns(): Promise<Record<string, string | number>> {
  const data = mkdtempSync(join(tmpdir(), 'rp-bench-runs-'));
  try {
    for (let r = 0; r < RUNS; r++) {
      const id = `20261126-${100000 + r}-staging-beef`;
      const journal = await openJournal(join(data, 'runs', id), { create: true });
      const appends = [
        journal.append('run.started', {
          runId: id,
          projectPath: '/bench/project',
          environment: 'staging',
          version: 'v1',
          steps: [],
          exitCriteria: [],
        }),
      ];
      for (let i = 0; i < EVENTS; i++)
        appends.push(journal.append('action.passed', { step: 's', action: `s.${i}`, durationMs: 5 }));
      appends.push(journal.append('run.finished', { status: 'succeeded' }));
      await Promise.all(appends);
      await journal.close();
    }
    return {
      'runs × events': `${RUNS} × ${EVENTS}`,
      'runs:list, no index (ms)': await time(() => listRuns(data)),
      'runs:list, from the index (ms)': await time(() => listRuns(data)),
      'staging guard lookup (ms)': await time(() => findPassedRun(data, 'staging', 'v2', undefined, '/bench/project')),
    };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, value] of Object.entries(await benchRuns())) console.log(`${label.padEnd(34)} ${value}`);
}
