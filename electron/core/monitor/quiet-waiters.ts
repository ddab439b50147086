// Strategies waiting out an analysis window: each resolves when its time is up, and all reject at
// once when the monitor has a reason to stop them (a rollback rule fired, monitoring stopped).

export interface QuietWaiters {
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  /** Rejects every current waiter with `error`; later waiters are the caller's to refuse. */
  fail(error: Error): void;
  /** The error of the first fail(), for callers that refuse later waiters with it. */
  lastError(): Error | undefined;
}

export function createQuietWaiters(): QuietWaiters {
  const waiting = new Set<(error: Error) => void>();
  let first: Error | undefined;
  return {
    wait(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        const settle = (error?: Error): void => {
          clearTimeout(timer);
          waiting.delete(fail);
          signal?.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve();
        };
        const fail = (error: Error): void => settle(error);
        const onAbort = (): void =>
          settle(signal?.reason instanceof Error ? signal.reason : new Error('the analysis window was cancelled'));
        const timer = setTimeout(() => settle(), ms);
        waiting.add(fail);
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    fail(error) {
      first ??= error;
      for (const reject of [...waiting]) reject(error);
    },
    lastError: () => first,
  };
}
