import { CodedError } from '../lib/coded-error';

// A status page or a connection test must answer even when a host swallows packets: every remote
// look-up gets a time limit, and running out of it is an answer ("no answer within 5 s"), not a hang.

export class TimeBoxError extends CodedError<'timeout'> {}

/**
 * Resolves with `work`'s result, or rejects with a TimeBoxError naming `what` once `ms` have passed.
 * The work is not cancelled (the caller closes what it opened); its late result or error is dropped.
 */
export function timeBox<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeBoxError('timeout', `${what}: no answer within ${seconds(ms)}`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** `5 s`, `1.5 s`, `800 ms`: how people read a short limit. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** The message of anything thrown, for a warning line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
