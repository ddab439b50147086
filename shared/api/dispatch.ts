import type { z } from 'zod';
import { isMethodName, type MethodName, methods } from './contract';
import { ApiError, type Envelope } from './errors';
import type { ApiHandlers, CallContext } from './handlers';

/** Turns a zod failure into one readable line per field: `path: message; other: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one server-side entry point of every transport: checks the method exists, validates the
 * payload against the contract, runs the handler and wraps the outcome. Never throws, so a bad
 * message from a window cannot take the host down.
 */
export async function dispatch(
  handlers: ApiHandlers,
  name: unknown,
  payload: unknown,
  context: CallContext,
  onInternalError?: (method: string, error: unknown) => void,
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: new ApiError('unknown-method', `unknown API method: ${String(name)}`).toData(),
    };
  }
  const parsed = methods[name].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: new ApiError('invalid-request', `${name}: ${describeIssues(parsed.error)}`, {
        method: name,
      }).toData(),
    };
  }
  try {
    const handler = handlers[name] as (req: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    onInternalError?.(name, error);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: new ApiError('internal', `${name as MethodName} failed: ${message}`).toData(),
    };
  }
}
