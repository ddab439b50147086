import { describeFetchFailure } from '../http/fetch-failure';
import { PrometheusError } from './monitor-error';
import { readPrometheusAnswer } from './prometheus-answer';

// Prometheus as a second metrics source: named PromQL queries (monitoring.prometheus.queries),
// each giving one number. Instant queries feed the alert rules on a poll; query_range gives the
// series behind a chart or the report.

export interface PrometheusOptions {
  url: string;
  /** Metric name (as alert rules use it) → PromQL. */
  queries: Record<string, string>;
  intervalMs: number;
  /** Per request; default 5 s. */
  timeoutMs?: number;
  /** A poll that failed (the value of that query becomes unknown until the next poll works). */
  onError?(error: PrometheusError): void;
}

export interface RangePoint {
  /** Epoch ms. */
  at: number;
  value: number;
}

export interface PrometheusSource {
  /** The server as configured, for messages and monitor.started. */
  readonly server: string;
  /** Instant value of a named query (now, or at epoch ms `at`); undefined when it gives no series. */
  query(name: string, at?: number): Promise<number | undefined>;
  queryRange(name: string, fromMs: number, toMs: number, stepMs: number): Promise<RangePoint[]>;
  /** Evaluates every query once, in parallel; failures are reported to onError and read as unknown. */
  refresh(): Promise<Record<string, number | undefined>>;
  /** Polls every intervalMs (first poll at once) until stop(). */
  start(): void;
  latest(): Record<string, number | undefined>;
  stop(): void;
}

export function prometheusSource(options: PrometheusOptions): PrometheusSource {
  const server = options.url;
  const base = baseUrl(server);
  const timeoutMs = options.timeoutMs ?? 5000;
  const stopper = new AbortController();
  let values: Record<string, number | undefined> = {};
  let timer: NodeJS.Timeout | undefined;

  const promqlOf = (name: string): string => {
    const promql = options.queries[name];
    if (promql !== undefined) return promql;
    const known = Object.keys(options.queries).join(', ') || 'none';
    throw new PrometheusError('unknown-query', `Prometheus at ${server}: no query named "${name}" (known: ${known})`, {
      server,
      query: name,
    });
  };

  const call = async (name: string, path: string, params: Record<string, string>): Promise<unknown> => {
    const promql = promqlOf(name);
    const url = new URL(path, base);
    url.search = new URLSearchParams({ query: promql, ...params }).toString();
    const about = { server, query: name, promql };
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.any([stopper.signal, AbortSignal.timeout(timeoutMs)]) });
    } catch (error) {
      const why = describeFetchFailure(error, timeoutMs);
      throw new PrometheusError('unreachable', `Prometheus at ${server}: query "${name}" (${promql}): ${why}`, about);
    }
    return readPrometheusAnswer(response, about);
  };

  const refresh = async (): Promise<Record<string, number | undefined>> => {
    const names = Object.keys(options.queries);
    const results = await Promise.allSettled(names.map((name) => source.query(name)));
    const next: Record<string, number | undefined> = {};
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') next[names[i]!] = result.value;
      else if (!stopper.signal.aborted) options.onError?.(asPrometheusError(result.reason, server));
    });
    values = next;
    return { ...values };
  };

  const source: PrometheusSource = {
    server,
    async query(name, at) {
      const data = await call(name, 'api/v1/query', at === undefined ? {} : { time: String(at / 1000) });
      return instantValue(data, name, promqlOf(name), server);
    },
    async queryRange(name, fromMs, toMs, stepMs) {
      const params = { start: String(fromMs / 1000), end: String(toMs / 1000), step: `${stepMs / 1000}s` };
      const data = (await call(name, 'api/v1/query_range', params)) as { resultType?: string; result?: unknown[] };
      const series = single(data, 'matrix', name, promqlOf(name), server) as { values?: [number, string][] };
      return (series?.values ?? []).map(([t, v]) => ({ at: Math.round(t * 1000), value: Number(v) }));
    },
    refresh,
    start() {
      if (timer || stopper.signal.aborted) return;
      const started = Date.now();
      let round = 0;
      const poll = (): void => {
        void refresh().finally(() => {
          if (stopper.signal.aborted) return;
          // Next poll on the absolute schedule; a slow answer skips rounds rather than piling up.
          round = Math.max(round + 1, Math.ceil((Date.now() - started) / options.intervalMs));
          timer = setTimeout(poll, Math.max(0, started + round * options.intervalMs - Date.now()));
        });
      };
      timer = setTimeout(poll, 0);
    },
    latest: () => ({ ...values }),
    stop() {
      stopper.abort();
      if (timer) clearTimeout(timer);
    },
  };
  return source;
}

function baseUrl(server: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(server);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new PrometheusError(
      'invalid-url',
      `Prometheus server "${server}" is not an http(s) URL: write e.g. http://127.0.0.1:9090`,
      { server, field: 'monitoring.prometheus.url' },
    );
  }
  // A server under a path prefix (http://host/prometheus) keeps it: api/v1/… is resolved below it.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function instantValue(data: unknown, name: string, promql: string, server: string): number | undefined {
  const typed = data as { resultType?: string; result?: unknown };
  if (typed.resultType === 'scalar') return numberOf((typed.result as [number, string])[1]);
  const series = single(typed, 'vector', name, promql, server) as { value?: [number, string] } | undefined;
  return series?.value ? numberOf(series.value[1]) : undefined;
}

/** The one series of a result; undefined when there is none. A rule needs one number, so several is an error. */
function single(
  data: { resultType?: string; result?: unknown },
  expected: string,
  name: string,
  promql: string,
  server: string,
): unknown {
  const about = { server, query: name, promql };
  const where = `Prometheus at ${server}: query "${name}" (${promql})`;
  if (data.resultType !== expected || !Array.isArray(data.result)) {
    const got = data.resultType ?? 'no result type';
    throw new PrometheusError('bad-response', `${where} gives a ${got}, expected a ${expected}`, about);
  }
  if (data.result.length > 1) {
    const hint = 'aggregate it to one number, e.g. sum(…) or max(…)';
    throw new PrometheusError('bad-response', `${where} gives ${data.result.length} series; ${hint}`, about);
  }
  return data.result[0];
}

function numberOf(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function asPrometheusError(error: unknown, server: string): PrometheusError {
  if (error instanceof PrometheusError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PrometheusError('bad-response', `Prometheus at ${server}: ${message}`, { server });
}
