/**
 * The error of the given type a promise rejects with. Success, or an error of another type, fails
 * the test and says what came instead, so `expect((await rejectionOf(…)).code)` cannot pass by accident.
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`);
  return error;
}
