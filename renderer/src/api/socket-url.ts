/** Where the browser host serves the API (electron/web/web-host.ts `apiPath`). */
export const apiPath = '/api';

/**
 * The WebSocket address for the page's own host. Same host and port as the page, because the
 * host's origin check and CSP admit exactly that; `wss:` when the page came over https.
 */
export function apiSocketUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${apiPath}?token=${encodeURIComponent(token)}`;
}
