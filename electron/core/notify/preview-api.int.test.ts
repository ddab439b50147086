import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

// `notifications:preview` through the engine's handlers, on a project folder on disk.

const ctx = { transport: 'direct' as const };
function projectIn(tempDir: () => string, files: Record<string, string>): string {
  const root = tempDir();
  mkdirSync(join(root, '.release-pilot'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, '.release-pilot', name), text);
  return root;
}

const environments = ['environments:', '  staging:', '    approvals: [qa-lead]', '  production: {}', ''].join('\n');

describe('notifications:preview', () => {
  const tempDir = useTempDirs('rp-notify-preview-');
  const project = (files: Record<string, string>) => projectIn(tempDir, files);
  it('shows what each channel would be sent for a run against the environment', async () => {
    const root = project({
      'environments.yml': environments,
      'notifications.yml': [
        'channels:',
        '  - name: ops',
        '    kind: slack',
        '    url: ${secret:SLACK_URL}',
        '    on: [approval-requested, finished]',
        '  - name: prod-mail',
        '    kind: email',
        '    environments: [production]',
        '    email: { host: smtp.example.com, from: rp@example.com, to: [ops@example.com] }',
        '',
      ].join('\n'),
    });
    const engine = testEngine(tempDir());
    await engine.handlers['settings:update']({ operatorName: 'Ada' }, ctx);
    const { id } = await engine.handlers['projects:open']({ path: root }, ctx);
    const preview = await engine.handlers['notifications:preview']({ projectId: id, environment: 'staging' }, ctx);
    expect(preview).toMatchObject({ file: '.release-pilot/notifications.yml', missing: false, problems: [] });
    expect(preview.channels.map((c) => [c.channel, c.kind, c.applies, c.messages.map((m) => m.trigger)])).toEqual([
      ['ops', 'slack', true, ['approval-requested', 'finished']],
      ['prod-mail', 'email', false, ['run-started', 'approval-requested', 'failed', 'rolled-back', 'finished']],
    ]);
    const approval = preview.channels[0]!.messages[0]!;
    expect(approval.text).toBe('Step "Deploy to staging" waits for approval by qa-lead before it goes on.');
    expect(approval.payload).toMatchObject({ blocks: expect.any(Array) });
    expect(preview.channels[0]!.messages[1]!.text).toContain('is live on staging');
    expect(JSON.stringify(preview)).toContain('Ada started deploying');
  });

  it('returns the problems of an invalid file instead of channels, and refuses an unknown environment', async () => {
    const root = project({
      'environments.yml': environments,
      'notifications.yml': 'channels:\n  - name: ops\n    kind: slack\n',
    });
    const engine = testEngine(tempDir());
    const { id } = await engine.handlers['projects:open']({ path: root }, ctx);
    const preview = await engine.handlers['notifications:preview']({ projectId: id, environment: 'production' }, ctx);
    expect(preview.channels).toEqual([]);
    expect(preview.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'channels[0].url', message: 'missing required field `url`' }),
    ]);
    const error = await rejectionOf(
      engine.handlers['notifications:preview']({ projectId: id, environment: 'prod' }, ctx),
      ApiError,
    );
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      'environment "prod" is not defined in .release-pilot/environments.yml (defined: staging, production)',
    );
  });
});
