import type { ProbeSample } from './probe-sample';
import { type SampleSummary, summarizeSamples } from './summarize-samples';

// The last `windowMs` of probes, as the alert rules look at them. Samples arrive in time order, so
// old ones leave from the front; a head index instead of shift() keeps 100 probes/s cheap.

export interface SlidingWindow {
  add(sample: ProbeSample): void;
  /** Figures over (now - windowMs, now]; before a full window has passed, over the time seen so far. */
  summary(now: number): SampleSummary;
  /** Samples currently inside the window (after dropping those older than now - windowMs). */
  size(now: number): number;
}

export function createSlidingWindow(windowMs: number): SlidingWindow {
  if (!(windowMs > 0)) throw new RangeError(`a sliding window needs a positive length, got ${windowMs} ms`);
  let samples: ProbeSample[] = [];
  let head = 0;
  let firstAt: number | undefined;

  const prune = (now: number): void => {
    const cutoff = now - windowMs;
    while (head < samples.length && samples[head]!.at <= cutoff) head++;
    // Compact once the dead prefix dominates, so memory stays proportional to the window.
    if (head > 1024 && head * 2 > samples.length) {
      samples = samples.slice(head);
      head = 0;
    }
  };

  return {
    add(sample) {
      firstAt ??= sample.at;
      samples.push(sample);
    },
    summary(now) {
      prune(now);
      const live = head === 0 ? samples : samples.slice(head);
      // A window that began less than windowMs ago covers only the time since its first probe.
      const span = firstAt === undefined ? windowMs : Math.min(windowMs, Math.max(now - firstAt, 1));
      return summarizeSamples(live, span);
    },
    size(now) {
      prune(now);
      return samples.length - head;
    },
  };
}
