import { z } from 'zod';
import { NotifyTrigger } from '../../formats/notifications-schema';
import { Id, Problem } from './common';

// Notification previews: what each channel of a project would be sent for a run against one
// environment, before any run starts.

export const NotificationsPreviewRequest = z
  .object({ projectId: Id, environment: z.string().trim().min(1, 'name the environment to preview for') })
  .strict();

export const PreviewMessage = z.object({
  trigger: NotifyTrigger,
  title: z.string(),
  text: z.string(),
  severity: z.enum(['info', 'success', 'warning', 'error']),
  facts: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Exactly what would be POSTed (webhooks) or mailed (email: subject, text, attachments). */
  payload: z.unknown(),
});

export const ChannelPreview = z.object({
  channel: z.string(),
  kind: z.enum(['webhook', 'slack', 'teams', 'email']),
  /** False when the channel is limited to other environments. */
  applies: z.boolean(),
  note: z.string().optional(),
  messages: z.array(PreviewMessage),
});

export const NotificationsPreview = z.object({
  /** `.release-pilot/notifications.yml`, relative to the project. */
  file: z.string(),
  /** The file does not exist: the project has no channels. */
  missing: z.boolean(),
  /** Everything wrong with the file, each at line:column; no channels are previewed while errors remain. */
  problems: z.array(Problem),
  channels: z.array(ChannelPreview),
});
export type NotificationsPreview = z.infer<typeof NotificationsPreview>;
