import { describe, expect, it } from 'vitest';
import type { NotificationsPreview } from '../../../../shared/api/schemas/notifications';
import { kindLabel, payloadText, previewSummary, severityTone, triggerLabel } from './notification-labels';

const message = (trigger: 'run-started' | 'finished') => ({
  trigger,
  title: 't',
  text: 'x',
  severity: 'info' as const,
  facts: [],
  payload: {},
});

const preview = (applies: boolean[]): NotificationsPreview => ({
  file: '.release-pilot/notifications.yml',
  missing: false,
  problems: [],
  channels: applies.map((a, i) => ({
    channel: `c${i}`,
    kind: 'slack' as const,
    applies: a,
    messages: a ? [message('run-started'), message('finished')] : [],
  })),
});

describe('notification labels', () => {
  it('names moments and kinds as people say them', () => {
    expect(triggerLabel('approval-requested')).toBe('Approval requested');
    expect(triggerLabel('rolled-back')).toBe('Rolled back');
    expect(kindLabel('teams')).toBe('Microsoft Teams');
    expect(kindLabel('webhook')).toBe('JSON webhook');
  });

  it('shows an error as danger, the rest in their own tone', () => {
    expect(severityTone('error')).toBe('danger');
    expect(severityTone('success')).toBe('success');
  });

  it('prints the payload as indented JSON, exactly what is sent', () => {
    expect(payloadText({ text: 'hi', blocks: [] })).toBe('{\n  "text": "hi",\n  "blocks": []\n}');
    expect(payloadText(undefined)).toBe('(nothing is sent)');
  });

  it('sums up how many channels apply and how many messages a run sends at most', () => {
    expect(previewSummary(preview([true]), 'staging')).toBe(
      '1 channel; a run against staging sends 2 messages at most.',
    );
    expect(previewSummary(preview([true, false]), 'staging')).toBe(
      '2 channels, 1 for staging; a run against it sends 2 messages at most.',
    );
  });
});
