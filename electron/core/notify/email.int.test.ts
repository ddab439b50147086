import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationsFile } from '../../../shared/formats/notifications-schema';
import type { RunEvent } from '../../../shared/runs/run-event';
import type { RunEventData } from '../../../shared/runs/run-events';
import { applyRunEvent, emptyRunState } from '../../../shared/runs/run-state';
import { envSecrets } from '../secrets/env-secrets';
import { freePort } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { createNotifier } from './notifier';

// E-mail through a real SMTP server (smtp-server, in this process, on 127.0.0.1): the message is
// read back and parsed (mailparser) — subject, addresses, body and the attached report.

const password = 'smtp-pass-4711';

interface Mailbox {
  port: number;
  mails: ParsedMail[];
  logins: Array<{ username?: string; password?: string }>;
  close(): Promise<void>;
}

const servers: Mailbox[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function mailbox(options: { rejectRecipient?: number } = {}): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  const logins: Mailbox['logins'] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? undefined, password: auth.password ?? undefined });
      if (auth.username === 'release' && auth.password === password) return callback(null, { user: 'release' });
      const error = Object.assign(new Error('Invalid username or password'), { responseCode: 535 });
      return callback(error);
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRecipient) return callback();
      return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: options.rejectRecipient }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const box: Mailbox = {
    port: (server.server.address() as AddressInfo).port,
    mails,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(box);
  return box;
}

const started: RunEventData['run.started'] = {
  runId: 'run-42',
  project: 'shop',
  projectPath: '/srv/shop',
  runbook: 'default',
  runbookTitle: 'Standard deployment',
  environment: 'staging',
  protected: false,
  version: 'v3.1.0',
  operator: { by: 'Ada' },
  roles: {},
  steps: [],
  exitCriteria: [],
  rollback: { id: '@rollback', title: 'Rollback', owner: 'ops', actions: [], items: [], approvals: [] },
};

function emailChannel(port: number, extra: Record<string, unknown> = {}) {
  return {
    name: 'stakeholders',
    kind: 'email',
    on: ['finished'],
    email: {
      host: '127.0.0.1',
      port,
      user: 'release',
      password: '${secret:SMTP_PASSWORD}',
      from: 'Release Pilot <release@example.com>',
      to: ['ops@example.com', 'product@example.com'],
      ...extra,
    },
  };
}

/** Runs a short succeeded run past a notifier and returns what it journaled. */
async function finishRun(channel: unknown, secret = password) {
  const outcomes: Array<{ type: string; data: Record<string, unknown> }> = [];
  const { logger, lines } = recordingLogger();
  const notifier = createNotifier({
    config: NotificationsFile.parse({ channels: [channel], delivery: { backoff: ['20ms'], timeout: '3s' } }),
    secrets: envSecrets({ RELEASE_PILOT_SECRET_SMTP_PASSWORD: secret }),
    emit: (type, data) => {
      outcomes.push({ type, data: { ...data } });
    },
    logger,
    report: async () => ({ path: '/data/runs/run-42/report.md', markdown: '# Deployment report\n\n- v3.1.0 live\n' }),
  });
  const state = emptyRunState('run-42');
  const events: Array<[string, unknown]> = [
    ['run.started', started],
    ['run.finished', { status: 'succeeded' }],
  ];
  events.forEach(([type, data], i) => {
    const event: RunEvent = {
      seq: i + 1,
      at: new Date(Date.UTC(2025, 0, 1, 9, i)).toISOString(),
      type,
      data: data as never,
    };
    applyRunEvent(state, event);
    notifier.listen(event, state);
  });
  const stats = await notifier.flush(15_000);
  return { outcomes, stats, lines };
}

describe('e-mail notifications', () => {
  it('logs in with the secret password and mails the end of the run with the report attached', async () => {
    const box = await mailbox();
    const { outcomes, stats } = await finishRun(emailChannel(box.port));
    expect(stats).toMatchObject({ sent: 1, failed: 0 });
    expect(outcomes).toEqual([
      { type: 'notification.sent', data: { channel: 'stakeholders', kind: 'email', trigger: 'finished', attempt: 1 } },
    ]);
    expect(box.logins).toEqual([{ username: 'release', password }]);
    expect(box.mails).toHaveLength(1);
    const mail = box.mails[0]!;
    expect(mail.subject).toBe('[Release Pilot] Succeeded: shop v3.1.0 on staging');
    expect(mail.from?.value).toEqual([{ name: 'Release Pilot', address: 'release@example.com' }]);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['ops@example.com', 'product@example.com']);
    expect(mail.text).toContain('shop v3.1.0 is live on staging. It took 1m.');
    expect(mail.text).toContain('Report:      /data/runs/run-42/report.md');
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('deployment-report-run-42.md');
    expect(attachment?.contentType).toBe('text/markdown');
    expect(attachment?.content.toString('utf8')).toBe('# Deployment report\n\n- v3.1.0 live\n');
  });

  it('does not retry a refused login, and never journals the password', async () => {
    const box = await mailbox();
    const wrong = 'not-the-password-123';
    const { outcomes, lines } = await finishRun(emailChannel(box.port), wrong);
    expect(box.logins).toHaveLength(1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ type: 'notification.failed', data: { attempt: 1, final: true } });
    expect(outcomes[0]?.data.error).toMatch(
      new RegExp(`^email channel "stakeholders" \\(SMTP 127.0.0.1:${box.port}\\): login refused \\(535 `),
    );
    expect(JSON.stringify([outcomes, lines])).not.toContain(wrong);
  });

  it('retries an SMTP server that is down, and a temporary refusal, but not a permanent one', async () => {
    const port = await freePort();
    const down = await finishRun(emailChannel(port));
    expect(down.outcomes.map((o) => [o.data.attempt, o.data.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(down.outcomes[2]?.data.error).toBe(
      `email channel "stakeholders" (SMTP 127.0.0.1:${port}): connection refused`,
    );

    const busy = await mailbox({ rejectRecipient: 451 });
    const temporary = await finishRun(emailChannel(busy.port));
    expect(temporary.outcomes.map((o) => o.data.final)).toEqual([false, false, true]);

    const strict = await mailbox({ rejectRecipient: 550 });
    const permanent = await finishRun(emailChannel(strict.port));
    expect(permanent.outcomes.map((o) => o.data.final)).toEqual([true]);
    expect(permanent.outcomes[0]?.data.error).toContain('550');
  });
});
