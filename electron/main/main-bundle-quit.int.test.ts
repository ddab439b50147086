import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { type MethodName, methodChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { verifyJournal } from '../core/journal/journal-reader';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';
import { type BootedBundle, bootMainBundle, until } from './test-support/booted-bundle';
import { ensureBuilt } from './test-support/built-bundle';

// Issue #17, last bullet (and issue #18 item 7 proven through the bundle): quitting the desktop
// app while a run is in progress. The BUILT main bundle runs against the electron STAND-IN
// (test-support/electron-stand-in/, only because the Electron binary cannot run here), with the
// real engine driving a real run on a real git project; the stand-in plays the person at the
// quit dialog. What is checked is the journal on disk and the process's own exit.

type Event = { type: string; data: Record<string, unknown> };

function journal(dataDir: string, runId: string): Event[] {
  return readFileSync(join(dataDir, 'runs', runId, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Event);
}

function apiOver(bundle: BootedBundle) {
  return createApiClient({
    invoke: (name: MethodName, payload: unknown) =>
      bundle.call<Envelope<unknown>>('invoke', { channel: methodChannel(name), payload, sender: 'window' }),
    subscribe: () => () => {},
  });
}

describe('quitting the built desktop app while a run is in progress', () => {
  const tempDir = useTempDirs('rp-main-quit-');
  const booted: BootedBundle[] = [];

  beforeAll(async () => {
    await ensureBuilt();
  }, 300_000);
  afterEach(() => {
    for (const bundle of booted.splice(0)) if (bundle.child.exitCode === null) bundle.child.kill('SIGKILL');
  });

  async function start(dataDir: string, args: string[] = []) {
    const bundle = await bootMainBundle({ dataDir, args });
    booted.push(bundle);
    await bundle.call('ready');
    await until(async () => {
      const [window] = await bundle.call<{ shown: boolean }[]>('windowState');
      return window?.shown ? true : undefined;
    }, 'the window to show its page');
    return { bundle, api: apiOver(bundle) };
  }

  function project(): string {
    const root = tempDir();
    makeLabProject(root, {
      runbook: `
title: Quit mid-run
roles: { devops: DevOps, qa: QA Lead }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    approvals: [qa]
    actions:
      - { id: go, type: shell, argv: [echo, deployed] }
`,
      environments: 'environments:\n  staging: {}\n',
    });
    return root;
  }

  it('asks first; "Keep running" changes nothing; "Interrupt and quit" journals the interruption and exits', async () => {
    const dataDir = tempDir();
    // The project is named on the command line, as `release-pilot-desktop <folder>` does.
    const root = project();
    const { bundle, api } = await start(dataDir, [root]);
    await api.settings.update({ operatorName: 'Ada Lovelace', operatorRole: 'devops' });
    const { id: projectId } = await until(
      async () => (await api.projects.list()).find((p) => p.path === root),
      'the project named at launch to be open',
    );
    const { runId } = await api.runs.start({ projectId, environment: 'staging', version: 'v1.1.0' });
    await until(async () => {
      const live = await api.runs.live({ runId });
      return live.questions.find((q) => q.kind === 'approve');
    }, 'the run to wait for a sign-off');

    // The person is asked, and keeps the run going: the app stays, the journal does not move.
    const linesBefore = journal(dataDir, runId).length;
    await bundle.call('answerMessageBox', { response: 1 });
    await bundle.call('quit');
    const kept = await bundle.record();
    expect(kept.messageBoxes).toEqual([
      expect.objectContaining({ message: '1 run(s) are in progress', buttons: ['Interrupt and quit', 'Keep running'] }),
    ]);
    expect(kept.quit).toEqual(['before-quit prevented']);
    // The window is not focused: the question came as a desktop notification too (#14 item 1).
    expect(kept.calls).toContainEqual(
      expect.objectContaining({ what: 'Notification.show', title: 'Release Pilot: a run waits for you' }),
    );
    expect((await api.runs.live({ runId })).questions.some((q) => q.kind === 'approve')).toBe(true);
    expect(journal(dataDir, runId)).toHaveLength(linesBefore);
    expect(bundle.child.exitCode).toBeNull();

    // Asked again, the person chooses to interrupt: the run is journaled as interrupted, the app goes.
    await bundle.call('answerMessageBox', { response: 0 });
    await bundle.call('quit');
    const { code, record } = await bundle.exited;
    expect(code, bundle.output()).toBe(0);
    expect(record?.messageBoxes).toHaveLength(2);
    expect(record?.quit).toEqual(['before-quit prevented', 'before-quit prevented', 'quitting']);
    expect(record?.errorBoxes).toEqual([]);

    const events = journal(dataDir, runId);
    expect(events.at(-1)).toMatchObject({
      type: 'run.interrupted',
      data: { by: 'Release Pilot (electron)', step: 'deploy', lockKept: join(dataDir, 'locks', 'staging.lock') },
    });
    expect(events.some((e) => e.type === 'run.finished')).toBe(false);
    expect(await verifyJournal(join(dataDir, 'runs', runId, 'journal.ndjson'))).toMatchObject({
      ok: true,
      lines: events.length,
    });
    // The lock stays with the open run; the process's owner claim went with it.
    expect(JSON.parse(readFileSync(join(dataDir, 'locks', 'staging.lock', 'info.json'), 'utf8')).runId).toBe(runId);
    expect(existsSync(join(dataDir, 'runs', runId, 'owner.json'))).toBe(false);

    // The next start of the app lists it as open and interrupted, ready to resume.
    const again = await start(dataDir);
    const listed = await again.api.runs.list({});
    expect(listed.find((r) => r.id === runId)).toMatchObject({
      status: 'open',
      interrupted: { by: 'Release Pilot (electron)' },
    });
    await again.bundle.call('quit');
    expect((await again.bundle.exited).code).toBe(0);
  }, 120_000);
});
