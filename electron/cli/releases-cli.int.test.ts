import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReleaseLine } from '../core/deploy/history/release-lines';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #19 item 7: the history file says "live" of every release as it went live; `releases`
// shows "live" (and ▶) only for the release users get now.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

describe('release-pilot releases', () => {
  const tempDir = useTempDirs('rp-cli-releases-');

  it('marks only the live release as live; earlier ones are superseded, undone ones rolled back', () => {
    const root = tempDir();
    const history = join(tempDir(), 'releases.ndjson');
    const entry = (version: string, runId: string, status: 'live' | 'rolled-back', minute: number) =>
      formatReleaseLine({ version, runId, status, at: `2026-11-05T09:${String(minute).padStart(2, '0')}:00.000Z` });
    writeFileSync(
      history,
      [
        entry('v1', 'run-1', 'live', 1),
        entry('v2', 'run-2', 'live', 2),
        entry('v3', 'run-3', 'live', 3),
        entry('v3', 'run-3', 'rolled-back', 4),
      ].join(''),
    );
    makeLabProject(root, {
      runbook: 'title: R\nroles: { devops: DevOps }\nsteps:\n  - { id: s, title: S, owner: devops }\n',
      environments: `environments:\n  staging:\n    deploy: { historyFile: '${history}' }\n`,
    });
    const out = spawnSync(
      process.execPath,
      [bin, 'releases', '--project', root, '--env', 'staging', '--data-dir', tempDir()],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.status, out.stderr).toBe(0);
    // Each row: mark (▶ or blank), version, status.
    const rows = out.stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => [line.slice(0, 1), ...line.slice(2).split(/\s+/).slice(0, 2)]);
    expect(rows).toEqual([
      [' ', 'v3', 'rolled-back'],
      [' ', 'v3', 'rolled-back'],
      ['▶', 'v2', 'live'],
      [' ', 'v1', 'superseded'],
    ]);
  });
});
