import type { NotificationMessage, Severity } from './message-types';

// A Slack incoming-webhook message: `text` is the fallback shown in notifications, `blocks` the
// Block Kit layout (header, a mrkdwn section, fields in two columns, a context line for the
// report). Block Kit limits are kept here: a header is at most 150 characters, a section's text
// 3000, a section at most 10 fields of 2000 each; longer text is cut, never rejected by Slack.

const emoji: Record<Severity, string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':x:',
};

/** Slack reads `&`, `<` and `>` as markup (links, mentions): they are escaped in any text we send. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface SlackTextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}

export type SlackBlock =
  | { type: 'header'; text: SlackTextObject }
  | { type: 'section'; text?: SlackTextObject; fields?: SlackTextObject[] }
  | { type: 'context'; elements: SlackTextObject[] };

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

function reportLink(message: NotificationMessage): string | undefined {
  const { url, path } = message.report ?? {};
  if (url)
    return `Report: <${url.replace(/&/g, '&amp;').replace(/[|<>]/g, encodeURIComponent)}|open the deployment report>`;
  if (path) return `Report: \`${escapeSlack(path)}\``;
  return undefined;
}

export function slackPayload(message: NotificationMessage): SlackPayload {
  const fields = message.facts.map(
    (fact): SlackTextObject => ({
      type: 'mrkdwn',
      text: cut(`*${escapeSlack(fact.name)}*\n${escapeSlack(fact.value)}`, 2000),
    }),
  );
  const fieldBlocks: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += 10) fieldBlocks.push({ type: 'section', fields: fields.slice(i, i + 10) });
  const link = reportLink(message);
  return {
    text: cut(`${emoji[message.severity]} ${escapeSlack(message.title)}`, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(message.title, 150), emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: cut(`${emoji[message.severity]} ${escapeSlack(message.text)}`, 3000) },
      },
      ...fieldBlocks,
      ...(link ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: cut(link, 3000) }] }] : []),
    ],
  };
}
