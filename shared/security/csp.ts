// One Content-Security-Policy for both hosts. The renderer is our own bundle only: no inline
// script, no eval, no remote code. `connect-src` allows the browser host's own WebSocket;
// Electron's IPC needs no connect-src at all. Inline styles are allowed because React's `style`
// props set them; that admits no script.

export function contentSecurityPolicy(options: { websocketOrigin?: string } = {}): string {
  const connect = ["'self'", options.websocketOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
