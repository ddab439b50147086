import { describeFetchFailure } from '../http/fetch-failure';
import { abandonedMessage, NotifyError } from './notify-error';

// POSTs a JSON payload to a webhook. Redirects are not followed: the body goes only where the
// configuration said (a redirect could hand a message, or a token in its URL, to another host).

export interface WebhookRequest {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** How errors name the receiver: never the resolved URL, which may carry a token. */
  display: string;
}

const snippetChars = 200;

/** Statuses worth another try: the receiver is busy or briefly broken, not refusing the message. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export async function postWebhook(request: WebhookRequest): Promise<{ status: number }> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new NotifyError('invalid-url', `${request.display}: the secret does not hold a URL`, true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NotifyError('invalid-url', `${request.display}: only http:// and https:// URLs can be posted to`, true);
  }
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...request.headers },
      body: JSON.stringify(request.body),
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (request.signal?.aborted) {
      throw new NotifyError('abandoned', `${request.display}: ${abandonedMessage}`, true);
    }
    const timedOut = timeout.aborted;
    const why = timedOut ? `no answer within ${request.timeoutMs} ms` : describeFetchFailure(error, request.timeoutMs);
    throw new NotifyError(timedOut ? 'timeout' : 'unreachable', `${request.display}: ${why}`, false);
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) return { status: response.status };
  const snippet = text.trim().replace(/\s+/g, ' ').slice(0, snippetChars);
  const where =
    response.status >= 300 && response.status < 400
      ? ` (redirect to ${response.headers.get('location') ?? '?'}, not followed)`
      : '';
  throw new NotifyError(
    'rejected',
    `${request.display}: answered ${response.status} ${response.statusText}${where}${snippet ? ` — ${snippet}` : ''}`,
    !retryable(response.status),
    { status: response.status },
  );
}
