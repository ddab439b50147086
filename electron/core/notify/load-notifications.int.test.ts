import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { loadNotificationsFile, NotificationsFileError, readNotificationsConfig } from './load-notifications';

// notifications.yml from disk: every problem at file:line:column with the field it is about.

function projectIn(tempDir: () => string, text?: string): string {
  const root = tempDir();
  mkdirSync(join(root, '.release-pilot'));
  if (text !== undefined) writeFileSync(join(root, '.release-pilot', 'notifications.yml'), text);
  return root;
}

describe('notifications.yml', () => {
  const tempDir = useTempDirs('rp-notify-file-');
  const project = (text?: string) => projectIn(tempDir, text);
  it('is optional: no file, no channels', async () => {
    const loaded = await loadNotificationsFile(project());
    expect(loaded).toMatchObject({ missing: true, problems: [], config: { channels: [] } });
    expect(await readNotificationsConfig(project())).toMatchObject({ channels: [] });
  });

  it('names the file, line, column and field of every mistake, at once', async () => {
    const root = project(
      [
        'channels:',
        '  - name: ops',
        '    kind: slack',
        '    url: hooks.slack.com/services/x',
        '  - name: mail',
        '    kind: email',
        '    email:',
        '      host: smtp.example.com',
        '      port: 99999',
        '      user: release',
        '      password: plain-text-pw',
        '      from: release@example.com',
        '      to: [ops@example.com]',
        '    on: [deployed]',
        '  - name: Pager',
        '    kind: pagerduty',
        '',
      ].join('\n'),
    );
    const loaded = await loadNotificationsFile(root);
    expect(loaded.config).toBeUndefined();
    expect(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      '.release-pilot/notifications.yml:4:10 channels[0].url: write a full http:// or https:// URL, or ${secret:NAME} for a URL that carries a token',
      '.release-pilot/notifications.yml:9:13 channels[1].email.port: must be at most 65535, found 99999',
      '.release-pilot/notifications.yml:11:17 channels[1].email.password: write ${secret:NAME} here: passwords never live in project files',
      '.release-pilot/notifications.yml:14:10 channels[1].on[0]: must be one of "run-started", "approval-requested", "failed", "rolled-back", "finished", found "deployed"',
      '.release-pilot/notifications.yml:16:11 channels[2].kind: "pagerduty" is not a known kind; use one of: webhook, slack, teams, email',
    ]);
    expect(JSON.stringify(loaded.problems)).not.toContain('plain-text-pw');
    const error = await rejectionOf(readNotificationsConfig(root), NotificationsFileError);
    expect(error.code).toBe('invalid-notifications');
    expect(error.message).toContain(
      '.release-pilot/notifications.yml:9:13 channels[1].email.port: must be at most 65535',
    );
  });

  it('reports a YAML syntax error at its place', async () => {
    const loaded = await loadNotificationsFile(project('channels:\n  - name: ops\n    kind: [slack\n'));
    expect(loaded.problems[0]).toMatchObject({ severity: 'error', file: '.release-pilot/notifications.yml', line: 4 });
  });

  it('warns about a token written in clear and an environment that does not exist', async () => {
    const root = project(
      [
        'channels:',
        '  - name: ops',
        '    kind: slack',
        '    url: https://hooks.slack.com/services/T0/B0/abc',
        '    environments: [prod]',
      ].join('\n'),
    );
    const loaded = await loadNotificationsFile(root, ['staging', 'production']);
    expect(loaded.config?.channels).toHaveLength(1);
    expect(loaded.problems.map((p) => [p.severity, p.line, p.field, p.message])).toEqual([
      [
        'warning',
        4,
        'channels[0].url',
        'a slack webhook URL carries its token: keep it as a secret, e.g. url: ${secret:SLACK_URL}',
      ],
      [
        'warning',
        5,
        'channels[0].environments[0]',
        'environment "prod" is not defined in environments.yml (defined: staging, production)',
      ],
    ]);
  });

  it('accepts the example in docs/notifications.md as written', async () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'notifications.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const loaded = await loadNotificationsFile(project(example), ['staging', 'production']);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config?.channels.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'ops-slack:slack',
      'release-teams:teams',
      'audit:webhook',
      'stakeholders:email',
    ]);
    expect(loaded.config?.delivery).toEqual({ attempts: 3, backoff: [1000, 4000], timeout: 10_000 });
  });
});
