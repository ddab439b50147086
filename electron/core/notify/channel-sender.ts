import { interpolate, type VariableScope } from '../../../shared/formats/interpolate';
import type { Channel } from '../../../shared/formats/notifications-schema';
import type { EmailMessage } from '../../../shared/notify/email-message';
import type { NotificationMessage } from '../../../shared/notify/message-types';
import { payloadFor } from '../../../shared/notify/payload-for';
import { createRedactor, type Redactor } from '../../../shared/runs/redact';
import { resolveSecrets } from '../secrets/resolve-secrets';
import { MissingSecretError, type SecretsPort } from '../secrets/secrets-port';
import { NotifyError } from './notify-error';
import { sendEmail } from './send-email';
import { postWebhook } from './send-webhook';

// One channel: its secrets resolved on first use (a missing one fails this channel's sends, never
// the run), its message shaped for its kind, and sent. Errors name the channel and the receiver's
// origin, never a resolved secret.

export interface SendOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ChannelSender {
  readonly channel: Channel;
  send(message: NotificationMessage, options: SendOptions): Promise<void>;
  /** Masks this channel's secret values (once they are resolved) in any text. */
  redact(text: string): string;
}

const noVariables = (secrets: Record<string, string>): VariableScope => ({
  version: '',
  runId: '',
  env: { name: '', variables: {} },
  vars: {},
  secrets,
});

/** `https://hooks.slack.com (url ${secret:SLACK_URL})`: where it went, without the token. */
function describeTarget(written: string, resolved: string): string {
  let origin: string;
  try {
    const url = new URL(resolved);
    origin = written === resolved ? `${url.origin}${url.pathname}` : url.origin;
  } catch {
    origin = 'an invalid URL';
  }
  return written === resolved ? origin : `${origin}, url ${written}`;
}

export function createChannelSender(channel: Channel, secrets: SecretsPort): ChannelSender {
  const label = `${channel.kind} channel "${channel.name}"`;
  let resolving: Promise<Record<string, string>> | undefined;
  let redactor: Redactor = (text) => text;

  const resolved = async (): Promise<Record<string, string>> => {
    resolving ??= resolveSecrets([channel], secrets).then((values) => {
      redactor = createRedactor(Object.values(values));
      return values;
    });
    try {
      return await resolving;
    } catch (error) {
      resolving = undefined; // set later (keychain unlocked, variable exported): try again next time
      if (error instanceof MissingSecretError)
        throw new NotifyError('missing-secret', `${label}: ${error.message}`, true);
      throw error;
    }
  };

  return {
    channel,
    redact: (text) => redactor(text),
    async send(message, options) {
      const values = await resolved();
      const fill = (text: string) => interpolate(text, noVariables(values));
      if (channel.kind === 'email') {
        const password = channel.email.password ? fill(channel.email.password) : undefined;
        const mail = payloadFor('email', message) as EmailMessage;
        await sendEmail({ settings: channel.email, password, message: mail, display: label, ...options });
        return;
      }
      const url = fill(channel.url);
      const headers =
        channel.kind === 'webhook' && channel.headers
          ? Object.fromEntries(Object.entries(channel.headers).map(([name, value]) => [name, fill(value)]))
          : undefined;
      await postWebhook({
        url,
        body: payloadFor(channel.kind, message),
        headers,
        display: `${label} (${describeTarget(channel.url, url)})`,
        ...options,
      });
    },
  };
}
