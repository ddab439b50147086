import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { silentLogger } from '../logging/logger';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { loadDeploymentPlan } from './load-plan';
import { planProject } from './test-support/plan-project';

// `plans:get` through the engine's handlers, as the plan page calls it, on a real project folder.

const direct = { transport: 'direct' } as const;

describe('plans:get', () => {
  const tempDir = useTempDirs();

  it('returns the markdown and the digest the CLI gives for the same project', async () => {
    const { root, dataDir } = await planProject(tempDir(), tempDir());
    const { handlers } = testEngine(dataDir, { now: () => new Date('2026-06-13T10:00:00Z') });
    const { id } = await handlers['projects:open']({ path: root }, direct);
    const answer = await handlers['plans:get']({ projectId: id, environment: 'production', version: 'v1.1.0' }, direct);
    expect(answer.markdown).toMatch(/^# Deployment plan: v1\.1\.0 to production\n/);
    expect(answer.markdown).toContain('| Live before | `v1.0.0` |');
    expect(answer.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.markdown).toContain(`sha256:${answer.digest}`);
    const later = await loadDeploymentPlan({
      projectRoot: root,
      environment: 'production',
      version: 'v1.1.0',
      dataDir,
      logger: silentLogger,
      now: new Date('2026-07-01T00:00:00Z'),
    });
    expect(later.digest).toBe(answer.digest);
  });

  it('answers an unknown environment or project with a coded error naming it', async () => {
    const { root, dataDir } = await planProject(tempDir(), tempDir());
    const { handlers } = testEngine(dataDir);
    const { id } = await handlers['projects:open']({ path: root }, direct);
    const env = await rejectionOf(
      handlers['plans:get']({ projectId: id, environment: 'qa', version: 'v1' }, direct),
      ApiError,
    );
    expect(env.code).toBe('invalid-project');
    expect(env.message).toBe(
      'no environment "qa" in .release-pilot/environments.yml (environments: staging, production)',
    );
    const project = await rejectionOf(
      handlers['plans:get']({ projectId: 'nope', environment: 'qa', version: 'v1' }, direct),
      ApiError,
    );
    expect(project).toMatchObject({ code: 'not-found', message: 'no open project with id nope' });
  });
});
