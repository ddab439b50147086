import type { RunEvent } from '../runs/run-event';
import type { RunEventData, RunEventType } from '../runs/run-events';

// A journal may come from a newer app or have been edited by hand: the report reads every field
// defensively, so a missing or mistyped field shows as a dash, never as a crash.

export type Fields<T extends RunEventType> = Partial<RunEventData[T]>;

/** The event's data typed for its type (fields may still be missing). */
export function fieldsOf<T extends RunEventType>(event: RunEvent, _type: T): Fields<T> {
  return event.data as Fields<T>;
}

export function text(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function errorText(error: unknown): string {
  const record = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = text(record.message, 'unknown error');
  const code = text(record.code);
  return code ? `${message} (${code})` : message;
}
