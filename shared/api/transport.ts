import type { EventName, MethodName } from './contract';
import type { Envelope } from './errors';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/**
 * What carries calls and events between the renderer and the host. Electron IPC (through the
 * preload) and the browser host's WebSocket each implement it; the client above it is the same.
 */
export interface ApiTransport {
  invoke(method: MethodName, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Connection state, for transports that can lose their connection (WebSocket). */
  onStatus?(listener: (status: ConnectionStatus) => void): () => void;
}
