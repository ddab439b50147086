import type { RunEventData, RunEventType } from '../../../../shared/runs/run-events';
import type { MonitorEmit } from '../run-monitor';

// What the run monitor journaled, in order, with the wall time each event was emitted.

export interface RecordedEvent {
  type: RunEventType;
  data: Record<string, unknown>;
  at: number;
}

export function recordEvents(): {
  emit: MonitorEmit;
  events: RecordedEvent[];
  of<T extends RunEventType>(type: T): RunEventData[T][];
} {
  const events: RecordedEvent[] = [];
  const emit: MonitorEmit = async (type, data) => {
    events.push({ type, data: data as unknown as Record<string, unknown>, at: Date.now() });
  };
  const of = <T extends RunEventType>(type: T): RunEventData[T][] =>
    events.filter((e) => e.type === type).map((e) => e.data as unknown as RunEventData[T]);
  return { emit, events, of };
}
