import type { ChannelKind } from '../formats/notifications-schema';
import { type EmailMessage, emailMessage } from './email-message';
import type { NotificationMessage } from './message-types';
import { type SlackPayload, slackPayload } from './slack-payload';
import { type TeamsPayload, teamsPayload } from './teams-payload';
import { type WebhookPayload, webhookPayload } from './webhook-payload';

export type Payload = WebhookPayload | SlackPayload | TeamsPayload | EmailMessage;

/** The message shaped for one kind of channel: what is POSTed (webhooks) or mailed (email). */
export function payloadFor(kind: ChannelKind, message: NotificationMessage): Payload {
  switch (kind) {
    case 'webhook':
      return webhookPayload(message);
    case 'slack':
      return slackPayload(message);
    case 'teams':
      return teamsPayload(message);
    case 'email':
      return emailMessage(message);
  }
}
