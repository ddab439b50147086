import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../core/journal/journal-reader';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #19 item 7: a first release has no previous version; the titles people read (the run's
// journal, so the report and the UI) say so instead of showing `${previous_version}` unresolved.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

describe('a first release', () => {
  const tempDir = useTempDirs('rp-cli-first-');

  it('titles its git.log action "List commits (no earlier release)..v1.1.0" in the journal', async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook:
        'title: First\nroles: { devops: DevOps }\nsteps:\n  - id: changes\n    title: Changes\n    owner: devops\n    actions:\n      - { type: git.log }\n',
      environments: 'environments:\n  staging: {}\n',
    });
    const answers = join(tempDir(), 'answers.yml');
    writeFileSync(answers, 'operator: { name: Ada Lovelace, role: devops }\n');
    const dataDir = tempDir();
    const args = ['run', '--project', root, '--env', 'staging', '--version', 'v1.1.0', '--answers', answers];
    const run = spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const [runId] = readdirSync(join(dataDir, 'runs'));
    const { events } = await readJournal(join(dataDir, 'runs', runId!, 'journal.ndjson'));
    const text = JSON.stringify(events);
    expect(text).not.toContain('${previous_version}');
    const started = events.find((event) => event.type === 'action.started');
    expect(started?.data).toMatchObject({ title: 'List commits (no earlier release)..v1.1.0' });
  });
});
