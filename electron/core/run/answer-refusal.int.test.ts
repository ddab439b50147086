import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/api/schemas/run-control';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { createQueueDecider } from './queue-decider';
import { oneStepRunbook } from './test-support/one-step-runbook';
import { answers, runInLab } from './test-support/run-harness';

// Issue #18 item 8: an answer that breaks a rule (the operator approving their own production
// run, a mistyped environment name) is refused with its reason and asked again; the run goes on
// and deploys. Item 12: a step with approvals is journaled as started once, and still shows its wait.

const runbook = oneStepRunbook({
  title: 'Refusals',
  roles: '{ devops: DevOps Engineer, tech-lead: Tech Lead }',
  step: 'ship',
  actions: [`{ id: write, type: shell, argv: [sh, -c, 'printf %s "$0" > "$1"', '\${version}', '\${env.target}'] }`],
});

describe('an answer that breaks a rule is refused, and the run goes on', () => {
  const tempDir = useTempDirs('rp-refuse-');

  function project(target: string) {
    const root = tempDir();
    makeLabProject(root, {
      runbook,
      environments: `environments:\n  staging:\n    variables: { target: '${target}.staging' }\n  production:\n    protected: true\n    approvals: [tech-lead]\n    variables: { target: '${target}.production' }\n`,
    });
    return root;
  }

  it('re-asks the approval and the typed name in the app, with the reason, and deploys', async () => {
    const target = join(tempDir(), 'live-version');
    const root = project(target);
    const dataDir = tempDir();
    const staging = await runInLab({ projectRoot: root, dataDir, environment: 'staging', version: 'v1.1.0' });
    expect(staging.find('run.finished')[0]?.data).toEqual({ status: 'succeeded' });

    // The app's decider: every question goes to a list the UI shows; here a person answers each.
    const asked: Question[] = [];
    const operator = { by: 'Ada Lovelace', role: 'devops' };
    const decider = createQueueDecider(
      () => 'run',
      operator,
      (question) => {
        if (!question) return;
        asked.push(question);
        queueMicrotask(() => {
          if (question.kind === 'approve')
            decider.answer(question.id, { kind: 'approve', by: question.refused ? 'Grace Hopper' : ' ada lovelace ' });
          if (question.kind === 'confirm')
            decider.answer(question.id, { kind: 'confirm', text: question.refused ? 'production' : 'prod' });
        });
      },
    );
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: answers({ operator: { name: 'Ada Lovelace', role: 'devops' } }),
      decider,
    });

    expect(run.status).toBe('succeeded');
    // What is true on the target: the production deploy ran.
    expect(readFileSync(`${target}.production`, 'utf8')).toBe('v1.1.0');

    const confirms = asked.filter((q) => q.kind === 'confirm');
    expect(confirms.map((q) => q.refused)).toEqual([
      undefined,
      'confirmation "prod" does not match the environment name "production"',
    ]);
    const approvals = asked.filter((q) => q.kind === 'approve');
    expect(approvals).toHaveLength(2);
    expect(approvals[1]?.refused).toBe(
      "production is protected: Tech Lead's approval must come from someone other than the operator (ada lovelace)",
    );

    // The journal on disk says what was refused and why, and who approved in the end.
    const { events } = await readJournal(join(run.runDir, 'journal.ndjson'));
    const of = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);
    expect(of('confirmation.refused')).toEqual([
      { environment: 'production', text: 'prod', reason: confirms[1]?.refused },
    ]);
    expect(of('approval.refused')).toEqual([
      { step: 'ship', role: 'tech-lead', by: ' ada lovelace ', reason: approvals[1]?.refused },
    ]);
    expect(of('approval.granted')).toEqual([{ step: 'ship', role: 'tech-lead', by: 'Grace Hopper' }]);

    // Item 12: started once; the wait comes first and the step's time begins with it.
    expect(of('step.started')).toEqual([{ step: 'ship' }]);
    const types = events.map((e) => e.type);
    expect(types.indexOf('step.waiting')).toBeLessThan(types.indexOf('approval.refused'));
    expect(types.indexOf('approval.granted')).toBeLessThan(types.indexOf('step.started'));
    const state = foldRun(run.handle.runId, events);
    const ship = state.steps.find((s) => s.id === 'ship')!;
    expect(ship.startedAt).toBe(events.find((e) => e.type === 'step.waiting')?.at);
    expect(ship.approvals).toEqual([
      expect.objectContaining({
        role: 'tech-lead',
        by: 'Grace Hopper',
        refused: expect.objectContaining({ by: ' ada lovelace ', reason: approvals[1]?.refused }),
      }),
    ]);
    expect(state.confirmationRefused).toBeUndefined();
  });

  it('with an answers file, a refused answer cannot be given again: the run stops saying why', async () => {
    const target = join(tempDir(), 'live-version');
    const root = project(target);
    const dataDir = tempDir();
    await runInLab({ projectRoot: root, dataDir, environment: 'staging', version: 'v1.1.0' });
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: answers({ confirm: 'production', approvals: { 'tech-lead': { by: 'Ada Lovelace' } } }),
    });
    expect(run.status).toBe('aborted');
    expect(run.find('approval.refused')).toHaveLength(1);
    expect(run.find('run.finished')[0]?.data.reason).toMatch(
      /needs approval by Tech Lead .*refused: production is protected/,
    );
    expect(() => readFileSync(`${target}.production`, 'utf8')).toThrow();
  });
});
