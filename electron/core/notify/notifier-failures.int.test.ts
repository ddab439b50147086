import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { receiverPool, runWith, started } from './test-notify-run';

// Receivers that answer 500 or 404, that are not there, that never answer, and secrets that are not
// set: the run goes on, sends are retried as far as it helps, every attempt is journaled, no secret leaks.

describe('notifier', () => {
  const tempDir = useTempDirs('rp-notify-');
  const pool = receiverPool();
  const receiver = pool.receiver;
  afterEach(pool.closeAll);

  it('retries a receiver answering 500 and one that is down, journals every attempt, and never holds the run', async () => {
    const broken = await receiver(() => ({ status: 500, body: 'database on fire' }));
    const gone = await receiver(() => ({ status: 404, body: 'no such webhook' }));
    const port = await freePort(); // nothing listens here
    const { notifier, recorder, play, journaled, lines } = await runWith(
      tempDir(),
      {
        channels: [
          { name: 'broken', kind: 'slack', url: `${broken.url}/services/x`, on: ['run-started'] },
          { name: 'down', kind: 'teams', url: '${secret:TEAMS_URL}', on: ['run-started'] },
          { name: 'deleted', kind: 'webhook', url: `${gone.url}/old`, on: ['run-started'] },
        ],
        delivery: { attempts: 3, backoff: ['50ms', '100ms'], timeout: '2s' },
      },
      {},
      { RELEASE_PILOT_SECRET_TEAMS_URL: `http://127.0.0.1:${port}/webhookb2/teams-token-987654` },
    );
    await play([['run.started', started]]);
    // The event is on disk and the run goes on while the sends are still being tried.
    expect(recorder.state.status).toBe('open');
    expect(notifier.stats().pending).toBe(3);
    await recorder.emit('step.started', { step: 'deploy' });

    expect(await notifier.flush(10_000)).toEqual({ sent: 0, failed: 3, abandoned: 0, pending: 0 });
    expect(broken.requests).toHaveLength(3);
    // A 404 will not get better: one attempt only.
    expect(gone.requests).toHaveLength(1);
    // The pauses between attempts follow the backoff.
    expect(broken.requests[1]!.at - broken.requests[0]!.at).toBeGreaterThanOrEqual(45);
    expect(broken.requests[2]!.at - broken.requests[1]!.at).toBeGreaterThanOrEqual(95);

    const events = await journaled();
    const failed = events.filter((e) => e.type === 'notification.failed').map((e) => e.data);
    const of = (channel: string) => failed.filter((d) => d.channel === channel);
    expect(of('broken').map((d) => [d.attempt, d.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(of('broken')[0]?.error).toBe(
      `slack channel "broken" (${broken.url}/services/x): answered 500 Internal Server Error — database on fire`,
    );
    expect(of('down').map((d) => [d.attempt, d.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(of('down')[2]?.error).toBe(
      `teams channel "down" (http://127.0.0.1:${port}, url \${secret:TEAMS_URL}): connection refused`,
    );
    expect(of('deleted')).toEqual([
      {
        channel: 'deleted',
        kind: 'webhook',
        trigger: 'run-started',
        attempt: 1,
        final: true,
        error: `webhook channel "deleted" (${gone.url}/old): answered 404 Not Found — no such webhook`,
      },
    ]);
    // The token in the secret URL is nowhere: not in the journal, not in the log.
    expect(JSON.stringify(events)).not.toContain('teams-token-987654');
    expect(JSON.stringify(lines)).not.toContain('teams-token-987654');
    // The run's own events are all there, in order, with the outcomes after them.
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['run.started', 'step.started']);
  });

  it('gives up on a receiver that never answers when the run ends, within the flush bound', async () => {
    const silent = await receiver(() => 'hang');
    const { notifier, play, journaled } = await runWith(tempDir(), {
      channels: [{ name: 'silent', kind: 'webhook', url: `${silent.url}/hook`, on: ['finished'] }],
      delivery: { timeout: '30s' },
    });
    await play([
      ['run.started', started],
      ['run.finished', { status: 'succeeded' }],
    ]);
    const before = Date.now();
    expect(await notifier.flush(300)).toEqual({ sent: 0, failed: 0, abandoned: 1, pending: 0 });
    expect(Date.now() - before).toBeLessThan(5_000);
    expect(silent.requests).toHaveLength(1);
    const failed = (await journaled()).filter((e) => e.type === 'notification.failed');
    expect(failed.map((e) => e.data)).toEqual([
      {
        channel: 'silent',
        kind: 'webhook',
        trigger: 'finished',
        attempt: 1,
        final: true,
        error: `webhook channel "silent" (${silent.url}/hook): not sent: the run ended before it went through`,
      },
    ]);
  });

  it('fails a channel whose secret is not set, saying how to set it, and sends the others', async () => {
    const hook = await receiver();
    const { notifier, play, journaled } = await runWith(tempDir(), {
      channels: [
        { name: 'no-secret', kind: 'slack', url: '${secret:MISSING_SLACK_URL}', on: ['run-started'] },
        { name: 'fine', kind: 'webhook', url: `${hook.url}/hook`, on: ['run-started'] },
      ],
    });
    await play([['run.started', started]]);
    expect(await notifier.flush(5_000)).toMatchObject({ sent: 1, failed: 1 });
    const failed = (await journaled()).find((e) => e.type === 'notification.failed');
    expect(failed?.data).toMatchObject({ channel: 'no-secret', attempt: 1, final: true });
    expect(failed?.data.error).toBe(
      'slack channel "no-secret": secret "MISSING_SLACK_URL" not set: export RELEASE_PILOT_SECRET_MISSING_SLACK_URL=… before starting release-pilot',
    );
  });
});
