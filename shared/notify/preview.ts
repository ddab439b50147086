import {
  type ChannelKind,
  channelCovers,
  type NotificationsConfig,
  type NotifyTrigger,
  notifyTriggers,
  triggersOf,
} from '../formats/notifications-schema';
import type { RunState } from '../runs/run-state';
import { messageFor } from './message-for';
import type { Fact, ReportRef, Severity, TriggerContext } from './message-types';
import { type Payload, payloadFor } from './payload-for';

// What each channel would be sent, for every moment it hears about, before a run starts. The
// sample state is a real (folded) run state; each moment gets the context its event would carry.

export interface PreviewMessage {
  trigger: NotifyTrigger;
  title: string;
  text: string;
  severity: Severity;
  facts: Fact[];
  payload: Payload;
}

export interface ChannelPreview {
  channel: string;
  kind: ChannelKind;
  /** False when the channel is limited to other environments (its messages are still shown). */
  applies: boolean;
  note?: string;
  messages: PreviewMessage[];
}

export interface PreviewOptions {
  /** Where the report of the run will be (finished messages link or attach it). */
  report?: ReportRef;
  at?: string;
}

function sampleContext(trigger: NotifyTrigger, state: RunState): TriggerContext {
  const step = state.steps.find((s) => s.approvals.length > 0) ?? state.steps[0];
  switch (trigger) {
    case 'run-started':
      return {};
    case 'approval-requested':
      return {
        step: step?.id,
        roles: step?.approvals.length ? step.approvals.map((a) => a.role) : ['release-manager'],
      };
    case 'failed':
      return {
        step: step?.id,
        action: step?.actions[0]?.key,
        error: { code: 'example', message: 'example: the health check answered 503 three times' },
      };
    case 'rolled-back':
      return { reason: 'example: the error-rate alert fired', rollbackTrigger: 'alert' };
    case 'finished':
      return { status: 'succeeded' };
  }
}

export function previewNotifications(
  config: NotificationsConfig,
  sampleState: RunState,
  options: PreviewOptions = {},
): ChannelPreview[] {
  return config.channels.map((channel) => {
    const applies = channelCovers(channel, sampleState.environment);
    const on = new Set(triggersOf(channel));
    const messages = notifyTriggers
      .filter((trigger) => on.has(trigger))
      .map((trigger): PreviewMessage => {
        const message = messageFor(trigger, sampleState, {
          context: sampleContext(trigger, sampleState),
          report: trigger === 'finished' ? options.report : undefined,
          at: options.at,
        });
        return {
          trigger,
          title: message.title,
          text: message.text,
          severity: message.severity,
          facts: message.facts,
          payload: payloadFor(channel.kind, message),
        };
      });
    return {
      channel: channel.name,
      kind: channel.kind,
      applies,
      ...(applies ? {} : { note: `only for ${channel.environments?.join(', ')}` }),
      messages,
    };
  });
}
