import { readNotificationsConfig } from '../notify/load-notifications';
import { createNotifier, type NotifierOptions } from '../notify/notifier';
import type { Logger } from '../ports';
import type { SecretsPort } from '../secrets/secrets-port';
import type { RunRecorder } from './run-recorder';

// Stakeholder notifications for one run: subscribed before `run.started` so the start is told,
// flushed (for a bounded time) after the end so the last message goes out before the journal closes.
// A missing or broken notifications.yml never stops a deployment: the run says so and goes on.

export interface RunNotifications {
  flush(): Promise<void>;
}

const flushTimeoutMs = 15_000;

export async function attachNotifier(
  projectRoot: string,
  recorder: RunRecorder,
  secrets: SecretsPort,
  logger: Logger,
  warn: (line: string) => void,
  report?: NotifierOptions['report'],
): Promise<RunNotifications> {
  let config: Awaited<ReturnType<typeof readNotificationsConfig>>;
  try {
    config = await readNotificationsConfig(projectRoot);
  } catch (error) {
    warn(`notifications are off for this run: ${(error as Error).message}`);
    return { flush: async () => undefined };
  }
  if (config.channels.length === 0) return { flush: async () => undefined };
  const notifier = createNotifier({ config, secrets, emit: recorder.emit, logger, report });
  const unsubscribe = recorder.listen((event, state) => notifier.listen(event, state));
  return {
    async flush() {
      await notifier.flush(flushTimeoutMs);
      unsubscribe();
    },
  };
}
