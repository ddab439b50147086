import type { NotificationsPreview } from '../../../../shared/api/schemas/notifications';
import type { Tone } from '../../ui/status-badge';

// Words and tones for the notification preview: the config's ids (`approval-requested`, `teams`)
// read as a person says them, and the payload exactly as it would be sent.

export type ChannelPreview = NotificationsPreview['channels'][number];
export type PreviewMessage = ChannelPreview['messages'][number];

const triggerLabels: Record<PreviewMessage['trigger'], string> = {
  'run-started': 'Run started',
  'approval-requested': 'Approval requested',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  finished: 'Finished',
};

const kindLabels: Record<ChannelPreview['kind'], string> = {
  webhook: 'JSON webhook',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  email: 'Email',
};

const severityTones: Record<PreviewMessage['severity'], Tone> = {
  info: 'info',
  success: 'success',
  warning: 'warning',
  error: 'danger',
};

export function triggerLabel(trigger: PreviewMessage['trigger']): string {
  return triggerLabels[trigger];
}

export function kindLabel(kind: ChannelPreview['kind']): string {
  return kindLabels[kind];
}

export function severityTone(severity: PreviewMessage['severity']): Tone {
  return severityTones[severity];
}

/** What an email channel shows as its payload is already text-like; webhooks post JSON. */
export function payloadText(payload: unknown): string {
  if (payload === undefined) return '(nothing is sent)';
  return JSON.stringify(payload, null, 2);
}

/** What the channels of a preview add up to, for the panel's description. */
export function previewSummary(preview: NotificationsPreview, environment: string): string {
  const applying = preview.channels.filter((channel) => channel.applies);
  const messages = applying.reduce((sum, channel) => sum + channel.messages.length, 0);
  const channels = `${preview.channels.length} channel${preview.channels.length === 1 ? '' : 's'}`;
  if (applying.length === preview.channels.length) {
    return `${channels}; a run against ${environment} sends ${messages} message${messages === 1 ? '' : 's'} at most.`;
  }
  return `${channels}, ${applying.length} for ${environment}; a run against it sends ${messages} message${messages === 1 ? '' : 's'} at most.`;
}
