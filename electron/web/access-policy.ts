import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to the browser host. It listens on 127.0.0.1 only, but any web page the person
// visits could still reach 127.0.0.1, so every request needs the token printed at start-up (as
// Jupyter does), the Host header must be ours (DNS-rebinding defence), and a WebSocket opened by
// a browser must come from our own origin (cross-site WebSocket hijacking defence).

export type AccessDecision =
  | { allowed: true; setCookie?: string }
  | { allowed: false; status: 401 | 403; reason: string };

export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface AccessPolicy {
  readonly token: string;
  readonly cookieName: string;
  checkRequest(request: IncomingMessage): AccessDecision;
  checkUpgrade(request: IncomingMessage): AccessDecision;
}

export function createAccessPolicy(token: string, port: number): AccessPolicy {
  // Cookies are not scoped by port: two hosts on one machine must not overwrite each other's.
  const cookieName = `rp_token_${port}`;
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));

  const checkHost = (request: IncomingMessage): AccessDecision | undefined =>
    hosts.has(request.headers.host ?? '')
      ? undefined
      : { allowed: false, status: 403, reason: `Host header ${request.headers.host ?? '(none)'} is not this host` };

  const tokenFrom = (request: IncomingMessage) =>
    new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? undefined;

  return {
    token,
    cookieName,
    checkRequest(request) {
      const badHost = checkHost(request);
      if (badHost) return badHost;
      if (sameSecret(tokenFrom(request), token)) {
        // The page's own asset requests carry no query string: the cookie admits them.
        return {
          allowed: true,
          setCookie: `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        };
      }
      if (sameSecret(cookieValue(request.headers.cookie, cookieName), token)) return { allowed: true };
      return { allowed: false, status: 401, reason: 'missing or wrong token: open the URL the host printed' };
    },
    checkUpgrade(request) {
      const badHost = checkHost(request);
      if (badHost) return badHost;
      const origin = request.headers.origin;
      // Browsers always send Origin; a missing one is a non-browser client, which the token covers.
      if (origin !== undefined && !origins.has(origin)) {
        return { allowed: false, status: 403, reason: `WebSocket from origin ${origin} refused` };
      }
      if (!sameSecret(tokenFrom(request), token)) {
        return { allowed: false, status: 401, reason: 'missing or wrong token on the WebSocket' };
      }
      return { allowed: true };
    },
  };
}
