import { describe, expect, it } from 'vitest';
import { NotificationsFile } from '../formats/notifications-schema';
import { emailMessage } from './email-message';
import type { NotificationMessage } from './message-types';
import { previewNotifications } from './preview';
import { sampleRunState } from './sample-run';
import { escapeSlack, slackPayload } from './slack-payload';
import { adaptiveCardType, teamsPayload } from './teams-payload';
import { webhookPayload } from './webhook-payload';

const message: NotificationMessage = {
  trigger: 'finished',
  title: 'Succeeded: shop v2 <beta> & co on production',
  text: 'shop v2 is live on production. It took 4m.',
  facts: Array.from({ length: 12 }, (_, i) => ({ name: `Fact ${i + 1}`, value: i === 0 ? 'a <b> & c' : `v${i}` })),
  severity: 'success',
  run: { id: 'run-1', environment: 'production', version: 'v2', status: 'succeeded' },
  report: { url: 'https://reports.example.com/run-1?a=1&b=2' },
  reportMarkdown: '# Deployment report\n',
};

describe('Slack payload', () => {
  it('has a fallback text and header, section, fields (at most 10 a section) and context blocks', () => {
    const payload = slackPayload(message);
    expect(payload.text).toBe(':white_check_mark: Succeeded: shop v2 &lt;beta&gt; &amp; co on production');
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'context']);
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Succeeded: shop v2 <beta> & co on production', emoji: true },
    });
    const [, , first, second] = payload.blocks;
    expect(first).toMatchObject({ type: 'section' });
    expect(first?.type === 'section' && first.fields?.length).toBe(10);
    expect(second?.type === 'section' && second.fields?.length).toBe(2);
    expect(first?.type === 'section' && first.fields?.[0]).toEqual({
      type: 'mrkdwn',
      text: '*Fact 1*\na &lt;b&gt; &amp; c',
    });
    expect(payload.blocks[4]).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Report: <https://reports.example.com/run-1?a=1&amp;b=2|open the deployment report>' },
      ],
    });
  });

  it('keeps within Block Kit limits', () => {
    const long = slackPayload({ ...message, title: 'T'.repeat(400), text: 'x'.repeat(5000) });
    const header = long.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBe(150);
    const section = long.blocks[1]!;
    expect(section.type === 'section' && section.text?.text.length).toBe(3000);
    expect(escapeSlack('<@U123> & <!channel>')).toBe('&lt;@U123&gt; &amp; &lt;!channel&gt;');
  });
});

describe('Teams payload', () => {
  it('is a message carrying one Adaptive Card 1.4 with title, text, facts and a report button', () => {
    const payload = teamsPayload(message);
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const [attachment] = payload.attachments;
    expect(attachment?.contentType).toBe(adaptiveCardType);
    expect(attachment?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(attachment?.content.body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'FactSet']);
    expect(attachment?.content.body[0]).toMatchObject({ text: message.title, color: 'Good', weight: 'Bolder' });
    expect(attachment?.content.body[2]).toMatchObject({
      facts: expect.arrayContaining([{ title: 'Fact 2', value: 'v1' }]),
    });
    expect(attachment?.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the report', url: 'https://reports.example.com/run-1?a=1&b=2' },
    ]);
  });
});

describe('generic webhook and e-mail', () => {
  it('posts the trigger, the run, the text and the facts', () => {
    expect(webhookPayload(message)).toEqual({
      source: 'release-pilot',
      trigger: 'finished',
      severity: 'success',
      run: message.run,
      title: message.title,
      text: message.text,
      facts: message.facts,
      report: message.report,
    });
  });

  it('mails a one-line subject, the facts, and the report as a markdown attachment', () => {
    const mail = emailMessage({ ...message, title: 'two\nlines' });
    expect(mail.subject).toBe('[Release Pilot] two lines');
    expect(mail.text).toContain('Fact 1:  a <b> & c\nFact 2:  v1\n');
    expect(mail.text).toContain('The deployment report is attached (markdown).');
    expect(mail.attachments).toEqual([
      {
        filename: 'deployment-report-run-1.md',
        contentType: 'text/markdown; charset=utf-8',
        content: '# Deployment report\n',
      },
    ]);
    expect(emailMessage({ ...message, reportMarkdown: undefined }).attachments).toEqual([]);
  });
});

describe('previewNotifications', () => {
  it('shows every channel with each moment it hears about, shaped for its kind', () => {
    const config = NotificationsFile.parse({
      channels: [
        { name: 'ops', kind: 'slack', url: '${secret:SLACK_URL}', on: ['failed', 'finished'] },
        { name: 'prod-only', kind: 'teams', url: 'http://127.0.0.1:1/x', environments: ['production'] },
        { name: 'mail', kind: 'email', email: { host: 'smtp', from: 'a@b.c', to: ['x@y.z'] }, on: ['finished'] },
      ],
    });
    const sample = sampleRunState({ project: 'shop', environment: 'staging', approvals: ['qa-lead'] });
    const preview = previewNotifications(config, sample, { report: { path: '/r.md', markdown: '# R' } });
    expect(preview.map((p) => [p.channel, p.applies, p.messages.map((m) => m.trigger)])).toEqual([
      ['ops', true, ['failed', 'finished']],
      ['prod-only', false, ['run-started', 'approval-requested', 'failed', 'rolled-back', 'finished']],
      ['mail', true, ['finished']],
    ]);
    expect(preview[1]?.note).toBe('only for production');
    expect(preview[0]?.messages[1]?.title).toBe('Succeeded: shop 1.4.0 on staging');
    expect(preview[1]?.messages[1]?.text).toBe(
      'Step "Deploy to staging" waits for approval by qa-lead before it goes on.',
    );
    expect(preview[0]?.messages[0]?.payload).toMatchObject({ blocks: expect.any(Array) });
    expect(preview[2]?.messages[0]?.payload).toMatchObject({ attachments: [{ content: '# R' }] });
  });
});
