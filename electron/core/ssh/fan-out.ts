export type HostOutcome<H, T> =
  | { host: H; status: 'fulfilled'; value: T; durationMs: number }
  | { host: H; status: 'rejected'; error: unknown; durationMs: number };

export interface FanOutOptions {
  /** How many hosts run at once (at least 1). */
  concurrency: number;
  /** When aborted, hosts not yet started are rejected as cancelled instead of started. */
  signal?: AbortSignal;
}

/**
 * Runs fn for every host, at most `concurrency` at a time, and returns one outcome per host in
 * the hosts' order. It never throws for a host: every host's error is kept, because a release
 * manager needs to know which of twenty hosts failed and why, not just that one did.
 */
export async function runOnHosts<H, T>(
  hosts: readonly H[],
  fn: (host: H, index: number) => Promise<T>,
  options: FanOutOptions,
): Promise<HostOutcome<H, T>[]> {
  const { concurrency, signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }
  const outcomes = new Array<HostOutcome<H, T>>(hosts.length);
  let next = 0;
  const worker = async () => {
    while (next < hosts.length) {
      const index = next++;
      const host = hosts[index]!;
      const started = Date.now();
      if (signal?.aborted) {
        const error = signal.reason instanceof Error ? signal.reason : new Error('cancelled before this host started');
        outcomes[index] = { host, status: 'rejected', error, durationMs: 0 };
        continue;
      }
      try {
        const value = await fn(host, index);
        outcomes[index] = { host, status: 'fulfilled', value, durationMs: Date.now() - started };
      } catch (error) {
        outcomes[index] = { host, status: 'rejected', error, durationMs: Date.now() - started };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, hosts.length) }, worker));
  return outcomes;
}
