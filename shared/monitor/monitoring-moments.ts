import { Cutover, MonitoredRollback, type RunMonitoring } from '../api/schemas/monitoring';
import type { RunEvent } from '../runs/run-event';

// The journal lines that mark a moment on the monitoring charts and headline.

/**
 * The moments the charts mark: a traffic switch (a cutover), a rollback starting and ending. Used by the
 * host reading a journal and by the renderer folding a live run's pushes, so both agree.
 */
export function momentOf(
  event: RunEvent,
  rollback: RunMonitoring['rollback'],
): { cutover?: Cutover; rollback?: RunMonitoring['rollback'] } | undefined {
  if (event.type === 'traffic.switched') {
    const parsed = Cutover.safeParse({ at: event.at, where: event.data.where });
    return parsed.success ? { cutover: parsed.data } : undefined;
  }
  if (event.type === 'rollback.started') {
    const parsed = MonitoredRollback.safeParse({ ...event.data, at: event.at });
    return parsed.success ? { rollback: parsed.data } : undefined;
  }
  if (event.type === 'rollback.finished' && rollback && typeof event.data.ok === 'boolean') {
    return { rollback: { ...rollback, endedAt: event.at, ok: event.data.ok } };
  }
  return undefined;
}
