import { HttpCheckError } from './http-check-error';

export interface HttpCheckOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Accepted statuses; default any of 200–399. */
  expectStatus?: number[];
  expectBodyContains?: string;
  /** A regular expression's source (no slashes, no flags), as it is written in a runbook. */
  expectBodyMatches?: string;
  maxLatencyMs?: number;
  timeoutMs?: number;
  retries?: number;
  intervalMs?: number;
  /** Off by default: a health URL that redirects (to a login page, say) is worth seeing as such. */
  followRedirects?: boolean;
}

export type StatusExpectation = { kind: 'range'; min: number; max: number } | { kind: 'list'; codes: number[] };

/** A check as plain data, every default filled in: what a dry run prints and a unit test asserts. */
export interface HttpCheckPlan {
  kind: 'http-check';
  method: string;
  url: string;
  /** The URL with any password masked, for messages, logs and the journal. */
  displayUrl: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus: StatusExpectation;
  expectBodyContains?: string;
  expectBodyMatches?: string;
  maxLatencyMs?: number;
  timeoutMs: number;
  retries: number;
  intervalMs: number;
  followRedirects: boolean;
}

const methodPattern = /^[A-Z]+$/;

export function planHttpCheck(options: HttpCheckOptions): HttpCheckPlan {
  const method = (options.method ?? 'GET').toUpperCase();
  const raw = options.url;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new HttpCheckError('invalid-check', `http check: url ${JSON.stringify(raw)} is not a valid URL`, {
      url: raw,
    });
  }
  const displayUrl = maskPassword(parsed);
  const fail = (field: string, problem: string): never => {
    throw new HttpCheckError('invalid-check', `http check ${method} ${displayUrl}: ${field} ${problem}`, { field });
  };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail('url', `must be http or https`);
  if (!methodPattern.test(method)) fail('method', `${JSON.stringify(options.method)} is not an HTTP method`);
  if (options.body !== undefined && (method === 'GET' || method === 'HEAD'))
    fail('body', `is not allowed with ${method}`);

  const headers = { ...options.headers };
  try {
    new Headers(headers);
  } catch (error) {
    fail('headers', `are invalid (${(error as Error).message})`);
  }
  // fetch refuses URLs with credentials; send them the way a browser would instead.
  if (parsed.username !== '' || parsed.password !== '') {
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
      const user = decodeURIComponent(parsed.username);
      const pass = decodeURIComponent(parsed.password);
      headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    parsed.username = '';
    parsed.password = '';
  }

  const expectStatus = statusExpectation(options.expectStatus, fail);
  if (options.expectBodyMatches !== undefined) {
    try {
      new RegExp(options.expectBodyMatches);
    } catch (error) {
      fail('expectBodyMatches', `is not a valid regular expression (${(error as Error).message})`);
    }
  }
  const positive = (field: string, value: number | undefined, fallback: number, allowZero = false): number => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0))
      fail(field, `must be a ${allowZero ? 'non-negative' : 'positive'} number`);
    return v;
  };
  const retries = positive('retries', options.retries, 0, true);
  if (!Number.isInteger(retries)) fail('retries', 'must be a whole number');
  const plan: HttpCheckPlan = {
    kind: 'http-check',
    method,
    url: parsed.href,
    displayUrl,
    headers,
    expectStatus,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 10_000),
    retries,
    intervalMs: positive('intervalMs', options.intervalMs, 1000, true),
    followRedirects: options.followRedirects ?? false,
  };
  if (options.body !== undefined) plan.body = options.body;
  if (options.expectBodyContains !== undefined) plan.expectBodyContains = options.expectBodyContains;
  if (options.expectBodyMatches !== undefined) plan.expectBodyMatches = options.expectBodyMatches;
  if (options.maxLatencyMs !== undefined) plan.maxLatencyMs = positive('maxLatencyMs', options.maxLatencyMs, 0);
  return plan;
}

function statusExpectation(
  codes: number[] | undefined,
  fail: (field: string, problem: string) => never,
): StatusExpectation {
  if (codes === undefined) return { kind: 'range', min: 200, max: 399 };
  if (!Array.isArray(codes) || codes.length === 0) fail('expectStatus', 'must list at least one status');
  for (const code of codes) {
    if (!Number.isInteger(code) || code < 100 || code > 599)
      fail('expectStatus', `${JSON.stringify(code)} is not an HTTP status`);
  }
  return { kind: 'list', codes: [...codes] };
}

export function statusAccepted(expectation: StatusExpectation, status: number): boolean {
  return expectation.kind === 'range'
    ? status >= expectation.min && status <= expectation.max
    : expectation.codes.includes(status);
}

/** "200–399", "200", "200 or 204", "200, 201 or 204". */
export function describeStatusExpectation(expectation: StatusExpectation): string {
  if (expectation.kind === 'range') return `${expectation.min}–${expectation.max}`;
  const codes = expectation.codes.map(String);
  return codes.length === 1 ? codes[0]! : `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
}

const secretHeader = /authorization|cookie|token|secret|key|password/i;

/** One line for a dry run; values of headers that usually carry secrets are hidden. */
export function describeHttpCheck(plan: HttpCheckPlan): string {
  const parts = [`${plan.method} ${plan.displayUrl}`, `expect status ${describeStatusExpectation(plan.expectStatus)}`];
  const headers = Object.entries(plan.headers).map(
    ([name, value]) => `${name}: ${secretHeader.test(name) ? '…' : value}`,
  );
  if (headers.length > 0) parts.push(`headers ${headers.join(', ')}`);
  if (plan.expectBodyContains !== undefined) parts.push(`body contains ${JSON.stringify(plan.expectBodyContains)}`);
  if (plan.expectBodyMatches !== undefined) parts.push(`body matches /${plan.expectBodyMatches}/`);
  if (plan.maxLatencyMs !== undefined) parts.push(`latency ≤ ${plan.maxLatencyMs} ms`);
  parts.push(`timeout ${plan.timeoutMs} ms`);
  if (plan.retries > 0) parts.push(`${plan.retries} retries every ${plan.intervalMs} ms`);
  return parts.join(', ');
}

function maskPassword(url: URL): string {
  if (url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href;
}
