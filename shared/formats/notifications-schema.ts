import { z } from 'zod';
import { Slug } from './common-fields';
import { HttpUrl } from './deploy-schema';
import { Duration } from './duration';

// The notifications format (`.release-pilot/notifications.yml`): channels that tell stakeholders
// about a run. Webhook URLs and SMTP passwords are secrets: write `${secret:NAME}` and the app
// resolves it when it sends, through the same secrets as runbooks and environments.

/** The moments of a run a channel can be told about. */
export const NotifyTrigger = z.enum(['run-started', 'approval-requested', 'failed', 'rolled-back', 'finished']);
export type NotifyTrigger = z.output<typeof NotifyTrigger>;
export const notifyTriggers = NotifyTrigger.options;

const reference = /\$\{([^}]*)\}/g;
const secretName = /^[A-Z][A-Z0-9_]*$/;

/** Why a text's `${…}` references are not all `${secret:NAME}`, or undefined when they are. */
export function secretReferenceProblem(text: string): string | undefined {
  // `$${` is a literal `${`, as in runbooks.
  for (const match of text.split('$${').flatMap((part) => [...part.matchAll(reference)])) {
    const inner = match[1]!.trim();
    if (!inner.startsWith('secret:')) {
      return `only \${secret:NAME} can be used here (found \${${inner}}): notifications are sent outside any run's variables`;
    }
    const name = inner.slice('secret:'.length).trim();
    if (!secretName.test(name))
      return `"${name}" is not a secret name: use upper-case words joined by _, e.g. SLACK_URL`;
  }
  return undefined;
}

const hasReference = (text: string) => text.split('$${').some((part) => /\$\{[^}]*\}/.test(part));

/** Text that may hold `${secret:NAME}` references and no other variables. */
export const SecretText = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((text, ctx) => {
    const problem = secretReferenceProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A webhook URL: written out in full, or (as it carries a token) a `${secret:NAME}` holding it. */
export const WebhookUrl = SecretText.superRefine((text, ctx) => {
  if (hasReference(text)) return;
  if (!HttpUrl.safeParse(text).success) {
    ctx.addIssue({
      code: 'custom',
      message: 'write a full http:// or https:// URL, or ${secret:NAME} for a URL that carries a token',
    });
  }
});

/** A password is never written in the file: only a reference to a secret. */
export const SecretOnly = z.string().superRefine((text, ctx) => {
  // A custom issue, not a regex one: problem texts quote a failing value, and this one is a password.
  if (!/^\$\{\s*secret:[A-Z][A-Z0-9_]*\s*\}$/.test(text))
    ctx.addIssue({ code: 'custom', message: 'write ${secret:NAME} here: passwords never live in project files' });
});

/** `ops@example.com` or `Release Pilot <ops@example.com>`. */
export const MailAddress = z
  .string()
  .trim()
  .regex(/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'an e-mail address such as ops@example.com');

const common = {
  /** Journaled with each outcome and shown in the UI. */
  name: Slug,
  /** Which moments this channel hears about; all of them when left out. */
  on: z.array(NotifyTrigger).min(1, 'name at least one moment, or leave `on` out for all').optional(),
  /** Only runs against these environments; every environment when left out. */
  environments: z.array(z.string().min(1)).min(1).optional(),
};

export const EmailSettings = z
  .strictObject({
    host: z.string().trim().min(1, 'the SMTP server, e.g. smtp.example.com'),
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().optional(),
    user: z.string().min(1).optional(),
    password: SecretOnly.optional(),
    from: MailAddress,
    to: z.array(MailAddress).min(1, 'name at least one recipient'),
    cc: z.array(MailAddress).default([]),
  })
  .refine((email) => !email.password || email.user, {
    message: 'a password needs a `user` to log in with',
    path: ['user'],
  });
export type EmailSettings = z.output<typeof EmailSettings>;

const WebhookChannel = z.strictObject({
  ...common,
  kind: z.literal('webhook'),
  url: WebhookUrl,
  /** Extra request headers, e.g. `Authorization: Bearer ${secret:HOOK_TOKEN}`. */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name such as Authorization'), SecretText).optional(),
});
const SlackChannel = z.strictObject({ ...common, kind: z.literal('slack'), url: WebhookUrl });
const TeamsChannel = z.strictObject({ ...common, kind: z.literal('teams'), url: WebhookUrl });
const EmailChannel = z.strictObject({ ...common, kind: z.literal('email'), email: EmailSettings });

export const Channel = z.discriminatedUnion('kind', [WebhookChannel, SlackChannel, TeamsChannel, EmailChannel]);
export type Channel = z.output<typeof Channel>;
export type ChannelKind = Channel['kind'];

/** How hard to try: a dead receiver costs at most attempts × timeout plus the pauses, never the run. */
export const Delivery = z.strictObject({
  attempts: z.number().int().min(1).max(10).default(3),
  /** Pauses before the 2nd, 3rd, … attempt; the last one repeats. */
  backoff: z.array(Duration).min(1).default([1000, 4000]),
  /** One attempt's limit. */
  timeout: Duration.default(10_000),
});
export type Delivery = z.output<typeof Delivery>;

export const NotificationsFile = z.strictObject({
  channels: z
    .array(Channel)
    .default([])
    .superRefine((channels, ctx) => {
      // Outcomes are journaled by channel name: two channels with one name could not be told apart.
      const seen = new Set<string>();
      channels.forEach((channel, i) => {
        if (seen.has(channel.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `channel name "${channel.name}" is used twice` });
        seen.add(channel.name);
      });
    }),
  delivery: Delivery.default(Delivery.parse({})),
});
export type NotificationsConfig = z.output<typeof NotificationsFile>;

/** The moments a channel hears about (all when `on` is left out). */
export function triggersOf(channel: Channel): NotifyTrigger[] {
  return channel.on ?? [...notifyTriggers];
}

/** Whether a channel is about runs against this environment. */
export function channelCovers(channel: Channel, environment: string | undefined): boolean {
  return !channel.environments || (environment !== undefined && channel.environments.includes(environment));
}
