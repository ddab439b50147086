import type { NotificationMessage, Severity } from './message-types';

// A Microsoft Teams incoming-webhook message: a `message` activity carrying one Adaptive Card
// (schema 1.4, which Teams renders): a coloured title, the text, the facts as a FactSet, and a
// button to the report when it has a URL.

const color: Record<Severity, string> = { info: 'Accent', success: 'Good', warning: 'Warning', error: 'Attention' };

export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

export interface TeamsPayload {
  type: 'message';
  attachments: Array<{
    contentType: typeof adaptiveCardType;
    contentUrl: null;
    content: {
      $schema: string;
      type: 'AdaptiveCard';
      version: '1.4';
      body: Array<Record<string, unknown>>;
      actions?: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
      msteams: { width: 'Full' };
    };
  }>;
}

export function teamsPayload(message: NotificationMessage): TeamsPayload {
  const { url, path } = message.report ?? {};
  const body: Array<Record<string, unknown>> = [
    {
      type: 'TextBlock',
      text: message.title,
      size: 'Large',
      weight: 'Bolder',
      color: color[message.severity],
      wrap: true,
    },
    { type: 'TextBlock', text: message.text, wrap: true },
    { type: 'FactSet', facts: message.facts.map((fact) => ({ title: fact.name, value: fact.value })) },
  ];
  if (path && !url) body.push({ type: 'TextBlock', text: `Report: ${path}`, isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: adaptiveCardType,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(url ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'Open the report', url }] } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
