import {
  type Channel,
  channelCovers,
  type Delivery,
  type NotificationsConfig,
  type NotifyTrigger,
  triggersOf,
} from '../../../shared/formats/notifications-schema';
import { messageFor } from '../../../shared/notify/message-for';
import type { NotificationMessage, ReportRef } from '../../../shared/notify/message-types';
import { createTriggerTracker } from '../../../shared/notify/run-triggers';
import type { RunEvent } from '../../../shared/runs/run-event';
import type { RunEventData } from '../../../shared/runs/run-events';
import type { RunState } from '../../../shared/runs/run-state';
import type { Logger } from '../ports';
import type { SecretsPort } from '../secrets/secrets-port';
import { type ChannelSender, createChannelSender } from './channel-sender';
import { NotifyError, raceAbort } from './notify-error';

// Tells stakeholders about a run without ever standing in its way: `listen` only queues (it is
// called inside the recorder's emit), each channel sends in order on its own queue, failures are
// retried with backoff and every outcome is journaled through `emit`. `flush` waits for what is
// pending at the run's end, for a bounded time, then abandons the rest (journaled as failed).

export type NotificationEventType = 'notification.sent' | 'notification.failed';
export type NotificationEmit = <T extends NotificationEventType>(type: T, data: RunEventData[T]) => unknown;

export interface NotifierOptions {
  config: NotificationsConfig;
  secrets: SecretsPort;
  /** The run recorder's emit: outcomes land in the journal and the UI. */
  emit: NotificationEmit;
  logger: Logger;
  now?: () => Date;
  /** The run's report once it has ended: linked from webhooks, attached to e-mails. */
  report?: (state: RunState) => ReportRef | undefined | Promise<ReportRef | undefined>;
  /** Overrides the file's `delivery:` (tests use short pauses). */
  delivery?: Partial<Delivery>;
}

export interface NotifyStats {
  sent: number;
  failed: number;
  /** Given up at flush time because the receiver had not answered yet. */
  abandoned: number;
  pending: number;
}

export interface Notifier {
  /** Subscribe with `recorder.listen((event, state) => notifier.listen(event, state))`. Never throws. */
  listen(event: RunEvent, state: RunState): void;
  /** Waits up to `timeoutMs` for pending sends, then abandons the rest. Never rejects. */
  flush(timeoutMs: number): Promise<NotifyStats>;
  stats(): NotifyStats;
}

/** Resolves after `ms`, or at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createNotifier(options: NotifierOptions): Notifier {
  const delivery: Delivery = { ...options.config.delivery, ...options.delivery };
  const logger = options.logger.child({ component: 'notify' });
  const now = options.now ?? (() => new Date());
  const track = createTriggerTracker();
  const senders = new Map<string, ChannelSender>();
  const queues = new Map<string, Promise<void>>();
  const inflight = new Set<Promise<void>>();
  const counts = { sent: 0, failed: 0, abandoned: 0 };
  let abort = new AbortController();

  const senderOf = (channel: Channel): ChannelSender => {
    let sender = senders.get(channel.name);
    if (!sender) {
      sender = createChannelSender(channel, options.secrets);
      senders.set(channel.name, sender);
    }
    return sender;
  };

  const record = async <T extends NotificationEventType>(type: T, data: RunEventData[T]) => {
    try {
      await options.emit(type, data);
    } catch (error) {
      // The journal is closed or failing: the run has bigger news; say it in the log only.
      logger.warn('notification outcome not journaled', { type, channel: data.channel, error: String(error) });
    }
  };

  async function deliver(sender: ChannelSender, trigger: NotifyTrigger, message: Promise<NotificationMessage>) {
    const { name, kind } = sender.channel;
    const signal = abort.signal;
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Rejects at once when the run has ended (flush gave up), before anything is sent.
        const built = await raceAbort(message, signal, `${kind} channel "${name}"`);
        await sender.send(built, { timeoutMs: delivery.timeout, signal });
        counts.sent += 1;
        logger.info('notification sent', { channel: name, kind, trigger, attempt });
        await record('notification.sent', { channel: name, kind, trigger, attempt });
        return;
      } catch (caught) {
        const error =
          caught instanceof NotifyError
            ? caught
            : new NotifyError('rejected', `${kind} channel "${name}": ${String(caught)}`, true);
        const final = error.permanent || attempt >= delivery.attempts || signal.aborted;
        const text = sender.redact(error.message);
        if (final) counts[error.code === 'abandoned' ? 'abandoned' : 'failed'] += 1;
        logger.warn('notification failed', { channel: name, kind, trigger, attempt, final, error: text });
        await record('notification.failed', { channel: name, kind, trigger, attempt, error: text, final });
        if (final) return;
        await pause(delivery.backoff[Math.min(attempt - 1, delivery.backoff.length - 1)]!, signal);
      }
    }
  }

  function enqueue(channel: Channel, trigger: NotifyTrigger, message: Promise<NotificationMessage>) {
    const sender = senderOf(channel);
    const previous = queues.get(channel.name) ?? Promise.resolve();
    const next = previous.then(() => deliver(sender, trigger, message)).catch(() => undefined);
    queues.set(channel.name, next);
    inflight.add(next);
    void next.finally(() => inflight.delete(next));
  }

  function notify(event: RunEvent, state: RunState) {
    for (const hit of track(event, state)) {
      const channels = options.config.channels.filter(
        (channel) => channelCovers(channel, state.environment) && triggersOf(channel).includes(hit.trigger),
      );
      if (channels.length === 0) continue;
      // The state object keeps changing as the run goes on: each message is made from this moment's copy.
      const snapshot = structuredClone(state);
      const at = now().toISOString();
      const report =
        hit.trigger === 'finished' && options.report
          ? Promise.resolve()
              .then(() => options.report!(snapshot))
              .catch((error: unknown) => {
                logger.warn('report not available for notifications', { error: String(error) });
                return undefined;
              })
          : Promise.resolve(undefined);
      const message = report.then((ref) =>
        messageFor(hit.trigger, snapshot, { context: hit.context, report: ref, at }),
      );
      message.catch(() => undefined); // each delivery reports it; an unobserved copy must not crash the process
      for (const channel of channels) enqueue(channel, hit.trigger, message);
    }
  }

  const stats = (): NotifyStats => ({ ...counts, pending: inflight.size });

  return {
    listen(event, state) {
      try {
        notify(event, state);
      } catch (error) {
        logger.error('notifications skipped for an event', { type: event.type, error: String(error) });
      }
    },
    async flush(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        // Sends queued while waiting (a finished event after a failure) are waited for too.
        while (inflight.size > 0) {
          const settled = Promise.allSettled([...inflight]).then(() => 'done' as const);
          if ((await Promise.race([settled, deadline])) === 'timeout') {
            abort.abort();
            await Promise.allSettled([...inflight]);
            abort = new AbortController();
            break;
          }
        }
      } finally {
        clearTimeout(timer);
      }
      return stats();
    },
    stats,
  };
}
