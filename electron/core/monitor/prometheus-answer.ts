import { PrometheusError } from './monitor-error';

// Prometheus's HTTP API answers { status: "success", data } or { status: "error", errorType,
// error }; a proxy in front of it may answer anything. Turns both into data or a named error.

type QueryAbout = {
  server: string;
  query: string;
  promql: string;
};

export async function readPrometheusAnswer(response: Response, about: QueryAbout): Promise<unknown> {
  const where = `Prometheus at ${about.server}: query "${about.query}" (${about.promql})`;
  const text = await response.text();
  let body: { status?: string; data?: unknown; errorType?: string; error?: string } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (body?.status === 'error') {
    const detail = `${body.errorType ?? 'error'}: ${body.error ?? 'no detail'}`;
    // bad_data is the PromQL (or its parameters); execution errors are the query too (too many samples…).
    const code = body.errorType === 'bad_data' || body.errorType === 'execution' ? 'bad-query' : 'http-error';
    const verb = code === 'bad-query' ? 'was rejected' : `failed (HTTP ${response.status})`;
    throw new PrometheusError(code, `${where} ${verb}: ${detail}`, { ...about, status: response.status });
  }
  if (!response.ok) {
    const snippet = text.trim().slice(0, 200) || 'empty body';
    throw new PrometheusError('http-error', `${where}: HTTP ${response.status}: ${snippet}`, {
      ...about,
      status: response.status,
    });
  }
  if (body?.status !== 'success' || typeof body.data !== 'object' || body.data === null) {
    const snippet = text.trim().slice(0, 120) || 'empty body';
    throw new PrometheusError('bad-response', `${where}: not a Prometheus API answer: ${snippet}`, about);
  }
  return body.data;
}
