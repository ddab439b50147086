import type { EventName, EventPayloadOf, MethodName, ParsedRequestOf, ResponseOf } from './contract';

/** Who is calling: transports fill this in so handlers can log and audit the origin. */
export interface CallContext {
  transport: 'ipc' | 'websocket' | 'direct';
}

/** What a host must implement: one handler per contract method, typed from the table. */
export type ApiHandlers = {
  [M in MethodName]: (request: ParsedRequestOf<M>, context: CallContext) => Promise<ResponseOf<M>>;
};

export type EventListener = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;

/** Fan-out of pushed events to every connected window or socket. */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

/**
 * One listener that throws (a window gone, a notification that cannot show) must not reach the
 * emitter — a run journaling an event — nor the other listeners: it is reported to `onError`.
 */
export function createEventHub(onError: (error: unknown, event: EventName) => void = () => {}): EventSink {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          onError(error, name);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
