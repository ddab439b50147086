// When the browser host's WebSocket will not open, the browser cannot say why: a refused upgrade
// (wrong token: HTTP 401) and a host that is not running both end as close code 1006. A plain
// HTTP request to the same host can tell them apart, so the page asks it now and then while the
// socket is down. This module is the pure part: what an answer means and when to ask next.

/** What one probe request came back with. */
export type ProbeAnswer = { kind: 'status'; status: number } | { kind: 'network-error' } | { kind: 'timeout' };

/**
 * What the page knows about its host while the socket is down.
 * - `unknown`: not asked yet, or the answer said nothing (it hung);
 * - `reachable`: the host answers and admits this page's token, so the socket should come back;
 * - `not-running`: nothing answers on this address;
 * - `token-refused`: a host answers here but refuses this page's token (it was restarted).
 */
export type HostVerdict = 'unknown' | 'reachable' | 'not-running' | 'token-refused';

export function hostVerdict(answer: ProbeAnswer): HostVerdict {
  if (answer.kind === 'network-error') return 'not-running';
  if (answer.kind === 'timeout') return 'unknown';
  // 401 is the host's "missing or wrong token"; 403 its "not for this page" (Host, origin).
  if (answer.status === 401 || answer.status === 403) return 'token-refused';
  return 'reachable';
}

/** A rejected fetch: our own time limit, or no answer at all (connection refused, reset). */
export function answerFromFailure(error: unknown): ProbeAnswer {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError'
    ? { kind: 'timeout' }
    : { kind: 'network-error' };
}

/** How long one probe may take before its answer counts as none. */
export const probeTimeoutMs = 4_000;

const firstProbeMs = 1_000;
const maxProbeIntervalMs = 5_000;

/**
 * Wait before probe number `attempt` (0 = the first). The first waits a moment, because a socket
 * that is merely slow to open (or a blip it recovers from) needs no probe; then the interval
 * doubles up to a few seconds, the pace at which the socket itself retries.
 */
export function probeDelayMs(attempt: number): number {
  return Math.min(firstProbeMs * 2 ** Math.max(0, attempt), maxProbeIntervalMs);
}
