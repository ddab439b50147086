import type { RunEvent } from '../../../shared/runs/run-event';
import type { RunEventData, RunEventType } from '../../../shared/runs/run-events';
import { applyRunEvent, type RunState } from '../../../shared/runs/run-state';

// The one way a run records anything: append to the journal (durable before the promise resolves,
// so an action is on disk before it starts), fold into the live state, then tell listeners.

export interface JournalAppender {
  append(type: string, data: Record<string, unknown>): Promise<RunEvent>;
}

export type RunListener = (event: RunEvent, state: RunState) => void;

export interface RunRecorder {
  readonly state: RunState;
  emit<T extends RunEventType>(type: T, data: RunEventData[T]): Promise<RunEvent>;
  listen(listener: RunListener): () => void;
}

export function createRunRecorder(journal: JournalAppender, state: RunState): RunRecorder {
  const listeners = new Set<RunListener>();
  return {
    state,
    async emit(type, data) {
      const event = await journal.append(type, data as unknown as Record<string, unknown>);
      applyRunEvent(state, event);
      for (const listener of listeners) {
        try {
          listener(event, state);
        } catch {
          // A broken listener (a closed window) must never stop a deployment.
        }
      }
      return event;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
