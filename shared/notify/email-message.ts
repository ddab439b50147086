import type { NotificationMessage } from './message-types';

// An e-mail: a subject a mailbox filter can match, a plain-text body (facts aligned, one per
// line), and the report attached as markdown when the message carries it.

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
  attachments: EmailAttachment[];
}

export const subjectPrefix = '[Release Pilot]';

export function emailMessage(message: NotificationMessage): EmailMessage {
  const width = Math.max(0, ...message.facts.map((fact) => fact.name.length));
  const facts = message.facts.map((fact) => `${`${fact.name}:`.padEnd(width + 2)}${fact.value}`);
  const attached = message.reportMarkdown !== undefined;
  const lines = [
    message.text,
    '',
    ...facts,
    ...(attached ? ['', 'The deployment report is attached (markdown).'] : []),
    '',
    '-- ',
    'Sent by Release Pilot',
  ];
  return {
    // Subjects are one line: a newline in a title would start a header of its own.
    subject: `${subjectPrefix} ${message.title}`.replace(/[\r\n]+/g, ' '),
    text: `${lines.join('\n')}\n`,
    attachments: attached
      ? [
          {
            filename: `deployment-report-${message.run.id}.md`.replace(/[^A-Za-z0-9._-]/g, '_'),
            contentType: 'text/markdown; charset=utf-8',
            content: message.reportMarkdown!,
          },
        ]
      : [],
  };
}
