import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal } from '../journal/journal-reader';
import { makeLabProject } from '../test-lab/lab-project';
import type { RunHandle } from './run-launcher';
import { runInLab } from './test-support/run-harness';

// "Roll back now" (issue #14 item 4): while an action runs, the operator's trigger stops it and
// takes the path a firing rollback rule takes — the runbook's rollback runs (its file is on disk),
// the journal says trigger `manual` with who and why, and a second trigger is refused.

const scratch = mkdtempSync(join(tmpdir(), 'rp-rollback-now-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runbook = (dir: string) => `id: release
title: Rollback now
roles: { devops: DevOps Engineer }
steps:
  - id: ship
    title: Ship
    owner: devops
    actions:
      - { id: deploy, type: shell, title: Deploy the app, argv: [sh, -c, 'touch "$0/started"; while [ ! -f "$0/go" ]; do sleep 0.05; done', '${dir}'] }
  - id: after
    title: After
    owner: devops
    actions:
      - { id: never, type: shell, argv: [touch, '${dir}/after'] }
rollback:
  actions:
    - { id: restore, type: shell, title: Restore the previous version, argv: [sh, -c, 'printf restored > "$0/rolled-back"', '${dir}'] }
`;

/** Resolves once `file` exists: a condition, not a delay. */
async function until(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('Roll back now', () => {
  it('stops the running action, rolls back through the alert path and journals a manual trigger', async () => {
    const root = join(scratch, 'project');
    const dir = join(scratch, 'marks');
    makeLabProject(root, { runbook: runbook(dir), environments: 'environments:\n  staging: {}\n' });
    mkdirSync(dir, { recursive: true });
    const dataDir = join(scratch, 'data');
    let again: boolean | undefined;
    let first: boolean | undefined;
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'staging',
      version: 'v1.1.0',
      onStart: (handle: RunHandle) => {
        void until(join(dir, 'started')).then(() => {
          first = handle.rollBackNow('Ada Lovelace', 'error budget burning on the dashboards');
          again = handle.rollBackNow('Ada Lovelace', 'twice');
        });
      },
    });
    expect(run.status).toBe('rolled-back');
    expect(first).toBe(true);
    expect(again).toBe(false);
    expect(readFileSync(join(dir, 'rolled-back'), 'utf8')).toBe('restored');
    expect(existsSync(join(dir, 'after'))).toBe(false);

    const journal = await readJournal(join(run.runDir, 'journal.ndjson'));
    const started = journal.events.find((e) => e.type === 'rollback.started');
    expect(started?.data).toEqual({
      trigger: 'manual',
      reason: 'rolled back now by Ada Lovelace: error budget burning on the dashboards',
    });
    expect(journal.events.find((e) => e.type === 'step.failed')?.data).toMatchObject({ step: 'ship' });
    expect(journal.events.at(-1)?.type).toBe('run.finished');
  }, 60_000);
});

describe('a failed rollback action', () => {
  it('is named by its title and why it failed, not by its position', async () => {
    const root = join(scratch, 'failing');
    const dir = join(scratch, 'failing-marks');
    mkdirSync(dir, { recursive: true });
    const failing = runbook(dir).replace(
      `argv: [sh, -c, 'printf restored > "$0/rolled-back"', '${dir}']`,
      `argv: [sh, -c, 'echo "registry unreachable" >&2; exit 3']`,
    );
    makeLabProject(root, { runbook: failing, environments: 'environments:\n  staging: {}\n' });
    const run = await runInLab({
      projectRoot: root,
      dataDir: join(scratch, 'failing-data'),
      environment: 'staging',
      version: 'v1.1.0',
      onStart: (handle: RunHandle) => {
        void until(join(dir, 'started')).then(() => handle.rollBackNow('Ada Lovelace', 'smoke test failed'));
      },
    });
    expect(run.status).toBe('failed');
    const journal = await readJournal(join(run.runDir, 'journal.ndjson'));
    const finished = journal.events.find((e) => e.type === 'rollback.finished');
    expect(finished?.data).toMatchObject({ ok: false, error: { code: 'rollback-failed' } });
    const message = String((finished?.data.error as { message?: string } | undefined)?.message);
    expect(message).toMatch(/^rollback action “Restore the previous version” failed: /);
    expect(message).not.toContain('rollback action 1');
  }, 60_000);
});
