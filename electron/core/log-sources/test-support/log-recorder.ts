import { vi } from 'vitest';
import type { EventSink } from '../../../../shared/api/handlers';
import type { LogEndedPush, LogLinesPush } from '../../../../shared/api/schemas/log-sources';

/** Every `logs:line` and `logs:ended` an engine pushes, with waits for a line or an end. */
export function recordLogPushes(events: EventSink) {
  const pushes: LogLinesPush[] = [];
  const ends: LogEndedPush[] = [];
  const stop = events.subscribe((name, payload) => {
    if (name === 'logs:line') pushes.push(payload as LogLinesPush);
    if (name === 'logs:ended') ends.push(payload as LogEndedPush);
  });
  const linesOf = (followId: string, stream?: string) =>
    pushes.filter((p) => p.followId === followId && (!stream || p.stream === stream)).flatMap((p) => p.lines);
  return {
    pushes,
    ends,
    stop,
    linesOf,
    async waitForLine(followId: string, text: string | RegExp, timeout = 10_000): Promise<void> {
      await vi.waitFor(
        () => {
          const lines = linesOf(followId);
          if (!lines.some((l) => (typeof text === 'string' ? l.includes(text) : text.test(l)))) {
            throw new Error(`no line ${text} from ${followId} yet; got ${JSON.stringify(lines.slice(-10))}`);
          }
        },
        { timeout, interval: 25 },
      );
    },
    async waitForEnd(followId: string, timeout = 10_000): Promise<LogEndedPush> {
      return vi.waitFor(
        () => {
          const end = ends.find((e) => e.followId === followId);
          if (!end) throw new Error(`${followId} has not ended`);
          return end;
        },
        { timeout, interval: 25 },
      );
    },
  };
}
