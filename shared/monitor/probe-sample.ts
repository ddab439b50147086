// One synthetic probe as the aggregators see it. Pure data, so the same figures come out of the
// engine, the report and the unit tests.

export interface ProbeSample {
  /** When the probe was sent, epoch milliseconds. Samples reach the aggregators in this order. */
  at: number;
  /** The server answered with a success status (2xx/3xx) in time. */
  ok: boolean;
  /** Time to the full answer; absent when nothing came back (refused, timed out, reset). */
  latencyMs?: number;
  /** HTTP status; absent when nothing came back. */
  status?: number;
  /** Which version answered (header, JSON field or body, as configured). */
  version?: string;
  /** Why the probe failed, in words (e.g. "connection refused"). */
  error?: string;
  /**
   * Why this probe says nothing about the app: this machine held it up (sent late, or its request
   * left late and it timed out). It is left out of every figure and rule and counted apart.
   */
  notMeasured?: string;
  /** The answer waited this long in our own read (a busy event loop): its status counts, its latency does not. */
  readLateMs?: number;
}

/** An answer came back, whatever its status: the request counts for throughput and latency. */
export function answered(sample: ProbeSample): boolean {
  return sample.status !== undefined;
}

/** The probe measured the app (see notMeasured): only these count in figures, downtime and rules. */
export function measured(sample: ProbeSample): boolean {
  return sample.notMeasured === undefined;
}
