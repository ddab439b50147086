import type { NotifyTrigger } from '../formats/notifications-schema';
import type { Fact, NotificationMessage, RunBrief, Severity } from './message-types';

// The generic JSON webhook: everything a receiver's automation needs, in plain fields.

export interface WebhookPayload {
  source: 'release-pilot';
  trigger: NotifyTrigger;
  severity: Severity;
  run: RunBrief;
  title: string;
  text: string;
  facts: Fact[];
  report?: { path?: string; url?: string };
}

export function webhookPayload(message: NotificationMessage): WebhookPayload {
  return {
    source: 'release-pilot',
    trigger: message.trigger,
    severity: message.severity,
    run: message.run,
    title: message.title,
    text: message.text,
    facts: message.facts,
    ...(message.report ? { report: message.report } : {}),
  };
}
