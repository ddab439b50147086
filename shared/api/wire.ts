import { z } from 'zod';
import { errorCodes } from './errors';

// Messages on the browser host's single WebSocket. Calls carry an id the answer echoes; events
// carry no id. Both sides parse with these schemas, so a malformed frame is answered, not crashed on.

export const CallMessage = z.object({
  kind: z.literal('call'),
  id: z.number().int().min(0),
  method: z.string(),
  payload: z.unknown().optional(),
});
export type CallMessage = z.infer<typeof CallMessage>;

const ErrorDataSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ResultMessage = z.object({
  kind: z.literal('result'),
  id: z.number().int().min(0).nullable(),
  envelope: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: ErrorDataSchema }),
  ]),
});
export type ResultMessage = z.infer<typeof ResultMessage>;

export const EventMessage = z.object({
  kind: z.literal('event'),
  name: z.string(),
  payload: z.unknown(),
});
export type EventMessage = z.infer<typeof EventMessage>;

export const ServerMessage = z.discriminatedUnion('kind', [ResultMessage, EventMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Close codes the host uses; 4xxx is the range WebSocket leaves to applications. */
export const closeCodes = {
  unauthorized: 4401,
  forbiddenOrigin: 4403,
  hostShutdown: 4000,
} as const;
