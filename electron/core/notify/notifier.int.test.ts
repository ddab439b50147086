import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { receiverPool, rolledBackRun, runWith } from './test-notify-run';

// Every moment of a run reaches Slack, Teams and a JSON webhook (real HTTP receivers on 127.0.0.1)
// in order, shaped for each, and each send is journaled in the run's own hash-chained journal.

describe('notifier', () => {
  const tempDir = useTempDirs('rp-notify-');
  const pool = receiverPool();
  const receiver = pool.receiver;
  afterEach(pool.closeAll);

  it('sends a whole run to Slack, Teams and a JSON webhook, in order, and journals each send', async () => {
    const slack = await receiver();
    const teams = await receiver();
    const hook = await receiver();
    const slackUrl = `${slack.url}/services/T000/B000/slack-token-123456`;
    const { notifier, play, journaled } = await runWith(
      tempDir(),
      {
        channels: [
          { name: 'ops-slack', kind: 'slack', url: '${secret:SLACK_URL}' },
          { name: 'ops-teams', kind: 'teams', url: `${teams.url}/webhookb2/x`, on: ['failed', 'finished'] },
          {
            name: 'audit',
            kind: 'webhook',
            url: `${hook.url}/hook`,
            headers: { Authorization: 'Bearer ${secret:HOOK_TOKEN}' },
            environments: ['production'],
          },
          { name: 'staging-only', kind: 'webhook', url: `${hook.url}/staging`, environments: ['staging'] },
        ],
      },
      { report: () => ({ path: '/data/runs/run-1/report.md', url: 'http://127.0.0.1/reports/run-1' }) },
      { RELEASE_PILOT_SECRET_SLACK_URL: slackUrl, RELEASE_PILOT_SECRET_HOOK_TOKEN: 'hook-token-abcdef' },
    );
    await play(rolledBackRun);
    expect(await notifier.flush(10_000)).toEqual({ sent: 12, failed: 0, abandoned: 0, pending: 0 });

    // Slack: every moment, in the order they happened, each a Block Kit message.
    expect(slack.requests.map((r) => r.path)).toEqual(Array(5).fill('/services/T000/B000/slack-token-123456'));
    const slackBodies = slack.requests.map((r) => r.body as { text: string; blocks: Array<{ type: string }> });
    expect(slackBodies.map((b) => b.text)).toEqual([
      ':information_source: Deploying shop v2.0.0 to production',
      ':information_source: Approval needed: shop v2.0.0 on production',
      ':x: Failure: shop v2.0.0 on production',
      ':warning: Rolling back shop v2.0.0 on production',
      ':warning: Rolled back: shop v2.0.0 on production',
    ]);
    for (const body of slackBodies) {
      expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
      expect(body.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      expect(body.blocks[2]).toMatchObject({ type: 'section', fields: expect.any(Array) });
    }
    expect(slackBodies[4]?.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Report: <http://127.0.0.1/reports/run-1|open the deployment report>' }],
    });
    expect(slack.requests[0]?.headers['content-type']).toBe('application/json; charset=utf-8');

    // Teams: only what it subscribed to, each an Adaptive Card in a message.
    expect(teams.requests).toHaveLength(2);
    const card = teams.requests[0]?.body as { type: string; attachments: Array<Record<string, unknown>> };
    expect(card.type).toBe('message');
    expect(card.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.4', body: expect.any(Array) },
    });

    // The JSON webhook: its own header with the secret, the plain fields, the report at the end.
    const hookBodies = hook.requests.map((r) => r.body as { trigger: string; run: { id: string }; report?: unknown });
    expect(hook.requests.every((r) => r.path === '/hook')).toBe(true);
    expect(hook.requests[0]?.headers.authorization).toBe('Bearer hook-token-abcdef');
    expect(hookBodies.map((b) => b.trigger)).toEqual([
      'run-started',
      'approval-requested',
      'failed',
      'rolled-back',
      'finished',
    ]);
    expect(hookBodies[4]).toMatchObject({
      run: { id: 'run-1', status: 'rolled-back', previousVersion: 'v1.9.0' },
      report: { path: '/data/runs/run-1/report.md', url: 'http://127.0.0.1/reports/run-1' },
    });

    const events = await journaled();
    const sent = events.filter((e) => e.type === 'notification.sent').map((e) => e.data);
    expect(sent).toHaveLength(12);
    expect(sent).toContainEqual({ channel: 'ops-teams', kind: 'teams', trigger: 'finished', attempt: 1 });
    expect(events.some((e) => e.type === 'notification.failed')).toBe(false);
  });
});
