// How far behind this process's event loop runs, moment by moment, so a probe can tell the app
// being slow from this machine being slow. A timer due every TICK_MS notes how much later than due
// it ran (what node:perf_hooks' monitorEventLoopDelay measures too, but that gives one histogram
// for a whole stretch, and a probe needs to know about the stretch it lived through). A hold-up
// still going on when asked (the timer not yet run) counts as well.

const TICK_MS = 20;
/** Hold-ups older than this are forgotten; a probe never looks further back than its timeout. */
const KEEP_MS = 10 * 60_000;
/** Lateness below this is a timer's ordinary jitter, not worth keeping. */
const NOTED_MS = 2;

export interface HostLag {
  /** The longest hold-up of the event loop (ms) at any moment from `since` (performance.now()) until now. */
  worstSince(since: number): number;
  /**
   * All hold-ups since `since` added up: a machine starved of CPU delays the loop in many short
   * stretches, none long on its own, that together still cost a probe its timeout.
   */
  totalSince(since: number): number;
  stop(): void;
}

/**
 * The hold-up beyond which a probe no longer measures the app: a quarter of its timeout, at most
 * 100 ms. Below it a timer's lateness neither turns a timely answer into a timeout nor moves a
 * latency by more than the rules can tell apart; above it the probe says "not measured".
 */
export function hostDelayLimit(timeoutMs: number): number {
  return Math.min(100, timeoutMs / 4);
}

export function startHostLag(): HostLag {
  // Each hold-up as (the moment it ended, how long it was), in time order.
  let ends: number[] = [];
  let lengths: number[] = [];
  let head = 0;
  let last = performance.now();

  const timer = setInterval(() => {
    const at = performance.now();
    const late = at - last - TICK_MS;
    last = at;
    if (late >= NOTED_MS) {
      ends.push(at);
      lengths.push(late);
    }
    while (head < ends.length && ends[head]! < at - KEEP_MS) head++;
    if (head > 1024 && head * 2 > ends.length) {
      ends = ends.slice(head);
      lengths = lengths.slice(head);
      head = 0;
    }
  }, TICK_MS);
  // Never the reason the process stays up.
  timer.unref();

  return {
    worstSince(since) {
      // A hold-up going on right now: the timer is overdue.
      let worst = Math.max(0, performance.now() - last - TICK_MS);
      // A hold-up that ended after `since` overlapped the stretch asked about.
      for (let i = ends.length - 1; i >= head && ends[i]! > since; i--) worst = Math.max(worst, lengths[i]!);
      return worst;
    },
    totalSince(since) {
      let total = Math.max(0, performance.now() - last - TICK_MS);
      for (let i = ends.length - 1; i >= head && ends[i]! > since; i--) total += lengths[i]!;
      return total;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
