import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import { freePort } from '../test-lab/sshd-lab';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { makeReviewProject } from './test-support/review-project';

// The offline review through the engine's handlers, on a real project whose hosts are closed
// ports: the outline comes from the files alone, pre-ticks are saved atomically on this machine,
// read back by a new engine, and refused (naming the item or file) when the run would refuse them.

const ctx = { transport: 'direct' as const };
const at = '2026-11-01T08:00:00.000Z';

describe('reviews through the API', () => {
  const tempDir = useTempDirs('rp-review-');

  async function setup() {
    const dataDir = tempDir();
    const root = tempDir();
    makeReviewProject(root, [await freePort(), await freePort()]);
    const engine = testEngine(dataDir);
    const projectId = (await engine.handlers['projects:open']({ path: root }, ctx)).id;
    return { engine, dataDir, root, projectId };
  }

  it('outlines the runbook from its files: gates, automatic items, exit criteria, rollback', async () => {
    const { engine, projectId } = await setup();
    const started = Date.now();
    const outline = await engine.handlers['reviews:outline']({ projectId, runbook: 'deploy' }, ctx);
    // Hosts are closed ports: anything that tried SSH would fail or wait, not answer at once.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outline.problems).toEqual([]);
    expect(outline.runbook).toMatchObject({ id: 'deploy', title: 'Production deployment', builtIn: false });
    expect(outline.steps.map((s) => s.id)).toEqual(['prepare', 'staging', 'production', 'verify']);
    expect(outline.steps[0]?.checklists[0]).toEqual({
      title: 'Readiness',
      gate: 1,
      items: [
        { key: 'prepare.tests', id: 'tests', text: 'All tests passing', before: false },
        { key: 'prepare.bugs', id: 'bugs', text: 'No critical or high bugs | triaged', before: false },
        {
          key: 'prepare.coverage',
          id: 'coverage',
          text: 'Coverage at least 80 %',
          before: false,
          check: 'lines coverage at least 80 % in coverage/coverage-summary.json',
        },
      ],
    });
    expect(outline.steps[1]?.environments).toEqual(['staging']);
    expect(outline.steps[2]).toMatchObject({ approvals: ['tech-lead'], actionCount: 1 });
    expect(outline.exitCriteria).toEqual([
      { key: '@exit.notes', id: 'notes', text: 'Release notes published', before: false },
    ]);
    expect(outline.rollback[0]?.items[0]?.key).toBe('@rollback.healthy');
    expect(outline.roles['tech-lead']).toBe('Tech Lead');
  });

  it('saves pre-ticks atomically per project and runbook, and a new engine reads them back', async () => {
    const { engine, dataDir, projectId } = await setup();
    expect(await engine.handlers['reviews:get']({ projectId, runbook: 'deploy' }, ctx)).toEqual({ ticks: [] });
    const ticks = [
      { item: 'prepare.tests', by: 'Ada Lovelace', role: 'devops', note: 'CI #418 green', at },
      { item: '@exit.notes', by: 'Grace Hopper', at },
    ];
    expect(await engine.handlers['reviews:save']({ projectId, runbook: 'deploy', ticks }, ctx)).toEqual({ ticks });
    const file = join(dataDir, 'reviews', `${projectId}-deploy.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, projectId, runbook: 'deploy', ticks });

    const again = testEngine(dataDir);
    expect(await again.handlers['reviews:get']({ projectId, runbook: 'deploy' }, ctx)).toEqual({ ticks });
    // Saving fewer ticks replaces the file whole; no temporary file is left behind.
    await again.handlers['reviews:save']({ projectId, runbook: 'deploy', ticks: ticks.slice(1) }, ctx);
    expect((await again.handlers['reviews:get']({ projectId, runbook: 'deploy' }, ctx)).ticks).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).not.toContain('prepare.tests');
    expect(readdirSync(join(dataDir, 'reviews'))).toEqual([`${projectId}-deploy.json`]);
  });

  it('refuses pre-ticks the run would refuse, naming the item', async () => {
    const { engine, projectId } = await setup();
    const save = (item: string) =>
      engine.handlers['reviews:save']({ projectId, runbook: 'deploy', ticks: [{ item, by: 'Ada', at }] }, ctx);
    const automatic = await rejectionOf(save('prepare.coverage'), ApiError);
    expect(automatic.code).toBe('invalid-request');
    expect(automatic.message).toBe('cannot pre-tick "prepare.coverage": the run checks it automatically');
    const rollback = await rejectionOf(save('@rollback.healthy'), ApiError);
    expect(rollback.message).toContain(
      'cannot pre-tick "@rollback.healthy": no such item in .release-pilot/runbook.yml',
    );
    expect((await rejectionOf(save('prepare.nope'), ApiError)).details).toEqual({ item: 'prepare.nope' });
  });

  it('checks requests against the contract: a duplicate item, a missing signer, a bad time, a path in the runbook id', async () => {
    const { engine, projectId } = await setup();
    const call = (payload: unknown) => dispatch(engine.handlers, 'reviews:save', payload, ctx);
    const twice = await call({
      projectId,
      runbook: 'deploy',
      ticks: [
        { item: 'prepare.tests', by: 'Ada', at },
        { item: 'prepare.tests', by: 'Ada', at },
      ],
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('an item is pre-ticked twice') },
    });
    const unsigned = await call({ projectId, runbook: 'deploy', ticks: [{ item: 'prepare.tests', by: '  ', at }] });
    expect(unsigned).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('ticks.0.by: say who ticked it') },
    });
    const badTime = await call({
      projectId,
      runbook: 'deploy',
      ticks: [{ item: 'prepare.tests', by: 'Ada', at: 'yesterday' }],
    });
    expect(badTime).toMatchObject({ ok: false, error: { message: expect.stringContaining('ticks.0.at') } });
    const traversal = await dispatch(engine.handlers, 'reviews:get', { projectId, runbook: '../../etc/passwd' }, ctx);
    expect(traversal).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('runbook: a runbook id is') },
    });
  });

  it('names the file when the saved review is damaged, and the runbook when it does not exist', async () => {
    const { engine, dataDir, projectId } = await setup();
    await engine.handlers['reviews:save']({ projectId, runbook: 'deploy', ticks: [] }, ctx);
    const file = join(dataDir, 'reviews', `${projectId}-deploy.json`);
    writeFileSync(file, '{"version":1,"ticks":[{"item":');
    const damaged = await rejectionOf(engine.handlers['reviews:get']({ projectId, runbook: 'deploy' }, ctx), ApiError);
    expect(damaged.code).toBe('conflict');
    expect(damaged.message).toContain(`the review ${file} is not valid JSON`);
    expect(damaged.message).toContain('delete it to start the review over');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, projectId, runbook: 'deploy', savedAt: at, ticks: [{ item: 'x' }] }),
    );
    const wrong = await rejectionOf(engine.handlers['reviews:get']({ projectId, runbook: 'deploy' }, ctx), ApiError);
    expect(wrong.message).toContain('ticks.0.item:');

    const missing = await rejectionOf(
      engine.handlers['reviews:outline']({ projectId, runbook: 'hotfix' }, ctx),
      ApiError,
    );
    expect(missing.code).toBe('not-found');
    expect(missing.message).toMatch(/no runbook "hotfix" in .* \(runbooks: deploy\)/);
    const unknownProject = await rejectionOf(
      engine.handlers['reviews:get']({ projectId: 'nope', runbook: 'deploy' }, ctx),
      ApiError,
    );
    expect(unknownProject.code).toBe('not-found');
  });

  it('shows a broken runbook’s problems at file:line:column and refuses to save ticks for it', async () => {
    const { engine, root, projectId } = await setup();
    writeFileSync(
      join(root, '.release-pilot', 'runbook.yml'),
      'id: deploy\ntitle: Broken\nroles: { devops: DevOps }\nsteps:\n  - id: a\n    title: A\n    owner: nobody\n',
    );
    const outline = await engine.handlers['reviews:outline']({ projectId, runbook: 'deploy' }, ctx);
    expect(outline.steps).toEqual([]);
    expect(outline.problems[0]).toMatchObject({
      severity: 'error',
      file: '.release-pilot/runbook.yml',
      line: 7,
      column: 12,
    });
    const refused = await rejectionOf(
      engine.handlers['reviews:save']({ projectId, runbook: 'deploy', ticks: [{ item: 'a.x', by: 'Ada', at }] }, ctx),
      ApiError,
    );
    expect(refused.code).toBe('invalid-project');
    expect(refused.message).toBe(
      '.release-pilot/runbook.yml has 1 error(s): fix them before pre-ticking its checklists',
    );
  });
});
