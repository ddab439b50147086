import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { dispatch } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import type { ApiHandlers, EventSink } from '../../shared/api/handlers';
import { CallMessage, closeCodes } from '../../shared/api/wire';
import type { Logger } from '../core/ports';

const maxFrameBytes = 1024 * 1024;
const heartbeatMs = 30_000;

/**
 * The API over one WebSocket per window: calls answered by id, events pushed to every socket.
 * A malformed frame is answered with `invalid-request` and the socket stays open.
 */
export function createSocketApi(handlers: ApiHandlers, events: EventSink, logger: Logger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  const alive = new WeakMap<WebSocket, boolean>();

  const unsubscribe = events.subscribe((name, payload) => {
    const frame = JSON.stringify({ kind: 'event', name, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
  });

  // Drops sockets whose peer vanished without a close (laptop lid shut, tab killed).
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  const answer = (socket: WebSocket, id: number | null, envelope: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ kind: 'result', id, envelope }));
  };

  wss.on('connection', (socket: WebSocket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    socket.on('message', async (data, isBinary) => {
      let message: CallMessage;
      try {
        if (isBinary) throw new Error('binary frames are not part of the protocol');
        const parsed = CallMessage.safeParse(JSON.parse(data.toString()));
        if (!parsed.success) throw new Error('expected {kind:"call", id, method, payload}');
        message = parsed.data;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        answer(socket, null, {
          ok: false,
          error: new ApiError('invalid-request', `malformed frame: ${reason}`).toData(),
        });
        return;
      }
      const envelope = await dispatch(
        handlers,
        message.method,
        message.payload,
        { transport: 'websocket' },
        (method, error) =>
          logger.error('API handler failed', { method, error: String(error), stack: (error as Error)?.stack }),
      );
      answer(socket, message.id, envelope);
    });
  });

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    get clientCount() {
      return wss.clients.size;
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const client of wss.clients) client.close(closeCodes.hostShutdown, 'host shutting down');
      wss.close();
    },
  };
}
