import { describe, expect, it } from 'vitest';
import type { RunPreview } from '../../../../../shared/api/schemas/runs-ui';
import { previewProblems } from './preview-problems';

const preview: RunPreview = {
  runbook: 'deploy',
  runbookTitle: 'Deploy',
  environment: 'staging',
  protected: false,
  version: 'v1',
  roles: { devops: 'DevOps Engineer' },
  lock: '/tmp/lock',
  guards: [],
  hosts: [],
  steps: [
    {
      id: 'a',
      title: 'A',
      owner: 'devops',
      approvals: [],
      items: [
        { key: 'a.health', text: 'Healthy', before: false, check: 'http', problem: 'unknown variable env.urls.x' },
      ],
      actions: [
        { key: 'a.1', title: 'Run make' },
        { key: 'a.2', title: 'Echo', problem: 'unknown variable nope' },
      ],
    },
    {
      id: 'b',
      title: 'B',
      owner: 'devops',
      skipped: 'applies to production only',
      approvals: [],
      items: [],
      actions: [{ key: 'b.1', title: 'X', problem: 'ignored: the step is skipped' }],
    },
  ],
  rollback: [{ key: '@rollback.1', title: 'Revert', problem: 'no previous version' }],
  missingSecrets: [{ name: 'TOKEN', howToSet: 'export TOKEN=…' }],
};

describe('previewProblems', () => {
  it('lists secrets, unplannable actions and checks of the steps that run, then rollback warnings', () => {
    expect(previewProblems(preview)).toEqual([
      { where: 'secret TOKEN', message: 'not set here: export TOKEN=…', blocking: true },
      { where: 'a.2', message: 'unknown variable nope', blocking: true },
      {
        where: 'a.health',
        message: 'its automatic check cannot be planned: unknown variable env.urls.x',
        blocking: true,
      },
      { where: '@rollback.1', message: 'rollback: no previous version', blocking: false },
    ]);
  });
});
