import { describe, expect, it } from 'vitest';
import { actionKey, Runbook, runbookReferenceIssues } from './runbook-schema';

const minimal = {
  title: 'Release',
  roles: { devops: 'DevOps Engineer' },
  steps: [{ id: 'deploy', title: 'Deploy', owner: 'devops' }],
};

describe('the runbook schema', () => {
  it('fills in defaults for a minimal runbook', () => {
    expect(Runbook.parse(minimal)).toEqual({
      title: 'Release',
      roles: { devops: 'DevOps Engineer' },
      variables: {},
      steps: [
        {
          id: 'deploy',
          title: 'Deploy',
          owner: 'devops',
          actions: [],
          checklists: [],
          approvals: [],
          onFailure: 'ask',
        },
      ],
      alerts: [],
      rollback: { actions: [], checklists: [] },
      overrideRoles: ['release-manager'],
      exitCriteria: [],
    });
  });

  it('fills in action defaults and keeps scalar argv items as text', () => {
    const runbook = Runbook.parse({
      ...minimal,
      steps: [
        {
          ...minimal.steps[0],
          actions: [
            { type: 'shell', argv: ['sleep', 1, true], timeout: '30s' },
            { type: 'http.check' },
            { type: 'docker.run', image: 'app:${version}' },
          ],
        },
      ],
    });
    expect(runbook.steps[0]!.actions).toEqual([
      { type: 'shell', argv: ['sleep', '1', 'true'], timeout: 30_000, retries: 0, retryDelay: 2000 },
      expect.objectContaining({ type: 'http.check', url: '${env.urls.health}', method: 'GET', attempts: 1 }),
      expect.objectContaining({ type: 'docker.run', image: 'app:${version}', hosts: 'all', replace: true }),
    ]);
    expect(runbook.steps[0]!.actions.map((a, i) => actionKey('deploy', a, i))).toEqual([
      'deploy.1',
      'deploy.2',
      'deploy.3',
    ]);
  });

  it('reports unknown roles and duplicate ids together with every other error', () => {
    const result = Runbook.safeParse({
      ...minimal,
      steps: [
        { id: 'a', title: 'A', owner: 'ghost', approvals: ['nobody'], actions: [{ type: 'nope' }] },
        {
          id: 'a',
          title: 'B',
          owner: 'devops',
          actions: [
            { type: 'manual', instructions: 'x', id: 'm' },
            { type: 'manual', instructions: 'y', id: 'm' },
          ],
        },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['steps.0.actions.0.type', expect.stringContaining('unknown action type')],
      ['steps.0.owner', 'role "ghost" is not in roles: (devops)'],
      ['steps.0.approvals.0', 'role "nobody" is not in roles: (devops)'],
      ['steps.1.id', 'step id "a" is used twice'],
      ['steps.1.actions.1.id', 'action id "m" is used twice in step "a"'],
    ]);
  });

  it('finds duplicate checklist items within a step, and reads malformed input without throwing', () => {
    expect(
      runbookReferenceIssues({
        roles: { a: 'A' },
        steps: [{ id: 's', owner: 'a', checklists: [{ items: [{ id: 'x' }] }, { items: [{ id: 'x' }] }] }],
      }),
    ).toEqual([
      {
        path: ['steps', 0, 'checklists', 1, 'items', 0, 'id'],
        message: 'checklist item "x" is used twice in step "s"',
      },
    ]);
    for (const junk of [null, 3, 'text', [], { steps: 'x' }, { steps: [null, 4] }]) {
      expect(runbookReferenceIssues(junk)).toEqual([]);
    }
  });

  it('accepts extends: default only', () => {
    expect(Runbook.safeParse({ ...minimal, extends: 'default' }).success).toBe(true);
    expect(Runbook.safeParse({ ...minimal, extends: 'other' }).success).toBe(false);
  });

  it('checks alert conditions and checklist gates', () => {
    const result = Runbook.safeParse({
      ...minimal,
      alerts: [{ name: 'A', condition: 'error_rate >> 5' }],
      steps: [{ ...minimal.steps[0], checklists: [{ title: 'G', gate: 5, items: [] }] }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'steps.0.checklists.0.gate',
      'steps.0.checklists.0.items',
      'alerts.0.condition',
    ]);
  });
});
