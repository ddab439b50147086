import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../shared/api/handlers';
import { silentLogger } from '../logging/logger';
import { envSecrets } from '../secrets/env-secrets';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { createLogSources } from './log-source-handlers';
import { recordLogPushes } from './test-support/log-recorder';

// The engine cannot see a window close, so a follow no window renews is stopped after a while
// (10 minutes in the app; a fraction of a second here): its `tail` process goes with it.

const ctx = { transport: 'direct' as const };

describe('follows nobody keeps alive', () => {
  const tempDir = useTempDirs('rp-log-idle-');

  it('are stopped as idle, while a follow a window renews keeps following', async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook: 'title: T\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n',
      environments: 'environments:\n  staging: {}\n',
    });
    const events = createEventHub();
    const pushes = recordLogPushes(events);
    const sources = createLogSources({
      logger: silentLogger,
      secrets: envSecrets({}),
      projectRoot: () => root,
      emit: events.emit,
      idleMs: 600,
      sweepMs: 100,
    });
    const { handlers } = sources;
    const files = ['kept.log', 'forgotten.log'].map((name) => join(root, name));
    for (const file of files) writeFileSync(file, 'hello\n');
    const [kept, forgotten] = await Promise.all(
      files.map((path) =>
        handlers['logs:follow'](
          { projectId: 'p', environment: 'staging', source: { kind: 'file', host: 'local', path } },
          ctx,
        ),
      ),
    );
    const renew = setInterval(
      () => void handlers['logs:keepalive']({ followIds: [kept!.followId, 'follow-gone'] }, ctx),
      100,
    );
    try {
      const end = await pushes.waitForEnd(forgotten!.followId, 5_000);
      expect(end).toMatchObject({ code: 'idle', reason: expect.stringContaining('no window has shown it') });
      expect((await handlers['logs:follows']({}, ctx)).map((f) => f.followId)).toEqual([kept!.followId]);
      expect(await handlers['logs:keepalive']({ followIds: [kept!.followId, forgotten!.followId] }, ctx)).toEqual({
        following: [kept!.followId],
      });
    } finally {
      clearInterval(renew);
      await sources.close();
    }
    expect((await pushes.waitForEnd(kept!.followId)).code).toBe('closed');
  });
});
