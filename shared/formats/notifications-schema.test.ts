import { describe, expect, it } from 'vitest';
import { channelCovers, NotificationsFile, secretReferenceProblem, triggersOf } from './notifications-schema';

const issues = (value: unknown) =>
  NotificationsFile.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('the notifications schema', () => {
  it('reads every kind of channel and gives the defaults', () => {
    const config = NotificationsFile.parse({
      channels: [
        { name: 'ops-hook', kind: 'webhook', url: 'http://127.0.0.1:9000/hook', on: ['failed'] },
        { name: 'ops-slack', kind: 'slack', url: '${secret:SLACK_URL}', environments: ['production'] },
        { name: 'ops-teams', kind: 'teams', url: 'https://example.webhook.office.com/${secret:TEAMS_PATH}' },
        {
          name: 'stakeholders',
          kind: 'email',
          email: {
            host: 'smtp.example.com',
            user: 'release',
            password: '${secret:SMTP_PASSWORD}',
            from: 'Release Pilot <release@example.com>',
            to: ['ops@example.com'],
          },
        },
      ],
    });
    expect(config.delivery).toEqual({ attempts: 3, backoff: [1000, 4000], timeout: 10_000 });
    expect(config.channels[3]).toMatchObject({ email: { port: 587, cc: [] } });
    expect(triggersOf(config.channels[0]!)).toEqual(['failed']);
    expect(triggersOf(config.channels[1]!)).toEqual([
      'run-started',
      'approval-requested',
      'failed',
      'rolled-back',
      'finished',
    ]);
    expect(channelCovers(config.channels[1]!, 'staging')).toBe(false);
    expect(channelCovers(config.channels[1]!, 'production')).toBe(true);
    expect(channelCovers(config.channels[0]!, 'staging')).toBe(true);
    expect(NotificationsFile.parse({})).toEqual({ channels: [], delivery: config.delivery });
  });

  it('reads durations in delivery settings', () => {
    const parsed = NotificationsFile.parse({ delivery: { attempts: 2, backoff: ['250ms'], timeout: '2s' } });
    expect(parsed.delivery).toEqual({ attempts: 2, backoff: [250], timeout: 2000 });
  });

  it('refuses a password written in clear, without repeating it', () => {
    const result = issues({
      channels: [
        {
          name: 'mail',
          kind: 'email',
          email: { host: 'smtp', user: 'u', password: 'hunter2-secret', from: 'a@b.c', to: ['x@y.z'] },
        },
      ],
    });
    expect(result).toEqual([
      ['channels.0.email.password', 'write ${secret:NAME} here: passwords never live in project files'],
    ]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('allows only secrets as variables, and only full http(s) URLs otherwise', () => {
    expect(secretReferenceProblem('https://x/${secret:TOKEN}')).toBeUndefined();
    expect(secretReferenceProblem('literal $${version}')).toBeUndefined();
    expect(secretReferenceProblem('https://x/${version}')).toContain('only ${secret:NAME}');
    expect(secretReferenceProblem('${secret:lower}')).toContain('"lower" is not a secret name');
    expect(issues({ channels: [{ name: 'a', kind: 'slack', url: 'hooks.slack.com/services/x' }] })).toEqual([
      ['channels.0.url', 'write a full http:// or https:// URL, or ${secret:NAME} for a URL that carries a token'],
    ]);
  });

  it('refuses an unknown kind, an unknown moment, a password without user and a name used twice', () => {
    expect(issues({ channels: [{ name: 'a', kind: 'pager', url: 'http://x' }] })[0]?.[0]).toBe('channels.0.kind');
    expect(issues({ channels: [{ name: 'a', kind: 'slack', url: 'http://x', on: ['deployed'] }] })[0]?.[0]).toBe(
      'channels.0.on.0',
    );
    expect(
      issues({
        channels: [
          {
            name: 'm',
            kind: 'email',
            email: { host: 'h', password: '${secret:P}', from: 'a@b.c', to: ['x@y.z'] },
          },
        ],
      }),
    ).toEqual([['channels.0.email.user', 'a password needs a `user` to log in with']]);
    const hook = { name: 'dup', kind: 'webhook', url: 'http://127.0.0.1/x' };
    expect(issues({ channels: [hook, hook] })).toEqual([['channels.1.name', 'channel name "dup" is used twice']]);
  });
});
