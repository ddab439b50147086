import {
  type EventName,
  type EventPayloadOf,
  type MethodName,
  type Methods,
  methodNames,
  type RequestOf,
  type ResponseOf,
} from './contract';
import { ApiError } from './errors';
import type { ApiTransport, ConnectionStatus } from './transport';

type AreaOf<K> = K extends `${infer A}:${string}` ? A : never;

/** Methods whose request is empty (`query` in the contract) are called with no argument. */
type CallArgs<M extends MethodName> = Methods[M]['takesNothing'] extends true
  ? [request?: RequestOf<M>]
  : [request: RequestOf<M>];

export type ApiClient = {
  [A in AreaOf<MethodName>]: {
    [M in MethodName as M extends `${A}:${infer V}` ? V : never]: (...args: CallArgs<M>) => Promise<ResponseOf<M>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
};

/**
 * Builds `api.projects.open({ path })` and friends from the contract table, over any transport.
 * Failures arrive as ApiError with the code the host chose.
 */
export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Record<string, unknown> = {
    on: (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener),
    onStatus: (listener: (status: ConnectionStatus) => void) =>
      transport.onStatus ? transport.onStatus(listener) : () => {},
  };
  for (const name of methodNames) {
    const [area, verb] = name.split(':') as [string, string];
    const group = (client[area] ?? {}) as Record<string, unknown>;
    client[area] = group;
    group[verb] = async (request?: unknown) => {
      const envelope = await transport.invoke(name, request ?? {});
      if (!envelope.ok) throw ApiError.from(envelope.error);
      return envelope.value;
    };
  }
  return client as ApiClient;
}
