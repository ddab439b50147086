import { setTimeout as sleep } from 'node:timers/promises';
import { hostDelayLimit, startHostLag } from '../monitor/host-lag';
import { versionReader } from '../monitor/version-reader';

// What a rollback's "is it serving again?" check asks: the probed URL, until it answers healthy
// (2xx/3xx) a number of times in a row, each answer from the expected version where one is asked
// for. A streak, not one answer: the first answer after a proxy switch proves little.

/** Consecutive answers a revert needs before it counts as serving again. */
export const servingStreak = 10;

export interface ServingExpectation {
  url: string;
  /** The version that must answer, read per `versionSource` (monitoring.probes.version). */
  version?: string;
  versionSource?: string;
}

export interface StreakResult {
  ok: boolean;
  /** Answers in a row that met the expectation, at the end. */
  streak: number;
  /** The last answer, in words ("HTTP 500", "v3 answered", "connection refused"), for the reason shown. */
  last?: string;
}

/** Asks `url` until it answers as expected `servingStreak` times in a row (ok), or `timeoutMs` passes. */
export async function awaitServing(
  expect: ServingExpectation,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<StreakResult> {
  const reader = expect.version !== undefined ? versionReader(expect.versionSource ?? 'header:x-version') : undefined;
  const deadline = Date.now() + timeoutMs;
  let streak = 0;
  let last: string | undefined;
  // A request that failed while this machine held our loop up says nothing of the app (see
  // monitoring in docs/environments.md): it neither counts toward the streak nor breaks it.
  const hostLag = startHostLag();
  try {
    while (Date.now() < deadline && !signal.aborted) {
      const asked = performance.now();
      try {
        const response = await fetch(expect.url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
        const body = await response.text();
        if (!response.ok) {
          last = `HTTP ${response.status}`;
          streak = 0;
        } else if (reader) {
          const answered = reader.read(Object.fromEntries(response.headers.entries()), body);
          last = answered === undefined ? 'no version in the answer' : `${answered} answered`;
          streak = answered === expect.version ? streak + 1 : 0;
        } else {
          last = `HTTP ${response.status}`;
          streak++;
        }
      } catch (error) {
        last = reasonOf(error);
        if (hostLag.worstSince(asked) <= hostDelayLimit(2000)) streak = 0;
      }
      if (streak >= servingStreak) return { ok: true, streak, last };
      await sleep(50);
    }
    return { ok: false, streak, last };
  } finally {
    hostLag.stop();
  }
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  if (cause === 'ECONNREFUSED') return 'connection refused';
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within 2 s';
  return error instanceof Error ? error.message : String(error);
}
