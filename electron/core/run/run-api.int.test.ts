import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloadOf } from '../../../shared/api/contract';
import type { Question } from '../../../shared/api/schemas/run-control';
import { openJournal } from '../journal/journal-writer';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

// A run driven through the API, as the app's windows drive it: questions pushed as events and
// answered by method calls, output and journal events pushed live, cancel, close, verify, logs.

const ctx = { transport: 'direct' as const };

const runbook = `
title: API run
roles: { devops: DevOps Engineer, tech-lead: Tech Lead }
steps:
  - id: prepare
    title: Prepare
    owner: devops
    checklists: [{ title: Readiness, gate: 1, items: [{ id: tests, text: All tests passing }] }]
  - id: deploy
    title: Deploy
    owner: devops
    approvals: [tech-lead]
    actions:
      - { id: flaky, type: shell, argv: [sh, -c, 'test -f "$0" || { touch "$0"; echo not yet >&2; exit 1; }; echo deployed', MARKER] }
      - { id: wait, type: manual, instructions: Watch the dashboard }
`;

describe('runs through the API', () => {
  const tempDir = useTempDirs('rp-api-');

  function setup(operatorName = 'Ada Lovelace') {
    const dataDir = tempDir();
    const root = tempDir();
    makeLabProject(root, {
      runbook: runbook.replace('MARKER', `${tempDir()}/marker`),
      environments: 'environments:\n  staging: {}\n',
    });
    const engine = testEngine(dataDir);
    const pushed: Array<{ name: EventName; payload: unknown }> = [];
    engine.events.subscribe((name, payload) => pushed.push({ name, payload }));
    return { engine, root, dataDir, pushed, operatorName };
  }

  async function open(engine: ReturnType<typeof setup>['engine'], root: string, name: string) {
    if (name) await engine.handlers['settings:update']({ operatorName: name, operatorRole: 'devops' }, ctx);
    return (await engine.handlers['projects:open']({ path: root }, ctx)).id;
  }

  /** Resolves with the next question the run asks. */
  function nextQuestion(engine: ReturnType<typeof setup>['engine']): Promise<Question> {
    return new Promise((resolve) => {
      const stop = engine.events.subscribe((name, payload) => {
        const push = payload as EventPayloadOf<'runs:question'>;
        if (name === 'runs:question' && push.question) {
          stop();
          resolve(push.question);
        }
      });
    });
  }

  it('asks, takes the answers, retries a failure, and ends with a verified journal and its logs', async () => {
    const { engine, root } = setup();
    const projectId = await open(engine, root, 'Ada Lovelace');
    const asked = nextQuestion(engine);
    const { runId } = await engine.handlers['runs:start'](
      { projectId, environment: 'staging', version: 'v1.1.0' },
      ctx,
    );

    const tick = await asked;
    expect(tick).toMatchObject({ kind: 'tick', item: 'prepare.tests', text: 'All tests passing', gate: 1, runId });
    expect((await engine.handlers['runs:live']({ runId }, ctx)).questions).toEqual([tick]);
    await expect(
      engine.handlers['runs:answer']({ runId, questionId: tick.id, answer: { kind: 'confirm', text: 'x' } }, ctx),
    ).rejects.toMatchObject({ code: 'invalid-request' });

    let next = nextQuestion(engine);
    await engine.handlers['runs:answer'](
      { runId, questionId: tick.id, answer: { kind: 'tick', note: 'CI green' } },
      ctx,
    );
    await expect(
      engine.handlers['runs:answer']({ runId, questionId: tick.id, answer: { kind: 'tick' } }, ctx),
    ).rejects.toMatchObject({ code: 'not-found' });
    const approval = await next;
    expect(approval).toMatchObject({ kind: 'approve', role: 'tech-lead', roleTitle: 'Tech Lead' });
    next = nextQuestion(engine);
    await engine.handlers['runs:answer'](
      { runId, questionId: approval.id, answer: { kind: 'approve', by: 'Grace Hopper' } },
      ctx,
    );
    const failure = await next;
    expect(failure).toMatchObject({ kind: 'failure', action: 'deploy.flaky', tail: ['not yet'] });
    next = nextQuestion(engine);
    await engine.handlers['runs:answer'](
      { runId, questionId: failure.id, answer: { kind: 'failure', decision: 'retry' } },
      ctx,
    );
    const manual = await next;
    expect(manual).toMatchObject({ kind: 'manual', instructions: 'Watch the dashboard' });
    await engine.handlers['runs:answer'](
      { runId, questionId: manual.id, answer: { kind: 'manual', note: 'all green' } },
      ctx,
    );
    await engine.runs.settled(runId);

    const detail = await engine.handlers['runs:get']({ runId }, ctx);
    expect(detail.status).toBe('succeeded');
    const ticked = detail.events.find((e) => e.type === 'checklist.ticked');
    expect(ticked?.data).toMatchObject({ item: 'prepare.tests', by: 'Ada Lovelace', role: 'devops', note: 'CI green' });
    expect(detail.events.find((e) => e.type === 'approval.granted')?.data).toMatchObject({
      by: 'Grace Hopper',
      role: 'tech-lead',
    });
    expect(await engine.handlers['runs:live']({ runId }, ctx)).toEqual({ runId, active: false, questions: [] });
    expect(await engine.handlers['runs:verify']({ runId }, ctx)).toMatchObject({
      ok: true,
      lines: detail.events.length,
    });
    const logs = await engine.handlers['runs:logs']({ runId, source: 'deploy.flaky' }, ctx);
    expect(logs.map((l) => l.line)).toEqual(['not yet', 'deployed']);
    // The id becomes a path: another folder's logs are never read, and an unknown run is said.
    await expect(engine.handlers['runs:logs']({ runId: '../../etc' }, ctx)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await expect(engine.handlers['runs:logs']({ runId: '20990101-000000-none-0000' }, ctx)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses to start without an operator name, or with a broken project, saying what to fix', async () => {
    const { engine, root } = setup();
    const projectId = await open(engine, root, '');
    await expect(
      engine.handlers['runs:start']({ projectId, environment: 'staging', version: 'v1.1.0' }, ctx),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('set your name in Settings'),
    });
    await engine.handlers['settings:update']({ operatorName: 'Ada' }, ctx);
    await expect(
      engine.handlers['runs:start']({ projectId, environment: 'nowhere', version: 'v1.1.0' }, ctx),
    ).rejects.toMatchObject({
      code: 'invalid-project',
      message: expect.stringContaining('no environment "nowhere"'),
    });
  });

  it('cancels a run that waits for an answer: the question goes away and the run ends aborted', async () => {
    const { engine, root } = setup();
    const projectId = await open(engine, root, 'Ada Lovelace');
    const asked = nextQuestion(engine);
    const { runId } = await engine.handlers['runs:start'](
      { projectId, environment: 'staging', version: 'v1.1.0' },
      ctx,
    );
    await asked;
    await engine.handlers['runs:cancel']({ runId }, ctx);
    await engine.runs.settled(runId);
    const detail = await engine.handlers['runs:get']({ runId }, ctx);
    expect(detail.status).toBe('aborted');
    expect(detail.events.find((e) => e.type === 'run.cancelled')?.data).toMatchObject({ by: 'Ada Lovelace' });
    expect((await engine.handlers['runs:live']({ runId }, ctx)).questions).toEqual([]);
    await expect(engine.handlers['runs:cancel']({ runId }, ctx)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('closes a run left open by a crash, as failed, with the reason journaled', async () => {
    const { engine, root, dataDir } = setup();
    await open(engine, root, 'Ada Lovelace');
    const runId = '20261126-100000-staging-dead';
    const journal = await openJournal(`${dataDir}/runs/${runId}`, { create: true });
    await journal.append('run.started', {
      runId,
      projectPath: root,
      runbook: 'runbook',
      environment: 'staging',
      version: 'v1.1.0',
      steps: [],
      exitCriteria: [],
    });
    await journal.close();
    const closed = await engine.handlers['runs:close']({ runId, reason: 'laptop died; redeploying fresh' }, ctx);
    expect(closed.status).toBe('failed');
    const detail = await engine.handlers['runs:get']({ runId }, ctx);
    expect(detail.events.at(-1)?.data.reason).toContain('laptop died; redeploying fresh');
    await expect(engine.handlers['runs:close']({ runId, reason: 'again' }, ctx)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(engine.handlers['runs:resume']({ runId }, ctx)).rejects.toMatchObject({ code: 'conflict' });
  });
});
