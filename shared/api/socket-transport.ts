import type { EventName, MethodName } from './contract';
import { ApiError, type Envelope } from './errors';
import type { ApiTransport, ConnectionStatus } from './transport';
import { ServerMessage } from './wire';

/**
 * A handler slot the transport assigns to. Declared in method form so its parameter is compared
 * both ways: the DOM's `(ev: MessageEvent) => any` and the `ws` package's handlers both fit.
 */
type Handler<E> = { handle(event: E): void }['handle'];

/** The few members of a WebSocket we use: the browser's and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<never> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<never> | null;
}

export interface SocketTransportOptions {
  url: string;
  connect: (url: string) => SocketLike;
  /** How long one call may wait for its answer, including while reconnecting. */
  callTimeoutMs?: number;
  /** Back-off between reconnect attempts grows to this. */
  maxRetryDelayMs?: number;
  /** The host's timers (shared/ sees neither the DOM's nor Node's globals). */
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

const OPEN = 1;

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
  timer: unknown;
  frame: string;
  sent: boolean;
}

/**
 * The browser host's transport: one WebSocket, reconnecting with back-off when it drops. Calls
 * made while it is down wait (up to their timeout) and go out when it is back; calls whose
 * answer was lost with the connection fail with `disconnected`, because resending a call that
 * may have run could do work twice.
 */
export function createSocketTransport(options: SocketTransportOptions): ApiTransport & {
  close(): void;
} {
  const setTimer = options.timers.set;
  const clearTimer = options.timers.clear;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: SocketLike | undefined;
  let nextId = 1;
  let retryDelay = 250;
  let closedByUs = false;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const settle = (id: number, envelope: Envelope<unknown>) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimer(call.timer);
    call.resolve(envelope);
  };

  const flush = () => {
    if (!socket || socket.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (call.sent) continue;
      call.sent = true;
      socket.send(call.frame);
    }
  };

  const onMessage = (raw: unknown) => {
    let parsed: ReturnType<typeof ServerMessage.safeParse>;
    try {
      parsed = ServerMessage.safeParse(JSON.parse(String(raw)));
    } catch {
      return; // not JSON: nothing we can attribute to a call
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'result') {
      if (message.id !== null) settle(message.id, message.envelope as Envelope<unknown>);
      return;
    }
    for (const listener of eventListeners.get(message.name) ?? []) listener(message.payload);
  };

  const open = () => {
    setStatus('connecting');
    const ws = options.connect(options.url);
    socket = ws;
    ws.onopen = () => {
      retryDelay = 250;
      setStatus('open');
      flush();
    };
    ws.onmessage = (event) => onMessage(event.data);
    ws.onerror = () => {}; // onclose follows and carries the code
    ws.onclose = () => {
      socket = undefined;
      // Answers to calls already sent are lost with the connection.
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        settle(id, {
          ok: false,
          error: new ApiError('disconnected', 'connection to the Release Pilot host was lost').toData(),
        });
      }
      if (closedByUs) {
        setStatus('closed');
        return;
      }
      setStatus('connecting');
      setTimer(open, retryDelay);
      retryDelay = Math.min(retryDelay * 2, maxRetryDelayMs);
    };
  };

  open();

  return {
    invoke(method: MethodName, payload: unknown) {
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'call', id, method, payload });
      return new Promise<Envelope<unknown>>((resolve) => {
        const timer = setTimer(() => {
          settle(id, {
            ok: false,
            error: new ApiError('timeout', `${method}: no answer from the host in ${callTimeoutMs} ms`).toData(),
          });
        }, callTimeoutMs);
        pending.set(id, { resolve, timer, frame, sent: false });
        flush();
      });
    },
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      socket?.close(1000, 'client closed');
      if (!socket) setStatus('closed');
    },
  };
}
