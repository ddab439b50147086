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

/**
 * What the page asks over plain HTTP while its socket will not open (app/host-probe.ts): the
 * page's own address with the page's token. The token is in the URL and the request goes without
 * cookies, so the answer is about this token exactly as the socket's upgrade is: 401 when the
 * host refuses it (the tab's cookie, perhaps renewed by another tab, cannot hide that).
 */
export function hostProbeUrl(token: string): string {
  return `/?token=${encodeURIComponent(token)}`;
}
