import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../core/journal/journal-reader';
import { oneStepRunbook, touchMarkerAction } from '../core/run/test-support/one-step-runbook';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #19 item 3: `lessonsLearned` in an answers file reaches the run's journal (as the app's
// report screen records it: `lessons.recorded`, in the hash chain) and so the exported report.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('release-pilot run --answers: lessons learned', () => {
  const tempDir = useTempDirs('rp-cli-lessons-');

  it('journals the answers file lessonsLearned once the run has ended; report and verify see them', async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook: oneStepRunbook({ title: 'Lessons', actions: [touchMarkerAction] }),
      environments: `environments:\n  staging:\n    variables: { marker: '${join(tempDir(), 'deployed')}' }\n`,
    });
    const answers = join(tempDir(), 'answers.yml');
    writeFileSync(
      answers,
      'operator: { name: Ada Lovelace, role: devops }\nlessonsLearned: "Warm the cache before the cutover."\n',
    );
    const dataDir = tempDir();
    const run = cli([
      'run',
      '--project',
      root,
      '--env',
      'staging',
      '--version',
      'v1.1.0',
      '--answers',
      answers,
      '--data-dir',
      dataDir,
    ]);
    expect(run.status, run.stderr).toBe(0);

    const [runId] = readdirSync(join(dataDir, 'runs'));
    const { events } = await readJournal(join(dataDir, 'runs', runId!, 'journal.ndjson'));
    const lessons = events.filter((event) => event.type === 'lessons.recorded');
    expect(lessons.map((event) => event.data)).toEqual([
      { text: 'Warm the cache before the cutover.', by: 'Ada Lovelace' },
    ]);
    // Recorded after the run's end, so the run is not reopened by them.
    expect(events.findIndex((event) => event.type === 'lessons.recorded')).toBe(events.length - 1);

    const report = cli(['report', runId!, '--data-dir', dataDir]);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/## Lessons learned\n\nWarm the cache before the cutover\./);
    expect(cli(['verify', runId!, '--data-dir', dataDir]).status).toBe(0);
  });
});
