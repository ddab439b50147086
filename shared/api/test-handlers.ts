import { methodNames } from './contract';
import { ApiError } from './errors';
import type { ApiHandlers } from './handlers';

/**
 * For tests of the API plumbing: handlers that answer only what a test gives them and refuse
 * every other method with `not-implemented`, so a test states just the methods it exercises.
 */
export function handlersWith(overrides: Partial<ApiHandlers>): ApiHandlers {
  const refuse = async () => {
    throw new ApiError('not-implemented', 'not in this test');
  };
  const all = Object.fromEntries(methodNames.map((name) => [name, refuse])) as unknown as ApiHandlers;
  return { ...all, ...overrides };
}
