import { measured, type ProbeSample } from './probe-sample';

// Measured downtime: the longest stretch of consecutive failed or unanswered probes, from the first
// failure to the next success. A stretch still open when monitoring stops ends at that moment.
// Probes this machine held up (not measured) neither open, extend nor end a stretch.

export interface Downtime {
  ms: number;
  /** Epoch ms of the stretch's first failed probe; absent when no probe failed. */
  from?: number;
  /** Epoch ms of the success that ended it (or of the stop, if none came). */
  to?: number;
}

export interface DowntimeTracker {
  /** Samples in time order. */
  add(sample: ProbeSample): void;
  /** The longest stretch so far; an open stretch counts up to `now`. */
  result(now?: number): Downtime;
}

export function createDowntimeTracker(): DowntimeTracker {
  let openFrom: number | undefined;
  let lastAt: number | undefined;
  let longest: Downtime = { ms: 0 };

  const consider = (from: number, to: number): Downtime => {
    const candidate = { ms: Math.max(0, to - from), from, to };
    return candidate.ms > longest.ms || longest.from === undefined ? candidate : longest;
  };

  return {
    add(sample) {
      if (!measured(sample)) return;
      lastAt = sample.at;
      if (!sample.ok) {
        openFrom ??= sample.at;
        return;
      }
      if (openFrom !== undefined) {
        longest = consider(openFrom, sample.at);
        openFrom = undefined;
      }
    },
    result(now) {
      if (openFrom === undefined) return { ...longest };
      return consider(openFrom, Math.max(now ?? lastAt ?? openFrom, lastAt ?? openFrom));
    },
  };
}
