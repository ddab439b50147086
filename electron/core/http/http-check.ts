import { describeFetchFailure } from './fetch-failure';
import { HttpCheckError } from './http-check-error';
import {
  describeStatusExpectation,
  type HttpCheckOptions,
  type HttpCheckPlan,
  planHttpCheck,
  statusAccepted,
} from './http-check-plan';
import { rawHttpRequest } from './raw-http-request';

export interface HttpAttempt {
  ok: boolean;
  status?: number;
  latencyMs: number;
  /** Why the attempt failed: every unmet expectation, or the transport failure. */
  error?: string;
  bodySnippet: string;
}

export interface HttpCheckResult {
  ok: boolean;
  attempts: HttpAttempt[];
  final: HttpAttempt;
  /** "GET http://…/health: status 503, expected 200 (3 attempts)" or "…: 200 in 12 ms". */
  message: string;
}

export interface HttpCheckCallbacks {
  signal?: AbortSignal;
  /** Called after each attempt, so a UI can show "attempt 2 of 4: connection refused" live. */
  onAttempt?(attempt: HttpAttempt, index: number, plan: HttpCheckPlan): void;
}

/** Enough for any health or version page; a larger body is cut, not buffered whole. */
export const bodyCapBytes = 64 * 1024;
const snippetChars = 300;

export async function httpCheck(options: HttpCheckOptions & HttpCheckCallbacks): Promise<HttpCheckResult> {
  return runHttpCheck(planHttpCheck(options), options);
}

export async function runHttpCheck(plan: HttpCheckPlan, callbacks: HttpCheckCallbacks = {}): Promise<HttpCheckResult> {
  const { signal, onAttempt } = callbacks;
  const attempts: HttpAttempt[] = [];
  for (let index = 0; index <= plan.retries; index++) {
    if (index > 0) await pause(plan.intervalMs, signal, plan);
    throwIfAborted(signal, plan);
    const attempt = await attemptOnce(plan, signal);
    attempts.push(attempt);
    onAttempt?.(attempt, index, plan);
    if (attempt.ok) break;
  }
  const final = attempts.at(-1)!;
  const count = attempts.length > 1 ? ` (${attempts.length} attempts)` : '';
  const outcome = final.ok ? `${final.status} in ${final.latencyMs} ms` : final.error;
  return { ok: final.ok, attempts, final, message: `${plan.method} ${plan.displayUrl}: ${outcome}${count}` };
}

async function attemptOnce(plan: HttpCheckPlan, signal: AbortSignal | undefined): Promise<HttpAttempt> {
  const timeout = AbortSignal.timeout(plan.timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    // Not fetch: it refuses the bare-LF head lines of busybox httpd CGI answers that curl accepts.
    const response = await rawHttpRequest({
      method: plan.method,
      url: plan.url,
      headers: plan.headers,
      body: plan.body,
      followRedirects: plan.followRedirects,
      keepBody: bodyCapBytes + 1,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const whole = Buffer.from(response.body);
    const truncated = whole.byteLength > bodyCapBytes;
    const text = truncated ? new TextDecoder().decode(whole.subarray(0, bodyCapBytes)) : response.body;
    // Latency covers the body too: a page that sends headers fast and stalls is still slow.
    const latencyMs = elapsed();
    const problems = unmetExpectations(plan, response.status, latencyMs, text, truncated);
    const attempt: HttpAttempt = {
      ok: problems.length === 0,
      status: response.status,
      latencyMs,
      bodySnippet: text.slice(0, snippetChars),
    };
    if (problems.length > 0) attempt.error = problems.join('; ');
    return attempt;
  } catch (error) {
    throwIfAborted(signal, plan);
    return { ok: false, latencyMs: elapsed(), error: describeFetchFailure(error, plan.timeoutMs), bodySnippet: '' };
  }
}

function unmetExpectations(plan: HttpCheckPlan, status: number, latencyMs: number, body: string, truncated: boolean) {
  const problems: string[] = [];
  if (!statusAccepted(plan.expectStatus, status)) {
    problems.push(`status ${status}, expected ${describeStatusExpectation(plan.expectStatus)}`);
  }
  if (plan.maxLatencyMs !== undefined && latencyMs > plan.maxLatencyMs) {
    problems.push(`latency ${latencyMs} ms > ${plan.maxLatencyMs} ms`);
  }
  const within = truncated ? ` (in the first ${bodyCapBytes / 1024} KB)` : '';
  if (plan.expectBodyContains !== undefined && !body.includes(plan.expectBodyContains)) {
    problems.push(`body does not contain ${JSON.stringify(plan.expectBodyContains)}${within}`);
  }
  if (plan.expectBodyMatches !== undefined && !new RegExp(plan.expectBodyMatches).test(body)) {
    problems.push(`body does not match /${plan.expectBodyMatches}/${within}`);
  }
  return problems;
}

function throwIfAborted(signal: AbortSignal | undefined, plan: HttpCheckPlan): void {
  if (signal?.aborted) {
    throw new HttpCheckError('aborted', `${plan.method} ${plan.displayUrl}: check cancelled`, { url: plan.displayUrl });
  }
}

function pause(ms: number, signal: AbortSignal | undefined, plan: HttpCheckPlan): Promise<void> {
  throwIfAborted(signal, plan);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(
        new HttpCheckError('aborted', `${plan.method} ${plan.displayUrl}: check cancelled`, { url: plan.displayUrl }),
      );
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
