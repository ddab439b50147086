/**
 * Turns what fetch throws into words a release manager reads in a log. undici wraps the socket
 * error in `cause` (and an AggregateError when several addresses were tried), so the decision is
 * made on the error code, never on message text.
 */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (isNamed(error, 'TimeoutError')) return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const code = errorCode(cause);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
      return 'host not found (DNS)';
    case 'EAI_AGAIN':
      return 'DNS lookup failed (EAI_AGAIN)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection closed by the server before a full response';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timed out';
    case 'EHOSTUNREACH':
      return 'host unreachable';
    case 'ENETUNREACH':
      return 'network unreachable';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `timed out after ${timeoutMs} ms`;
    default:
      break;
  }
  if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `TLS certificate rejected (${code})`;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return code === undefined ? message : `${message} (${code})`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const first = (error as { errors?: unknown[] }).errors?.[0];
  return first === undefined ? undefined : errorCode(first);
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
