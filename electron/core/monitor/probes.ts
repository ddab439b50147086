import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { hostDelayLimit, startHostLag } from './host-lag';
import { MonitorError } from './monitor-error';
import { createProbeConnections } from './probe-connections';
import { ProbeCall, probeRequestBytes } from './probe-request';
import { versionReader } from './version-reader';

// Synthetic probes at a steady rate. Slot k is due at start + k/rate (absolute time, so timer
// lateness never accumulates into drift); answers arrive out of order but samples are delivered
// in the order sent, because downtime is a stretch of consecutive probes.
// Probes speak HTTP/1.1 on pooled keep-alive sockets (probe-connections.ts, http-response-parser.ts)
// instead of node:http: at 100 probes/s node:http alone measured 5.2–6.4 % of a core here, over
// the 5 % probes may cost; the lean client measured about half of that (scripts/bench/probes.ts).
// The monitor judges the app, not this machine: a slot whose send came due while our event loop
// was held up past hostDelayLimit is not sent but delivered as "not measured", a timeout is declared
// only after reading what already arrived, and probe-request.ts says which outcomes were ours.

export interface ProbeOptions {
  url: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** header:<name>, json:<field> or body (monitoring.probes.version). */
  version?: string;
  signal?: AbortSignal;
  /** Cap on unanswered requests; a due probe beyond it counts as unanswered. Default: rate × timeout + 1. */
  maxInFlight?: number;
  onSample(sample: ProbeSample): void;
  /** Epoch ms for samples' `at`; tests and the run monitor share one clock. */
  now?: () => number;
}

export interface ProbeStats {
  sent: number;
  delivered: number;
  inFlight: number;
  /** Due probes not sent because maxInFlight requests were still waiting (counted as unanswered). */
  notSent: number;
  /** Slots dropped after the process stalled for over a second (ours, not the server's, so not counted). */
  resynced: number;
  /** Samples delivered as not measured (this machine held them up); resynced slots among them. */
  notMeasured: number;
  /** TCP (or TLS) connections opened: keep-alive keeps this to a handful. */
  connections: number;
}

export interface Probes {
  readonly url: string;
  stats(): ProbeStats;
  /** Stops sending, ends requests still waiting (their samples are dropped) and delivers the rest. */
  stop(): Promise<void>;
}

/** A stall longer than this (a suspended laptop, a blocked loop) restarts the schedule. */
const MAX_CATCH_UP_MS = 1000;

export function startProbes(options: ProbeOptions): Probes {
  const url = checkedUrl(options.url);
  const { ratePerSecond: rate, timeoutMs } = options;
  if (!(rate > 0 && rate <= 1000)) invalid(`probe rate ${rate}/s: use more than 0 and at most 1000`, 'rate');
  if (!(timeoutMs > 0)) invalid(`probe timeout ${timeoutMs} ms: use more than 0`, 'timeout');
  const version = versionReader(options.version ?? 'header:x-version');
  const maxInFlight = options.maxInFlight ?? Math.ceil((rate * timeoutMs) / 1000) + 1;
  const now = options.now ?? Date.now;
  // Keep-alive connections, at most one per probe in flight (maxInFlight caps both).
  const connections = createProbeConnections(url);
  const hostLag = startHostLag();
  const delayLimitMs = hostDelayLimit(timeoutMs);
  const target = { connections, request: probeRequestBytes(url), timeoutMs, version, hostLag, delayLimitMs };

  const interval = 1000 / rate;
  const start = performance.now();
  const stats: Omit<ProbeStats, 'connections'> = {
    sent: 0,
    delivered: 0,
    inFlight: 0,
    notSent: 0,
    resynced: 0,
    notMeasured: 0,
  };
  // In send order, so the first entry not yet ended has the earliest deadline.
  const waiting = new Map<number, ProbeCall>();
  const ended = new Set<ProbeCall>();
  const ready = new Map<number, ProbeSample | null>();
  let nextSlot = 0;
  let nextToDeliver = 0;
  let timer: NodeJS.Timeout | undefined;
  let deadlineTimer: NodeJS.Timeout | undefined;
  let halted = false;
  let drained: (() => void) | undefined;
  let stopped: Promise<void> | undefined;

  const deliver = (): void => {
    while (ready.has(nextToDeliver)) {
      const sample = ready.get(nextToDeliver);
      ready.delete(nextToDeliver++);
      if (!sample) continue;
      stats.delivered++;
      if (sample.notMeasured !== undefined) stats.notMeasured++;
      try {
        options.onSample(sample);
      } catch {
        // A listener's bug must not stop the probes that guard a deployment.
      }
    }
  };

  // One timer for every probe's timeout: all share one length and are sent in order, so only the
  // oldest unanswered probe's deadline matters. In steady state it wakes once per timeout.
  const armDeadline = (): void => {
    if (deadlineTimer || halted) return;
    for (const call of waiting.values()) {
      if (ended.has(call)) continue;
      deadlineTimer = setTimeout(expire, Math.max(0, call.deadline - performance.now()));
      return;
    }
  };
  // Timers run before the loop reads sockets: after a hold-up, an answer that arrived in time may
  // still wait unread. setImmediate runs after that read, so only a probe with no answer times out.
  const expire = (): void => {
    deadlineTimer = undefined;
    const at = performance.now();
    const due: ProbeCall[] = [];
    for (const call of waiting.values()) {
      if (call.deadline > at) break;
      if (ended.has(call)) continue;
      ended.add(call);
      due.push(call);
    }
    if (due.length > 0)
      setImmediate(() => {
        for (const call of due) call.end('timeout');
      });
    armDeadline();
  };

  const notMeasured = (slot: number, at: number, why: string): void => {
    ready.set(slot, { at, ok: false, notMeasured: why });
  };

  const fire = (slot: number): void => {
    const at = now();
    // Due while our loop was held up: sent now it would measure this machine, not the app.
    const late = performance.now() - (start + slot * interval);
    if (late > delayLimitMs) {
      notMeasured(slot, at, `not sent: due ${Math.round(late)} ms earlier, while this machine was busy`);
      deliver();
      return;
    }
    if (stats.inFlight >= maxInFlight) {
      stats.notSent++;
      ready.set(slot, { at, ok: false, error: `not sent: ${maxInFlight} probes still waiting for an answer` });
      deliver();
      return;
    }
    stats.sent++;
    stats.inFlight++;
    const call: ProbeCall = new ProbeCall(target, at, (sample) => {
      stats.inFlight--;
      waiting.delete(slot);
      ended.delete(call);
      ready.set(slot, halted ? null : sample);
      deliver();
      if (waiting.size === 0) drained?.();
    });
    // A connection refused synchronously is still reported asynchronously, so the call is waiting here.
    waiting.set(slot, call);
    armDeadline();
  };

  const tick = (): void => {
    timer = undefined;
    if (halted) return;
    const elapsed = performance.now() - start;
    if (elapsed - nextSlot * interval > MAX_CATCH_UP_MS) {
      const skipTo = Math.floor(elapsed / interval);
      stats.resynced += skipTo - nextSlot;
      const at = now();
      while (nextSlot < skipTo) notMeasured(nextSlot++, at, 'not sent: this machine stalled for over a second');
      deliver();
    }
    while (nextSlot * interval <= elapsed) fire(nextSlot++);
    timer = setTimeout(tick, Math.max(0, start + nextSlot * interval - performance.now()));
  };

  const stop = (): Promise<void> => {
    halted = true;
    stopped ??= (async () => {
      if (timer) clearTimeout(timer);
      if (deadlineTimer) clearTimeout(deadlineTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const idle = new Promise<void>((resolve) => {
        drained = resolve;
      });
      for (const call of waiting.values()) call.end('cancel');
      if (waiting.size > 0) await idle;
      deliver();
      connections.closeAll();
      hostLag.stop();
    })();
    return stopped;
  };
  const onAbort = (): void => void stop();

  if (options.signal?.aborted) {
    void stop();
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
    tick();
  }
  return { url: url.href, stats: () => ({ ...stats, connections: connections.opened() }), stop };
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(`probe URL "${text}" is not a URL: write e.g. http://127.0.0.1:8080/health`, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(`probe URL "${text}" is not http(s): write e.g. http://127.0.0.1:8080/health`, 'url');
  }
  return url;
}

function invalid(message: string, field: string): never {
  throw new MonitorError('invalid-probe', message, { field: `monitoring.probes.${field}` });
}
